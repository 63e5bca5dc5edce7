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
  numberStyle?: "plain" | "spaced" | "fullwidth" | "space";
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
}

/** The date written into the workbook's properties and its zip entries, so that the same items give the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2019, 9, 1));

const LEGENDS = {
  implementation: "(i)実施見込み (ii)実施できない見込み",
  midyear: "①:達成見込み ②:達成できない見込み",
  final: "①:目標達成 ②:目標未達成",
};
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
  const wb = new ExcelJS.Workbook();
  wb.creator = wb.lastModifiedBy = "hyoka";
  wb.created = wb.modified = FIXED_DATE;
  for (const extra of options.extraSheets ?? []) {
    const ws = wb.addWorksheet(extra.name);
    extra.rows.forEach((row, r) => row.forEach((value, c) => value !== null && (ws.getCell(r + 1, c + 1).value = value)));
  }
  let written = 0;
  for (const [name, group] of groupBySheet(items, options.sheets ?? "one")) {
    const ws = wb.addWorksheet(name, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    new BlockWriter(ws, options).writeAll(group, written);
    written += group.length;
  }
  return wb;
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
  /** Column offsets of B, C, D, E, H relative to A; one more after B with a spacer column. */
  private readonly c: { A: number; B: number; C: number; D: number; E: number; H: number };

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly options: LayoutOptions,
  ) {
    this.row = options.origin?.row ?? 3;
    this.col = options.origin?.col ?? 1;
    const s = options.blankColumnAfterLabels ? 1 : 0;
    this.c = { A: 0, B: 1, C: 2 + s, D: 3 + s, E: 4 + s, H: 7 + s };
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
    const { A, B, C, D, E, H } = this.c;
    const heading = itemHeading(item.no, this.options.numberStyle);
    const title = `【${item.title}】${item.starred ? "★" : ""}`;
    if (this.options.titleInAnchorCell) {
      this.put(this.row, A, `${heading} ${title}`, { bold: true });
      this.row++;
    } else {
      this.put(this.row, A, heading, { bold: true });
      this.area(this.row + 1, A, this.row + 1, H, title, { bold: true });
      this.row += 2;
    }
    if (item.subtitle) this.area(this.row++, A, this.row - 1, H, item.subtitle);

    const note = `${this.label("remark")} ${this.options.remarkNote ?? NOTE}`;
    const r = this.row;
    // 計画
    this.area(r, A, r + 1, A, this.label("plan"), { label: true });
    this.area(r, B, r, D, this.label("policy"), { label: true });
    this.area(r, E, r, H, this.label("thisYear"), { label: true });
    this.area(r + 1, B, r + 1, D, item.policy);
    this.area(r + 1, E, r + 1, H, item.thisYear);
    this.ws.getRow(r + 1).height = 150;
    // 中間振り返り
    const m = r + 2;
    this.area(m, A, m + 1, A, this.label("midyear"), { label: true });
    this.put(m, B, this.label("implementation"), { label: true });
    this.put(m, C, item.midyear?.implementation);
    this.put(m, D, LEGENDS.implementation);
    this.area(m, E, m, H, note, { label: true });
    this.put(m + 1, B, this.label("achievement"), { label: true });
    this.put(m + 1, C, item.midyear?.achievement);
    this.put(m + 1, D, LEGENDS.midyear);
    this.area(m + 1, E, m + 1, H, item.midyear?.remark);
    // 自己評価
    const f = m + 2;
    this.area(f, A, f + 2, A, this.label("final"), { label: true });
    this.area(f, B, f, C, this.label("result"), { label: true });
    this.put(f, D, null, { label: true });
    this.area(f, E, f, H, note, { label: true });
    this.area(f + 1, B, f + 2, C, item.final?.result);
    this.put(f + 1, D, item.final?.achievement);
    this.area(f + 1, E, f + 2, H, item.final?.remark);
    this.put(f + 2, D, LEGENDS.final);
    this.ws.getRow(f + 1).height = 60;
    this.row = f + 3;
  }

  private widths(): void {
    const { A, B, C, D, E, H } = this.c;
    const set = (offset: number, width: number) => (this.ws.getColumn(this.col + offset).width = width);
    set(A, 8);
    set(B, 18);
    set(C, 8);
    set(D, 20);
    for (let e = E; e <= H; e++) set(e, 22);
    if (this.options.blankColumnAfterLabels) set(B + 1, 3);
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

interface Style {
  bold?: boolean;
  size?: number;
  label?: boolean;
}
