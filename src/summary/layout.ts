import { CellRef, countBlocking, FIELD_LABELS, PHASE_LABELS, PHASES, Phase, RATING_FIELDS, RatingField, SEVERITY_LABELS } from "../model";
import { a1, cellText, CellRange, CellValue, WorkbookGrid } from "../template/grid";
import type { TemplateProfile } from "../template/profile";
import { normalize } from "../template/text";
import { Bucket, BUCKETS, CrossColumn, crossTab, CrossTab, headlineRating, NO_SECTION_LABEL, ItemRow, RATING_COLUMN_LABELS, Summary, TEXT_FIELDS, TextField } from "./compute";
import {
  countFormula,
  groupCountFormula,
  judgeFormula,
  linkFormula,
  RELINK_LABEL,
  headingPrefixes,
  relinkFormula,
  relinkNeeded,
  relinkStatusFormula,
  sameAs,
  shareFormula,
  sumFormula,
} from "./formulas";
import { EMPTY_LABEL, extendedJudgement, Judgement } from "./judgement";
import {
  CellContent,
  ColumnSpec,
  formula,
  integer,
  isGeneratedSheet,
  MARKER_CELL,
  markerText,
  percent,
  SheetBuilder,
  SheetWrites,
  standardFooter,
  text,
} from "./sheet-writes";

export const SUMMARY_SHEET = "集計";
export const FINDINGS_SHEET = "検証結果";
export const OVERALL_SHEET = "全体集計";
export const PER_FILE_SHEET = "ファイル別集計";

/** The item table's column that says whether an item's cells still look like the item. */
const RELINK_HEADER = "連動";

const TEXT_COLUMN_LABELS: Record<TextField, string> = {
  "midyear.remark": "中間 課題と改善策",
  "final.result": "取組実績",
  "final.remark": "自己評価 課題と改善策",
};

/** Wide text columns wrap at this many characters; the others fit what they hold. */
const WRAP = { title: 26, text: 26, targets: 22, file: 24, message: 70 } as const;

/**
 * The 集計 and 検証結果 sheets of one workbook. `sheetName` gives the name each sheet will have in the workbook
 * (「集計 (2)」 when a user's own sheet is called 集計), for the links that jump within the sheet.
 */
export function layoutSummary(summary: Summary, options: { sheetName?: (base: string) => string } = {}): SheetWrites[] {
  const name = options.sheetName ?? ((base: string) => base);
  return [summarySheet(summary, name(SUMMARY_SHEET)), findingsSheet(summary, name(FINDINGS_SHEET))];
}

// ---------------------------------------------------------------------------------------------------------
// The item table

/** What a live 集計 needs for its formulas: the judgement tables, the label list, the profile. */
interface Live {
  judgement(field: RatingField): { judgement: Judgement; keys: CellRange; labels: CellRange };
  labels: CellRange;
  labelTexts: string[];
  profile: TemplateProfile;
  /** The row's 連動 cell, made once (the status line counts them too). */
  relink(row: ItemRow): CellContent;
}

/** A column of an item table. `role` marks the columns the count blocks below line up with. */
interface ItemColumn {
  header: string;
  spec: ColumnSpec;
  cell: (row: ItemRow) => CellContent;
  role?: "group" | "title" | "rating" | "narrow" | "relink";
  field?: RatingField;
}

/**
 * 番号, ★, 取組項目, the three ratings, エラー, 警告, (連動), the texts, 目標. The ratings are followed by narrow columns,
 * so that the count blocks under the table (label | 実施見込み 達成見込み 自己評価 | two more counts) fit every
 * column they share with it.
 */
