/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { formItem } from "../support/workbooks";
import { hostOf } from "./host";

/** Writes `value` over the form's cell that holds `text`, through the API (as a user's edit reaches Excel). */
async function overwrite(host: Awaited<ReturnType<typeof hostOf>>, text: string, value: string) {
  const [key] = [...host.workbook.sheets[0].cells].find(([, c]) => c.value === text)!;
  await host.Excel.run(async (context) => {
    context.workbook.worksheets.getItem("取組項目").getCell(Math.floor(key / 16_384), key % 16_384).values = [[value]];
    await context.sync();
  });
}

describe("a 集計 whose links no longer find their items (#16)", () => {
  test("the pane says so after 検証 and offers to rebuild it; rebuilt, the warning is gone", async () => {
    const host = await hostOf([formItem(1), formItem(2), formItem(3)]);
    render(<App api={host} />);
    await waitFor(() => expect(screen.queryByText("ブックを読み込んでいます…")).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "集計" }));
    await screen.findByText("「集計」シートを作成しました");
    expect(screen.queryByText("集計を作り直してください")).toBeNull();

    // The form is restructured: another block is pasted over item 1's heading.
    await overwrite(host, "取組項目1", "取組の方針・目標内容");
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await screen.findByText("集計を作り直してください");
    expect(screen.getByText(/「集計」シートの 1 件の取組項目で、参照先のセルが取組項目の内容ではなくなっています/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "集計を作り直す" }));
    await screen.findByText("「集計」シートを作成しました");
    expect(screen.queryByText("集計を作り直してください")).toBeNull();
  });

  test("opening the pane on a workbook whose 集計 went stale shows the offer at once", async () => {
    const host = await hostOf([formItem(1), formItem(2)]);
    const { unmount } = render(<App api={host} />);
    await waitFor(() => expect(screen.queryByText("ブックを読み込んでいます…")).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "集計" }));
    await screen.findByText("「集計」シートを作成しました");
    unmount();
    await overwrite(host, "取組項目2", "");
    render(<App api={host} />);
    await screen.findByText("集計を作り直してください");
  });
});
