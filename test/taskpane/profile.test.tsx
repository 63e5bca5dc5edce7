/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { DeployedProfile, loadDeployedProfile } from "../../src/deployed-profile";
import { defaultProfile, profileFromText } from "../../src/template/profile";
import { formItem } from "../support/workbooks";
import { hostOf } from "./host";

const shipped = (text: string) => async (): Promise<DeployedProfile> => {
  const { profile, error } = profileFromText(text, "profile.json");
  return error === undefined ? { profile, file: "profile.json", error: null } : { profile: defaultProfile, file: "profile.json", error };
};

async function validate() {
  await waitFor(() => expect(screen.queryByText(/ブックを読み込んでいます/)).toBeNull());
  fireEvent.click(screen.getByRole("button", { name: "検証" }));
  await screen.findByText(/エラー \d+ 件 \/ 警告 \d+ 件/);
}

describe("the deployment's profile in the task pane", () => {
  test("named in the pane and used to read: a form whose items are headed 「取組 N」", async () => {
    const host = await hostOf([1, 2].map((no) => ({ ...formItem(no), no: `取組 ${no}` })));
    render(<App api={host} loadProfile={shipped(JSON.stringify({ name: "北区版", itemLabels: ["取組"] }))} />);
    expect((await screen.findByTestId("profile")).textContent).toBe("様式プロファイル: 北区版（profile.json）");
    await validate();
    expect(screen.getByText("中間振り返りとして検証しました（取組項目 2 件）")).toBeTruthy();
  });

  test("none shipped: the built-in profile, named as such; no error", async () => {
    const host = await hostOf([formItem(1)]);
    render(<App api={host} />);
    expect((await screen.findByTestId("profile")).textContent).toBe(`様式プロファイル: ${defaultProfile.name}（既定）`);
    expect(screen.queryByText(/様式プロファイルを使えません/)).toBeNull();
  });

  test("a broken one: the CLI's message, and the built-in profile reads the workbook", async () => {
    const host = await hostOf([formItem(1)]);
    render(<App api={host} loadProfile={shipped(JSON.stringify({ fields: { "final.achievement": { placement: "sideways" } } }))} />);
    await screen.findByText("様式プロファイルを使えません。既定のプロファイルで読み取ります（管理者に連絡してください）");
    expect(screen.getByText(/^プロファイルが正しくありません（fields\.final\.achievement\.placement: .*）: profile\.json$/)).toBeTruthy();
    expect(screen.getByTestId("profile").textContent).toBe(`様式プロファイル: ${defaultProfile.name}（既定）`);
    await validate();
    expect(screen.getByText("中間振り返りとして検証しました（取組項目 1 件）")).toBeTruthy();
  });
});

describe("loadDeployedProfile", () => {
  const respond = (status: number, body = "") => async () => ({ ok: status >= 200 && status < 300, status, text: async () => body });

  test.each<[string, Parameters<typeof loadDeployedProfile>[0], Partial<DeployedProfile>]>([
    ["no fetch (not a browser)", undefined, { file: null, error: null }],
    ["404: none shipped", respond(404), { file: null, error: null }],
    ["a shipped profile", respond(200, '\uFEFF{ "name": "北区版" }'), { file: "profile.json", error: null }],
    ["500", respond(500), { file: "profile.json", error: "プロファイルを読み込めません: profile.json" }],
    [
      "offline",
      async () => {
        throw new TypeError("Failed to fetch");
      },
      { file: "profile.json", error: "プロファイルを読み込めません: profile.json" },
    ],
    ["not JSON", respond(200, "{ name: 北区版 }"), { file: "profile.json", error: expect.stringMatching(/^プロファイルが正しくありません（JSON として読めません: .*）: profile\.json$/) }],
    ["an empty item label list", respond(200, '{ "itemLabels": [] }'), { file: "profile.json", error: expect.stringMatching(/^プロファイルが正しくありません（itemLabels: .*）: profile\.json$/) }],
  ])("%s", async (_name, fetcher, expected) => {
    const loaded = await loadDeployedProfile(fetcher);
    expect(loaded).toMatchObject(expected);
    expect(loaded.profile.name).toBe(expected.error || !expected.file ? defaultProfile.name : "北区版");
  });
});