function itemColumns(
  group: { header: string; value: (row: ItemRow) => string } | null,
  live: (() => Live) | null,
  options: { form?: boolean } = {},
): ItemColumn[] {
  const columns: ItemColumn[] = [];
  if (group) columns.push({ header: group.header, spec: { max: WRAP.file }, cell: (r) => text(group.value(r)), role: "group" });
  // Several forms number their items each from 1: the row says which form it is of.
  if (options.form) columns.push({ header: "様式", spec: { max: WRAP.file }, cell: (r) => text(r.form) });
  columns.push(
    { header: "番号", spec: {}, cell: (r) => integer(r.no) },
    { header: "★", spec: {}, cell: (r) => text(r.starred ? "★" : "") },
    { header: "取組項目", spec: { min: WRAP.title, max: WRAP.title }, cell: (r) => text(r.title), role: "title" },
    ...RATING_FIELDS.map((field): ItemColumn => ({ header: RATING_COLUMN_LABELS[field], spec: {}, role: "rating", field, cell: (r) => ratingCell(r, field, live) })),
    { header: "エラー", spec: {}, cell: (r) => integer(r.errors), role: "narrow" },
    { header: "警告", spec: {}, cell: (r) => integer(r.warnings), role: "narrow" },
  );
  if (live) columns.push({ header: RELINK_HEADER, spec: {}, cell: (r) => live().relink(r), role: "relink" });
  columns.push(
    ...TEXT_FIELDS.map((field): ItemColumn => ({ header: TEXT_COLUMN_LABELS[field], spec: { min: WRAP.text, max: WRAP.text }, cell: (r) => textCell(r, field, live) })),
    { header: "目標", spec: { min: WRAP.targets, max: WRAP.targets }, cell: (r) => text(r.targets) },
  );
  return columns;
}

function ratingCell(row: ItemRow, field: RatingField, live: (() => Live) | null): CellContent {
  const { label, source } = row.ratings[field];
  if (!live || !source) return text(label);
  const { judgement, keys, labels } = live().judgement(field);
  return formula(judgeFormula(source, judgement, { keys, labels }), label);
}

function textCell(row: ItemRow, field: TextField, live: (() => Live) | null): CellContent {
  const { text: snapshot, source } = row.texts[field];
  if (!live || !source) return text(snapshot);
  const v = source.value;
  if (v !== null && typeof v === "object") return formula(linkFormula(source), null, "general", v.error);
  // A logical is cached as its text: every viewer shows it the same way.
  return formula(linkFormula(source), v === null ? "" : typeof v === "boolean" ? cellText(v) : v);
}

function linkedSources(row: ItemRow): { ref: CellRef; value: CellValue }[] {
  return [...RATING_FIELDS.map((f) => row.ratings[f].source), ...TEXT_FIELDS.map((f) => row.texts[f].source)].flatMap((s) =>
    s ? [{ ref: { sheet: s.sheet, cell: s.cell }, value: s.value }] : [],
  );
}

/** The 連動 cell of a row: "" or 要再作成 as the formula gives it now. */
function relinkCell(row: ItemRow, live: Omit<Live, "relink">): CellContent {
  const sources = linkedSources(row);
  const { itemLabels } = live.profile;
  const prefixes = headingPrefixes(itemLabels, row.no, row.heading ?? null);
  const needed = relinkNeeded(row.heading ?? null, prefixes, sources.map((s) => s.value), live.labelTexts);
  return formula(relinkFormula(row.numberLink ? [row.link, row.numberLink] : [row.link], prefixes, sources.map((s) => s.ref), live.labels), needed ? RELINK_LABEL : "");
}

/** The field labels a linked cell must not begin with (the 連動 check), normalised. */
function fieldLabels(profile: TemplateProfile): string[] {
  return [...new Set(Object.values(profile.fields).flatMap((rule) => rule.labels ?? []).map(normalize))];
}

/** Writes the item table at the current row; returns its body (one blank row when there are no items). */
function itemTable(sheet: SheetBuilder, name: string, columns: ItemColumn[], rows: ItemRow[], links: boolean): CellRange {
  const table = sheet.table(
    name,
    [...columns.map((c) => c.header), ...(links ? ["移動"] : [])],
    rows.map((row) => [...columns.map((c) => c.cell(row)), ...(links ? [text(`取組項目${row.no}へ`, undefined, row.link)] : [])]),
  );
  return { ...table, top: table.top + 1 };
}

const columnOf = (columns: ItemColumn[], role: ItemColumn["role"], field?: RatingField) =>
  columns.findIndex((c) => c.role === role && (field === undefined || c.field === field));

