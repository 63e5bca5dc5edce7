import ExcelJS from "exceljs";
import { charactersToPoints } from "../summary/sheet-writes";
import { cellValue, isMergedAway, mergesOf } from "../file/xlsx-grid";
import { isErrorValue } from "../template/grid";
import { cellKey, newSheet, SimCell, SimCellFormat, SimWorkbook } from "./workbook";

/** An ExcelJS workbook as the in-memory host's workbook (in Node and in the browser). */
export function simWorkbookFromExcelJs(wb: ExcelJS.Workbook, name = "ブック.xlsx"): SimWorkbook {
  return {
    name,
    protected: false,
    sheets: wb.worksheets.map((ws) => {
      const sheet = newSheet(ws.name);
      sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
      sheet.protected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
      sheet.merges = mergesOf(ws);
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const sim = isMergedAway(cell) ? { value: null } : simCell(cell.value);
          if (cell.numFmt) sim.numberFormat = cell.numFmt;
          const format = simFormat(cell);
          if (format) sim.format = format;
          sheet.cells.set(cellKey(r - 1, c - 1), sim);
        }),
      );
      ws.columns?.forEach((column, c) => {
        if (column.width) sheet.columnWidths.set(c, charactersToPoints(column.width));
      });
      sheet.frozenRows = ws.views?.[0]?.state === "frozen" ? (ws.views[0].ySplit ?? 0) : 0;
      return sheet;
    }),
  };
}

/** Reads .xlsx bytes into the in-memory host's workbook. */
export async function loadSimWorkbook(bytes: ArrayBuffer | Uint8Array, name?: string): Promise<SimWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ExcelJS.Buffer);
  return simWorkbookFromExcelJs(wb, name);
}

/** A cell as Excel holds it: the reader's value (cellValue), plus what the host keeps that the reader drops. */
function simCell(value: ExcelJS.CellValue): SimCell {
  // Excel answers dates as serial numbers (days since 1899-12-30); the file reader shows them as text.
  if (value instanceof Date) return { value: (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 };
  if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const f = value as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
    return { ...simCell(f.result ?? null), formula: `=${f.formula ?? f.sharedFormula}` };
  }
  if (value && typeof value === "object" && "hyperlink" in value) {
    return { ...simCell((value as { text?: ExcelJS.CellValue }).text ?? null), hyperlink: { address: value.hyperlink } };
  }
  const plain = cellValue(value);
  return isErrorValue(plain) ? { value: null, error: plain.error } : { value: plain };
}

function simFormat(cell: ExcelJS.Cell): SimCellFormat | undefined {
  const format: SimCellFormat = {};
  if (cell.font?.bold) format.bold = true;
  if (cell.alignment?.wrapText) format.wrapText = true;
  if (cell.alignment?.horizontal) format.horizontalAlignment = cell.alignment.horizontal;
  const fill = cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;
  if (fill) format.fill = `#${fill.slice(-6)}`;
  return Object.keys(format).length ? format : undefined;
}
