import { checkWorkbook } from "../../src/check";
import { readOpenWorkbook } from "../../src/excel/read-workbook";
import type { Item } from "../../src/model";
import { CellRange, CellValue, clipMergeRows, MERGE_TAIL_ROWS, WorkbookGrid } from "../../src/template/grid";
import { readWorkbook } from "../../src/template/reader";
import { SheetView } from "../../src/template/sheet-view";
import { FINAL_LAYOUTS, FormItem, LayoutOptions } from "../../tools/form/builder";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { formHost } from "../support/hosts";
import { gridOf } from "../support/workbooks";

/**
 * The last item of a sheet whose 自己評価 rating stands under its legend and is still blank: the rating's row holds
 * nothing, so only the merged areas of the section (自己評価 over three rows) say the form goes on below the legend.
 * A reader that ends the sheet at its last value finds no cell for the rating (a false LAYOUT_AMBIGUOUS, and no
 * RATING_MISSING where one is due).
 */
const LAYOUT: LayoutOptions = { sheets: 1, sections: { midyear: null, final: FINAL_LAYOUTS["below the legend"] } };
const item = (no: number, achievement?: string): FormItem => ({
  no,
  title: `取組${no}`,
  policy: `(目標) ${no}件`,
  thisYear: `(取組の内容) 内容 (目標) 年${no}回`,
  final: { result: undefined, achievement, remark: undefined },
});

function expectBlankUnderLegend(items: Item[]): void {
  const source = items[0].sources["final.achievement"]!;
  expect(source).toMatchObject({ cell: "D8", text: "" });
  expect(source.ambiguous).toBeUndefined();
  expect(items[1].final.achievement).toBe(1);
}

describe("a sheet ends where its merged areas end, not at its last value", () => {
  test(".xlsx file: the blank rating under the legend of a sheet's last item is read as blank, and reported missing", async () => {
    const grid = await gridOf([item(1), item(2, "①")], LAYOUT);
    expectBlankUnderLegend(readWorkbook(grid).items);
    const report = checkWorkbook(grid, { phase: "final" });
    expect(report.findings.filter((f) => f.item === 1).map((f) => f.code)).toContain("RATING_MISSING");
    expect(report.findings.map((f) => f.code)).not.toContain("LAYOUT_AMBIGUOUS");
  });

  test("Excel (the in-memory host): the same", async () => {
    const host = await formHost([item(1), item(2, "①")], LAYOUT);
    expectBlankUnderLegend(readWorkbook(await readOpenWorkbook(host)).items);
  });

  test("an area over the whole sheet counts only MERGE_TAIL_ROWS below the last value", () => {
    const view = new SheetView({ name: "s", top: 0, left: 0, values: [["見出し"], [], [1]], merges: [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }] });
    expect(view.bottom).toBe(2 + MERGE_TAIL_ROWS);
    expect(clipMergeRows({ top: 5, left: 0, bottom: 9, right: 0 }, 2)).toEqual({ top: 5, left: 0, bottom: 9, right: 0 });
  });
});

/**
 * Excel's sheets are 16,384 columns wide (XFD), and a merged area may span a whole row ("Excel specifications and
 * limits": "Total number of rows and columns on a worksheet: 1,048,576 rows by 16,384 columns"). A title row merged to
 * the sheet's edge, or one stray cell far right, makes the used range that wide; looking right from a label must
 * still step over blank columns at once, and read the same cells.
 */