// ---------------------------------------------------------------------------------------------------------
// The count blocks: per group, a 件数 panel and a 割合 panel (rows ①・(i), ②・(ii), 対象外, 未入力, 要確認;
// columns 実施見込み, 達成見込み, 自己評価), standing in the item table's title and rating columns.

/** How a panel's counts are written: formulas over the item table's judged columns, or values. */
interface CountSource {
  body: CellRange;
  columns: ItemColumn[];
  /** Count only rows whose group column equals this cell. */
  group?: { row: number; col: number };
}

interface Panels {
  /** The 件数 panel from its header row to its last bucket row, without 計: a chart's data. */
  counts: CellRange;
  /** Each bucket's count cell, per rating. */
  cell(bucket: Bucket, field: RatingField): { row: number; col: number };
}

/** The formula that counts `label` in the item table's column `col` (within the group, when there is one). */
function countOf(source: CountSource, col: number, label: string): string {
  const range = { ...source.body, left: col, right: col };
  if (!source.group) return countFormula(range, label);
  const groupCol = columnOf(source.columns, "group");
  return groupCountFormula(range, label, { ...source.body, left: groupCol, right: groupCol }, source.group);
}

function bucketRowLabel(tab: CrossTab, bucket: Bucket): string {
  const labels = [...new Set(tab.columns.map((c) => c.cells[bucket].label))];
  return bucket === "empty" ? EMPTY_LABEL : labels.join("・");
}

function panels(sheet: SheetBuilder, tab: CrossTab, columns: ItemColumn[], source: CountSource | null): Panels {
  const labelCol = columnOf(columns, "title");
  const colOf = (field: RatingField) => columnOf(columns, "rating", field);
  const headerRow = (title: string) => {
    sheet.put(sheet.row, labelCol, text(title, "header"));
    for (const c of tab.columns) sheet.put(sheet.row, colOf(c.field), text(c.label, "header"));
    sheet.row++;
  };

  // A rating none of the group's items has a section for (a form without 中間振り返り) is not asked: 「—」.
  const asked = (c: CrossColumn) => c.counted > 0 || tab.items === 0;
  const countsTop = sheet.row;
  headerRow("件数");
  const rowOf = new Map<Bucket, number>();
  for (const bucket of BUCKETS) {
    rowOf.set(bucket, sheet.row);
    sheet.put(sheet.row, labelCol, text(bucketRowLabel(tab, bucket), "label"));
    for (const c of tab.columns) {
      const { label, count } = c.cells[bucket];
      const cell = !asked(c) ? text(NO_SECTION_LABEL) : source ? formula(countOf(source, colOf(c.field), label), count, "integer") : integer(count);
      sheet.put(sheet.row, colOf(c.field), cell);
    }
    sheet.row++;
  }
  const totalRow = sheet.row;
  sheet.put(totalRow, labelCol, text("計", "label"));
  for (const c of tab.columns) {
    const col = colOf(c.field);
    const range = { top: countsTop + 1, bottom: totalRow - 1, left: col, right: col };
    sheet.put(totalRow, col, !asked(c) ? text(NO_SECTION_LABEL) : source ? formula(sumFormula(range), c.counted, "integer") : integer(c.counted));
  }
  sheet.row++;

  headerRow("割合");
  for (const bucket of BUCKETS) {
    sheet.put(sheet.row, labelCol, text(bucketRowLabel(tab, bucket), "label"));
    for (const c of tab.columns) {
      const col = colOf(c.field);
      const share = c.counted ? c.cells[bucket].count / c.counted : 0;
      const cell = { row: rowOf.get(bucket)!, col };
      const content = !asked(c) ? text(NO_SECTION_LABEL) : source ? formula(shareFormula(cell, { row: totalRow, col }), share, "percent") : percent(share);
      sheet.put(sheet.row, col, content);
    }
    sheet.row++;
  }
  const last = colOf(tab.columns[tab.columns.length - 1].field);
  return {
    counts: { top: countsTop, left: labelCol, bottom: totalRow - 1, right: last },
    cell: (bucket, field) => ({ row: rowOf.get(bucket)!, col: colOf(field) }),
  };
}

