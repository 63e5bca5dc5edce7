/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { formItem } from "../support/workbooks";
import { failOnUnhandledRejections } from "../support/rejections";
import { hostOf } from "./host";
import type { HostOptions } from "../../src/excel-sim/host";

type Host = Awaited<ReturnType<typeof hostOf>>;

failOnUnhandledRejections();

async function renderApp(host: Host) {
  const view = render(<App api={host} />);
  await waitFor(() => expect(screen.queryByText(/ブックを読み込んでいます/)).toBeNull());
  return view;
}

const button = (name: string) => screen.getByRole("button", { name });

async function validated(items = problems(), options: HostOptions = { apiSets: { ExcelApi: "1.14" } }) {
  const host = await hostOf(items, options);
  const view = await renderApp(host);
  fireEvent.click(button("検証"));
  await screen.findByText(/^エラー \d+ 件/);
  return { host, view };
}

/** Item 1 lacks its 達成見込み; item 2 is ② without a remark; item 3 is complete. */
const problems = () => [formItem(1, { midyear: { implementation: "(i)", achievement: null } }), formItem(2, { midyear: { implementation: "(i)", achievement: "②" } }), formItem(3)];

const validations = (host: Host) => host.workbook.sheets.reduce((n, s) => n + (s.validations?.size ?? 0), 0);
const marks = (host: Host) => host.workbook.sheets.reduce((n, s) => n + (s.conditionalFormats?.length ?? 0), 0);

describe("入力規則を設定", () => {
  test("sets the lists and says how many; a second press sets none", async () => {
    const host = await hostOf(problems());
    await renderApp(host);
    fireEvent.click(button("入力規則を設定"));
    await screen.findByText("評価のセル 9 か所に選択肢（入力規則）を設定しました。");
    expect(validations(host)).toBe(9);
    fireEvent.click(button("入力規則を設定"));
    await screen.findByText("新たに設定するセルはありませんでした。（9 か所は設定済み）");
  });

  test("an Excel before ExcelApi 1.8: the pane says what it lacks, before and instead of writing", async () => {
    const host = await hostOf(problems(), { apiSets: { ExcelApi: "1.7" } });
    await renderApp(host);
    expect(screen.getByText(/この Excel（ExcelApi 1.8 より前）は入力規則の設定に対応していない/)).toBeTruthy();
    const syncs = host.stats.syncs;
    fireEvent.click(button("入力規則を設定"));
    expect(screen.getByRole("alert").textContent).toContain("ExcelApi 1.8 より前");
    expect(host.stats.syncs).toBe(syncs);
    expect(validations(host)).toBe(0);
  });

  test("before ExcelApi 1.20 the pane says Ctrl+Z cannot undo it; with 1.20 it says one Ctrl+Z does, and it does", async () => {
    const old = await hostOf(problems());
    const { unmount } = await renderApp(old);
    expect(screen.getByText(/ExcelApi 1.20 より前）では、入力規則・強調表示・集計を Ctrl\+Z で元に戻せません/)).toBeTruthy();
    unmount();

    const host = await hostOf(problems(), { apiSets: { ExcelApi: "1.20" } });
    await renderApp(host);
    expect(screen.queryByText(/Ctrl\+Z で元に戻せません/)).toBeNull();
    fireEvent.click(button("入力規則を設定"));
    await screen.findByText(/Ctrl\+Z を 1 回押すと元に戻せます。/);
    host.undo();
    expect(validations(host)).toBe(0);
  });
});

