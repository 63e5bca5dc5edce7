/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { formItem } from "../support/workbooks";
import { formsHost } from "../support/hosts";
import { hostOf } from "./host";

type Host = Awaited<ReturnType<typeof hostOf>>;

async function validated(host: Host) {
  render(<App api={host} />);
  await waitFor(() => expect(screen.queryByText(/ブックを読み込んでいます|Reading the workbook/)).toBeNull());
  fireEvent.click(screen.getByRole("button", { name: "検証" }));
  await screen.findByText(/エラー \d+ 件 \/ 警告 \d+ 件/);
}

/** Opens an accordion by its header button (a real <button>: Tab reaches it, Enter and Space open it). */
function open(name: string | RegExp): HTMLElement {
  const header = screen.getByRole("button", { name });
  expect(header.tagName).toBe("BUTTON");
  expect(header.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(header);
  expect(header.getAttribute("aria-expanded")).toBe("true");
  return header;
}

describe("読み取り結果 (how the workbook was read)", () => {
  test("collapsed under its own heading; opened, every item; an item opened, each field and its cell; a field selects its cell", async () => {
    const host = await hostOf([formItem(1), formItem(2, { midyear: { implementation: "(ii)", achievement: "②", remark: "遅れ" } })]);
    await validated(host);
    expect(screen.getByRole("heading", { level: 2, name: "読み取り結果" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /取組項目 1/ })).toBeNull();

    open("読み取り結果");
    expect(screen.getByText("取組項目 2 件の各項目を、どのセルから読み取ったかを示します。選択するとそのセルに移動します。")).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["取組項目 1【取組1】", "取組項目 2【取組2】"]);

    open("取組項目 2【取組2】");
    const fields = screen.getAllByRole("button").filter((b) => b.dataset.field);
    expect(fields.map((b) => [b.dataset.field, b.dataset.cell, b.textContent])).toEqual([
      ["title", "A14", "タイトルA14取組2"],
      ["plan.policy", "B16", "取組の方針・目標内容B16(趣旨・目的) 目的2 (目標) 2件"],
      ["plan.thisYear", "E16", "当年度の取組内容E16(取組の内容) 内容2 (目標) 年2回"],
      ["midyear.implementation", "C17", "取組内容の実施見込みC17(ii)"],
      ["midyear.achievement", "C18", "目標の達成見込みC18②"],
      ["midyear.remark", "E18", "課題と改善策（中間振り返り）E18遅れ"],
      ["final.result", "B20", "当年度の取組実績及び目標の達成状況B20（空欄）"],
      ["final.achievement", "D20", "自己評価D20（空欄）"],
      ["final.remark", "E20", "課題と改善策（自己評価）E20（空欄）"],
    ]);
    const achievement = fields[4];
    expect(achievement.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(achievement.getAttribute("aria-describedby")!)!.textContent).toBe("選択するとセルに移動します");
    fireEvent.click(achievement);
    await waitFor(() => expect(host.selection()).toMatchObject({ sheet: "取組項目", address: "C18" }));
    expect(achievement.getAttribute("aria-current")).toBe("true");
  });

  test("fields that need a look are counted on the item's heading and say why", async () => {
    const host = await hostOf([formItem(1, { midyear: { implementation: "(iii)", achievement: { error: "#N/A" } } })]);
    await validated(host);
    open("読み取り結果");
    const header = open("取組項目 1【取組1】 要確認 2");
    expect(header).toBeTruthy();
    expect(screen.getByText("(iii)（選択肢にない値）")).toBeTruthy();
    expect(screen.getByText("#N/A（エラー値）")).toBeTruthy();
  });
});

describe("a workbook of several forms", () => {
  const heading = (ward: string) => ({ plan: "「市政改革プラン2.0」に基づく取組等", fiscalYear: `令和元年度 ${ward}` });

  test("findings are grouped by form, then item; 読み取り結果 too; 取組項目 1 of each ward is its own", async () => {
    const host = await formsHost([
      { sheet: "北区", heading: heading("北区"), items: [formItem(1, { midyear: { implementation: "(i)", achievement: null } }), formItem(2)] },
      { sheet: "都島区", heading: heading("都島区"), items: [formItem(1, { title: "都島の取組", midyear: { implementation: "(i)", achievement: "②" } })] },
      { sheet: "福島区", heading: heading("福島区"), items: [formItem(1)] },
    ]);
    await validated(host);
    expect(screen.getByText("エラー 2 件 / 警告 0 件")).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["様式「北区」", "様式「都島区」"]);
    const tsushima = screen.getByRole("region", { name: "様式「都島区」" });
    expect(within(tsushima).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["取組項目 1【都島の取組】"]);
    expect(within(tsushima).getByRole("button").dataset.sheet).toBe("都島区");

    open("読み取り結果");
    expect(screen.getByText("様式 3 件・取組項目 4 件の各項目を、どのセルから読み取ったかを示します。選択するとそのセルに移動します。")).toBeTruthy();
    const forms = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(forms).toEqual(["様式「北区」", "様式「都島区」", "様式「北区」", "様式「都島区」", "様式「福島区」"]);
    expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toContain("取組項目 1【都島の取組】");
  });
});