/**
 * Under the item table: the counts of all items and, when there are several groups (forms, files), a block per
 * group and a chart of the headline rating per group; with one group, a chart of its three ratings.
 */
function countSection(
  sheet: SheetBuilder,
  options: { total: CrossTab; groups: CrossTab[]; groupLabel: string; phase: Phase; columns: ItemColumn[]; body: CellRange | null },
): void {
  const { total, groups, columns, body } = options;
  const labelCol = columnOf(columns, "title");
  const chartLeft = Math.max(...narrowColumns(columns), columnOf(columns, "relink")) + 1;
  const source = body ? { body, columns } : null;

  sheet.noteLine(text(body ? "件数（取組項目の判定の列を数える数式）" : "件数", "label"), labelCol);
  const whole = panels(sheet, total, columns, source);
  if (groups.length <= 1) {
    sheet.chart({
      kind: "barStacked100",
      title: "判定の内訳",
      data: whole.counts,
      seriesBy: "rows",
      anchor: { top: whole.counts.top, left: chartLeft, bottom: sheet.row - 1, right: chartLeft + 2 },
    });
    return;
  }

  // Right under the whole's counts: the chart's data (each group and the whole, the headline rating's buckets)
  // with the chart beside it; then a block of counts per group. The data refers to the blocks, written first.
  const field = headlineRating(options.phase);
  const title = `${options.groupLabel}別の内訳（${RATING_COLUMN_LABELS[field]}）`;
  const top = sheet.row + 2;
  const categories = groups.length + 1;
  const chartRows = Math.max(14, Math.ceil(categories * 1.2) + 6);
  sheet.row = top + Math.max(categories + 1, chartRows) + 1;
  const blocks = groups.map((tab) => {
    sheet.blank();
    const nameCell = { row: sheet.row, col: labelCol };
    sheet.noteLine(text(tab.group ?? "", "label"), labelCol);
    sheet.noteLine(text(`取組項目 ${tab.items} 件（エラーのある取組項目 ${tab.withErrors} 件）`), labelCol);
    return { tab, panels: panels(sheet, tab, columns, source && { ...source, group: nameCell }) };
  });
  const end = sheet.row;

  const bucketCols = [...RATING_FIELDS.map((f) => columnOf(columns, "rating", f)), ...narrowColumns(columns)];
  const headline = total.columns.find((c) => c.field === field)!;
  sheet.note(top - 1, labelCol, text(title, "label"));
  sheet.put(top, labelCol, text(options.groupLabel, "header"));
  BUCKETS.forEach((bucket, i) => sheet.put(top, bucketCols[i], text(headline.cells[bucket].label || EMPTY_LABEL, "header")));
  const rows = [...blocks.map((b) => ({ label: b.tab.group ?? "", tab: b.tab, panels: b.panels })), { label: "全体", tab: total, panels: whole }];
  rows.forEach(({ label, tab, panels: p }, i) => {
    const row = top + 1 + i;
    sheet.put(row, labelCol, text(label));
    const column = tab.columns.find((c) => c.field === field)!;
    BUCKETS.forEach((bucket, j) => {
      const count = column.cells[bucket].count;
      sheet.put(row, bucketCols[j], body ? formula(sameAs(p.cell(bucket, field)), count, "integer") : integer(count));
    });
  });
  sheet.chart({
    kind: "barStacked100",
    title,
    data: { top, left: labelCol, bottom: top + rows.length, right: bucketCols[BUCKETS.length - 1] },
    seriesBy: "columns",
    anchor: { top: top - 1, left: chartLeft, bottom: top - 1 + chartRows, right: chartLeft + 2 },
  });
  sheet.row = end;
}

function narrowColumns(columns: ItemColumn[]): number[] {
  return columns.flatMap((c, i) => (c.role === "narrow" ? [i] : []));
}

// ---------------------------------------------------------------------------------------------------------
// 集計