describe("集計 and Ctrl+Z", () => {
  test("ExcelApi 1.20: the pane says one Ctrl+Z takes 集計 back, and it does", async () => {
    const host = await hostOf(problems(), { apiSets: { ExcelApi: "1.20" } });
    await renderApp(host);
    const sheets = host.workbook.sheets.map((s) => s.name);
    fireEvent.click(button("集計"));
    await screen.findByText("「集計」シートを作成しました。Ctrl+Z を 1 回押すと元に戻せます。");
    expect(host.undo()).toBe(true);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(sheets);
  });

  test("before ExcelApi 1.20 the pane says so before 集計, next to it, and 集計 says nothing of Ctrl+Z", async () => {
    const host = await hostOf(problems(), { apiSets: { ExcelApi: "1.19" } });
    await renderApp(host);
    const note = screen.getByText("この Excel（ExcelApi 1.20 より前）では、入力規則・強調表示・集計を Ctrl+Z で元に戻せません。");
    expect(button("集計").getAttribute("aria-describedby")?.split(" ")).toContain(note.id);
    fireEvent.click(button("集計"));
    await screen.findByText("「集計」シートを作成しました");
  });
});

describe("強調表示", () => {
  test("needs a result; colours the cells of the findings, says so, and 解除 takes the colours away", async () => {
    const host = await hostOf(problems());
    await renderApp(host);
    expect(button("強調表示").getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button("検証"));
    await screen.findByText("エラー 2 件 / 警告 0 件");
    fireEvent.click(button("強調表示"));
    await screen.findByText("指摘のあるセルに色を付けました（エラー 2 か所 / 警告 0 か所）。");
    expect(marks(host)).toBe(2);
    expect(screen.getByTestId("highlight-state").textContent).toMatch(/^強調表示中: 中間振り返り・.* の検証結果（エラー 2 か所 \/ 警告 0 か所）$/);
    fireEvent.click(button("強調表示を解除"));
    await screen.findByText("強調表示を解除しました（2 か所）。");
    expect(marks(host)).toBe(0);
    expect(screen.queryByTestId("highlight-state")).toBeNull();
  });
});

describe("live re-check", () => {
  test("an edit re-checks: the finding goes, the others keep their elements, the change is announced", async () => {
    const { host } = await validated();
    const list1 = screen.getByRole("list", { name: "取組項目 1【取組1】" });
    const gone = within(list1).getByRole("button");
    const stays = within(screen.getByRole("list", { name: "取組項目 2【取組2】" })).getByRole("button");
    stays.focus();
    act(() => void host.typeInto(gone.dataset.sheet!, gone.dataset.cell!, "①"));
    await screen.findByText("エラー 1 件 / 警告 0 件");
    expect(screen.queryByRole("list", { name: "取組項目 1【取組1】" })).toBeNull();
    expect(within(screen.getByRole("list", { name: "取組項目 2【取組2】" })).getByRole("button")).toBe(stays);
    expect(document.activeElement).toBe(stays);
    expect(screen.getByTestId("announcement").textContent).toBe("入力に合わせて再検証しました。エラー 1 件 / 警告 0 件、1 件解消。");
  });

  test("when the focused finding goes, focus moves to its neighbour", async () => {
    const { host } = await validated();
    const first = within(screen.getByRole("list", { name: "取組項目 1【取組1】" })).getByRole("button");
    first.focus();
    act(() => void host.typeInto(first.dataset.sheet!, first.dataset.cell!, "①"));
    await screen.findByText("エラー 1 件 / 警告 0 件");
    expect(document.activeElement).toBe(within(screen.getByRole("list", { name: "取組項目 2【取組2】" })).getByRole("button"));
  });

  test("a sheet renamed since 検証: the re-check cannot read it and the pane says to validate again", async () => {
    const { host } = await validated();
    const first = within(screen.getByRole("list", { name: "取組項目 1【取組1】" })).getByRole("button");
    host.workbook.sheets[0].name = "改名";
    act(() => void host.typeInto("改名", first.dataset.cell!, "①"));
    await screen.findByText("自動の再検証ができませんでした（シートの名前が変わったなど）。もう一度「検証」を押してください。", { selector: "div:not([data-testid])" });
    fireEvent.click(button("検証"));
    await waitFor(() => expect(screen.queryByText(/自動の再検証ができませんでした/, { selector: "div:not([data-testid])" })).toBeNull());
  });

  test("after a highlight, a changed result says the colours are from before", async () => {
    const { host } = await validated();
    fireEvent.click(button("強調表示"));
    await screen.findByText(/指摘のあるセルに色を付けました/);
    const first = within(screen.getByRole("list", { name: "取組項目 1【取組1】" })).getByRole("button");
    act(() => void host.typeInto(first.dataset.sheet!, first.dataset.cell!, "①"));
    await screen.findByText(/検証結果が変わりました。色はそのままです。/);
  });
});

