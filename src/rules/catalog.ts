import type { FieldName, FindingCode, FindingParams, Severity } from "../model";

export type Locale = "ja" | "en";

type Template = (p: FindingParams) => string;

interface CatalogEntry {
  severity: Severity;
  /** What is wrong and how to fix it, in each language. */
  message: Record<Locale, Template>;
}

/** Every finding code, its severity and its message: the one place a finding's wording lives. */
export const CATALOG: Record<FindingCode, CatalogEntry> = {
  TEMPLATE_NOT_RECOGNIZED: {
    severity: "fatal",
    message: {
      ja: () =>
        "取組項目が見つかりません。「取組項目 1」のような見出しと「取組の方針・目標内容」などの項目名がある様式のブックか確認してください。",
      en: () =>
        "No 取組項目 (initiative item) was found. Check that the workbook uses the form, with headings such as 「取組項目 1」 and labels such as 「取組の方針・目標内容」.",
    },
  },
  TEMPLATE_NOTE_MISMATCH: {
    severity: "warning",
    message: {
      ja: (p) =>
        `様式の注記「${p.note}」は選択肢にない評価を必須条件にしています。②の場合に課題と改善策を必須として検証しました。様式の注記を確認してください。`,
      en: (p) =>
        `The form's note 「${p.note}」 names a rating the scale does not offer; remarks were checked as required for ②. Check the note on the form.`,
    },
  },
  ITEM_NUMBER_DUPLICATE: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}が重複しています（${p.other}にもあります）。番号を振り直してください。`,
      en: (p) => `Item number ${p.no} is used twice (also at ${p.other}). Renumber the items.`,
    },
  },
  ITEM_NUMBER_GAP: {
    severity: "warning",
    message: {
      ja: (p) => `取組項目${p.previous}の次が取組項目${p.no}です（${p.missing}が抜けています）。番号の抜けや削除漏れがないか確認してください。`,
      en: (p) => `Item ${p.no} follows item ${p.previous} (${p.missing} missing). Check for a skipped or deleted number.`,
    },
  },
  TITLE_MISSING: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}のタイトル（【】で囲んだ取組名）がありません。取組項目の見出しの下に【取組名】を入力してください。`,
      en: (p) => `Item ${p.no} has no title in 【】. Enter 【title】 below the item heading.`,
    },
  },
  PLAN_FIELD_MISSING: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}の「${p.label}」が未入力です。計画の内容を入力してください。`,
      en: (p) => `Item ${p.no}: 「${p.label}」 (${p.labelEn}) is empty. Enter the plan.`,
    },
  },
  TARGET_MISSING: {
    severity: "warning",
    message: {
      ja: (p) => `取組項目${p.no}の「${p.label}」に（目標）の記載がありません。「（目標）」に続けて目標を記載してください。`,
      en: (p) => `Item ${p.no}: 「${p.label}」 (${p.labelEn}) has no (目標) target. Add the target after 「（目標）」.`,
    },
  },
  RATING_INVALID: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}の「${p.label}」の「${p.value}」は選択肢にありません。${p.choices}のいずれかを入力してください。`,
      en: (p) => `Item ${p.no}: 「${p.value}」 is not a valid ${p.labelEn}. Enter one of ${p.choices}.`,
    },
  },
  RATING_MISSING: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}の「${p.label}」が未入力です。${p.choices}のいずれかを入力してください。`,
      en: (p) => `Item ${p.no}: ${p.labelEn} is empty. Enter one of ${p.choices}.`,
    },
  },
  REMARK_REQUIRED: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}は「${p.ratingLabel}」が${p.level}のため、「課題と改善策」の記入が必須です。課題と改善策を記入してください。`,
      en: (p) => `Item ${p.no}: ${p.ratingLabelEn} is ${p.level}, so 「課題と改善策」 (issues and improvements) is required. Fill it in.`,
    },
  },
  REMARK_RECOMMENDED: {
    severity: "warning",
    message: {
      ja: (p) => `取組項目${p.no}は取組内容の実施見込みが(ii)です。「課題と改善策」に実施できない理由と改善策を記入してください。`,
      en: (p) => `Item ${p.no}: the implementation outlook is (ii). Explain why and how to improve in 「課題と改善策」.`,
    },
  },
  OUTLOOK_INCONSISTENT: {
    severity: "warning",
    message: {
      ja: (p) =>
        `取組項目${p.no}は取組内容の実施見込みが(ii)（実施できない見込み）なのに、目標の達成見込みが①（達成見込み）です。どちらかを見直してください。`,
      en: (p) => `Item ${p.no}: implementation outlook (ii) but achievement outlook ①. Check one of them.`,
    },
  },
  RESULT_MISSING: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}の「当年度の取組実績及び目標の達成状況」が未入力です。当年度の実績と目標の達成状況を記入してください。`,
      en: (p) => `Item ${p.no}: the results for the year (当年度の取組実績及び目標の達成状況) are empty. Fill them in.`,
    },
  },
  CELL_ERROR: {
    severity: "error",
    message: {
      ja: (p) => `取組項目${p.no}の「${p.label}」のセルがエラー値 ${p.value} です。数式や参照を直すか、値を直接入力してください。`,
      en: (p) => `Item ${p.no}: the cell for ${p.labelEn} holds the error value ${p.value}. Fix the formula or type the value.`,
    },
  },
};

/** How each field is named to people. */
export const FIELD_LABELS: Record<FieldName, Record<Locale, string>> = {
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

export function formatMessage(code: FindingCode, params: FindingParams, locale: Locale = "ja"): string {
  return CATALOG[code].message[locale](params);
}
