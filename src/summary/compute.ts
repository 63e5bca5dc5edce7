import type { CheckReport } from "../check";
import {
  CellRef,
  countBlocking,
  FIELD_LABELS,
  fieldValue,
  Finding,
  formatRating,
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

export interface Summary {
  workbook: string;
  phase: Phase;
  generatedAt: Date;
  items: number;
  rows: ItemRow[];
  ratings: RatingTally[];
  starred: Tally;
  withErrors: Tally;
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
  const share = (count: number): Tally["share"] => (items.length ? count / items.length : 0);
  const tally = (label: string, count: number): Tally => ({ label, count, share: share(count) });

  return {
    workbook,
    phase: report.phase,
    generatedAt,
    items: items.length,
    rows: items.map((item) => itemRow(item, byItem.get(item.no))),
    ratings: (Object.keys(LEVELS) as RatingField[]).map((field) => ({
      field,
      label: FIELD_LABELS[field].ja,
      tallies: [
        ...LEVELS[field].map((level) => tally(formatRating(level), items.filter((i) => ratingOf(i, field) === level).length)),
        tally(UNRATED, items.filter((i) => ratingOf(i, field) === null && !isUnreadable(i, field)).length),
        tally(UNREADABLE, items.filter((i) => isUnreadable(i, field)).length),
      ],
    })),
    starred: tally("★", items.filter((i) => i.starred).length),
    withErrors: tally("エラーのある取組項目", items.filter((i) => (byItem.get(i.no)?.blocking ?? 0) > 0).length),
    findings,
  };
}

function itemRow(item: Item, counts: ReturnType<typeof countBlocking> | undefined): ItemRow {
  return {
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

function countsByItem(findings: Finding[]): Map<number, ReturnType<typeof countBlocking>> {
  const byItem = new Map<number, Finding[]>();
  for (const f of findings) if (f.item !== null) byItem.set(f.item, [...(byItem.get(f.item) ?? []), f]);
  return new Map([...byItem].map(([no, list]) => [no, countBlocking(list)]));
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
