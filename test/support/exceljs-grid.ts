import ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../src/template/grid";
import { parseRange } from "../../src/template/grid";

/**
 * The grids as the earlier ExcelJS-based file reader made them: the oracle the package reader is checked against
 * (test/hardening/agreement.test.ts), and a quick way to read a workbook built in memory without writing it.
 * Hidden sheets are left out; a cell under a merged area holds nothing; a date-formatted number is its date text.
 */
export function gridFromExcelJs(workbook: ExcelJS.Workbook, name: string): WorkbookGrid {
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
      if (cell.type !== ExcelJS.ValueType.Merge) line[colNumber - 1] = cellValue(cell.value);
    });
    values[rowNumber - 1] = Array.from(line, (v) => v ?? null);
  });
  return { name: ws.name, top: 0, left: 0, values: Array.from(values, (line) => line ?? []), merges: mergesOf(ws) };
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  return ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange);
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("hyperlink" in value) return cellValue((value as { text?: ExcelJS.CellValue }).text ?? null);
  return null;
}
