import { checkWorkbook } from "../../src/check";
import type { CellValue, WorkbookGrid } from "../../src/template/grid";
import { sampleGrid } from "../support/workbooks";

/**
 * Labels as wards print them: after a bullet (■), inside brackets (【】, ［］), with a colon (：), or with a printed
 * annotation (（必須）). Each is the same label: the same items and findings as the sample's plain labels, and what
 * follows the label in its cell is a value only when it is one (「：」 alone is not, nor is 「（必須）」).
 */
function relabel(grid: WorkbookGrid, from: string, to: string): WorkbookGrid {
  const swap = (value: CellValue) => (value === from ? to : value);
  return { ...grid, sheets: grid.sheets.map((sheet) => ({ ...sheet, values: sheet.values.map((row) => row.map(swap)) })) };
}

describe("printed labels with a bullet, brackets, a colon or an annotation", () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await sampleGrid();
  });

  test.each([
    ["当年度の取組内容", "【当年度の取組内容】"],
    ["当年度の取組内容", "［当年度の取組内容］"],
    ["当年度の取組内容", "■当年度の取組内容"],
    ["当年度の取組内容", "当年度の取組内容："],
    ["取組の方針・目標内容", "取組の方針・目標内容：　"],
    ["取組の方針・目標内容", "取組の方針・目標内容（必須）"],
    ["当年度の取組実績及び目標の達成状況", "当年度の取組実績及び目標の達成状況:"],
  ])("%s printed as %s", (from, to) => {
    const changed = relabel(grid, from, to);
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(grid));
    for (const phase of ["midyear", "final"] as const) {
      const plain = checkWorkbook(grid, { phase });
      const printed = checkWorkbook(changed, { phase });
      expect(printed.items).toEqual(plain.items);
      expect(printed.findings).toEqual(plain.findings);
    }
    // At year end the sample's results are blank: each is still reported missing.
    expect(checkWorkbook(changed, { phase: "final" }).findings.filter((f) => f.code === "RESULT_MISSING")).toHaveLength(19);
  });

  test("text after a label in its own cell is still its value, the colon left out", () => {
    const grid2 = relabel(grid, "当年度の取組実績及び目標の達成状況", "当年度の取組実績及び目標の達成状況：全件実施した");
    const item = checkWorkbook(grid2, { phase: "final" }).items[0];
    expect(item.final.result).toBe("全件実施した");
  });
});
