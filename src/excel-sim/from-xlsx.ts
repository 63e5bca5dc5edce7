import ExcelJS from "exceljs";
import { charactersToPoints } from "../summary/sheet-writes";
import { cellValue, isMergedAway, mergesOf } from "../file/xlsx-grid";
import { isErrorValue, parseRange } from "../template/grid";
import { cellKey, newSheet, SimCell, SimCellFormat, SimDataValidation, SimWorkbook } from "./workbook";

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
      const validations = simValidations(ws);
      if (validations.size) sheet.validations = validations;
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

const DV_TYPES: Record<string, [type: string, kind: string]> = {
  list: ["List", "list"],
  whole: ["WholeNumber", "wholeNumber"],
  decimal: ["Decimal", "decimal"],
  date: ["Date", "date"],
  time: ["Time", "time"],
  textLength: ["TextLength", "textLength"],
  custom: ["Custom", "custom"],
};
const ALERT_STYLES: Record<string, SimDataValidation["errorAlert"]["style"]> = { stop: "Stop", warning: "Warning", information: "Information" };

/** The data validation a file's sheet holds (as ExcelJS reads it: by cell, a range as "range:A1:B3"). */
function simValidations(ws: ExcelJS.Worksheet): Map<number, SimDataValidation> {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } }).dataValidations?.model ?? {};
  const validations = new Map<number, SimDataValidation>();
  for (const [address, dv] of Object.entries(model)) {
    const kind = DV_TYPES[dv.type];
    if (!kind) continue;
    const rule =
      kind[1] === "list"
        ? { list: { source: String(officeFormula(dv.formulae?.[0]) ?? ""), inCellDropDown: true } }
        : { [kind[1]]: { formula1: officeFormula(dv.formulae?.[0]), formula2: officeFormula(dv.formulae?.[1]), operator: dv.operator } };
    const sim: SimDataValidation = {
      type: kind[0],
      rule,
      prompt: { showPrompt: Boolean(dv.showInputMessage), title: dv.promptTitle ?? "", message: dv.prompt ?? "" },
      errorAlert: { showAlert: Boolean(dv.showErrorMessage), style: ALERT_STYLES[dv.errorStyle ?? "stop"] ?? "Stop", title: dv.errorTitle ?? "", message: dv.error ?? "" },
      ignoreBlanks: dv.allowBlank ?? false,
    };
    const range = parseRange(address.replace(/^range:/, ""));
    for (let row = range.top; row <= range.bottom; row++) for (let col = range.left; col <= range.right; col++) validations.set(cellKey(row, col), { ...sim });
  }
  return validations;
}

/** A formula as the file keeps it ("\"①,②\"", "$A$1:$A$3", 0), as Office.js gives it ("①,②", "=$A$1:$A$3", 0). */
function officeFormula(formula: unknown): unknown {
  if (typeof formula !== "string") return formula;
  if (/^".*"$/s.test(formula)) return formula.slice(1, -1).replace(/""/g, '"');
  return formula.startsWith("=") ? formula : `=${formula}`;
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
