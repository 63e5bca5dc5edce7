import { promises as fs } from "fs";
import ExcelJS from "exceljs";

/**
 * Lays out 取組項目 blocks the way the published Osaka form does (merged cells, wrapped text), for the sample
 * workbook, the tests and the benchmark. Options produce the layout variants real workbooks show.
 */
export type CellInput = string | number | { error: string } | null | undefined;

export interface FormItem {
  /** A number is written 取組項目N (see numberStyle); a string is written as it is. */
  no: number | string;
  title: string;
  starred?: boolean;
  subtitle?: string;
  policy: CellInput;
  thisYear: CellInput;
  midyear?: { implementation?: CellInput; achievement?: CellInput; remark?: CellInput };
  final?: { result?: CellInput; achievement?: CellInput; remark?: CellInput };
}

export interface LayoutOptions {
  /** All items on one sheet (default), one sheet per item, or n items per sheet. */
  sheets?: "one" | "per-item" | number;
  /** 1-based row and column of the first block on each sheet. */
  origin?: { row: number; col: number };
  /** Blank rows between blocks. */
  gapRows?: number;
  /** An entirely blank spacer column between the label column and the value column. */
  blankColumnAfterLabels?: boolean;
  /** apart: 「取組項目」 in the heading cell and the number (a number) in the cell to its right. */
  numberStyle?: "plain" | "spaced" | "fullwidth" | "space" | "apart";
  /** Labels with spaces and line breaks inside, as people type them. */
  labelBreaks?: boolean;
  /** 取組項目5 【title】 in one cell. */
  titleInAnchorCell?: boolean;
  noMerges?: boolean;
  /** Sheets written before the item sheets: a cover, another 様式, an old summary. */
  extraSheets?: { name: string; rows: (string | number | null)[][] }[];
  heading?: { plan?: string; fiscalYear?: string };
  /** The printed note after 課題と改善策. */
  remarkNote?: string;
  /** Each section's rows (see SectionTemplate); null leaves the section out (forms without 中間振り返り). */
  sections?: Partial<Record<SectionName, SectionTemplate | null>>;
  /** How the legends separate a level from its words: 「①:達成見込み」「①: 達成見込み」「①：達成見込み」「①達成見込み」. */
  legendColon?: ":" | ": " | "：" | "";
  /** (ⅰ)/(ⅱ) as Roman-numeral characters in the implementation legend. */
  romanNumerals?: boolean;
}

export type SectionName = "plan" | "midyear" | "final";

/**
 * A section's rows as a small grid of tokens; the same token in a rectangle of adjacent cells is one merged area.
 * Columns are A, B, C… of the block (a spacer column is added after B with blankColumnAfterLabels).
 * - "" nothing at all (no border): blank cells and spacers
 * - "§" the section's label (計画, 中間振り返り, 自己評価); "#" an empty label-styled cell
 * - "L:<field>" a field's label, "N:remark" the 課題と改善策 label with its printed note
 * - "V:<field>" the item's value; "G:<scale>" the legend of implementation or achievement; "T:<text>" the text itself
 * Fields: policy, thisYear (plan); implementation, achievement, remark (mid-year); result, achievement, remark (final).
 */
export interface SectionTemplate {
  rows: string[][];
  /** Row heights by template row. */
  heights?: Record<number, number>;
}

const A = "§";
/** The published form's sections, as the sample workbook lays them out. */
export const FORM_SECTIONS: Record<SectionName, SectionTemplate> = {
  plan: {
    rows: [
      [A, "L:policy", "L:policy", "L:policy", "L:thisYear", "L:thisYear", "L:thisYear", "L:thisYear"],
      [A, "V:policy", "V:policy", "V:policy", "V:thisYear", "V:thisYear", "V:thisYear", "V:thisYear"],
    ],
    heights: { 1: 150 },
  },
  midyear: {
    rows: [
      [A, "L:implementation", "V:implementation", "G:implementation", "N:remark", "N:remark", "N:remark", "N:remark"],
      [A, "L:achievement", "V:achievement", "G:achievement", "V:remark", "V:remark", "V:remark", "V:remark"],
    ],
  },
  final: {
    rows: [
      [A, "L:result", "L:result", "#", "N:remark", "N:remark", "N:remark", "N:remark"],
      [A, "V:result", "V:result", "V:achievement", "V:remark", "V:remark", "V:remark", "V:remark"],
      [A, "V:result", "V:result", "G:achievement", "V:remark", "V:remark", "V:remark", "V:remark"],
    ],
    heights: { 1: 60 },
  },
};

