import type { CellRef } from "../model";
import type { CellRange } from "../template/grid";

/**
 * A sheet to write, as plain data: what every writer (the Office.js adapter, the .xlsx writer, the in-memory
 * host) renders the same way. Every text value is written as text, never as a formula, whatever it starts with;
 * formulas are only those src/summary/formulas.ts builds, each with the value hyoka computed for it.
 */
export type CellFormat = "text" | "integer" | "percent" | "datetime" | "general";
export type CellStyle = "title" | "note" | "label" | "header";

/** Excel's number format for each cell format; "@" keeps text text (and would keep a formula as text: never on one). */
export const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: "@",
  integer: "0",
  percent: "0.0%",
  datetime: "yyyy-mm-dd hh:mm",
  general: "General",
};

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

/** The cell a link within the workbook jumps to ('Sheet name'!A3, Sheet!A3, #'Sheet'!A3); null for anything else. */
export function parseLinkTarget(target: string): CellRef | null {
  const m = /^#?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(target.trim());
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: `${m[3].toUpperCase()}${m[4]}` };
}

export interface CellWrite {
  row: number;
  col: number;
  /** The value; for a formula, its result as hyoka computed it (what a file caches for viewers that do not recalculate). */
  value: string | number | null;
  format: CellFormat;
  style?: CellStyle;
  /** A link that jumps to this cell of the workbook. */
  link?: CellRef;
  /** "=…", invariant (English) function names, format "general" (or a number format): written through `formulas`. */
  formula?: string;
  /** The formula's result is this error value ("#REF!"); `value` is then null. */
  error?: string;
}

/** A header row (`top`) and its data rows: an Excel table with filter buttons and banded rows. */
export interface TableWrite extends CellRange {
  /** Unique in the workbook; a writer adds a suffix when a user's table has it. */
  name: string;
  style: string;
  bandedRows: boolean;
  filterButtons: boolean;
}

/** Printing: A4, fit to one page wide, as many pages tall as needed. */
export interface PrintSetup {
  paper: "A4";
  orientation: "landscape" | "portrait";
  fitToPagesWide: 1;
  /** Rows repeated at the top of every page (0-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** What prints; absent: everything used. */
  area?: CellRange;
  /** Excel's header/footer codes (&A sheet name, &P page, &N pages); a literal & is &&. */
  footer: { left: string; center: string; right: string };
}

/**
 * A chart of the sheet's own cells: stacked bars, each bar 100%. `data` includes its header row and its label
 * column (series and category names come from them); `seriesBy` says whether each series is a row or a column.
 */
export interface ChartWrite {
  kind: "barStacked100";
  title: string;
  data: CellRange;
  seriesBy: "rows" | "columns";
  /** The cells the chart covers. */
  anchor: CellRange;
}

export interface SheetWrites {
  /** The wanted name; a writer picks 「集計 (2)」… when a user's own sheet already has it. */
  name: string;
  cells: CellWrite[];
  tables: TableWrite[];
  /** Character widths, by column. */
  columnWidths: number[];
  /**
   * Points, by row, for rows whose wrapped text needs more than one line: an estimate from the widths, for writers
   * that cannot measure text (files: viewers like LibreOffice print rows at the height the file gives). A writer
   * that can measure (Excel's autofit) may fit the rows itself.
   */
  rowHeights: Record<number, number>;
  freezeRows: number;
  print: PrintSetup;
  charts: ChartWrite[];
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

/**
 * How wide a text is in Excel's character units, roughly: East Asian wide and ambiguous characters (漢字, かな,
 * 全角, ①, ★) count two, others one; the widest line of a multi-line text.
 */
export function textWidth(text: string): number {
  return Math.max(0, ...text.split("\n").map((line) => [...line].reduce((w, ch) => w + (isWide(ch) ? 2 : 1), 0)));
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2460 && c <= 0x24ff) || // ① ⑴ ⒈ (ambiguous: wide in Japanese fonts)
    (c >= 0x2500 && c <= 0x27bf) || // box drawing, ★ ● (ambiguous)
    (c >= 0x2010 && c <= 0x2027 && c !== 0x2011) || // — ‥ … (ambiguous)
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  );
}

/** Bold and larger text is wider: the factor a style applies to {@link textWidth}. */
export function styleWidthFactor(style: CellStyle | undefined): number {
  const look = style ? STYLE_LOOKS[style] : {};
  return (look.bold ? 1.1 : 1) * ((look.size ?? 11) / 11);
}

/** Room an Excel table's filter button takes at the right of a header cell, in characters. */
export const FILTER_BUTTON_WIDTH = 3;
/** Room on either side of a cell's text, in characters. */
const PADDING = 2;
/** Points a line of 11-point text takes. */
const LINE_HEIGHT = 15;

/** How a column's width is decided: fitted to what it holds (between min and max; longer text wraps), or fixed. */
export interface ColumnSpec {
  min?: number;
  max?: number;
}

export type CellContent = Omit<CellWrite, "row" | "col">;

/** Writes cells at rows and columns; the layouts are written with it. */
export class SheetBuilder {
  readonly cells: CellWrite[] = [];
  readonly tables: TableWrite[] = [];
  readonly charts: ChartWrite[] = [];
  /** Cells whose text runs on over the empty cells to their right: they do not widen their column. */
  private readonly runningCells = new Set<CellWrite>();
  row = 0;

