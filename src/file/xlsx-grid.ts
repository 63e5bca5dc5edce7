import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../template/grid";
import { a1, clipMergeRows, parseRange } from "../template/grid";
import { RawCell, readSheet } from "./sheet-part";
import { LIMITS, XlsxError } from "./xlsx-error";
import type { XlsxWorkbook } from "./xlsx-workbook";

/**
 * A package's visible worksheets as the reader's grids. Hidden sheets are left out, as a person does not see
 * them. Rows are sparse arrays: a far-right cell costs one slot, not a row of nulls.
 */
export async function gridFromXlsx(workbook: XlsxWorkbook, name: string): Promise<WorkbookGrid> {
  const convert = await cellValues(workbook);
  const sheets: SheetGrid[] = [];
  for (const s of workbook.worksheets) if (s.state === "visible") sheets.push(await sheetGrid(workbook, s.name, s.part, convert));
  return { name, sheets };
}

async function sheetGrid(workbook: XlsxWorkbook, name: string, part: string, convert: (cell: RawCell) => CellValue): Promise<SheetGrid> {
  const values: CellValue[][] = [];
  const refs: string[] = [];
  let bottom = -1;
  let right = -1;
  await readSheet(workbook.pkg, part, {
    cell(cell) {
      const value = convert(cell);
      if (value === null) return;
      (values[cell.row] ??= [])[cell.col] = value;
      if (cell.row > bottom) bottom = cell.row;
      if (cell.col > right) right = cell.col;
    },
    merge: (ref) => refs.push(ref),
  });
  const merges = clipMerges(refs, bottom, right);
  for (const m of merges) clearCovered(values, m);
  return { name, top: 0, left: 0, values, merges };
}

/**
 * A cell's value as the reader sees it: shared and inline strings, numbers, booleans, errors, a formula's cached
 * value. A number in a date format is shown as the date, "2019-10-01", as Excel shows it (and as the earlier
 * ExcelJS reader did); with `dates: "serial"` it stays the serial number, as Office.js answers it.
 */
export async function cellValues(workbook: XlsxWorkbook, { dates: mode = "text" }: { dates?: "text" | "serial" } = {}): Promise<(cell: RawCell) => CellValue> {
  const { strings } = await workbook.sharedStrings();
  const dates = mode === "text" ? workbook.styles().dates : [];
  return (cell) => {
    if (!cell.hasValue) return null;
    switch (cell.type) {
      case "s": {
        // A reference past the shared strings (or none at all) is a broken file, as Excel says: nothing read silently as blank.
        const index = Number(cell.text);
        if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
          throw new XlsxError(`.xlsx ファイルが壊れているため読み込めません（セル ${a1(cell.row, cell.col)} が共有文字列 ${printableIndex(cell.text)} を指していますが、共有文字列は ${strings.length} 個です）`);
        }
        return strings[index] || null;
      }
      case "inlineStr":
      case "str":
        return cell.text || null;
      case "b":
        return cell.text.trim() === "1" || cell.text.trim() === "true";
      case "e":
        return { error: cell.text.trim() };
      case "d":
        return mode === "text" ? cell.text.trim().slice(0, 10) || null : dateSerial(cell.text.trim(), workbook.date1904);
      default: {
        if (cell.text.trim() === "") return null;
        const number = Number(cell.text);
        if (Number.isNaN(number)) return null;
        return dates[cell.style] ? (dateText(number, workbook.date1904) ?? number) : number;
      }
    }
  };
}

function printableIndex(text: string): string {
  const trimmed = text.trim();
  return /^\d{1,12}$/.test(trimmed) ? `#${trimmed}` : `「${trimmed.slice(0, 20).replace(/[^\x20-\x7e]/g, "?")}」`;
}

/** A date serial as "YYYY-MM-DD" (1900 or 1904 date system), or undefined when it is no date. */
export function dateText(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** An ISO 8601 date (a `t="d"` cell) as a serial number, or null when it is no date. */
function dateSerial(iso: string, date1904: boolean): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? null : ms / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

/**
 * Merged areas clipped to the cells that hold values, rows to MERGE_TAIL_ROWS below the last: an area over a whole
 * sheet costs what the values do. Areas that start beyond them are dropped. A sheet whose areas still cover too
 * many rows is refused (LIMITS.mergedRows).
 */
export function clipMerges(refs: string[], bottom: number, right: number): CellRange[] {
  const merges: CellRange[] = [];
  let rows = 0;
  for (const ref of refs) {
    let m: CellRange;
    try {
      m = parseRange(ref);
    } catch {
      continue; // not an area: Excel would drop it too
    }
    if (m.top > bottom || m.left > right || m.bottom < m.top || m.right < m.left) continue;
    const clipped = { ...clipMergeRows(m, bottom), right: Math.min(m.right, right) };
    rows += clipped.bottom - clipped.top + 1;
    if (rows > LIMITS.mergedRows) throw new XlsxError(`結合セルが多すぎます（結合範囲の行数の合計が ${LIMITS.mergedRows.toLocaleString("en-US")} を超えます）`);
    merges.push(clipped);
  }
  return merges;
}

/** A cell hidden under a merged area holds nothing, as in Excel (the file may still carry a value there). */
function clearCovered(values: CellValue[][], m: CellRange): void {
  for (let r = m.top; r <= m.bottom; r++) {
    const line = values[r];
    if (!line) continue;
    for (const c of presentIndexes(line, m.left, m.right)) if (r !== m.top || c !== m.left) delete line[c];
  }
}

/** The indexes of a sparse row's present elements within [from, to]. */
function presentIndexes(line: unknown[], from: number, to: number): number[] {
  const last = Math.min(to, line.length - 1);
  if (last - from < 64) {
    const found: number[] = [];
    for (let c = from; c <= last; c++) if (c in line) found.push(c);
    return found;
  }
  return Object.keys(line)
    .map(Number)
    .filter((c) => c >= from && c <= last);
}
