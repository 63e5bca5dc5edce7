/**
 * The plain data the in-memory Excel host works on: a workbook of sheets of sparse cells. No Office.js rules
 * here (see host.ts); nothing here imports ExcelJS or Node, so the browser preview can bundle it.
 */
import { cellAddress, columnLetters, columnNumber, parseAddress, Rect, rectAddress } from "./address";

export type SimValue = string | number | boolean | null;
export type SimVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SimHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** Cell formatting; an absent field is Excel's default. */
export interface SimCellFormat {
  bold?: boolean;
  italic?: boolean;
  /** Font colour, "#RRGGBB". */
  color?: string;
  /** Font size in points. */
  size?: number;
  fontName?: string;
  /** Fill colour, "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface SimCell {
  /** The value, or a formula's last result; null when empty or when the cell holds an error. */
  value: SimValue;
  /** "=SUM(A1:A3)", with the equal sign. */
  formula?: string;
  /** "#REF!", "#N/A"…: the cell's value is this error. */
  error?: string;
  /** Absent = "General". */
  numberFormat?: string;
  hyperlink?: SimHyperlink;
  format?: SimCellFormat;
}

export interface SimTable {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  hasHeaders: boolean;
  style: string;
}

export interface SimSheet {
  name: string;
  visibility: SimVisibility;
  protected: boolean;
  /** Key "row,col", 0-based (see cellKey). Empty cells are absent. */
  cells: Map<string, SimCell>;
  merges: Rect[];
  tables: SimTable[];
  /** Column index → width in points; absent = the standard width. */
  columnWidths: Map<number, number>;
  /** "#RRGGBB"; absent = no colour. */
  tabColor?: string;
  frozen?: { rows: number; columns: number };
}

export interface SimWorkbook {
  /** What Office.js's workbook.name answers ("Book1.xlsx"). */
  name?: string;
  sheets: SimSheet[];
  /** The workbook structure is protected: no sheet may be added, deleted, renamed, moved, hidden or shown. */
  protected: boolean;
}

export const STANDARD_COLUMN_WIDTH = 48; // points: 8.43 characters of the default font

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function parseCellKey(key: string): { row: number; col: number } {
  const comma = key.indexOf(",");
  return { row: Number(key.slice(0, comma)), col: Number(key.slice(comma + 1)) };
}

export function getCell(sheet: SimSheet, row: number, col: number): SimCell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

/** A cell that holds nothing at all (no value, formula, error, format or link) is not stored. */
export function isBlankCell(cell: SimCell): boolean {
  return (
    (cell.value === null || cell.value === "") &&
    cell.formula === undefined &&
    cell.error === undefined &&
    cell.numberFormat === undefined &&
    cell.hyperlink === undefined &&
    (cell.format === undefined || Object.keys(cell.format).length === 0)
  );
}

/** A cell with a value, formula or error (what getUsedRange(true) counts). */
export function hasContent(cell: SimCell): boolean {
  return (cell.value !== null && cell.value !== "") || cell.formula !== undefined || cell.error !== undefined;
}

export function cloneCell(cell: SimCell): SimCell {
  const copy: SimCell = { ...cell };
  if (cell.format) copy.format = { ...cell.format };
  if (cell.hyperlink) copy.hyperlink = { ...cell.hyperlink };
  return copy;
}

export interface SheetInit {
  /** Values from A1, row by row; null leaves a cell empty. Strings are stored as they are (no formulas). */
  rows?: SimValue[][];
  visibility?: SimVisibility;
  protected?: boolean;
}

export function createSheet(name: string, init: SheetInit = {}): SimSheet {
  const sheet: SimSheet = {
    name,
    visibility: init.visibility ?? "Visible",
    protected: init.protected ?? false,
    cells: new Map(),
    merges: [],
    tables: [],
    columnWidths: new Map(),
  };
  (init.rows ?? []).forEach((line, row) =>
    line.forEach((value, col) => {
      if (value !== null && value !== "") sheet.cells.set(cellKey(row, col), { value });
    }),
  );
  return sheet;
}

export function createWorkbook(sheets: SimSheet[] = [createSheet("Sheet1")], init: { name?: string; protected?: boolean } = {}): SimWorkbook {
  return { name: init.name, sheets, protected: init.protected ?? false };
}

