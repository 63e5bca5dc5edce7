import type { CheckReport } from "../check";
import {
  CellRef,
  countBlocking,
  fieldValue,
  Finding,
  formatRating,
  hasSectionOf,
  isUnreadable,
  Item,
  NOT_APPLICABLE,
  Phase,
  RATING_FIELDS,
  RatingField,
  RatingValue,
  Target,
} from "../model";
import { CellValue, cellText, GridLookup, gridLookup, isErrorValue, wholeCellValue, WorkbookGrid } from "../template/grid";
import { resolveProfile, TemplateProfile } from "../template/profile";
import { CHECK_LABEL } from "./judgement";

/** The text fields the item table shows (and links) besides the ratings. */
export const TEXT_FIELDS = ["midyear.remark", "final.result", "final.remark"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A field's cell as it is now: what a formula that refers to it gives. */
export interface LinkedSource extends CellRef {
  value: CellValue;
}

/**
 * A rating as the 集計 shows it (①, (ii), 対象外, "", 要確認, or 「—」 when the item has no such section), and the
 * cell to link when there is one.
 */
export interface RatingCell {
  label: string;
  source: LinkedSource | null;
}

export interface TextCell {
  text: string;
  source: LinkedSource | null;
}

/** One row of the item table: what a manager reads at a glance. */
export interface ItemRow {
  /** The form (ward) the item belongs to (the report's `forms`). */
  form: string;
  no: number;
  title: string;
  starred: boolean;
  ratings: Record<RatingField, RatingCell>;
  texts: Record<TextField, TextCell>;
  errors: number;
  warnings: number;
  targets: string;
  /** The item's heading cell: where 移動 jumps and what the 連動 check reads. */
  link: CellRef;
  /** The cell of the heading's number, where it stands apart from the label (「取組項目」 | 「1」): the check reads both. */
  numberLink?: CellRef;
  /** The heading as it reads now (label and number cells joined), when the cells are known. */
  heading?: CellValue;
}

/** The rating of an item without the field's section: counted in no bucket. */
export const NO_SECTION_LABEL = "—";

/** The buckets of a cross-tab, top to bottom: the scale's two levels, 対象外, 未入力, 要確認. */
export const BUCKETS = ["first", "second", "na", "empty", "check"] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface CrossColumn {
  field: RatingField;
  /** The column's heading: 実施見込み, 達成見込み, 自己評価. */
  label: string;
  /** Per bucket, the text a judged cell shows for it (①, (i), 対象外, "", 要確認) and how many show it. */
  cells: Record<Bucket, { label: string; count: number }>;
  /** The items counted: those that have the field's section (a form without 中間振り返り asks nothing mid-year). */
  counted: number;
}

/** The counts of one group of items (a form, a file, or all of them): rows are buckets, columns ratings. */
export interface CrossTab {
  /** The form or file; null for all items. */
  group: string | null;
  items: number;
  /** Items with an error (a finding that blocks). */
  withErrors: number;
  columns: CrossColumn[];
}

export interface Summary {
  workbook: string;
  phase: Phase;
  generatedAt: Date;
  items: number;
  rows: ItemRow[];
  /** Every item, then each form when there are several. */
  total: CrossTab;
  perForm: CrossTab[];
  starred: number;
  withErrors: number;
  findings: Finding[];
  /** True when the cells were known (the workbook's grid was given): the sheet may refer to them. */
  live: boolean;
  profile: TemplateProfile;
}

export const RATING_COLUMN_LABELS: Record<RatingField, string> = {
  "midyear.implementation": "実施見込み",
  "midyear.achievement": "達成見込み",
  "final.achievement": "自己評価",
};

/** The rating a chart of several forms shows: the one the phase is about. */
export function headlineRating(phase: Phase): RatingField {
  return phase === "final" ? "final.achievement" : "midyear.achievement";
}

export interface SummaryOptions {
  /** The workbook's cells: with them the 集計 links each item's cells by formulas; without, it holds values. */
  grid?: WorkbookGrid;
  profile?: TemplateProfile;
}

/** The roll-up of one checked workbook. Pure. */
export function computeSummary(workbook: string, report: CheckReport, generatedAt: Date, options: SummaryOptions = {}): Summary {
  const { items, findings } = report;
  const profile = options.profile ?? resolveProfile();
  const byItem = countsByItem(findings);
  const cells = options.grid ? gridLookup(options.grid) : null;
  const rows = items.map((item) => itemRow(item, byItem.get(itemKey(item.form, item.no)), cells));
  const forms = report.forms.map((f) => f.name);
  return {
    workbook,
    phase: report.phase,
    generatedAt,
    items: items.length,
    rows,
    total: crossTab(null, rows, profile),
    perForm: forms.length > 1 ? forms.map((form) => crossTab(form, rows.filter((r) => r.form === form), profile)) : [],
    starred: items.filter((i) => i.starred).length,
    withErrors: rows.filter((r) => r.errors > 0).length,
    findings,
    live: Boolean(cells),
    profile,
  };
}

/** The cross-tab of some rows, as the judged cells show them. */
export function crossTab(group: string | null, rows: ItemRow[], profile: TemplateProfile): CrossTab {
  return {
    group,
    items: rows.length,
    withErrors: rows.filter((r) => r.errors > 0).length,
    columns: RATING_FIELDS.map((field) => {
      const levels = profile.scales[profile.fields[field].scale!].levels;
      const labels: Record<Bucket, string> = {
        first: formatRating(levels[0].value),
        second: formatRating(levels[1].value),
        na: formatRating(NOT_APPLICABLE),
        empty: "",
        check: CHECK_LABEL,
      };
      const count = (label: string) => rows.filter((r) => r.ratings[field].label === label).length;
      const cells = Object.fromEntries(BUCKETS.map((b) => [b, { label: labels[b], count: count(labels[b]) }]));
      const counted = rows.filter((r) => r.ratings[field].label !== NO_SECTION_LABEL).length;
      return { field, label: RATING_COLUMN_LABELS[field], cells: cells as CrossColumn["cells"], counted };
    }),
  };
}

function itemRow(item: Item, counts: ReturnType<typeof countBlocking> | undefined, cells: GridLookup | null): ItemRow {
  const linked = (field: RatingField | TextField): LinkedSource | null => {
    const source = item.sources[field];
    // A layout that does not say which cell holds the value gives no cell to link.
    if (!source || !cells || source.ambiguous) return null;
    const value = wholeCellValue(source, cells);
    if (value === undefined) return null;
    return { sheet: source.sheet, cell: source.cell, value };
  };
  const rating = (field: RatingField): RatingCell =>
    !hasSectionOf(item, field)
      ? { label: NO_SECTION_LABEL, source: null }
      : { label: isUnreadable(item, field) ? CHECK_LABEL : formatRating(fieldValue(item, field) as RatingValue | null), source: linked(field) };
  const text = (field: TextField): TextCell => ({ text: (fieldValue(item, field) as string | null) ?? "", source: linked(field) });
  return {
    form: item.form,
    no: item.no,
    title: item.title ?? "",
    starred: item.starred,
    ratings: { "midyear.implementation": rating("midyear.implementation"), "midyear.achievement": rating("midyear.achievement"), "final.achievement": rating("final.achievement") },
    texts: { "midyear.remark": text("midyear.remark"), "final.result": text("final.result"), "final.remark": text("final.remark") },
    errors: counts?.blocking ?? 0,
    warnings: counts?.warnings ?? 0,
    targets: item.targets.map(formatTarget).join("\n"),
    link: { sheet: item.sheet, cell: item.cell },
    ...(item.numberCell ? { numberLink: { sheet: item.sheet, cell: item.numberCell } } : {}),
    ...(cells ? { heading: headingNow(item, cells) } : {}),
  };
}

/** The heading's cells as they read now, the number's joined to the label's; an error value stays one. */
function headingNow(item: Item, cells: GridLookup): CellValue {
  const label = cells({ sheet: item.sheet, cell: item.cell }) ?? null;
  if (!item.numberCell) return label;
  const number = cells({ sheet: item.sheet, cell: item.numberCell }) ?? null;
  if (isErrorValue(label)) return label;
  return isErrorValue(number) ? number : cellText(label) + cellText(number);
}

/** Findings' counts per item, items told apart by form (北区's 取組項目 1 is not 都島区's). */
function countsByItem(findings: Finding[]): Map<string, ReturnType<typeof countBlocking>> {
  const byItem = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.item === null) continue;
    const key = itemKey(f.form ?? null, f.item);
    byItem.set(key, [...(byItem.get(key) ?? []), f]);
  }
  return new Map([...byItem].map(([key, list]) => [key, countBlocking(list)]));
}

function itemKey(form: string | null, no: number): string {
  return `${form}\u0000${no}`;
}

const COMPARATOR_TEXT: Record<NonNullable<Target["comparator"]>, string> = {
  eq: "",
  gte: "以上",
  lte: "以下",
  decrease: "減",
  increase: "増",
  zero: "ゼロ",
};

const JA_NUMBER = new Intl.NumberFormat("ja-JP");

/** 「91.2%（2019年度）」; a target that is not numeric shows its own words. */
function formatTarget(target: Target): string {
  const year = target.year ? `（${target.year}年度）` : "";
  if (target.value === null) return `${target.text}${year && !target.text.includes("年度") ? year : ""}`;
  const comparator = target.comparator ? COMPARATOR_TEXT[target.comparator] : "";
  return `${JA_NUMBER.format(target.value)}${target.unit ?? ""}${comparator}${year}`;
}
