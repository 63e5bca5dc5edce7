import { phasesFrom } from "../../model";
import { defineRule, ITEM_PARAMS } from "../define";

export const outlookInconsistent = defineRule({
  code: "OUTLOOK_INCONSISTENT",
  severity: "warning",
  phases: phasesFrom("midyear"),
  params: ITEM_PARAMS,
  messages: {
    ja: (p) =>
      `取組項目${p.no}は取組内容の実施見込みが(ii)（実施できない見込み）なのに、目標の達成見込みが①（達成見込み）です。どちらかを見直してください。`,
    en: (p) => `Item ${p.no}: implementation outlook (ii) but achievement outlook ①. Check one of them.`,
  },
  description: "実施見込み (ii) with 達成見込み ①",
  check({ items }, report) {
    for (const item of items) {
      if (item.midyear.implementation === "ii" && item.midyear.achievement === 1) report.item(item, "midyear.achievement");
    }
  },
});
