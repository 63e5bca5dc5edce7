import { z } from "zod";
import { CellRef, PHASES } from "../../model";
import { defineRule, ITEM_PARAMS } from "../define";

export const itemNumberDuplicate = defineRule({
  code: "ITEM_NUMBER_DUPLICATE",
  severity: "error",
  phases: PHASES,
  params: { ...ITEM_PARAMS, other: z.string() },
  messages: {
    ja: (p) => `取組項目${p.no}が重複しています（${p.other}にもあります）。番号を振り直してください。`,
    en: (p) => `Item number ${p.no} is used twice (also at ${p.other}). Renumber the items.`,
  },
  description: "two items share a number",
  check({ items }, report) {
    const first = new Map<number, CellRef>();
    for (const item of items) {
      const seen = first.get(item.no);
      if (seen) report.item(item, null, { other: `${seen.sheet}!${seen.cell}` });
      else first.set(item.no, item);
    }
  },
});
