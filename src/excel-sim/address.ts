/** A1 addresses, as Excel writes and reads them. Rows and columns are 0-based here, inclusive at both ends. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** 0-based (row, col) → "B3". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function cellRect(row: number, col: number): Rect {
  return { top: row, left: col, bottom: row, right: col };
}

export function area(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

export function isWholeColumns(rect: Rect): boolean {
  return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
}

export function isWholeRows(rect: Rect): boolean {
  return rect.left === 0 && rect.right === MAX_COLUMNS - 1;
}

/** "A1", "A1:C3", "A:C" (whole columns), "2:4" (whole rows) or "1:1048576" (the whole sheet), as Excel does. */
export function rectAddress(rect: Rect): string {
  if (isWholeColumns(rect) && !isWholeRows(rect)) return `${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  if (isWholeRows(rect)) return `${rect.top + 1}:${rect.bottom + 1}`;
  const from = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? from : `${from}:${cellAddress(rect.bottom, rect.right)}`;
}

/**
 * A sheet name as a reference prefix: bare when made of letters, digits, "_" and "." only and not readable as
 * a cell reference; else in single quotes with quotes doubled ('My Sheet', '2019', 'O''Neil', '集計 (2)').
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!B2:D5", "'My Sheet'!A1". */
export function qualifiedAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectAddress(rect)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/**
 * "A1", "$A$1:B2", "A:C", "3:5", optionally after "Sheet1!" or "'My Sheet'!". Null when it is not an address
 * (named ranges are not simulated) or it leaves the sheet.
 */
export function parseAddress(text: string): { sheet?: string; rect: Rect } | null {
  let sheet: string | undefined;
  let local = text.trim();
  const bang = local.lastIndexOf("!");
  if (bang >= 0) {
    const prefix = local.slice(0, bang);
    local = local.slice(bang + 1);
    const quoted = /^'((?:[^']|'')+)'$/.exec(prefix);
    sheet = quoted ? quoted[1].replace(/''/g, "'") : prefix;
    if (!sheet) return null;
  }
  const parts = local.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return null;
  const [a, b = a] = parts;
  let rect: Rect | null = null;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    rect = corners(Number(ca[2]) - 1, columnNumber(ca[1]), Number(cb[2]) - 1, columnNumber(cb[1]));
  } else if (parts.length === 2 && COLUMN.test(a) && COLUMN.test(b)) {
    rect = corners(0, columnNumber(COLUMN.exec(a)![1]), MAX_ROWS - 1, columnNumber(COLUMN.exec(b)![1]));
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    rect = corners(Number(ROW.exec(a)![1]) - 1, 0, Number(ROW.exec(b)![1]) - 1, MAX_COLUMNS - 1);
  }
  if (!rect || !insideSheet(rect)) return null;
  return sheet === undefined ? { rect } : { sheet, rect };
}

function corners(r1: number, c1: number, r2: number, c2: number): Rect {
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export function insideSheet(rect: Rect): boolean {
  return (
    rect.top >= 0 && rect.left >= 0 && rect.bottom < MAX_ROWS && rect.right < MAX_COLUMNS && rect.top <= rect.bottom && rect.left <= rect.right
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
