import { isType } from "../file/package";
import { parseXml } from "../file/xml";
import { shiftFormula } from "../file/shared-formula";
import { RawCell, readSheet } from "../file/sheet-part";
import { cellValues, clipMerges } from "../file/xlsx-grid";
import { openXlsx, XlsxWorkbook } from "../file/xlsx-workbook";
import { charactersToPoints } from "../summary/sheet-writes";
import { CellRange, CellValue, isErrorValue, parseRange } from "../template/grid";
import { quoteSheet } from "./host";
import { cellKey, cellPosition, MAX_COLUMNS, newSheet, SimCell, SimSheet, SimTable, SimWorkbook } from "./workbook";

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