export function findSheet(workbook: SimWorkbook, name: string): SimSheet | undefined {
  const wanted = name.toLowerCase();
  return workbook.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/** Cells of a sheet in row-major order. */
export function sortedCells(sheet: SimSheet): { row: number; col: number; cell: SimCell }[] {
  return [...sheet.cells.entries()]
    .map(([key, cell]) => ({ ...parseCellKey(key), cell }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

// ---------------------------------------------------------------------------------------------------------
// Snapshots, for "nothing changed" assertions

export interface CellSnapshot {
  value: SimValue;
  formula?: string;
  error?: string;
}

/** Every stored cell's value, formula and error, keyed "B3", in row-major order. Formats are left out. */
export function snapshot(sheet: SimSheet): Record<string, CellSnapshot> {
  const out: Record<string, CellSnapshot> = {};
  for (const { row, col, cell } of sortedCells(sheet)) {
    if (!hasContent(cell)) continue;
    const shot: CellSnapshot = { value: cell.value };
    if (cell.formula !== undefined) shot.formula = cell.formula;
    if (cell.error !== undefined) shot.error = cell.error;
    out[cellAddress(row, col)] = shot;
  }
  return out;
}

/** snapshot() of every sheet, keyed by sheet name, in workbook order. */
export function snapshotWorkbook(workbook: SimWorkbook): Record<string, Record<string, CellSnapshot>> {
  return Object.fromEntries(workbook.sheets.map((s) => [s.name, snapshot(s)]));
}

// ---------------------------------------------------------------------------------------------------------
// JSON

export const JSON_FORMAT = "hyoka-excel-sim";

export interface SimSheetJSON {
  name: string;
  visibility: SimVisibility;
  protected: boolean;
  tabColor?: string;
  frozen?: { rows: number; columns: number };
  /** Keyed "B3". */
  cells: Record<string, SimCell>;
  /** "A1:B2". */
  merges: string[];
  tables: { name: string; range: string; hasHeaders: boolean; style: string }[];
  /** Keyed by column letters, in points. */
  columnWidths: Record<string, number>;
}

export interface SimWorkbookJSON {
  format: typeof JSON_FORMAT;
  version: 1;
  name?: string;
  protected: boolean;
  sheets: SimSheetJSON[];
}

/** A serialisable copy of the workbook (JSON.stringify it), e.g. prebuilt for the browser preview. */
export function toJSON(workbook: SimWorkbook): SimWorkbookJSON {
  const json: SimWorkbookJSON = { format: JSON_FORMAT, version: 1, protected: workbook.protected, sheets: workbook.sheets.map(sheetToJSON) };
  if (workbook.name !== undefined) json.name = workbook.name;
  return json;
}

function sheetToJSON(sheet: SimSheet): SimSheetJSON {
  const json: SimSheetJSON = {
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    cells: Object.fromEntries(sortedCells(sheet).map(({ row, col, cell }) => [cellAddress(row, col), cloneCell(cell)])),
    merges: sheet.merges.map(rectAddress),
    tables: sheet.tables.map((t) => ({ name: t.name, range: rectAddress(t), hasHeaders: t.hasHeaders, style: t.style })),
    columnWidths: Object.fromEntries([...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])),
  };
  if (sheet.tabColor !== undefined) json.tabColor = sheet.tabColor;
  if (sheet.frozen) json.frozen = { ...sheet.frozen };
  return json;
}

/** The workbook back from toJSON()'s output (or its JSON.parse). Throws on anything else. */
export function fromJSON(input: unknown): SimWorkbook {
  const json = (typeof input === "string" ? JSON.parse(input) : input) as SimWorkbookJSON;
  if (!json || json.format !== JSON_FORMAT || json.version !== 1 || !Array.isArray(json.sheets)) {
    throw new Error(`Not a ${JSON_FORMAT} workbook (version 1)`);
  }
  const workbook: SimWorkbook = { sheets: json.sheets.map(sheetFromJSON), protected: Boolean(json.protected) };
  if (json.name !== undefined) workbook.name = json.name;
  return workbook;
}

function sheetFromJSON(json: SimSheetJSON): SimSheet {
  const sheet = createSheet(json.name, { visibility: json.visibility, protected: json.protected });
  for (const [address, cell] of Object.entries(json.cells ?? {})) {
    const rect = mustParse(address);
    sheet.cells.set(cellKey(rect.top, rect.left), cloneCell({ ...cell, value: cell.value ?? null }));
  }
  sheet.merges = (json.merges ?? []).map(mustParse);
  sheet.tables = (json.tables ?? []).map((t) => ({ name: t.name, ...mustParse(t.range), hasHeaders: t.hasHeaders, style: t.style }));
  for (const [letters, width] of Object.entries(json.columnWidths ?? {})) sheet.columnWidths.set(columnNumber(letters), width);
  if (json.tabColor !== undefined) sheet.tabColor = json.tabColor;
  if (json.frozen) sheet.frozen = { ...json.frozen };
  return sheet;
}

function mustParse(address: string): Rect {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`Bad address in workbook JSON: ${address}`);
  return parsed.rect;
}

/** A deep copy. */
export function cloneWorkbook(workbook: SimWorkbook): SimWorkbook {
  return fromJSON(toJSON(workbook));
}
