import type { Severity } from "./finding";
import type { FieldName } from "./item";
import type { Phase } from "./phase";

/** The languages people read: Japanese first, English available. */
export type Locale = "ja" | "en";

/** A name in each language. */
export type Labels = Readonly<Record<Locale, string>>;

/** How each field is named to people. */
export const FIELD_LABELS: Record<FieldName, Labels> = {
  title: { ja: "タイトル", en: "title" },
  "plan.policy": { ja: "取組の方針・目標内容", en: "policy and goals" },
  "plan.thisYear": { ja: "当年度の取組内容", en: "this year's actions" },
  "midyear.implementation": { ja: "取組内容の実施見込み", en: "implementation outlook" },
  "midyear.achievement": { ja: "目標の達成見込み", en: "achievement outlook" },
  "midyear.remark": { ja: "課題と改善策（中間振り返り）", en: "mid-year issues and improvements" },
  "final.result": { ja: "当年度の取組実績及び目標の達成状況", en: "results for the year" },
  "final.achievement": { ja: "自己評価", en: "self-evaluation" },
  "final.remark": { ja: "課題と改善策（自己評価）", en: "year-end issues and improvements" },
};

export const PHASE_LABELS: Record<Phase, Labels> = {
  plan: { ja: "計画", en: "Plan" },
  midyear: { ja: "中間振り返り", en: "Mid-year review" },
  final: { ja: "自己評価", en: "Self-evaluation" },
};

export const SEVERITY_LABELS: Record<Severity, Labels> = {
  fatal: { ja: "致命的", en: "Fatal" },
  error: { ja: "エラー", en: "Error" },
  warning: { ja: "警告", en: "Warning" },
};

/** The heading of findings about the workbook as a whole. */
export const WHOLE_WORKBOOK: Labels = { ja: "ブック全体", en: "Whole workbook" };

/** The heading of an item's findings: 取組項目 3【歳出の削減】. */
export function itemHeading(no: number, title: string | null, locale: Locale): string {
  return `${locale === "ja" ? "取組項目" : "Item"} ${no}${title ? `【${title}】` : ""}`;
}
