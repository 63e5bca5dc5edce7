import ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../template/grid";
import { parseRange } from "../template/grid";

/** An ExcelJS workbook as the reader's plain grids. Hidden sheets are left out, as a person does not see them. */
export function gridFromWorkbook(workbook: ExcelJS.Workbook, name: string): WorkbookGrid {
  return {
    name,
    sheets: workbook.worksheets.filter((ws) => ws.state === "visible" || ws.state === undefined).map(sheetGrid),
  };
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (!isMergedAway(cell)) line[colNumber - 1] = cellValue(cell.value);
    });
    values[rowNumber - 1] = Array.from(line, (v) => v ?? null);
  });
  return { name: ws.name, top: 0, left: 0, values: Array.from(values, (line) => line ?? []), merges: mergesOf(ws) };
}

/**
 * A cell hidden under a merged area. ExcelJS answers the area's value there too; Excel holds nothing, and neither
 * do the grids (the reader would skip it anyway).
 */
export function isMergedAway(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge;
}

/** The sheet's merged areas, as ExcelJS keeps them ("A1:C3"). */
export function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  return ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange);
}

/** ExcelJS's cell value shapes → text, number, boolean or an error value. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ("hyperlink" in value) return cellValue((value as { text?: ExcelJS.CellValue }).text ?? null);
  return null;
}