function summarySheet(summary: Summary, name: string): SheetWrites {
  const sheet = new SheetBuilder(name);
  const made = formatDateTime(summary.generatedAt);
  const groups = summary.perForm;
  const group = groups.length > 1 ? { header: "様式", value: (r: ItemRow) => r.form } : null;
  let live: Live | null = null;
  const columns = itemColumns(group, summary.live ? () => live! : null);
  const headerRow = summary.live ? 5 : 4;
  if (summary.live) live = liveTables(sheet, summary, headerRow, columns.length + 2);

  const phase = PHASE_LABELS[summary.phase].ja;
  header(
    sheet,
    "集計",
    `ブック: ${summary.workbook}　フェーズ: ${phase}　作成: ${made}　取組項目: ${summary.items} 件（★ ${summary.starred} 件、エラーのある取組項目 ${summary.withErrors} 件）` +
      (group ? `　様式: ${groups.length}` : ""),
    text(
      summary.live
        ? `判定（実施見込み・達成見込み・自己評価）、課題と改善策、取組実績と表の下の件数は、取組項目のセルを参照する数式で、入力に合わせて更新されます。番号・取組項目・★・エラー・警告・目標は作成時（${phase}の検証、${made}）の値です。`
        : `この表は作成時（${phase}の検証、${made}）の値です。`,
      "note",
    ),
  );
  sheet.row = headerRow;
  const table = itemTable(sheet, "hyoka_items", columns, summary.rows, true);
  if (live) {
    const relink = columnOf(columns, "relink");
    const stale = summary.rows.filter((r) => live!.relink(r).value === RELINK_LABEL).length;
    const ok = "連動: すべての取組項目の参照先を確認しました。";
    const message = " 件の取組項目で参照先が変わっています（連動の列に「要再作成」）。集計を作り直してください。";
    sheet.note(4, 0, formula(relinkStatusFormula({ ...table, left: relink, right: relink }, ok, message), stale ? `${stale}${message}` : ok));
  }
  sheet.blank();
  const countsTop = sheet.row;
  // Counts are formulas over the table's rows; with no item there are none, only the blank row Excel needs.
  const body = summary.live && summary.rows.length ? table : null;
  countSection(sheet, { total: summary.total, groups, groupLabel: "様式", phase: summary.phase, columns, body });
  const labelCol = columnOf(columns, "title");
  sheet.note(0, labelCol, text("件数とグラフ（表の下）へ", undefined, { sheet: name, cell: a1(countsTop, labelCol) }));

  return sheet.build({
    columns: [...columns.map((c) => c.spec), {}],
    freezeRows: headerRow + 1,
    print: {
      orientation: "landscape",
      titleRows: { first: headerRow, last: headerRow },
      area: { top: 0, left: 0, bottom: sheet.row - 1, right: table.right },
      footer: standardFooter(made),
    },
  });
}

/** Title, marker, a one-line description and a note: the rows every summary sheet starts with (each runs on to the right). */
function header(sheet: SheetBuilder, title: string, meta: string, note: CellContent): void {
  sheet.noteLine(text(title, "title")).noteLine(text(markerText(), "note")).noteLine(text(meta)).noteLine(note);
}

/**
 * The judgement tables (spelling → what it counts as, one per scale) and the labels of the 連動 check, right of
 * the item table and outside the print area: what the formulas look up, for everyone to see.
 */
