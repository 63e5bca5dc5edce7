import { checkWorkbook } from "../../src/check";
import { computeSummary } from "../../src/summary/compute";
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
  return computeSummary("wards.xlsx", checkWorkbook(grid, { phase: "midyear" }), NOW);
}

function line(sheet: SheetWrites, first: string): unknown[] {
  const cell = sheet.cells.find((c) => c.col === 0 && c.value === first && c.style === "label");
  return sheet.cells.filter((c) => c.row === cell!.row).sort((a, b) => a.col - b.col).map((c) => c.value);
}

describe("集計 of a workbook of several forms", () => {
  test("counts per form and in total; a form without 中間振り返り counts nothing mid-year", async () => {
    const summary = await wards();
    expect(summary.forms.map((f) => [f.name, f.items, f.withErrors])).toEqual([
      ["北区", 2, 1],
      ["都島区", 1, 0],
      ["福島区", 1, 0],
      ["合計", 4, 1],
    ]);
    // Tallies: ①/(i), ②/(ii), 対象外, 未入力, 要確認.
    expect(summary.forms.map((f) => f.ratings[1])).toEqual([[1, 0, 0, 1, 0], null, [0, 1, 0, 0, 0], [1, 1, 0, 1, 0]]);
    expect(summary.ratings[1].tallies.find((t) => t.label === "未入力")!.count).toBe(1);
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

  test("the 集計 sheet: a block per form and the total, 「—」 where a form has no such section, and a 様式 column", async () => {
    const [sheet] = layoutSummary(await wards());
    const header = sheet.cells.filter((c) => c.style === "header" && c.col === 0).map((c) => c.value);
    expect(header).toContain("様式");
    expect(line(sheet, "都島区").slice(0, 8)).toEqual(["都島区", 1, 0, "—", "—", "—", "—", "—"]);
    expect(line(sheet, "合計").slice(0, 4)).toEqual(["合計", 4, 1, 2]); // (i): 北区 1 and 2
    const [table] = sheet.tables;
    const columns = sheet.cells.filter((c) => c.row === table.top).map((c) => c.value);
    expect(columns.slice(0, 3)).toEqual(["様式", "番号", "取組項目"]);
    const forms = sheet.cells.filter((c) => c.row > table.top && c.col === 0).map((c) => c.value);
    expect(forms).toEqual(["北区", "北区", "都島区", "福島区"]);
  });
});
