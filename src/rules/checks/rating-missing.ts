import { z } from "zod";
import { fieldValue, hasSectionOf, isUnreadable, isDue, phasesFrom, RATING_FIELDS } from "../../model";
import { choicesOf } from "../choices";
import { defineRule, FIELD_PARAMS } from "../define";

/** Mid-year ratings from phase midyear on, the self-evaluation at phase final. 対象外 counts as given. */
export const ratingMissing = defineRule({
  code: "RATING_MISSING",
  severity: "error",
  phases: phasesFrom("midyear"),
  params: { ...FIELD_PARAMS, choices: z.string() },
  messages: {
    ja: (p) => `取組項目${p.no}の「${p.label}」が未入力です。${p.choices}のいずれかを入力してください。`,
    en: (p) => `Item ${p.no}: ${p.labelEn} is empty. Enter one of ${p.choices}.`,
  },
  description: "midyear: 実施見込み / 達成見込み empty; final: also 自己評価 (never in a section the item lacks)",
  check({ items, phase, profile }, report) {
    const due = RATING_FIELDS.filter((field) => isDue(field, phase));
    for (const item of items) {
      for (const field of due) {
        if (fieldValue(item, field) === null && !isUnreadable(item, field) && hasSectionOf(item, field)) report.item(item, field, { choices: choicesOf(profile, field) });
      }
    }
  },
});
