import { a1 } from "../template/grid";
import { CellWrite, linkTarget, NUMBER_FORMATS, SheetWrites, STYLE_LOOKS, TableWrite } from "../summary/sheet-writes";
import type { XfLook } from "./style-sheet";
import { element } from "./xml";

/** What rendering a sheet needs from the package it goes into. */
export interface SheetContext {
  /** The workbook's SpreadsheetML and relationships namespaces (Transitional or Strict, as the workbook has them). */
  namespaces: { main: string; relationships: string };
  /** A style index (cellXfs) for a look, appended to styles.xml when new. */
  style(look: XfLook): number;
  /** A shared string index for a text, appended to the shared strings when new. */
  string(text: string): number;
  /** Adds a relationship from this sheet to a new part and the part itself; returns the relationship id. */
  addPart(part: { kind: string; folder: string; stem: string; contentType: string; xml: (name: string) => string }): string;
  /** A table id and name no other table or defined name of the workbook has. */
  newTable(): { id: number; name: string };
}

const LINK_COLOR = "#0563C1";
const TABLE_STYLE = "TableStyleMedium7";

/**
 * One summary sheet as worksheet XML. Each part of the sheet is one small function, called in the order
 * CT_Worksheet (ECMA-376 Part 1, 18.3.1.99) requires; a new feature (page setup, a drawing) is one more entry.
 */
const SECTIONS: ((sheet: SheetWrites, ctx: SheetContext) => string)[] = [dimension, sheetViews, sheetFormat, columns, sheetData, hyperlinks, pageMargins, tableParts];

export function renderSheet(sheet: SheetWrites, ctx: SheetContext): string {
  const body = SECTIONS.map((section) => section(sheet, ctx)).join("");
  const { main, relationships } = ctx.namespaces;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${main}" xmlns:r="${relationships}">${body}</worksheet>`;
}

function dimension(sheet: SheetWrites): string {
  // A loop, not Math.max(...cells): the summary of 10,000 items has more cells than a call takes arguments.
  let rows = 0;
  let cols = 0;
  for (const c of sheet.cells) [rows, cols] = [Math.max(rows, c.row), Math.max(cols, c.col)];
  return element("dimension", { ref: rows || cols ? `A1:${a1(rows, cols)}` : "A1" });
}

function sheetViews(sheet: SheetWrites): string {
  const rows = sheet.freezeRows;
  const pane = rows
    ? element("pane", { ySplit: rows, topLeftCell: a1(rows, 0), activePane: "bottomLeft", state: "frozen" }) +
      element("selection", { pane: "bottomLeft", activeCell: a1(rows, 0), sqref: a1(rows, 0) })
    : "";
  return `<sheetViews>${element("sheetView", { workbookViewId: 0 }, pane)}</sheetViews>`;
}

function sheetFormat(): string {
  return element("sheetFormatPr", { defaultRowHeight: 18.75 });
}

function columns(sheet: SheetWrites): string {
  if (sheet.columnWidths.length === 0) return "";
  const cols = sheet.columnWidths.map((width, i) => element("col", { min: i + 1, max: i + 1, width, customWidth: 1 }));
  return `<cols>${cols.join("")}</cols>`;
}

function sheetData(sheet: SheetWrites, ctx: SheetContext): string {
  const rows = new Map<number, CellWrite[]>();
  for (const cell of sheet.cells) {
    let list = rows.get(cell.row);
    if (!list) rows.set(cell.row, (list = []));
    list.push(cell);
  }
  const headers = tableHeaders(sheet);
  // A sheet has a handful of looks: each is worked out once, not once a cell.
  const styles = new Map<string, number>();
  const styleOf = (cell: CellWrite) => {
    const table = inTable(sheet, cell);
    const key = `${cell.format}|${cell.style ?? ""}|${cell.link ? 1 : 0}|${table ? 1 : 0}`;
    let s = styles.get(key);
    if (s === undefined) styles.set(key, (s = ctx.style(lookOf(cell, table))));
    return s;
  };
  const xml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = (rows.get(r) as CellWrite[]).sort((a, b) => a.col - b.col);
      return `<row r="${r + 1}">${cells.map((c) => cellXml(c, headers.get(`${c.row}:${c.col}`), styleOf(c), ctx)).join("")}</row>`;
    });
  return `<sheetData>${xml.join("")}</sheetData>`;
}

