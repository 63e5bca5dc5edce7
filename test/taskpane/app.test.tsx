/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { cellKey } from "../../src/excel-sim/workbook";
import { formItem } from "../support/workbooks";
import { failOnUnhandledRejections } from "../support/rejections";
import { hostOf } from "./host";

type Host = Awaited<ReturnType<typeof hostOf>>;

failOnUnhandledRejections();

async function renderApp(host: Host) {
  const view = render(<App api={host} />);
  // The workbook is read once on open to infer the phase.
  await waitFor(() => expect(screen.queryByText(/ブックを読み込んでいます|Reading the workbook/)).toBeNull());
  return view;
}

const radio = (name: string) => screen.getByRole("radio", { name }) as HTMLInputElement;

/** Item 1 lacks its 達成見込み, item 2 is ② without a remark, item 3 is complete. */
const withProblems = () => [
  formItem(1, { midyear: { implementation: "(i)", achievement: null } }),
  formItem(2, { midyear: { implementation: "(i)", achievement: "②" } }),
  formItem(3),
];

describe("phase", () => {
  test("defaults to the phase inferred from the workbook, with a note", async () => {
    const host = await hostOf([formItem(1), formItem(2)]);
    await renderApp(host);
    expect(radio("中間振り返り").checked).toBe(true);
    expect(screen.getByText("自動判定: 中間振り返り（記入内容から判定）")).toBeTruthy();
  });

  test("自己評価 when a self-evaluation is filled; 計画 when nothing is rated", async () => {
    const final = await hostOf([formItem(1, { final: { result: "実績", achievement: "①" } })]);
    const { unmount } = await renderApp(final);
    expect(radio("自己評価").checked).toBe(true);
    unmount();
    await renderApp(await hostOf([formItem(1, { midyear: {} })]));
    expect(radio("計画").checked).toBe(true);
  });
});

describe("検証", () => {
  test("shows the spinner, then the count line and the findings grouped by item", async () => {
    const host = await hostOf(withProblems());
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("検証しています…")).toBeTruthy();

    await screen.findByText("エラー 2 件 / 警告 0 件");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("中間振り返りとして検証しました（取組項目 3 件）")).toBeTruthy();
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["取組項目 1【取組1】", "取組項目 2【取組2】"]);

    const item1 = screen.getByRole("list", { name: "取組項目 1【取組1】" });
    const [missing] = within(item1).getAllByRole("button");
    expect(missing.textContent).toContain("エラー");
    expect(missing.textContent).toContain("取組項目1の「目標の達成見込み」が未入力です。");
    expect(missing.textContent).toMatch(/取組項目!C\d+ へ移動$/);
    const item2 = screen.getByRole("list", { name: "取組項目 2【取組2】" });
    expect(within(item2).getByRole("button").textContent).toContain("「課題と改善策」の記入が必須です");
  });

  test("clicking a finding selects its cell and sheet in the host", async () => {
    const host = await hostOf(withProblems(), {}, { sheets: "per-item" });
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await screen.findByText("エラー 2 件 / 警告 0 件");

    const finding = within(screen.getByRole("list", { name: "取組項目 2【取組2】" })).getByRole("button");
    const [sheet, cell] = [finding.dataset.sheet!, finding.dataset.cell!];
    expect(sheet).toBe("取組項目2");
    expect(finding.textContent).toContain(`${sheet}!${cell}`);
    fireEvent.click(finding);
    await waitFor(() => expect(host.selection()).toMatchObject({ sheet, address: cell }));
    expect(host.activeSheet()).toBe(sheet);
    expect(finding.getAttribute("aria-current")).toBe("true");
  });

  test("no findings: a success message", async () => {
    const host = await hostOf([formItem(1), formItem(2)]);
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await screen.findByText("問題は見つかりませんでした");
    expect(screen.getByText("エラー 0 件 / 警告 0 件")).toBeTruthy();
    expect(screen.queryAllByRole("heading", { level: 3 })).toEqual([]);
  });

  test("the chosen phase is the one checked", async () => {
    const host = await hostOf([formItem(1), formItem(2)]);
    await renderApp(host);
    fireEvent.click(radio("自己評価"));
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await screen.findByText("エラー 4 件 / 警告 0 件");
    expect(screen.getByText("自己評価として検証しました（取組項目 2 件）")).toBeTruthy();
  });
});

describe("Excel errors", () => {
  test("cell-edit mode: the reason is shown in the pane, on open and on 検証, never an unhandled rejection", async () => {
    const host = await hostOf(withProblems(), { editMode: true });
    await renderApp(host);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("セルを編集中のため実行できません");
    expect(radio("計画").checked).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(screen.getByRole("alert").textContent).toContain("セルを編集中のため実行できません");
    expect(screen.queryByText(/エラー \d+ 件/)).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, 20)));
  });
});

describe("what Excel's limits left out", () => {
  test("a stray value far from the form: 検証 works and the pane says in one line what it did not read", async () => {
    const host = await hostOf(withProblems());
    host.workbook.sheets[0].cells.set(cellKey(1_048_575, 16_383), { value: "x" });
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await screen.findByText("エラー 2 件 / 警告 0 件");
    expect(screen.getByText("ご注意ください")).toBeTruthy();
    expect(screen.getByText(/XFD1048576 にある値は、表から離れすぎているため読み取っていません/)).toBeTruthy();
  });
});

describe("集計", () => {
  test("writes the 集計 sheet and says so", async () => {
    const host = await hostOf(withProblems());
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "集計" }));
    expect(screen.getByText("集計しています…")).toBeTruthy();
    await screen.findByText("「集計」シートを作成しました");
    expect(host.activeSheet()).toBe("集計");
  });
});

describe("English", () => {
  test("displayLanguage en-US: English labels and messages", async () => {
    const host = await hostOf(withProblems(), { displayLanguage: "en-US" });
    await renderApp(host);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Evaluation check");
    expect(radio("Mid-year review").checked).toBe(true);
    expect(screen.getByText("Detected: Mid-year review (from what is filled in)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByText("2 errors / 0 warnings");
    expect(screen.getByText("Item 1: achievement outlook is empty. Enter one of ①・②.", { exact: false })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Item 2【取組2】" })).toBeTruthy();
    expect(screen.getAllByText("Error").length).toBe(2);
  });
});
