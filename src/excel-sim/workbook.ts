/**
 * The plain data the in-memory Excel host works on: a workbook of sheets of sparse cells. No Office.js rules
 * here (see host.ts) and no ExcelJS or Node, so the browser preview can bundle it.
 */
import type { CellRange } from "../template/grid";

export type SimValue = string | number | boolean | null;

export interface SimCellFormat {
  bold?: boolean;
  italic?: boolean;
  /** Font colour, "#RRGGBB". */
  color?: string;
  size?: number;
  /** Fill colour, "#RRGGBB". */
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
}

export interface SimCell {
  /** The value, or a formula's last result; null when empty or when the cell holds an error. */
  value: SimValue;
  /** "=SUM(A1:A3)". */
  formula?: string;
  /** "#REF!", "#N/A"…: the cell's value is this error. */
  error?: string;
  numberFormat?: string;
  /** Entered with a leading apostrophe: the value is text whatever it looks like (the apostrophe is not in it). */
  quotePrefix?: boolean;
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string };
  format?: SimCellFormat;
}

export interface SimTable {
  name: string;
  /** "Sheet!A1:D20". */
  address: string;
  style: string;
}

export interface SimSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Key: cellKey(row, col), 0-based. Empty cells are absent. */
  cells: Map<number, SimCell>;
  merges: CellRange[];
  tables: SimTable[];
  /** Column index → width in points; absent = the standard width. */
  columnWidths: Map<number, number>;
  frozenRows: number;
}

export interface SimWorkbook {
  /** What a title bar shows ("Book1.xlsx"). */
  name?: string;
  /** The structure is protected: no sheet may be added, deleted or renamed. */
  protected: boolean;
  sheets: SimSheet[];
}

/** Excel's column count: a numeric key row * 16384 + col is unique and sorts in reading order. */
export const MAX_COLUMNS = 16_384;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function cellPosition(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS };
}

export function newSheet(name: string): SimSheet {
  return { name, visibility: "Visible", protected: false, cells: new Map(), merges: [], tables: [], columnWidths: new Map(), frozenRows: 0 };
}

/** A cell that counts for the used range: a value, a formula or an error (formatting alone does not). */
export function hasContent(cell: SimCell): boolean {
  return (cell.value !== null && cell.value !== "") || cell.formula !== undefined || cell.error !== undefined;
}

export function getCell(sheet: SimSheet, row: number, col: number): SimCell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

/** The sheet's cells with their positions, in reading order. */
export function sortedCells(sheet: SimSheet): { row: number; col: number; cell: SimCell }[] {
  return [...sheet.cells.keys()]
    .sort((a, b) => a - b)
    .map((key) => ({ ...cellPosition(key), cell: sheet.cells.get(key) as SimCell }));
}

/** A deep, comparable copy of everything in the workbook (for "nothing changed" assertions). */
export function snapshot(workbook: SimWorkbook) {
  return {
    name: workbook.name,
    protected: workbook.protected,
    sheets: workbook.sheets.map((sheet) => ({
      ...sheet,
      cells: sortedCells(sheet).map(({ row, col, cell }) => ({ row, col, cell: cloneCell(cell) })),
      merges: sheet.merges.map((m) => ({ ...m })),
      tables: sheet.tables.map((t) => ({ ...t })),
      columnWidths: [...sheet.columnWidths].sort(([a], [b]) => a - b),
    })),
  };
}

function cloneCell(cell: SimCell): SimCell {
  return {
    ...cell,
    ...(cell.hyperlink ? { hyperlink: { ...cell.hyperlink } } : {}),
    ...(cell.format ? { format: { ...cell.format } } : {}),
  };
}
