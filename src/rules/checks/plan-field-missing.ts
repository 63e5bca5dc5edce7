import { fieldValue, hasSectionOf, isUnreadable, PHASES, PLAN_FIELDS } from "../../model";
import { defineRule, FIELD_PARAMS } from "../define";

export const planFieldMissing = defineRule({
  code: "PLAN_FIELD_MISSING",
  severity: "error",
  phases: PHASES,
  params: FIELD_PARAMS,
  messages: {
    ja: (p) => `取組項目${p.no}の「${p.label}」が未入力です。計画の内容を入力してください。`,
    en: (p) => `Item ${p.no}: 「${p.label}」 (${p.labelEn}) is empty. Enter the plan.`,
  },
  description: "取組の方針・目標内容 or 当年度の取組内容 empty (a field no item of the form prints is not asked for)",
  check({ items }, report) {
    // A form that prints one plan field only (no item has the other's label) does not ask for the other.
    const printed = PLAN_FIELDS.filter((field) => items.some((item) => item.sources[field]));
    for (const item of items) {
      for (const field of printed) if (!fieldValue(item, field) && !isUnreadable(item, field) && hasSectionOf(item, field)) report.item(item, field);
    }
  },
});