/**
 * A text is always a shared string, never a formula, whatever it starts with ("=", "+", "@"); that keeps text
 * taken from a user's cell inert. A number that is not finite is left out.
 */
function cellXml(cell: CellWrite, header: string | undefined, s: number, ctx: SheetContext): string {
  const ref = a1(cell.row, cell.col);
  const value = header ?? cell.value;
  if (typeof value === "string") return `<c r="${ref}" s="${s}" t="s"><v>${ctx.string(value)}</v></c>`;
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${s}"/>`;
}

/** Header cells sit in the middle and wrap, like an Excel table's header row; table text wraps; links are blue. */
function lookOf(cell: CellWrite, inTable: boolean): XfLook {
  const look: XfLook = { numberFormat: NUMBER_FORMATS[cell.format], ...(cell.style ? STYLE_LOOKS[cell.style] : {}) };
  if (cell.link) Object.assign(look, { color: LINK_COLOR, underline: true });
  if (cell.style === "header") return { ...look, vertical: "center", wrapText: true };
  return { ...look, vertical: "top", ...(inTable && cell.format === "text" ? { wrapText: true } : {}) };
}

function inTable(sheet: SheetWrites, { row, col }: CellWrite): boolean {
  return sheet.tables.some((t) => row >= t.top && row <= t.bottom && col >= t.left && col <= t.right);
}

function hyperlinks(sheet: SheetWrites): string {
  const links = sheet.cells.filter((c) => c.link);
  if (links.length === 0) return "";
  const xml = links.map((c) => element("hyperlink", { ref: a1(c.row, c.col), location: linkTarget(c.link!), display: String(c.value ?? "") }));
  return `<hyperlinks>${xml.join("")}</hyperlinks>`;
}

function pageMargins(): string {
  return element("pageMargins", { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
}

/** Each table as a table part (filter buttons, banded rows), related to the sheet. */
function tableParts(sheet: SheetWrites, ctx: SheetContext): string {
  if (sheet.tables.length === 0) return "";
  const ids = sheet.tables.map((table) => {
    const { id, name } = ctx.newTable();
    return ctx.addPart({
      kind: "table",
      folder: "tables",
      stem: "table",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
      xml: () => tableXml(table, columnNames(sheet, table), id, name, ctx.namespaces.main),
    });
  });
  return `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
}

function tableXml(table: TableWrite, names: string[], id: number, name: string, namespace: string): string {
  const ref = `${a1(table.top, table.left)}:${a1(table.bottom, table.right)}`;
  const columns = names.map((n, i) => element("tableColumn", { id: i + 1, name: n }));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${namespace}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    element("autoFilter", { ref }) +
    `<tableColumns count="${names.length}">${columns.join("")}</tableColumns>` +
    element("tableStyleInfo", { name: TABLE_STYLE, showFirstColumn: 0, showLastColumn: 0, showRowStripes: 1, showColumnStripes: 0 }) +
    `</table>`
  );
}

/**
 * A table's column names are its header cells' texts, which Excel requires to be unique and non-empty: a blank
 * header becomes 列N and a repeated one gets a number, and the header cell shows the same name.
 */
function columnNames(sheet: SheetWrites, table: TableWrite): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let col = table.left; col <= table.right; col++) {
    const cell = sheet.cells.find((c) => c.row === table.top && c.col === col);
    const text = cell && cell.value !== null ? String(cell.value).replace(/[\r\n]+/g, " ").trim() : "";
    let name = text || `列${col - table.left + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${text || "列"}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** The header cells' texts, by "row:col", where a table needs them to differ from what the layout wrote. */
function tableHeaders(sheet: SheetWrites): Map<string, string> {
  const headers = new Map<string, string>();
  for (const table of sheet.tables) {
    columnNames(sheet, table).forEach((name, i) => headers.set(`${table.top}:${table.left + i}`, name));
  }
  return headers;
}
