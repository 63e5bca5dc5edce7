import { z } from "zod";
import { PHASES } from "../../model";
import { defineRule, ITEM_PARAMS } from "../define";

/** Numbers should run 1, 2, 3…: a skipped number is worth a look (a deleted item, a typo). */
export const itemNumberGap = defineRule({
  code: "ITEM_NUMBER_GAP",
  severity: "warning",
  phases: PHASES,
  params: { ...ITEM_PARAMS, previous: z.number().int(), missing: z.string() },
  messages: {
    ja: (p) => `取組項目${p.previous}の次が取組項目${p.no}です（${p.missing}が抜けています）。番号の抜けや削除漏れがないか確認してください。`,
    en: (p) => `Item ${p.no} follows item ${p.previous} (${p.missing} missing). Check for a skipped or deleted number.`,
  },
  description: "numbers skip (1, 2, 4)",
  check({ items }, report) {
    const sorted = [...new Map(items.map((item) => [item.no, item])).values()].sort((a, b) => a.no - b.no);
    sorted.forEach((item, i) => {
      const previous = i === 0 ? 0 : sorted[i - 1].no;
      if (item.no <= previous + 1) return;
      const missing = item.no - previous === 2 ? `${previous + 1}` : `${previous + 1}～${item.no - 1}`;
      report.item(item, null, { previous, missing });
    });
  },
});
