import type { CellRef } from "../model";

/**
 * A sheet to write, as plain data: what both writers (Office.js and .xlsx files) render. Every text value
 * is written as text, never as a formula, whatever it starts with.
 */
export type CellFormat = "text" | "integer" | "percent" | "datetime";
export type CellStyle = "title" | "note" | "label" | "header";

/** Excel's number format for each cell format; "@" keeps text text. */
export const NUMBER_FORMATS: Record<CellFormat, string> = { text: "@", integer: "0", percent: "0.0%", datetime: "yyyy-mm-dd hh:mm" };

/** How each style looks, in either writer. Colours are "#RRGGBB". */
export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
}

export const STYLE_LOOKS: Record<CellStyle, StyleLook> = {
  title: { bold: true, size: 14 },
  note: { italic: true, color: "#666666" },
  label: { bold: true },
  header: { bold: true, color: "#FFFFFF", fill: "#2E7D32" },
};

/**
 * A column width in characters of the default font (what .xlsx files store) as points (what Office.js sets):
 * 7 pixels a character plus 5 of padding, at 96 pixels to 72 points. 8.43 characters = 48 points.
 */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Where a link jumps inside the workbook: 'Sheet name'!A3. */
export function linkTarget(link: CellRef): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
}

export interface CellWrite {
  row: number;
  col: number;
  value: string | number | null;
  format: CellFormat;
  style?: CellStyle;
  /** A link that jumps to this cell of the workbook. */
  link?: CellRef;
}

/** A header row (`top`) and its data rows: an Excel table in the add-in, a filtered range in files. */
export interface TableWrite {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetWrites {
  /** The wanted name; a writer picks 「集計 (2)」… when a user's own sheet already has it. */
  name: string;
  cells: CellWrite[];
  tables: TableWrite[];
  /** Character widths, by column. */
  columnWidths: number[];
  freezeRows: number;
}

/** The text that marks a sheet as hyoka's own, so that a re-run replaces it and never a user's sheet. */
const MARKER = "hyoka:generated";
export const MARKER_CELL = { row: 1, col: 0 } as const;

/** A sheet is ours when its marker cell (A2) starts with the marker. */
export function isGeneratedSheet(markerCellText: unknown): boolean {
  return typeof markerCellText === "string" && markerCellText.startsWith(`［${MARKER}］`);
}

export function markerText(): string {
  return `［${MARKER}］このシートは評価チェック（hyoka）が自動作成しました。再作成すると置き換わるため、ここには書き込まないでください。`;
}

/** The first free name: 集計, 集計 (2), 集計 (3)… skipping names that are taken and not ours. */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base} (${n})`)) return `${base} (${n})`;
}

/** Appends rows top to bottom; the layouts are written with it. */
export class SheetBuilder {
  readonly cells: CellWrite[] = [];
  readonly tables: TableWrite[] = [];
  row = 0;

  constructor(
    readonly name: string,
    readonly columnWidths: number[],
  ) {}

  line(values: (Omit<CellWrite, "row" | "col"> | null)[]): this {
    values.forEach((cell, col) => {
      if (cell) this.cells.push({ ...cell, row: this.row, col });
    });
    this.row++;
    return this;
  }

  blank(): this {
    this.row++;
    return this;
  }

  /** A header row and data rows, recorded as a table. */
  table(header: string[], rows: (Omit<CellWrite, "row" | "col"> | null)[][]): this {
    const top = this.row;
    this.line(header.map((value) => text(value, "header")));
    for (const r of rows) this.line(r);
    this.tables.push({ top, left: 0, bottom: Math.max(top + 1, this.row - 1), right: header.length - 1 });
    if (rows.length === 0) this.row++; // an Excel table needs one body row
    return this;
  }

  build(freezeRows = 0): SheetWrites {
    return { name: this.name, cells: this.cells, tables: this.tables, columnWidths: this.columnWidths, freezeRows };
  }
}

export function text(value: string, style?: CellStyle, link?: CellRef): Omit<CellWrite, "row" | "col"> {
  return { value, format: "text", ...(style ? { style } : {}), ...(link ? { link } : {}) };
}

export function integer(value: number): Omit<CellWrite, "row" | "col"> {
  return { value, format: "integer" };
}

export function percent(value: number): Omit<CellWrite, "row" | "col"> {
  return { value, format: "percent" };
}
