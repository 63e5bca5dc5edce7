import { checkWorkbook } from "../../src/check";
import { computeSummary, CrossTab, NO_SECTION_LABEL } from "../../src/summary/compute";
import { layoutSummary } from "../../src/summary/layout";
import type { SheetWrites } from "../../src/summary/sheet-writes";
import { bookOf, formItem } from "../support/workbooks";

const NOW = new Date(2026, 10, 25, 9, 30);
const heading = (ward: string) => ({ plan: "「市政改革プラン2.0」に基づく取組等", fiscalYear: `令和元年度 ${ward}` });

/** 北区: item 1 lacks its 達成見込み; 都島区: no 中間振り返り rows at all; 福島区: ② with its remark. */
async function wards() {
  const { grid } = await bookOf([
    { sheet: "北区", heading: heading("北区"), items: [formItem(1, { midyear: { implementation: "(i)", achievement: null } }), formItem(2)] },
    { sheet: "都島区", heading: heading("都島区"), items: [formItem(1, { midyear: undefined })], sections: { midyear: null } },
    { sheet: "福島区", heading: heading("福島区"), items: [formItem(1, { midyear: { implementation: "(ii)", achievement: "②", remark: "遅れ" } })] },
  ]);
  return computeSummary("wards.xlsx", checkWorkbook(grid, { phase: "midyear" }), NOW, { grid });
}

/** A cross-tab's 達成見込み column: items counted, then ①, ②, 対象外, 未入力, 要確認. */
const achievement = (tab: CrossTab) => {
  const column = tab.columns.find((c) => c.field === "midyear.achievement")!;
  return [column.counted, ...Object.values(column.cells).map((c) => c.count)];
};

/** The 件数 panel's row of a bucket in the block headed `block`: the values under 実施見込み, 達成見込み, 自己評価. */
function blockRow(sheet: SheetWrites, block: string, bucket: string): unknown[] {
  const top = sheet.cells.find((c) => c.value === block && c.style === "label")!;
  const row = sheet.cells.find((c) => c.row > top.row && c.col === top.col && c.value === bucket)!.row;
  return [1, 2, 3].map((i) => sheet.cells.find((c) => c.row === row && c.col === top.col + i)!.value);
}

describe("集計 of a workbook of several forms", () => {
  test("counts per form and in total; a form without 中間振り返り counts nothing mid-year", async () => {
    const summary = await wards();
    expect(summary.perForm.map((t) => [t.group, t.items, t.withErrors, achievement(t)])).toEqual([
      ["北区", 2, 1, [2, 1, 0, 0, 1, 0]],
      ["都島区", 1, 0, [0, 0, 0, 0, 0, 0]],
      ["福島区", 1, 0, [1, 0, 1, 0, 0, 0]],
    ]);
    expect([summary.total.items, summary.total.withErrors, achievement(summary.total)]).toEqual([4, 1, [3, 1, 1, 0, 1, 0]]);
    expect(summary.rows.find((r) => r.form === "都島区")!.ratings["midyear.achievement"].label).toBe(NO_SECTION_LABEL);
  });

  test("取組項目 1 of each ward is its own: errors counted per form and item", async () => {
    const summary = await wards();
    expect(summary.rows.map((r) => [r.form, r.no, r.errors])).toEqual([
      ["北区", 1, 1],
      ["北区", 2, 0],
      ["都島区", 1, 0],
      ["福島区", 1, 0],
    ]);
  });

  test("the 集計 sheet: a block per form, 「—」 where a form has no such section, and a 様式 column", async () => {
    const [sheet] = layoutSummary(await wards());
    expect(blockRow(sheet, "都島区", "未入力")).toEqual(["—", "—", 1]);
    expect(blockRow(sheet, "北区", "未入力")).toEqual([0, 1, 2]);
    const [table] = sheet.tables;
    const columns = sheet.cells.filter((c) => c.row === table.top).sort((a, b) => a.col - b.col).map((c) => c.value);
    expect(columns.slice(0, 4)).toEqual(["様式", "番号", "★", "取組項目"]);
    const forms = sheet.cells.filter((c) => c.row > table.top && c.row <= table.bottom && c.col === 0).map((c) => c.value);
    expect(forms).toEqual(["北区", "北区", "都島区", "福島区"]);
  });
});
