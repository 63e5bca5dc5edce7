import { checkWorkbook } from "../../src/check";
import { recalculate } from "../../src/excel-sim/recalc";
import { cellKey, newSheet, SimSheet, SimWorkbook } from "../../src/excel-sim/workbook";
import { computeSummary } from "../../src/summary/compute";
import { layoutSummary } from "../../src/summary/layout";
import type { SheetWrites } from "../../src/summary/sheet-writes";
import { parseA1, WorkbookGrid } from "../../src/template/grid";
import { formItem, gridOf } from "../support/workbooks";

/** The workbook's cells and the summary sheets (formulas with their cached values) as the host holds them. */
function simWorkbookOf(grid: WorkbookGrid, sheets: SheetWrites[]): SimWorkbook {
  const book: SimWorkbook = { protected: false, sheets: [] };
  for (const g of grid.sheets) {
    const sheet = newSheet(g.name);
    g.values.forEach((line, i) => line.forEach((v, j) => v !== null && v !== "" && sheet.cells.set(cellKey(g.top + i, g.left + j), typeof v === "object" ? { value: null, error: v.error } : { value: v })));
    book.sheets.push(sheet);
  }
  for (const s of sheets) {
    const sheet = newSheet(s.name);
    for (const c of s.cells) sheet.cells.set(cellKey(c.row, c.col), { value: c.value, ...(c.formula ? { formula: c.formula } : {}), ...(c.error ? { error: c.error } : {}) });
    book.sheets.push(sheet);
  }
  return book;
}

const at = (sheet: SimSheet, address: string) => sheet.cells.get(cellKey(parseA1(address).row, parseA1(address).col));

describe("recalculate", () => {
  test("after an edit, the linked row and the counts of 集計 follow: （１） counts as ①, はい as 要確認", async () => {
    const grid = await gridOf([formItem(1), formItem(2)]);
    const summary = computeSummary("x", checkWorkbook(grid), new Date(), { grid });
    const sheets = layoutSummary(summary);
    const book = simWorkbookOf(grid, sheets);
    expect(recalculate(book)).toEqual([]);
    const [items, table] = [book.sheets[0], book.sheets[1]];
    const judged = (row: number) => table.cells.get(cellKey(sheets[0].tables[0].top + row, 4))?.value;
    expect([judged(1), judged(2)]).toEqual(["①", "①"]);

    const [a, b] = summary.rows.map((r) => r.ratings["midyear.achievement"].source!);
    at(items, a.cell)!.value = "（１）";
    at(items, b.cell)!.value = "はい";
    expect(recalculate(book)).toEqual([]);
    expect([judged(1), judged(2)]).toEqual(["①", "要確認"]);
    const counts = sheets[0].cells.find((c) => c.value === "件数" && c.style === "header")!.row;
    expect(table.cells.get(cellKey(counts + 1, 4))?.value).toBe(1); // ① in 達成見込み
    expect(table.cells.get(cellKey(counts + 5, 4))?.value).toBe(1); // 要確認
  });

  test("a formula it does not know keeps its value and is reported; an unknown sheet is #REF!; a cycle is reported", () => {
    const sheet = newSheet("S");
    sheet.cells.set(cellKey(0, 0), { value: 42, formula: "=VLOOKUP(1,B1:C2,2,FALSE)" });
    sheet.cells.set(cellKey(1, 0), { value: null, formula: "='消えた'!A1" });
    sheet.cells.set(cellKey(2, 0), { value: 0, formula: "=A4+1" });
    sheet.cells.set(cellKey(3, 0), { value: 0, formula: "=A3+1" });
    sheet.cells.set(cellKey(4, 0), { value: null, formula: "=A1*2" });
    const unevaluated = recalculate({ protected: false, sheets: [sheet] });
    expect(unevaluated[0]).toMatchObject({ row: 0, reason: expect.stringMatching(/^Unsupported function VLOOKUP/) });
    expect(unevaluated[1]).toMatchObject({ row: 2, reason: expect.stringMatching(/circular/) });
    expect(sheet.cells.get(cellKey(0, 0))).toMatchObject({ value: 42 });
    expect(sheet.cells.get(cellKey(1, 0))).toMatchObject({ value: null, error: "#REF!" });
    expect(sheet.cells.get(cellKey(4, 0))).toMatchObject({ value: 84 });
  });
});