function liveTables(sheet: SheetBuilder, summary: Summary, headerRow: number, left: number): Live {
  const { profile } = summary;
  sheet.note(
    2,
    left,
    text(
      "判定表: 判定の列と件数の数式は、入力から空白を除き、全角・丸数字（①）・括弧付き数字（⑴）・ローマ数字（ⅱ）を半角に読み替え、英字を小文字にしてから、この表の表記と照合します。表にない値は「要確認」です。表記が空欄の行は、空のセルです。",
      "note",
    ),
  );
  const tables = new Map<string, ReturnType<Live["judgement"]>>();
  let col = left;
  for (const name of [...new Set(RATING_FIELDS.map((f) => profile.fields[f].scale!))]) {
    const fields = RATING_FIELDS.filter((f) => profile.fields[f].scale === name);
    const judgement = extendedJudgement(profile.scales[name], profile, currentTexts(summary.rows, fields));
    sheet.put(headerRow, col, text(`表記（${fields.map((f) => RATING_COLUMN_LABELS[f]).join("・")}）`, "header"));
    sheet.put(headerRow, col + 1, text("判定", "header"));
    judgement.entries.forEach((entry, i) => {
      if (entry.key !== "") sheet.put(headerRow + 1 + i, col, text(entry.key));
      sheet.put(headerRow + 1 + i, col + 1, text(entry.label));
    });
    const rows = { top: headerRow + 1, bottom: headerRow + judgement.entries.length };
    tables.set(name, { judgement, keys: { ...rows, left: col, right: col }, labels: { ...rows, left: col + 1, right: col + 1 } });
    col += 3;
  }
  const labelTexts = fieldLabels(profile);
  sheet.put(headerRow, col, text("連動の確認に使うラベル", "header"));
  labelTexts.forEach((label, i) => sheet.put(headerRow + 1 + i, col, text(label)));
  const live = {
    judgement: (field: RatingField) => tables.get(profile.fields[field].scale!)!,
    labels: { top: headerRow + 1, bottom: headerRow + labelTexts.length, left: col, right: col },
    labelTexts,
    profile,
  };
  const relinks = new Map<ItemRow, CellContent>();
  const relink = (row: ItemRow) => {
    if (!relinks.has(row)) relinks.set(row, relinkCell(row, live));
    return relinks.get(row)!;
  };
  return { ...live, relink };
}

/** The rating cells' texts as they are now (the judgement gains a row for any rare spelling among them). */
function currentTexts(rows: ItemRow[], fields: RatingField[]): string[] {
  return rows.flatMap((r) => fields.flatMap((f) => (r.ratings[f].source ? [cellText(r.ratings[f].source.value)] : [])));
}

/**
 * The 集計 sheets of ours (marker in A2) whose 連動 column now shows 要再作成 (the form was restructured since they
 * were made), with how many items do: what the task pane offers to rebuild. Read from the workbook's values, so
 * it works on any 集計 hyoka wrote, whoever opened the workbook since.
 */
export function staleSummaries(grid: WorkbookGrid): { sheet: string; items: number }[] {
  return grid.sheets.flatMap((sheet) => {
    const at = (row: number, col: number) => sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
    if (!isGeneratedSheet(at(MARKER_CELL.row, MARKER_CELL.col))) return [];
    let header: { row: number; col: number } | null = null;
    sheet.values.forEach((line, r) => line.forEach((v, c) => (header ??= v === RELINK_HEADER ? { row: sheet.top + r, col: sheet.left + c } : null)));
    if (!header) return [];
    const { row, col } = header;
    const items = sheet.values.slice(row - sheet.top + 1).filter((line) => line[col - sheet.left] === RELINK_LABEL).length;
    return items ? [{ sheet: sheet.name, items }] : [];
  });
}

// ---------------------------------------------------------------------------------------------------------
// 検証結果