describe("a sheet as wide as Excel allows", () => {
  const XFD = 16_383;

  function widened(grid: WorkbookGrid, items: Item[]): WorkbookGrid {
    const [sheet] = grid.sheets;
    const merges = [...sheet.merges];
    for (const item of items) {
      const row = Number(/\d+$/.exec(item.cell)![0]) - 1;
      const line = sheet.values[row - sheet.top] ?? [];
      merges.push({ top: row, bottom: row, left: sheet.left + line.length + 2, right: XFD });
    }
    const values = sheet.values.slice();
    const stray: CellValue[] = [];
    stray[XFD - sheet.left] = "メモ";
    values[values.length + 3] = stray;
    return { ...grid, sheets: [{ ...sheet, values, merges }] };
  }

  test("reads the same items and findings, looking at about as many cells", async () => {
    const grid = await gridOf(tennojiR1.map((item) => ({ ...item, final: { result: "実施した", achievement: undefined, remark: undefined } })));
    const lookups = jest.spyOn(SheetView.prototype, "cellAt");
    const plain = checkWorkbook(grid, { phase: "final" });
    const plainLookups = lookups.mock.calls.length;
    lookups.mockClear();
    const wide = checkWorkbook(widened(grid, plain.items), { phase: "final" });
    const wideLookups = lookups.mock.calls.length;
    lookups.mockRestore();

    expect(new SheetView(widened(grid, plain.items).sheets[0]).right).toBe(XFD);
    expect(wide.items).toEqual(plain.items);
    expect(wide.findings).toEqual(plain.findings);
    expect(plain.findings.map((f) => f.code)).toContain("RATING_MISSING");
    // Walking every blank column to XFD would look at thousands of positions per label.
    expect(wideLookups).toBeLessThan(plainLookups * 2);
  });
});

/**
 * A row may hold as many merged areas as it has pairs of columns (8,192 to XFD), and a file may list a million.
 * Finding the area over a cell by reading every area of its row costs cells × areas: a sheet of a few such rows
 * took seconds, one of a form's rows each so merged took 17 s for 19 items. Each row's areas are kept by column
 * and searched by halves: what is read per area stays small, whatever their number. Areas that overlap (a broken
 * file) are left out in one sweep a row rather than read through at every cell.
 */
describe("rows of thousands of merged areas", () => {
  const PAIRS = 2_048;
  let reads = 0;
  /** A merged area that counts how often its edges are read. */
  const counted = (area: CellRange): CellRange => ({
    get top() { reads++; return area.top; },
    get bottom() { reads++; return area.bottom; },
    get left() { reads++; return area.left; },
    get right() { reads++; return area.right; },
  });

  test("reads the same items and findings, reading each area some dozens of times, not thousands", async () => {
    const grid = await gridOf(tennojiR1);
    const plain = checkWorkbook(grid);
    const [sheet] = grid.sheets;
    const merges: CellRange[] = [...sheet.merges];
    // Right of every row of the form: blank pairs of merged cells, as far as the look to the right may go.
    for (let row = sheet.top; row < sheet.top + 40; row++) {
      for (let k = 0; k < PAIRS; k++) merges.push(counted({ top: row, bottom: row, left: 40 + 2 * k, right: 41 + 2 * k }));
    }
    // A sheet of its own: a value heading each pair, four rows of them.
    const values: CellValue[][] = [];
    const pairs: CellRange[] = [];
    for (let row = 0; row < 4; row++) {
      values.push(Array.from({ length: 2 * PAIRS }, (_, col) => (col % 2 ? null : `値${col}`)));
      for (let k = 0; k < PAIRS; k++) pairs.push(counted({ top: row, bottom: row, left: 2 * k, right: 2 * k + 1 }));
    }
    // And four rows of a broken file: each area overlaps the next (Excel repairs such a file by dropping them).
    for (let row = 4; row < 8; row++) {
      values.push(Array.from({ length: 2 * PAIRS }, (_, col) => `値${col}`));
      for (let k = 0; k < PAIRS; k++) pairs.push(counted({ top: row, bottom: row, left: 2 * k, right: 2 * k + 2 }));
    }
    const hostile: WorkbookGrid = { ...grid, sheets: [{ ...sheet, merges }, { name: "結合", top: 0, left: 0, values, merges: pairs }] };

    reads = 0;
    const report = checkWorkbook(hostile);
    expect(report.items).toEqual(plain.items);
    expect(report.findings).toEqual(plain.findings);
    const view = new SheetView(hostile.sheets[1]);
    expect(view.coveringMerge(0, 1)).toEqual({ top: 0, bottom: 0, left: 0, right: 1 });
    expect(view.coveringMerge(4, 1)).toBeUndefined();
    expect(view.cellAt(4, 1)?.text).toBe("値1");
    expect(reads / (merges.length - sheet.merges.length + pairs.length)).toBeLessThan(100);
  });
});
