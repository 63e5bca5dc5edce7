/**
 * The plain cell grid every workbook port (Office.js, .xlsx files) hands to the reader.
 * Rows and columns are 0-based; `values[0][0]` stands at (`top`, `left`).
 */
export type CellValue = string | number | boolean | null | { error: string };

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  top: number;
  left: number;
  /** Rows of values; a file's grid is sparse (holes are empty cells): iterate it with forEachPresent. */
  values: CellValue[][];
  merges: CellRange[];
}

/**
 * How far below the last row of values a merged area that starts among them still counts: the blank rows of the
 * last item's sections (an empty rating under its legend) are part of the form; an area over the whole sheet is not.
 */
export const MERGE_TAIL_ROWS = 64;

/** A merged area as far as it counts: at most MERGE_TAIL_ROWS below `lastRow`, the sheet's last row of values. */
export function clipMergeRows(m: CellRange, lastRow: number): CellRange {
  const bottom = Math.min(m.bottom, lastRow + MERGE_TAIL_ROWS);
  return bottom === m.bottom ? m : { ...m, bottom };
}

export interface WorkbookGrid {
  /** File or workbook name, for reports. */
  name: string;
  sheets: SheetGrid[];
}

export function columnName(col: number): string {
  let name = columnNames[col];
  if (name === undefined) {
    name = "";
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    }
    if (Number.isInteger(col) && col >= 0 && col < MAX_COLUMNS) columnNames[col] = name;
  }
  return name;
}

/** Excel's columns, A to XFD; each name made once (every field read names its cell). */
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1_048_576;
const columnNames: string[] = [];

/** 0-based (row, col) → "B12". */
export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B12" or "$B$12" → 0-based { row, col }. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  let col = 0;
  for (const ch of m?.[1].toUpperCase() ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m?.[2] ?? 0);
  // Rows 1 to 1,048,576 and columns A to XFD: "A0" or "XFE1" is no cell of a sheet.
  if (!m || row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: row - 1, col: col - 1 };
}

/** "A1:C3" (or a single cell, with or without a sheet prefix) → 0-based range. */
export function parseRange(address: string): CellRange {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = local.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function isErrorValue(value: CellValue): value is { error: string } {
  return typeof value === "object" && value !== null;
}

/** A cell as text the way a reader of the sheet sees it. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (isErrorValue(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * Visits the present elements of a possibly sparse array in index order. A file's row with one cell in column XFD
 * has one element at 16383: forEach would still test every index before it, for-in only the present ones.
 */
export function forEachPresent<T>(array: T[], visit: (value: T, index: number) => void): void {
  if (array.length <= 1024) array.forEach(visit);
  else for (const key in array) visit(array[key], Number(key));
}

/** A cell's value by sheet and address: undefined when the sheet is unknown, null when the cell is empty. */
export type GridLookup = (ref: { sheet: string; cell: string }) => CellValue | undefined;

export function gridLookup(grid: WorkbookGrid): GridLookup {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  return ({ sheet, cell }) => {
    const s = sheets.get(sheet);
    if (!s) return undefined;
    const { row, col } = parseA1(cell);
    const value = s.values[row - s.top]?.[col - s.left] ?? null;
    return value === "" ? null : value;
  };
}

/**
 * The cell's value where `text` is the whole of it, not the words after a label in the label's own cell: only then
 * may a formula or an input list stand for the field. Undefined otherwise.
 */
export function wholeCellValue(source: { sheet: string; cell: string; text: string }, cells: GridLookup): CellValue | undefined {
  const value = cells(source);
  return value !== undefined && cellText(value).trim() === source.text.trim() ? value : undefined;
}