  constructor(readonly name: string) {}

  put(row: number, col: number, cell: CellContent | null): this {
    if (cell) this.cells.push({ ...cell, row, col });
    return this;
  }

  /** A title or a note: its text runs on to the right, over cells the layout leaves empty. */
  note(row: number, col: number, cell: CellContent): this {
    this.put(row, col, cell);
    this.runningCells.add(this.cells[this.cells.length - 1]);
    return this;
  }

  /** A note on a row of its own, at the current row. */
  noteLine(cell: CellContent, left = 0): this {
    this.note(this.row++, left, cell);
    return this;
  }

  /** One row at the current row, from column `left`; moves to the next row. */
  line(values: (CellContent | null)[], left = 0): this {
    values.forEach((cell, i) => this.put(this.row, left + i, cell));
    this.row++;
    return this;
  }

  blank(): this {
    this.row++;
    return this;
  }

  /** A header row and data rows, as an Excel table. An empty table keeps one blank body row (Excel needs one). */
  table(name: string, header: string[], rows: (CellContent | null)[][], left = 0): TableWrite {
    const top = this.row;
    this.line(header.map((value) => text(value, "header")), left);
    for (const r of rows) this.line(r, left);
    if (rows.length === 0) this.row++;
    const table: TableWrite = { top, left, bottom: this.row - 1, right: left + header.length - 1, name, style: TABLE_STYLE, bandedRows: true, filterButtons: true };
    this.tables.push(table);
    return table;
  }

  chart(chart: ChartWrite): this {
    this.charts.push(chart);
    return this;
  }

  /**
   * The finished sheet. Column widths fit what the columns hold, but for the running titles and notes; a table's
   * header leaves room for its filter button. `columns` bounds each column; longer table text wraps.
   */
  build(options: { columns: ColumnSpec[]; freezeRows: number; print: Omit<PrintSetup, "paper" | "fitToPagesWide"> }): SheetWrites {
    const inTable = (c: CellWrite) => this.tables.find((t) => c.row >= t.top && c.row <= t.bottom && c.col >= t.left && c.col <= t.right);
    const columnCount = this.cells.reduce((n, c) => Math.max(n, c.col + 1), options.columns.length);
    const widths = Array.from({ length: columnCount }, (_, col) => options.columns[col]?.min ?? 0);
    for (const c of this.cells) {
      if (this.runningCells.has(c)) continue;
      const table = inTable(c);
      const shown = c.error ?? (typeof c.value === "number" ? numberWidthText(c) : (c.value ?? ""));
      const button = table && c.row === table.top ? FILTER_BUTTON_WIDTH : 0;
      const wanted = textWidth(String(shown)) * styleWidthFactor(c.style) + PADDING + button;
      widths[c.col] = Math.max(widths[c.col], Math.min(wanted, options.columns[c.col]?.max ?? Infinity));
    }
    const columnWidths = widths.map((w) => Math.round(Math.max(w, 2) * 10) / 10);
    const lines = new Map<number, number>();
    for (const c of this.cells) {
      if (!inTable(c) || typeof c.value !== "string" || c.value === "") continue;
      const room = Math.max(1, columnWidths[c.col] - PADDING - (c.row === inTable(c)!.top ? FILTER_BUTTON_WIDTH : 0));
      const wrapped = c.value.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) * styleWidthFactor(c.style)) / room)), 0);
      lines.set(c.row, Math.max(lines.get(c.row) ?? 1, wrapped));
    }
    const rowHeights = Object.fromEntries([...lines].filter(([, n]) => n > 1).map(([row, n]) => [row, n * LINE_HEIGHT + 3]));
    return {
      name: this.name,
      cells: this.cells,
      tables: this.tables,
      columnWidths,
      rowHeights,
      freezeRows: options.freezeRows,
      print: { paper: "A4", fitToPagesWide: 1, ...options.print },
      charts: this.charts,
    };
  }
}

/** What a number cell shows, for its width: 63.2%, 1,234. */
function numberWidthText(cell: CellWrite): string {
  const n = cell.value as number;
  return cell.format === "percent" ? `${(n * 100).toFixed(1)}%` : String(n);
}

const TABLE_STYLE = "TableStyleMedium7";

/** The footer every summary sheet prints: the sheet's name, page n / total, when the sheet was made. */
export function standardFooter(made: string): PrintSetup["footer"] {
  return { left: "&A", center: "&P / &N", right: `作成 ${made.replace(/&/g, "&&")}` };
}

export function text(value: string, style?: CellStyle, link?: CellRef): CellContent {
  return { value, format: "text", ...(style ? { style } : {}), ...(link ? { link } : {}) };
}

export function integer(value: number, style?: CellStyle): CellContent {
  return { value, format: "integer", ...(style ? { style } : {}) };
}

export function percent(value: number): CellContent {
  return { value, format: "percent" };
}

/** A formula cell: its result as hyoka computed it, and the number format it shows with. */
export function formula(text: string, value: string | number | null, format: CellFormat = "general", error?: string): CellContent {
  return { value, format, formula: text, ...(error ? { error } : {}) };
}
