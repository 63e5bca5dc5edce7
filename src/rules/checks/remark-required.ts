import { z } from "zod";
import { FIELD_LABELS, formatRating, isDue, isUnreadable, phasesFrom } from "../../model";
import { defineRule, FIELD_PARAMS } from "../define";

const SECTIONS = ["midyear", "final"] as const;

/** 課題と改善策 is required when the section's achievement is the level the form's note names (②); the self-evaluation's at phase final. */
export const remarkRequired = defineRule({
  code: "REMARK_REQUIRED",
  severity: "error",
  phases: phasesFrom("midyear"),
  params: { ...FIELD_PARAMS, ratingLabel: z.string(), ratingLabelEn: z.string(), level: z.string() },
  messages: {
    ja: (p) => `取組項目${p.no}は「${p.ratingLabel}」が${p.level}のため、「課題と改善策」の記入が必須です。課題と改善策を記入してください。`,
    en: (p) => `Item ${p.no}: ${p.ratingLabelEn} is ${p.level}, so 「課題と改善策」 (issues and improvements) is required. Fill it in.`,
  },
  description: "an achievement is ② and its 課題と改善策 is empty",
  check({ items, phase }, report) {
    for (const section of SECTIONS.filter((s) => isDue(`${s}.remark`, phase))) {
      const rating = `${section}.achievement` as const;
      const remark = `${section}.remark` as const;
      for (const item of items) {
        const required = item.remarkRequiredFor[section];
        if (item[section].achievement !== required || item[section].remark || isUnreadable(item, remark)) continue;
        report.item(item, item.sources[remark] ? remark : rating, {
          ratingLabel: FIELD_LABELS[rating].ja,
          ratingLabelEn: FIELD_LABELS[rating].en,
          level: formatRating(required),
        });
      }
    }
  },
});