const R4 = ["V:remark", "V:remark", "V:remark", "V:remark"];
const N4 = ["N:remark", "N:remark", "N:remark", "N:remark"];

/** Where other hands put the mid-year ratings: beside or under their labels, merged, spaced out. */
export const MIDYEAR_LAYOUTS: Record<string, SectionTemplate> = {
  "right of the label, left of the legend (the form)": FORM_SECTIONS.midyear,
  "below the label": {
    rows: [
      [A, "L:implementation", "G:implementation", "G:implementation", ...N4],
      [A, "V:implementation", "", "", ...R4],
      [A, "L:achievement", "G:achievement", "G:achievement", ...R4],
      [A, "V:achievement", "", "", ...R4],
    ],
  },
  "above the legend": {
    rows: [
      [A, "L:implementation", "V:implementation", "", ...N4],
      [A, "L:implementation", "G:implementation", "G:implementation", ...R4],
      [A, "L:achievement", "V:achievement", "", ...R4],
      [A, "L:achievement", "G:achievement", "G:achievement", ...R4],
    ],
  },
  "in a merged cell": {
    rows: [
      [A, "L:implementation", "V:implementation", "V:implementation", "G:implementation", "N:remark", "N:remark", "N:remark"],
      [A, "L:achievement", "V:achievement", "V:achievement", "G:achievement", "V:remark", "V:remark", "V:remark"],
    ],
  },
  "a blank column between label and value": {
    rows: [
      [A, "L:implementation", "", "V:implementation", "G:implementation", "N:remark", "N:remark", "N:remark"],
      [A, "L:achievement", "", "V:achievement", "G:achievement", "V:remark", "V:remark", "V:remark"],
    ],
  },
  "a blank row between label and value": {
    rows: [
      [A, "L:implementation", "G:implementation", "G:implementation", ...N4],
      ["", "", "", "", "", "", "", ""],
      ["", "V:implementation", "", "", ...R4],
      ["", "L:achievement", "G:achievement", "G:achievement", ...R4],
      ["", "", "", "", "", "", "", ""],
      ["", "V:achievement", "", "", "", "", "", ""],
    ],
  },
};

/** Where other hands put the 自己評価 rating: above, beside (value | legend) or below its legend, merged, spaced out. */
export const FINAL_LAYOUTS: Record<string, SectionTemplate> = {
  "above the legend (the form)": FORM_SECTIONS.final,
  "left of the legend": {
    rows: [
      [A, "L:result", "L:result", "L:result", ...N4],
      [A, "V:result", "V:result", "V:result", ...R4],
      [A, "V:achievement", "G:achievement", "G:achievement", ...R4],
    ],
  },
  "right of the legend": {
    rows: [
      [A, "L:result", "L:result", "L:result", ...N4],
      [A, "V:result", "V:result", "V:result", ...R4],
      [A, "G:achievement", "G:achievement", "V:achievement", ...R4],
    ],
  },
  "below the legend": {
    rows: [
      [A, "L:result", "L:result", "G:achievement", ...N4],
      [A, "V:result", "V:result", "V:achievement", ...R4],
      [A, "V:result", "V:result", "#", ...R4],
    ],
  },
  "in a merged cell": {
    rows: [
      [A, "L:result", "L:result", "#", ...N4],
      [A, "V:result", "V:result", "V:achievement", ...R4],
      [A, "V:result", "V:result", "V:achievement", ...R4],
      [A, "V:result", "V:result", "G:achievement", ...R4],
    ],
  },
  "a blank column between value and legend": {
    rows: [
      [A, "L:result", "", "N:remark", ...N4],
      [A, "V:result", "", "V:remark", ...R4],
      [A, "V:achievement", "", "G:achievement", "G:achievement", "", "", ""],
    ],
  },
  "a blank row between value and legend": {
    rows: [
      [A, "L:result", "L:result", "#", ...N4],
      [A, "V:result", "V:result", "V:achievement", ...R4],
      ["", "", "", "", "", "", "", ""],
      ["", "", "", "G:achievement", "", "", "", ""],
    ],
  },
};

/** A 自己評価 with a rating both above and left of its legend: which one is meant cannot be told (LAYOUT_AMBIGUOUS). */
export const TWO_RATINGS_FINAL: SectionTemplate = {
  rows: [
    [A, "L:result", "L:result", "#", ...N4],
    [A, "V:result", "V:result", "T:①", ...R4],
    [A, "V:result", "T:②", "G:achievement", ...R4],
  ],
};

