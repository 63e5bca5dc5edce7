import type { CheckReport } from "../check";
import {
  CellRef,
  countBlocking,
  FIELD_LABELS,
  fieldValue,
  Finding,
  formatRating,
  hasSectionOf,
  isUnreadable,
  Item,
  NOT_APPLICABLE,
  Phase,
  RatingField,
  RatingValue,
  Target,
} from "../model";

/** One row of the item table: what a manager reads at a glance. */
export interface ItemRow {
  /** The form (ward) the item belongs to. */
  form: string;
  no: number;
  title: string;
  starred: boolean;
  implementation: string;
  achievement: string;
  midyearRemark: string;
  final: string;
  finalRemark: string;
  errors: number;
  warnings: number;
  targets: string;
  link: CellRef;
}

export interface Tally {
  label: string;
  count: number;
  /** Share of all items, 0..1. */
  share: number;
}

export interface RatingTally {
  field: RatingField;
  label: string;
  tallies: Tally[];
}

/** One form's counts (or the total's) for the per-form block: items, items with errors, and each rating's tallies. */
export interface FormTally {
  name: string;
  items: number;
  withErrors: number;
  /** Per rating field (as `Summary.ratings`), each tally's count; null where no item of the form has the section. */
  ratings: (number[] | null)[];
}

export interface Summary {
  workbook: string;
  phase: Phase;
  generatedAt: Date;
  items: number;
  rows: ItemRow[];
  ratings: RatingTally[];
  starred: Tally;
  withErrors: Tally;
  /** When the workbook holds several forms: each form's counts, then the total (「合計」); else empty. */
  forms: FormTally[];
  findings: Finding[];
}

const LEVELS: Record<RatingField, RatingValue[]> = {
  "midyear.implementation": ["i", "ii", NOT_APPLICABLE],
  "midyear.achievement": [1, 2, NOT_APPLICABLE],
  "final.achievement": [1, 2, NOT_APPLICABLE],
};
const UNRATED = "未入力";
const UNREADABLE = "要確認（不正な値）";

/** The roll-up of one checked workbook. Pure. */
export function computeSummary(workbook: string, report: CheckReport, generatedAt: Date): Summary {
  const { items, findings } = report;
  const byItem = countsByItem(findings);
  const hasErrors = (item: Item) => (byItem.get(itemKey(item.form, item.no))?.blocking ?? 0) > 0;
  const share = (count: number): Tally["share"] => (items.length ? count / items.length : 0);
  const tally = (label: string, count: number): Tally => ({ label, count, share: share(count) });
  const fields = Object.keys(LEVELS) as RatingField[];
  const formTally = (name: string, own: Item[]): FormTally => ({
    name,
    items: own.length,
    withErrors: own.filter(hasErrors).length,
    ratings: fields.map((field) => (own.some((i) => hasSectionOf(i, field)) ? ratingCounts(own, field).map((c) => c.count) : null)),
  });

  return {
    workbook,
    phase: report.phase,
    generatedAt,
    items: items.length,
    rows: items.map((item) => itemRow(item, byItem.get(itemKey(item.form, item.no)))),
    ratings: fields.map((field) => ({
      field,
      label: FIELD_LABELS[field].ja,
      tallies: ratingCounts(items, field).map(({ label, count }) => tally(label, count)),
    })),
    starred: tally("★", items.filter((i) => i.starred).length),
    withErrors: tally("エラーのある取組項目", items.filter(hasErrors).length),
    forms:
      report.forms.length > 1
        ? [...report.forms.map((form) => formTally(form.name, items.filter((i) => i.form === form.name))), formTally("合計", items)]
        : [],
    findings,
  };
}

/** Each level of a rating field, then 未入力 and 要確認; an item without the field's section is not counted at all. */
function ratingCounts(items: readonly Item[], field: RatingField): { label: string; count: number }[] {
  const counted = items.filter((i) => hasSectionOf(i, field));
  return [
    ...LEVELS[field].map((level) => ({ label: formatRating(level), count: counted.filter((i) => ratingOf(i, field) === level).length })),
    { label: UNRATED, count: counted.filter((i) => ratingOf(i, field) === null && !isUnreadable(i, field)).length },
    { label: UNREADABLE, count: counted.filter((i) => isUnreadable(i, field)).length },
  ];
}

function itemRow(item: Item, counts: ReturnType<typeof countBlocking> | undefined): ItemRow {
  return {
    form: item.form,
    no: item.no,
    title: item.title ?? "",
    starred: item.starred,
    implementation: formatRating(item.midyear.implementation),
    achievement: formatRating(item.midyear.achievement),
    midyearRemark: item.midyear.remark ?? "",
    final: formatRating(item.final.achievement),
    finalRemark: item.final.remark ?? "",
    errors: counts?.blocking ?? 0,
    warnings: counts?.warnings ?? 0,
    targets: item.targets.map(formatTarget).join("\n"),
    link: { sheet: item.sheet, cell: item.cell },
  };
}

function ratingOf(item: Item, field: RatingField): RatingValue | null {
  return fieldValue(item, field) as RatingValue | null;
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

/** 「91.2%（2019年度）」; a target that is not numeric shows its own words. */
function formatTarget(target: Target): string {
  const year = target.year ? `（${target.year}年度）` : "";
  if (target.value === null) return `${target.text}${year && !target.text.includes("年度") ? year : ""}`;
  const comparator = target.comparator ? COMPARATOR_TEXT[target.comparator] : "";
  return `${target.value.toLocaleString("ja-JP")}${target.unit ?? ""}${comparator}${year}`;
}