describe("a stale 集計", () => {
  test("集計 made for another phase: the pane says so and 再作成 makes it again", async () => {
    const { host } = await validated();
    fireEvent.click(screen.getByRole("radio", { name: "自己評価" }));
    fireEvent.click(button("集計"));
    await screen.findByText("「集計」シートを作成しました");
    expect(screen.queryByTestId("stale")).not.toBeNull(); // the result shown is still the 中間振り返り one
    expect(screen.getByTestId("stale").textContent).toMatch(/自己評価・.* の検証結果で作られています。今の検証結果は 中間振り返り です。/);

    fireEvent.click(screen.getByRole("radio", { name: "中間振り返り" }));
    fireEvent.click(within(screen.getByTestId("stale")).getByRole("button", { name: "再作成" }));
    await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
    expect(JSON.parse(host.workbook.settings!.get("hyoka.summary")!).phase).toBe("midyear");
  });

  test("findings changed since 集計 (an edit): stale; the stamp survives a reopen of the pane", async () => {
    const { host, view } = await validated();
    fireEvent.click(button("集計"));
    await screen.findByText("「集計」シートを作成しました");
    expect(screen.queryByTestId("stale")).toBeNull();
    view.unmount();

    await renderApp(host);
    fireEvent.click(button("検証"));
    await screen.findByText("エラー 2 件 / 警告 0 件");
    expect(screen.queryByTestId("stale")).toBeNull();
    const first = within(screen.getByRole("list", { name: "取組項目 1【取組1】" })).getByRole("button");
    act(() => void host.typeInto(first.dataset.sheet!, first.dataset.cell!, "①"));
    await screen.findByTestId("stale");
    expect(screen.getByTestId("stale").textContent).toContain("その後、指摘が変わりました。");
  });
});

describe("the findings list", () => {
  test("links: the place reads 「… へ移動」, a visible hint; Enter on a finding goes to its cell", async () => {
    const { host } = await validated();
    expect(screen.getByText("選択するとセルに移動します")).toBeTruthy();
    const finding = within(screen.getByRole("list", { name: "取組項目 2【取組2】" })).getByRole("button");
    expect(finding.textContent).toMatch(/取組項目![A-Z]+\d+ へ移動$/);
    expect(finding.querySelector("svg[aria-hidden='true']")).not.toBeNull();
    fireEvent.click(finding); // a button: Enter and Space click it
    await waitFor(() => expect(host.selection()).toMatchObject({ address: finding.dataset.cell }));
  });

  test("more than ten findings: filters by kind and by item", async () => {
    const many = Array.from({ length: 6 }, (_, i) => formItem(i + 1, { midyear: { implementation: "(ii)", achievement: "①" } }));
    await validated(many.concat(Array.from({ length: 6 }, (_, i) => formItem(i + 7, { midyear: { implementation: "(i)", achievement: null } }))));
    const kind = screen.getByLabelText("種類") as HTMLSelectElement;
    const item = screen.getByLabelText("取組項目") as HTMLSelectElement;
    const count = () => document.querySelectorAll("button[data-code]").length;
    const total = count();
    expect(total).toBeGreaterThan(10);
    fireEvent.change(kind, { target: { value: "warnings" } });
    expect([...document.querySelectorAll("button[data-code]")].every((b) => b.textContent!.startsWith("警告"))).toBe(true);
    fireEvent.change(kind, { target: { value: "all" } });
    fireEvent.change(item, { target: { value: "item-7" } });
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["取組項目 7【取組7】"]);
    expect(screen.getByText(`${total} 件中 ${count()} 件を表示`)).toBeTruthy();
  });

  test("ten or fewer: no filters", async () => {
    await validated();
    expect(screen.queryByLabelText("種類")).toBeNull();
  });
});
