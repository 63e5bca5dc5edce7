/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { readWorkbookFile, rollUpRunner } from "../../src/taskpane/roll-up";
import type { RunRollUp } from "../../src/taskpane/RollUpPanel";
import { buildFormWorkbook } from "../../tools/form/builder";
import { formItem } from "../support/workbooks";
import { hostOf } from "./host";

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

async function renderWith(run: RunRollUp, startWithRollUp = false) {
  const host = await hostOf([formItem(1)]);
  render(<App api={host} rollUp={run} startWithRollUp={startWithRollUp} />);
  await waitFor(() => expect(screen.queryByText("ブックを読み込んでいます…")).toBeNull());
}

function pick(files: File[]) {
  const input = screen.getByLabelText("ファイルを選ぶ…", { selector: "input" }) as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
}

describe("複数のブックを集計", () => {
  test("offered as a button that opens the panel; the ribbon's command opens the pane with it", async () => {
    await renderWith(async () => ({ sheets: [], summarised: 0 }));
    expect(screen.queryByRole("heading", { name: "複数のブックを集計" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "複数のブックを集計…" }));
    expect(screen.getByRole("heading", { name: "複数のブックを集計" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "複数のブックを集計…" }).getAttribute("aria-expanded")).toBe("true");
  });

  test("pick three files: each one's status while they are read, n / total, then the sheets written; a broken one listed with its reason", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run: RunRollUp = async (files, { onProgress }) => {
      onProgress(0, { state: "reading" });
      onProgress(0, { state: "done", items: 19 });
      onProgress(1, { state: "reading" });
      await gate;
      onProgress(1, { state: "failed", reason: ".xlsx ファイルではありません" });
      onProgress(2, { state: "done", items: 2 });
      expect(files.map((f) => f.name)).toEqual(["天王寺区.xlsx", "壊れた.xlsx", "北区.xlsx"]);
      return { sheets: ["全体集計", "ファイル別集計"], summarised: 2 };
    };
    await renderWith(run, true);
    pick([xlsx("天王寺区.xlsx"), xlsx("壊れた.xlsx"), xlsx("北区.xlsx")]);
    const list = screen.getByRole("list", { name: "選んだファイル" });
    expect(within(list).getAllByText("待機中")).toHaveLength(3);

    fireEvent.click(screen.getByRole("button", { name: "3 ファイルを集計" }));
    await screen.findByText("取組項目 19 件");
    expect(screen.getByText("読み込み中…")).toBeTruthy();
    expect(screen.getByText("1 / 3 ファイル")).toBeTruthy();
    expect(screen.getByRole("button", { name: "中止" })).toBeTruthy();

    await act(async () => release());
    await screen.findByText(/「全体集計」「ファイル別集計」シートを作成しました（3 ファイル中 2 ファイルを集計）/);
    expect(screen.getByText("読み込めません: .xlsx ファイルではありません")).toBeTruthy();
    expect(screen.getByText("3 / 3 ファイル")).toBeTruthy();
  });

  test("中止 stops the run: nothing is written, and it says so", async () => {
    const run: RunRollUp = (_files, { signal }) =>
      new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    await renderWith(run, true);
    pick([xlsx("a.xlsx"), xlsx("b.xlsx")]);
    fireEvent.click(screen.getByRole("button", { name: "2 ファイルを集計" }));
    fireEvent.click(await screen.findByRole("button", { name: "中止" }));
    expect((await screen.findByRole("alert")).textContent).toBe("中止しました。ブックは変更していません。");
    expect(screen.getByRole("button", { name: "2 ファイルを集計" })).toBeTruthy();
  });

  test("files dropped on the panel are taken; what is not .xlsx is left out, with a note", async () => {
    await renderWith(async () => ({ sheets: [], summarised: 0 }), true);
    const drop = screen.getByTestId("roll-up-drop");
    fireEvent.dragOver(drop, { dataTransfer: { files: [] } });
    fireEvent.drop(drop, { dataTransfer: { files: [xlsx("a.xlsx"), new File(["x"], "memo.txt", { type: "text/plain" }), xlsx("b.XLSX")] } });
    const list = screen.getByRole("list", { name: "選んだファイル" });
    expect(within(list).getAllByRole("listitem").map((li) => li.firstChild?.textContent)).toEqual(["a.xlsx", "b.XLSX"]);
    expect(screen.getByRole("alert").textContent).toBe(".xlsx ではない 1 ファイルは除きました。");
  });

  test("an error while writing is shown, and the files stay listed", async () => {
    await renderWith(async () => {
      throw new Error("ブックの構成が保護されているため、シートを追加できません。");
    }, true);
    pick([xlsx("a.xlsx")]);
    fireEvent.click(screen.getByRole("button", { name: "1 ファイルを集計" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/保護されている/);
    expect(screen.getByText("a.xlsx")).toBeTruthy();
  });
});

describe("複数のブックを集計 with the host: files read, summarised and written", () => {

  test("pick 3 files, one broken: two summarised into 全体集計 and ファイル別集計, one listed with its reason", async () => {
    const host = await hostOf([formItem(1)]);
    const ward = async (items: ReturnType<typeof formItem>[]) => new Uint8Array(await buildFormWorkbook(items).xlsx.writeBuffer());
    const files = [
      new File([await ward([formItem(1), formItem(2)])], "北区.xlsx"),
      new File([new Uint8Array([1, 2, 3])], "壊れた.xlsx"),
      new File([await ward([formItem(1, { midyear: { implementation: "(ii)", achievement: "②" } })])], "南区.xlsx"),
    ];
    render(<App api={host} rollUp={rollUpRunner(host, readWorkbookFile, () => new Date(2026, 10, 25, 9, 30))} startWithRollUp />);
    await waitFor(() => expect(screen.queryByText("ブックを読み込んでいます…")).toBeNull());
    pick(files);
    fireEvent.click(screen.getByRole("button", { name: "3 ファイルを集計" }));
    await screen.findByText(/「全体集計」「ファイル別集計」シートを作成しました（3 ファイル中 2 ファイルを集計）/, undefined, { timeout: 10_000 });
    expect(screen.getByText(/^読み込めません: .+/, { selector: "span" }).textContent).toMatch(/xlsx/);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "全体集計", "ファイル別集計"]);
    const perFile = [...host.workbook.sheets[2].cells.values()].map((c) => c.value);
    expect(perFile).toEqual(expect.arrayContaining(["北区.xlsx", "南区.xlsx", "壊れた.xlsx", "OK"]));
  });
});
