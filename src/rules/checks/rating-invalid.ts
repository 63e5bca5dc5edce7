import { z } from "zod";
import { PHASES, RATING_FIELDS } from "../../model";
import { choicesOf } from "../choices";
import { defineRule, FIELD_PARAMS } from "../define";

export const ratingInvalid = defineRule({
  code: "RATING_INVALID",
  severity: "error",
  phases: PHASES,
  params: { ...FIELD_PARAMS, value: z.string(), choices: z.string() },
  messages: {
    ja: (p) => `取組項目${p.no}の「${p.label}」の「${p.value}」は選択肢にありません。${p.choices}のいずれかを入力してください。`,
    en: (p) => `Item ${p.no}: 「${p.value}」 is not a valid ${p.labelEn}. Enter one of ${p.choices}.`,
  },
  description: "a rating cell holds something that is not a rating (③, はい, a legend)",
  check({ items, profile }, report) {
    for (const item of items) {
      for (const field of RATING_FIELDS) {
        const source = item.sources[field];
        if (source?.invalid) report.item(item, field, { value: source.text.trim(), choices: choicesOf(profile, field) });
      }
    }
  },
});