/** One form of a book that gathers several (the 24 wards' forms, a sheet or more each). */
export interface FormSpec {
  /** The sheet name (with (2), (3)… when the form takes several sheets). */
  sheet: string;
  items: FormItem[];
  heading?: LayoutOptions["heading"];
  /** This form's sections, over the book's (a form without 中間振り返り among forms with it). */
  sections?: LayoutOptions["sections"];
}

/** The date written into the workbook's properties and its zip entries, so that the same items give the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2019, 9, 1));

/** The printed legends, as 「level, colon, words」 pairs. */
const LEGENDS = {
  implementation: [["(i)", "実施見込み"], ["(ii)", "実施できない見込み"]],
  midyear: [["①", "達成見込み"], ["②", "達成できない見込み"]],
  final: [["①", "目標達成"], ["②", "目標未達成"]],
} as const;

export function legendText(kind: keyof typeof LEGENDS, options: Pick<LayoutOptions, "legendColon" | "romanNumerals"> = {}): string {
  // The implementation legend has no colon in the published form: 「(i)実施見込み (ii)実施できない見込み」.
  const colon = kind === "implementation" ? "" : (options.legendColon ?? ":");
  const level = (mark: string) => (options.romanNumerals ? mark.replace("(ii)", "(ⅱ)").replace("(i)", "(ⅰ)") : mark);
  return LEGENDS[kind].map(([mark, words]) => `${level(mark)}${colon}${words}`).join(" ");
}
const NOTE = "※左記が「②」の場合は必須";

/** Each label as printed, then as people retype it: broken over lines, or with a space (half or full width) inside. */
const LABELS = {
  plan: ["計画", "計\n画", "計　画"],
  midyear: ["中間振り返り", "中間\n振り返り", "中間 振り返り"],
  final: ["自己評価", "自己\n評価", "自己 評価"],
  policy: ["取組の方針・目標内容", "取組の方針・\n目標内容", "取組の方針・ 目標内容"],
  thisYear: ["当年度の取組内容", "当年度の\n取組内容", "当年度の　取組内容"],
  implementation: ["取組内容の実施見込み", "取組内容の\n実施見込み", "取組内容の 実施見込み"],
  achievement: ["目標の達成見込み", "目標の\n達成見込み", "目標の 達成見込み"],
  result: ["当年度の取組実績及び目標の達成状況", "当年度の取組実績及び\n目標の達成状況", "当年度の取組実績 及び目標の達成状況"],
  remark: ["課題と改善策", "課題と\n改善策", "課題と 改善策"],
};

const FULLWIDTH_DIGITS = "０１２３４５６７８９";

export function itemHeading(no: number | string, style: LayoutOptions["numberStyle"] = "plain"): string {
  if (typeof no === "string") return no;
  const digits = String(no);
  switch (style) {
    case "spaced":
      return `取組項目 ${digits.split("").join(" ")}`;
    case "fullwidth":
      return `取組項目${digits.replace(/\d/g, (d) => FULLWIDTH_DIGITS[Number(d)])}`;
    case "space":
      return `取組項目 ${digits}`;
    default:
      return `取組項目${digits}`;
  }
}

export function buildFormWorkbook(items: FormItem[], options: LayoutOptions = {}): ExcelJS.Workbook {
  const sheets = groupBySheet(items, options.sheets ?? "one").map(([name, group]) => ({ name, items: group, heading: options.heading, sections: options.sections }));
  return buildWorkbook(sheets, options).workbook;
}

/** Several forms in one book, each on its own sheet(s) under its own heading. */
export function buildFormsWorkbook(forms: FormSpec[], options: LayoutOptions = {}): ExcelJS.Workbook {
  return buildFormBook(forms, options).workbook;
}

/** Where the builder wrote one field of one item: what a reader should find there. */
export interface WrittenField {
  sheet: string;
  /** The item's index in the book, 0-based. */
  index: number;
  field: string;
  /** The A1 address of the value's cell (its merged area's top-left). */
  cell: string;
}

/** The book and where each item's fields were written. */
export function buildFormBook(forms: FormSpec[], options: LayoutOptions = {}): { workbook: ExcelJS.Workbook; written: WrittenField[] } {
  const sheets = forms.flatMap((form) =>
    groupBySheet(form.items, options.sheets ?? "one").map(([, items], i, all) => ({
      name: all.length === 1 ? form.sheet : `${form.sheet}(${i + 1})`,
      items,
      heading: form.heading ?? options.heading,
      sections: form.sections ? { ...options.sections, ...form.sections } : options.sections,
    })),
  );
  return buildWorkbook(sheets, options);
}

