import { countBlocking, FIELD_LABELS, PHASE_LABELS, SEVERITY_LABELS } from "../model";
import type { ItemRow, Summary, Tally } from "./compute";
import { integer, markerText, percent, SheetBuilder, SheetWrites, text } from "./sheet-writes";

type Column = { header: string; width: number; cell: (row: ItemRow) => ReturnType<typeof text> };

// The counts above the item table share its first columns: 番号 is wide enough for 「取組内容の実施見込み」, ★ for a
// count of thousands.
const ITEM_COLUMNS: Column[] = [
  { header: "番号", width: 20, cell: (r) => integer(r.no) },
  { header: "取組項目", width: 36, cell: (r) => text(r.title) },
  { header: "★", width: 7, cell: (r) => text(r.starred ? "★" : "") },
  { header: "実施見込み", width: 10, cell: (r) => text(r.implementation) },
  { header: "達成見込み", width: 10, cell: (r) => text(r.achievement) },
  { header: "中間 課題と改善策", width: 40, cell: (r) => text(r.midyearRemark) },
  { header: FIELD_LABELS["final.achievement"].ja, width: 9, cell: (r) => text(r.final) },
  { header: "自己評価 課題と改善策", width: 40, cell: (r) => text(r.finalRemark) },
  { header: "エラー件数", width: 9, cell: (r) => integer(r.errors) },
  { header: "警告件数", width: 9, cell: (r) => integer(r.warnings) },
  { header: "目標", width: 28, cell: (r) => text(r.targets) },
];

const SUMMARY_SHEET = "集計";
export const FINDINGS_SHEET = "検証結果";
const OVERALL_SHEET = "全体集計";
const PER_FILE_SHEET = "ファイル別集計";


/** The 集計 and 検証結果 sheets of one workbook. */
export function layoutSummary(summary: Summary): SheetWrites[] {
  return [summarySheet(summary), findingsSheet(summary)];
}

function header(sheet: SheetBuilder, title: string, meta: [string, string | number][]): void {
  sheet.line([text(title, "title")]).line([text(markerText(), "note")]);
  for (const [label, value] of meta) sheet.line([text(label, "label"), typeof value === "number" ? integer(value) : text(value)]);
  sheet.blank();
}

function workbookMeta(summary: Summary): [string, string | number][] {
  return [
    ["ブック", summary.workbook],
    ["フェーズ", PHASE_LABELS[summary.phase].ja],
    ["作成日時", formatDateTime(summary.generatedAt)],
    ["取組項目数", summary.items],
  ];
}

function summarySheet(summary: Summary): SheetWrites {
  const sheet = new SheetBuilder(SUMMARY_SHEET, [...ITEM_COLUMNS.map((c) => c.width), 14]);
  header(sheet, SUMMARY_SHEET, workbookMeta(summary));

  sheet.line(["区分", "値", "件数", "割合"].map((h) => text(h, "header")));
  const tallyLine = (label: string, t: Tally) => sheet.line([text(label, "label"), text(t.label), integer(t.count), percent(t.share)]);
  for (const rating of summary.ratings) for (const t of rating.tallies) tallyLine(rating.label, t);
  tallyLine("★（重点的な取組）", summary.starred);
  tallyLine(SEVERITY_LABELS.error.ja, summary.withErrors);
  sheet.blank();
  if (summary.forms.length > 0) formsBlock(sheet, summary);

  // A workbook of several forms numbers each from 1: the item table says which form a row is.
  const columns = summary.forms.length > 0 ? [FORM_COLUMN, ...ITEM_COLUMNS] : ITEM_COLUMNS;
  sheet.table(
    [...columns.map((c) => c.header), "移動"],
    summary.rows.map((row) => [...columns.map((c) => c.cell(row)), text(`取組項目${row.no}へ`, undefined, row.link)]),
  );
  return sheet.build(0);
}

const FORM_COLUMN: Column = { header: "様式", width: 14, cell: (r) => text(r.form) };

