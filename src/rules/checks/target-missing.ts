import { fieldValue, PHASES, PLAN_FIELDS } from "../../model";
import { defineRule, FIELD_PARAMS } from "../define";

/** No (目標) marker, or nothing after it: the reader found no target phrase in the field. */
export const targetMissing = defineRule({
  code: "TARGET_MISSING",
  severity: "warning",
  phases: PHASES,
  params: FIELD_PARAMS,
  messages: {
    ja: (p) => `取組項目${p.no}の「${p.label}」に（目標）の記載がありません。「（目標）」に続けて目標を記載してください。`,
    en: (p) => `Item ${p.no}: 「${p.label}」 (${p.labelEn}) has no (目標) target. Add the target after 「（目標）」.`,
  },
  description: "a plan field has no (目標) target: no marker, or nothing after it",
  check({ items }, report) {
    for (const item of items) {
      for (const field of PLAN_FIELDS) {
        if (fieldValue(item, field) !== null && !item.targets.some((t) => t.field === field)) report.item(item, field);
      }
    }
  },
});