function buildWorkbook(
  sheets: { name: string; items: FormItem[]; heading: LayoutOptions["heading"]; sections: LayoutOptions["sections"] }[],
  options: LayoutOptions,
): { workbook: ExcelJS.Workbook; written: WrittenField[] } {
  const wb = new ExcelJS.Workbook();
  wb.creator = wb.lastModifiedBy = "hyoka";
  wb.created = wb.modified = FIXED_DATE;
  for (const extra of options.extraSheets ?? []) {
    const ws = wb.addWorksheet(extra.name);
    extra.rows.forEach((row, r) => row.forEach((value, c) => value !== null && (ws.getCell(r + 1, c + 1).value = value)));
  }
  let count = 0;
  const written: WrittenField[] = [];
  for (const { name, items, heading, sections } of sheets) {
    const ws = wb.addWorksheet(name, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    new BlockWriter(ws, { ...options, heading, sections }, written).writeAll(items, count);
    count += items.length;
  }
  return { workbook: wb, written };
}

/** The .xlsx bytes of several forms in one book. */
export async function formsWorkbookBytes(forms: FormSpec[], options?: LayoutOptions): Promise<Buffer> {
  return stampZipEntries(Buffer.from(await buildFormsWorkbook(forms, options).xlsx.writeBuffer()), FIXED_DATE);
}

/** Writes the .xlsx file; the same items and options always give the same bytes. */
export async function writeFormWorkbook(file: string, items: FormItem[], options?: LayoutOptions): Promise<void> {
  await fs.writeFile(file, await formWorkbookBytes(items, options));
}

/** The .xlsx bytes, with every zip entry stamped FIXED_DATE (ExcelJS stamps them with the time of writing). */
export async function formWorkbookBytes(items: FormItem[], options?: LayoutOptions): Promise<Buffer> {
  const bytes = Buffer.from(await buildFormWorkbook(items, options).xlsx.writeBuffer());
  return stampZipEntries(bytes, FIXED_DATE);
}

/** Sets the DOS time and date of every entry, in the central directory and in each local header. */
function stampZipEntries(zip: Buffer, date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

function groupBySheet(items: FormItem[], sheets: NonNullable<LayoutOptions["sheets"]>): [string, FormItem[]][] {
  if (sheets === "one") return [["取組項目", items]];
  if (sheets === "per-item") return items.map((item, i) => [`取組項目${typeof item.no === "number" ? item.no : i + 1}`, [item]]);
  const groups: [string, FormItem[]][] = [];
  for (let i = 0; i < items.length; i += sheets) groups.push([`取組項目(${groups.length + 1})`, items.slice(i, i + sheets)]);
  return groups;
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const LABEL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F0E0" } };

/** Writes blocks top to bottom on one sheet. Columns: A section labels, B field labels, C values, D legends, E:H remarks. */
class BlockWriter {
  private row: number;
  private index = 0;
  private readonly col: number;
  /** Template column → column offset from A: one more after B with a spacer column. */
  private readonly offset: (column: number) => number;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly options: LayoutOptions,
    private readonly written: WrittenField[] = [],
  ) {
    this.row = options.origin?.row ?? 3;
    this.col = options.origin?.col ?? 1;
    const s = options.blankColumnAfterLabels ? 1 : 0;
    this.offset = (column) => (column >= 2 ? column + s : column);
    this.widths();
    if (options.heading?.plan) this.put(1, 0, options.heading.plan, { bold: true, size: 14 });
    if (options.heading?.fiscalYear) this.put(2, 0, options.heading.fiscalYear);
  }

  /** `first`: how many blocks earlier sheets hold. */
  writeAll(items: FormItem[], first = 0): void {
    for (const [i, item] of items.entries()) {
      this.index = first + i;
      this.block(item);
      this.row += this.options.gapRows ?? 1;
    }
  }

  /** With labelBreaks, blocks take turns: line breaks in one, spaces in the next. */
  private label(kind: keyof typeof LABELS): string {
    return LABELS[kind][this.options.labelBreaks ? 1 + (this.index % 2) : 0];
  }

  private block(item: FormItem): void {
    const H = this.offset(7);
    const heading = itemHeading(item.no, this.options.numberStyle);
    const title = `【${item.title}】${item.starred ? "★" : ""}`;
    if (this.options.titleInAnchorCell) {
      this.put(this.row, 0, `${heading} ${title}`, { bold: true });
      this.record("title", this.row, 0);
      this.row++;
    } else {
      if (this.options.numberStyle === "apart" && typeof item.no === "number") {
        this.put(this.row, 0, "取組項目", { bold: true });
        this.put(this.row, 1, item.no, { bold: true });
      } else this.put(this.row, 0, heading, { bold: true });
      this.area(this.row + 1, 0, this.row + 1, H, title, { bold: true });
      this.record("title", this.row + 1, 0);
      this.row += 2;
    }
    if (item.subtitle) this.area(this.row++, 0, this.row - 1, H, item.subtitle);
    for (const section of ["plan", "midyear", "final"] as const) {
      const template = this.options.sections?.[section] === undefined ? FORM_SECTIONS[section] : this.options.sections[section];
      if (template) this.section(section, template, item);
    }
  }

  /** Writes a section's template at the current row: each rectangle of one token as one (merged) area. */
  private section(section: SectionName, template: SectionTemplate, item: FormItem): void {
    const { rows } = template;
    const done = rows.map((line) => line.map(() => false));
    rows.forEach((line, r) =>
      line.forEach((token, c) => {
        if (done[r][c] || token === "") return;
        let right = c;
        while (right + 1 < line.length && line[right + 1] === token && !done[r][right + 1]) right++;
        let bottom = r;
        while (bottom + 1 < rows.length && rows[bottom + 1].slice(c, right + 1).every((t, k) => t === token && !done[bottom + 1][c + k])) bottom++;
        for (let rr = r; rr <= bottom; rr++) for (let cc = c; cc <= right; cc++) done[rr][cc] = true;
        const { value, style } = this.token(section, token, item);
        this.area(this.row + r, this.offset(c), this.row + bottom, this.offset(right), value, style);
        if (token.startsWith("V:")) this.record(`${section}.${token.slice(2)}`, this.row + r, this.offset(c));
      }),
    );
    for (const [r, height] of Object.entries(template.heights ?? {})) this.ws.getRow(this.row + Number(r)).height = height;
    this.row += rows.length;
  }

  private record(field: string, row: number, offset: number): void {
    this.written.push({ sheet: this.ws.name, index: this.index, field, cell: this.ws.getCell(row, this.col + offset).address });
  }

  private token(section: SectionName, token: string, item: FormItem): { value: CellInput; style: Style } {
    if (token === "§") return { value: this.label(section), style: { label: true } };
    if (token === "#") return { value: null, style: { label: true } };
    const [kind, name] = token.split(":");
    switch (kind) {
      case "L":
        return { value: this.label(name as keyof typeof LABELS), style: { label: true } };
      case "N":
        return { value: `${this.label("remark")} ${this.options.remarkNote ?? NOTE}`, style: { label: true } };
      case "G":
        return { value: legendText(name === "implementation" ? "implementation" : section === "final" ? "final" : "midyear", this.options), style: {} };
      case "V":
        return { value: valueOf(item, section, name), style: {} };
      case "T":
        return { value: token.slice(2), style: {} };
      default:
        throw new Error(`unknown template token ${token}`);
    }
  }

  private widths(): void {
    const set = (column: number, width: number) => (this.ws.getColumn(this.col + this.offset(column)).width = width);
    [8, 18, 8, 20, 22, 22, 22, 22].forEach((width, column) => set(column, width));
    if (this.options.blankColumnAfterLabels) this.ws.getColumn(this.col + 2).width = 3;
  }

  private area(top: number, left: number, bottom: number, right: number, value: CellInput, style: Style = {}): void {
    if (!this.options.noMerges && (bottom > top || right > left)) {
      this.ws.mergeCells(top, this.col + left, bottom, this.col + right);
    }
    this.put(top, left, value, style);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) this.ws.getCell(r, this.col + c).border = BORDER;
  }

  private put(row: number, offset: number, value: CellInput, style: Style = {}): void {
    const cell = this.ws.getCell(row, this.col + offset);
    if (value !== undefined && value !== null && value !== "") cell.value = value as ExcelJS.CellValue;
    cell.alignment = { wrapText: true, vertical: "top" };
    cell.border = BORDER;
    if (style.bold || style.size) cell.font = { bold: style.bold, size: style.size };
    if (style.label) {
      cell.fill = LABEL_FILL;
      cell.font = { bold: true };
    }
  }
}

function valueOf(item: FormItem, section: SectionName, field: string): CellInput {
  if (section === "plan") return field === "policy" ? item.policy : field === "thisYear" ? item.thisYear : undefined;
  const values = (section === "midyear" ? item.midyear : item.final) as Record<string, CellInput> | undefined;
  return values?.[field];
}

interface Style {
  bold?: boolean;
  size?: number;
  label?: boolean;
}
