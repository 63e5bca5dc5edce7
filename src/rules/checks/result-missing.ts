import { hasSectionOf, isUnreadable, phasesFrom } from "../../model";
import { defineRule, FIELD_PARAMS } from "../define";

export const resultMissing = defineRule({
  code: "RESULT_MISSING",
  severity: "error",
  phases: phasesFrom("final"),
  params: FIELD_PARAMS,
  messages: {
    ja: (p) => `取組項目${p.no}の「当年度の取組実績及び目標の達成状況」が未入力です。当年度の実績と目標の達成状況を記入してください。`,
    en: (p) => `Item ${p.no}: the results for the year (当年度の取組実績及び目標の達成状況) are empty. Fill them in.`,
  },
  description: "final: 当年度の取組実績及び目標の達成状況 empty",
  check({ items }, report) {
    for (const item of items) if (!item.final.result && !isUnreadable(item, "final.result") && hasSectionOf(item, "final.result")) report.item(item, "final.result");
  },
});
