import { z } from "zod";
import { FIELDS, PHASES } from "../../model";
import { defineRule, FIELD_PARAMS } from "../define";

export const cellError = defineRule({
  code: "CELL_ERROR",
  severity: "error",
  phases: PHASES,
  params: { ...FIELD_PARAMS, value: z.string() },
  messages: {
    ja: (p) => `取組項目${p.no}の「${p.label}」のセルがエラー値 ${p.value} です。数式や参照を直すか、値を直接入力してください。`,
    en: (p) => `Item ${p.no}: the cell for ${p.labelEn} holds the error value ${p.value}. Fix the formula or type the value.`,
  },
  description: "a mapped cell holds an Excel error value (#REF!, #N/A, …)",
  check({ items }, report) {
    for (const item of items) {
      for (const field of FIELDS) {
        const error = item.sources[field]?.error;
        if (error) report.item(item, field, { value: error });
      }
    }
  },
});