function findingsSheet(summary: Summary, name: string): SheetWrites {
  const sheet = new SheetBuilder(name);
  const made = formatDateTime(summary.generatedAt);
  const { blocking: errors, warnings } = countBlocking(summary.findings);
  const phase = PHASE_LABELS[summary.phase].ja;
  header(
    sheet,
    "検証結果",
    `ブック: ${summary.workbook}　フェーズ: ${phase}　作成: ${made}　取組項目: ${summary.items} 件　エラー: ${errors} 件　警告: ${warnings} 件`,
    text(`この表は作成時（${phase}の検証、${made}）の結果です。入力を直したら、もう一度 検証・集計 してください。`, "note"),
  );
  const table = sheet.table(
    "hyoka_findings",
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
  return sheet.build({
    columns: [{}, {}, {}, { max: 24 }, { max: 20 }, {}, { min: WRAP.message, max: WRAP.message }],
    freezeRows: table.top + 1,
    print: { orientation: "landscape", titleRows: { first: table.top, last: table.top }, footer: standardFooter(made) },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Several files

/** One input of a multi-file run: its summary, or why it could not be read. */
export interface FileSummary {
  file: string;
  summary?: Summary;
  error?: string;
}

/**
 * The aggregate workbook of several files, values only (never links to other files): 全体集計 (one row per file
 * and item, then the counts of all files and per file, and a chart) and ファイル別集計 (one row per file).
 */
export function layoutAggregate(files: FileSummary[], generatedAt: Date): SheetWrites[] {
  const read = files.filter((f): f is Required<Pick<FileSummary, "summary">> & FileSummary => Boolean(f.summary));
  const made = formatDateTime(generatedAt);
  const itemCount = read.reduce((n, f) => n + f.summary.items, 0);
  const meta = `作成: ${made}　ファイル: ${files.length}（読み込めなかったファイル ${files.length - read.length}）　取組項目: ${itemCount} 件`;
  const note = text(`値のみの集計です（各ファイルへのリンクや数式はありません）。各ファイルの${read.length ? "検証" : ""}結果は作成時（${made}）のものです。`, "note");

  const overall = new SheetBuilder(OVERALL_SHEET);
  header(overall, "全体集計", meta, note);
  const fileOf = new Map(read.flatMap(({ file, summary }) => summary.rows.map((row) => [row, file])));
  const rows = [...fileOf.keys()];
  const columns = itemColumns({ header: "ファイル", value: (r) => fileOf.get(r)! }, null, { form: read.some((f) => f.summary.perForm.length > 0) });
  const table = itemTable(overall, "hyoka_overall", columns, rows, false);
  overall.blank();
  const profile = read[0]?.summary.profile;
  const phase = read.map((f) => f.summary.phase).reduce<Phase>((a, b) => (PHASES.indexOf(b) > PHASES.indexOf(a) ? b : a), "plan");
  if (profile) {
    countSection(overall, {
      total: crossTab(null, rows, profile),
      groups: read.length > 1 ? read.map(({ file, summary }) => ({ ...summary.total, group: file })) : [],
      groupLabel: "ファイル",
      phase,
      columns,
      body: null,
    });
  }

  const perFile = new SheetBuilder(PER_FILE_SHEET);
  header(perFile, "ファイル別集計", meta, note);
  const ratingHeaders = read[0]?.summary.total.columns ?? [];
  const shortLabel: Record<RatingField, string> = { "midyear.implementation": "実施", "midyear.achievement": "達成", "final.achievement": "評価" };
  const fileTable = perFile.table(
    "hyoka_files",
    [
      "ファイル",
      "状態",
      "フェーズ",
      "取組項目数",
      "エラー",
      "警告",
      "★",
      "エラーのある\n取組項目",
      ...ratingHeaders.flatMap((c) => BUCKETS.map((b) => `${shortLabel[c.field]}\n${c.cells[b].label || EMPTY_LABEL}`)),
    ],
    files.map(({ file, summary, error }) => {
      if (!summary) return [text(file), text(`読み込めません: ${error ?? ""}`)];
      const { blocking: errors, warnings } = countBlocking(summary.findings);
      return [
        text(file),
        text(error ? `要確認: ${error}` : "OK"),
        text(PHASE_LABELS[summary.phase].ja),
        integer(summary.items),
        integer(errors),
        integer(warnings),
        integer(summary.starred),
        integer(summary.withErrors),
        ...summary.total.columns.flatMap((c) => BUCKETS.map((b) => integer(c.cells[b].count))),
      ];
    }),
  );
  const print = (bottom: number, right: number, titleRow: number) => ({
    orientation: "landscape" as const,
    titleRows: { first: titleRow, last: titleRow },
    area: { top: 0, left: 0, bottom, right },
    footer: standardFooter(made),
  });
  return [
    overall.build({ columns: columns.map((c) => c.spec), freezeRows: table.top, print: print(overall.row - 1, table.right, table.top - 1) }),
    perFile.build({
      columns: [{ max: WRAP.file }, { max: 40 }],
      freezeRows: fileTable.top + 1,
      print: print(fileTable.bottom, fileTable.right, fileTable.top),
    }),
  ];
}

function formatDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
