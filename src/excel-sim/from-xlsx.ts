import { isType } from "../file/package";
import { parseXml } from "../file/xml";
import { shiftFormula } from "../file/shared-formula";
import { RawCell, readSheet } from "../file/sheet-part";
import { cellValues, clipMerges } from "../file/xlsx-grid";
import { openXlsx, XlsxWorkbook } from "../file/xlsx-workbook";
import { charactersToPoints } from "../summary/sheet-writes";
import { CellRange, CellValue, isErrorValue, parseRange } from "../template/grid";
import { quoteSheet } from "./range-ref";
import { cellKey, cellPosition, MAX_COLUMNS, newSheet, SimCell, SimDataValidation, SimSheet, SimTable, SimWorkbook } from "./workbook";

/** A column range may span all 16,384 columns; a sheet keeps at most this many column widths. */
const MAX_WIDTHS = MAX_COLUMNS;

/**
 * Reads .xlsx bytes into the in-memory host's workbook (in Node and in the browser), with the same package
 * reader as the CLI. Throws an XlsxError (one Japanese line) for what cannot be read.
 */
export async function loadSimWorkbook(bytes: ArrayBuffer | Uint8Array, name = "ブック.xlsx"): Promise<SimWorkbook> {
  const workbook = openXlsx(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const value = await cellValues(workbook, { dates: "serial" });
  const sheets: SimSheet[] = [];
  for (const s of workbook.worksheets) {
    const sheet = await simSheet(workbook, s.name, s.part, value);
    sheet.visibility = s.state === "hidden" ? "Hidden" : s.state === "veryHidden" ? "VeryHidden" : "Visible";
    sheets.push(sheet);
  }
  return { name, protected: workbook.structureLocked, sheets };
}

async function simSheet(workbook: XlsxWorkbook, name: string, part: string, value: (cell: RawCell) => CellValue): Promise<SimSheet> {
  const sheet = newSheet(name);
  const { numberFormats, looks } = workbook.styles(true);
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const links: { ref: string; relId?: string; location?: string }[] = [];
  const refs: string[] = [];
  await readSheet(
    workbook.pkg,
    part,
    {
      cell(raw) {
        const sim = simCell(raw, value(raw), formulaOf(raw, masters));
        const format = numberFormats[raw.style];
        if (format && format !== "General") sim.numberFormat = format;
        const look = looks[raw.style];
        if (look) sim.format = { ...look };
        if (sim.value !== null || sim.formula !== undefined || sim.error !== undefined || sim.format) sheet.cells.set(cellKey(raw.row, raw.col), sim);
      },
      merge: (ref) => refs.push(ref),
      column(min, max, width) {
        for (let c = Math.max(1, min); c <= Math.min(max, MAX_COLUMNS) && sheet.columnWidths.size < MAX_WIDTHS; c++) {
          sheet.columnWidths.set(c - 1, charactersToPoints(width));
        }
      },
      frozenRows: (rows) => (sheet.frozenRows = rows),
      protection: () => (sheet.protected = true),
      hyperlink: (ref, relId, location) => links.push({ ref, relId, location }),
      dataValidation: (attributes, formulas) => addValidation(sheet, attributes, formulas),
    },
    { formulas: true },
  );
  // Clipped to the cells there are, as for the reader's grid: the preview runs the add-in's reader on them.
  let bottom = -1;
  let right = -1;
  for (const key of sheet.cells.keys()) {
    const { row, col } = cellPosition(key);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  sheet.merges = clipMerges(refs, bottom, right);
  clearCovered(sheet);
  attachLinks(workbook, part, sheet, links);
  sheet.tables = tablesOf(workbook, part, name);
  return sheet;
}

/** A cell as Excel holds it: dates stay serial numbers; an error is the cell's error, its value null. */
function simCell(raw: RawCell, value: CellValue, formula: string | undefined): SimCell {
  const sim: SimCell = isErrorValue(value) ? { value: null, error: value.error } : { value };
  if (formula !== undefined) sim.formula = `=${formula}`;
  return sim;
}

/** The formula of a cell; a shared formula's dependent gets the master's, moved by its offset. */
function formulaOf(raw: RawCell, masters: Map<string, { formula: string; row: number; col: number }>): string | undefined {
  if (raw.shared?.master && raw.formula) masters.set(raw.shared.index, { formula: raw.formula, row: raw.row, col: raw.col });
  if (raw.shared && !raw.shared.master) {
    const master = masters.get(raw.shared.index);
    return master && shiftFormula(master.formula, raw.row - master.row, raw.col - master.col);
  }
  return raw.formula || undefined;
}

/** A cell hidden under a merged area holds nothing, as in Excel; its format stays. */
function clearCovered(sheet: SimSheet): void {
  const byRow = new Map<number, CellRange[]>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      let list = byRow.get(r);
      if (!list) byRow.set(r, (list = []));
      list.push(m);
    }
  }
  if (byRow.size === 0) return;
  for (const [key, cell] of sheet.cells) {
    const { row, col } = cellPosition(key);
    if (byRow.get(row)?.some((m) => col >= m.left && col <= m.right && (row !== m.top || col !== m.left))) {
      Object.assign(cell, { value: null, formula: undefined, error: undefined });
    }
  }
}

