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

/** A cell's data validation (Range.dataValidation): the rule and what Excel shows around it. */
export interface SimDataValidation {
  /** "List", "WholeNumber", "Custom"…: DataValidationType. */
  type: string;
  /** The rule as Office.js gives it: exactly one kind, e.g. { list: { source: "①,②", inCellDropDown: true } }. */
  rule: Record<string, unknown>;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: "Stop" | "Warning" | "Information"; title: string; message: string };
  ignoreBlanks: boolean;
}

/** A conditional format of a sheet (only the custom, formula-based kind is modelled). */
export interface SimConditionalFormat {
  type: "Custom";
  range: CellRange;
  /** "=…", as set; null until the batch that added it sets it. */
  formula: string | null;
  format: {
    fill?: string;
    fontColor?: string;
    bold?: boolean;
    borders?: Partial<Record<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight", { style?: string; color?: string }>>;
  };
  stopIfTrue: boolean;
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
  /** Key: cellKey(row, col). Absent or empty: no cell has data validation. */
  validations?: Map<number, SimDataValidation>;
  /** In priority order, the first the highest. */
  conditionalFormats?: SimConditionalFormat[];
}

export interface SimWorkbook {
  /** What a title bar shows ("Book1.xlsx"). */
  name?: string;
  /** The structure is protected: no sheet may be added, deleted or renamed. */
  protected: boolean;
  sheets: SimSheet[];
  /** Workbook.settings: the add-in's key-value pairs saved in the file, each value as JSON text. */
  settings?: Map<string, string>;
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

/** A cell's value as Range.values gives it: the error text for an error, "" for an empty cell. */
export function displayValue(cell: SimCell | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.error) return cell.error;
  return cell.value ?? "";
}

/** Range.valueTypes of a cell. */
export function valueType(cell: SimCell | undefined): string {
  if (!cell || !hasContent(cell)) return "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
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
      validations: [...(sheet.validations ?? [])].sort(([a], [b]) => a - b).map(([key, dv]) => [key, clonePlain(dv)]),
      conditionalFormats: clonePlain(sheet.conditionalFormats ?? []),
    })),
    settings: [...(workbook.settings ?? [])].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** A deep copy of plain data (no Maps, no functions). */
export function clonePlain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function cloneCell(cell: SimCell): SimCell {
  return {
    ...cell,
    ...(cell.hyperlink ? { hyperlink: { ...cell.hyperlink } } : {}),
    ...(cell.format ? { format: { ...cell.format } } : {}),
  };
}
