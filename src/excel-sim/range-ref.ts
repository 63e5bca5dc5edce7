/** Addresses in the in-memory host: parsing them as Excel does, and naming a range the way Excel reports it. */
import { a1, CellRange, parseRange } from "../template/grid";
import { MAX_COLUMNS, SimSheet } from "./workbook";
import { SimOfficeError } from "./proxy";

export const MAX_ROWS = 1_048_576;

/** "B2", "B2:D5", "A:C", "3:5", with or without a sheet prefix. Whole columns or rows are unbounded. */
export function parseAddress(address: string): CellRange & { unbounded?: boolean } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (columns) {
    const range = parseRange(`${columns[1]}1:${columns[2]}1`);
    return { ...range, top: 0, bottom: MAX_ROWS - 1, unbounded: true };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLUMNS - 1, unbounded: true };
  let range: CellRange;
  try {
    range = parseRange(local);
  } catch {
    throw new SimOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  }
  if (range.bottom >= MAX_ROWS || range.right >= MAX_COLUMNS || range.top > range.bottom || range.left > range.right) {
    throw new SimOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  }
  return range;
}

export interface RangeRef extends CellRange {
  sheet: SimSheet;
  /** Whole rows or columns: "Cell-level properties … come back as null for unbounded reads" and can't be set. */
  unbounded?: boolean;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rangeAddress({ sheet, top, left, bottom, right }: RangeRef): string {
  const local = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  return `${quoteSheet(sheet.name)}!${local}`;
}

export function cellsOf(ref: CellRange): number {
  return (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
}