/** The sheet's table parts: name, area and style. */
function tablesOf(workbook: XlsxWorkbook, part: string, sheetName: string): SimTable[] {
  return workbook.pkg
    .relationships(part)
    .filter((r) => isType(r, "table") && !r.external && workbook.pkg.entry(r.target))
    .map((r) => {
      const table: SimTable = { name: "", address: "", style: "" };
      parseXml(r.target, workbook.pkg.text(r.target), {
        open(element, a) {
          if (element === "table") Object.assign(table, { name: a.displayName ?? a.name ?? "", address: `${quoteSheet(sheetName)}!${a.ref ?? ""}` });
          else if (element === "tableStyleInfo") table.style = a.name ?? "";
        },
      });
      return table;
    });
}

/** Hyperlinks: a place in the workbook (location) or an address through the sheet's relationships. */
function attachLinks(workbook: XlsxWorkbook, part: string, sheet: SimSheet, links: { ref: string; relId?: string; location?: string }[]): void {
  if (links.length === 0) return;
  const rels = new Map(workbook.pkg.relationships(part).filter((r) => isType(r, "hyperlink")).map((r) => [r.id, r.target]));
  for (const link of links) {
    let area;
    try {
      area = parseRange(link.ref);
    } catch {
      continue;
    }
    const key = cellKey(area.top, area.left);
    const cell = sheet.cells.get(key) ?? { value: null };
    const address = link.relId ? rels.get(link.relId) : undefined;
    cell.hyperlink = { ...(address ? { address } : {}), ...(link.location ? { documentReference: link.location } : {}) };
    sheet.cells.set(key, cell);
  }
}

const VALIDATION_TYPES: Record<string, [type: string, kind: string]> = {
  list: ["List", "list"],
  whole: ["WholeNumber", "wholeNumber"],
  decimal: ["Decimal", "decimal"],
  date: ["Date", "date"],
  time: ["Time", "time"],
  textLength: ["TextLength", "textLength"],
  custom: ["Custom", "custom"],
};
const ALERT_STYLES: Record<string, SimDataValidation["errorAlert"]["style"]> = { stop: "Stop", warning: "Warning", information: "Information" };

/** A sheet's `<dataValidation>`, on every cell of its sqref, with its rule as Office.js gives it. */
function addValidation(sheet: SimSheet, a: Record<string, string>, [formula1, formula2]: [string | undefined, string | undefined]): void {
  const kind = VALIDATION_TYPES[a.type ?? ""];
  if (!kind || !a.sqref) return;
  const rule =
    kind[1] === "list"
      ? { list: { source: String(officeFormula(formula1) ?? ""), inCellDropDown: a.showDropDown !== "1" && a.showDropDown !== "true" } }
      : { [kind[1]]: { formula1: officeFormula(formula1), formula2: officeFormula(formula2), operator: a.operator ?? "between" } };
  const validation: SimDataValidation = {
    type: kind[0],
    rule,
    prompt: { showPrompt: isOn(a.showInputMessage), title: a.promptTitle ?? "", message: a.prompt ?? "" },
    errorAlert: { showAlert: isOn(a.showErrorMessage), style: ALERT_STYLES[a.errorStyle ?? "stop"] ?? "Stop", title: a.errorTitle ?? "", message: a.error ?? "" },
    ignoreBlanks: isOn(a.allowBlank),
  };
  const validations = (sheet.validations ??= new Map());
  for (const ref of a.sqref.split(/\s+/).filter(Boolean)) {
    let range: CellRange;
    try {
      range = parseRange(ref);
    } catch {
      continue;
    }
    // A rule over whole columns is kept for the cells a form could use, not for a million rows.
    const right = Math.min(range.right, range.left + MAX_VALIDATED_CELLS - 1);
    const bottom = Math.min(range.bottom, range.top + Math.floor(MAX_VALIDATED_CELLS / (right - range.left + 1)) - 1);
    for (let row = range.top; row <= bottom; row++) for (let col = range.left; col <= right; col++) validations.set(cellKey(row, col), { ...validation });
  }
}

/** Cells of one validation range the host keeps, cell by cell: enough for any form, bounded for a hostile sqref. */
const MAX_VALIDATED_CELLS = 100_000;

function isOn(flag: string | undefined): boolean {
  return flag === "1" || flag === "true";
}

/** A formula as the file keeps it ("\"①,②\"", "$A$1:$A$3", "0") as Office.js gives it ("①,②", "=$A$1:$A$3", 0). */
function officeFormula(formula: string | undefined): string | number | undefined {
  if (formula === undefined) return undefined;
  if (/^".*"$/s.test(formula)) return formula.slice(1, -1).replace(/""/g, '"');
  if (formula !== "" && Number.isFinite(Number(formula))) return Number(formula);
  return formula.startsWith("=") ? formula : `=${formula}`;
}