/** Per form and in total: items, items with errors, and each rating's tallies (「—」 where a form has no such section). */
function formsBlock(sheet: SheetBuilder, summary: Summary): void {
  const headers = ["様式", "取組項目数", "エラーのある取組項目", ...summary.ratings.flatMap((r) => r.tallies.map((t) => `${r.label} ${t.label}`))];
  sheet.line(headers.map((h) => text(h, "header")));
  for (const form of summary.forms) {
    sheet.line([
      text(form.name, "label"),
      integer(form.items),
      integer(form.withErrors),
      ...form.ratings.flatMap((counts, r) => (counts ? counts.map(integer) : summary.ratings[r].tallies.map(() => text("—")))),
    ]);
  }
  sheet.blank();
}

function findingsSheet(summary: Summary): SheetWrites {
  const sheet = new SheetBuilder(FINDINGS_SHEET, [6, 8, 24, 30, 14, 8, 80]);
  const { blocking, warnings } = countBlocking(summary.findings);
  header(sheet, FINDINGS_SHEET, [...workbookMeta(summary), ["エラー / 警告", `${blocking} 件 / ${warnings} 件`]]);
  sheet.table(
    ["番号", "重要度", "コード", "項目", "シート", "セル", "メッセージ"],
    summary.findings.map((f) => [
      f.item === null ? text("") : integer(f.item),
      text(SEVERITY_LABELS[f.severity].ja),
      text(f.code),
      text(f.field ? FIELD_LABELS[f.field].ja : ""),
      text(f.sheet ?? ""),
      f.sheet && f.cell ? text(f.cell, undefined, { sheet: f.sheet, cell: f.cell }) : text(""),
      text(f.message),
    ]),
  );
  return sheet.build(0);
}

/** One input of a multi-file run: its summary, or why it could not be read. */
export interface FileSummary {
  file: string;
  summary?: Summary;
  error?: string;
}

/** The aggregate workbook of several files: 全体集計 (one row per file and item) and ファイル別集計. */
export function layoutAggregate(files: FileSummary[], generatedAt: Date): SheetWrites[] {
  const read = files.filter((f) => f.summary);
  const meta: [string, string | number][] = [
    ["作成日時", formatDateTime(generatedAt)],
    ["ファイル数", files.length],
    ["読み込めなかったファイル", files.length - read.length],
    ["取組項目数", read.reduce((n, f) => n + f.summary!.items, 0)],
  ];

  const columns = read.some((f) => f.summary!.forms.length > 0) ? [FORM_COLUMN, ...ITEM_COLUMNS] : ITEM_COLUMNS;
  const overall = new SheetBuilder(OVERALL_SHEET, [28, ...columns.map((c) => c.width)]);
  header(overall, OVERALL_SHEET, meta);
  overall.table(
    ["ファイル", ...columns.map((c) => c.header)],
    read.flatMap(({ file, summary }) => summary!.rows.map((row) => [text(file), ...columns.map((c) => c.cell(row))])),
  );

  const ratingHeaders = read[0]?.summary!.ratings ?? [];
  const perFile = new SheetBuilder(PER_FILE_SHEET, [28, 36, 12, 10, 8, 8]);
  header(perFile, PER_FILE_SHEET, meta);
  perFile.table(
    [
      "ファイル",
      "状態",
      "フェーズ",
      "取組項目数",
      SEVERITY_LABELS.error.ja,
      SEVERITY_LABELS.warning.ja,
      ...ratingHeaders.flatMap((r) => r.tallies.map((t) => `${r.label} ${t.label}`)),
      "★",
      "エラーのある取組項目",
    ],
    files.map(({ file, summary, error }) => {
      if (!summary) return [text(file), text(`読み込めません: ${error ?? ""}`)];
      const { blocking, warnings } = countBlocking(summary.findings);
      return [
        text(file),
        text(error ? `要確認: ${error}` : "OK"),
        text(PHASE_LABELS[summary.phase].ja),
        integer(summary.items),
        integer(blocking),
        integer(warnings),
        ...summary.ratings.flatMap((r) => r.tallies.map((t) => integer(t.count))),
        integer(summary.starred.count),
        integer(summary.withErrors.count),
      ];
    }),
  );
  return [overall.build(0), perFile.build(0)];
}

function formatDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
