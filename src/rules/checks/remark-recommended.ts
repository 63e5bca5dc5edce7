import { phasesFrom } from "../../model";
import { defineRule, FIELD_PARAMS } from "../define";

export const remarkRecommended = defineRule({
  code: "REMARK_RECOMMENDED",
  severity: "warning",
  phases: phasesFrom("midyear"),
  params: FIELD_PARAMS,
  messages: {
    ja: (p) => `取組項目${p.no}は取組内容の実施見込みが(ii)です。「課題と改善策」に実施できない理由と改善策を記入してください。`,
    en: (p) => `Item ${p.no}: the implementation outlook is (ii). Explain why and how to improve in 「課題と改善策」.`,
  },
  description: "実施見込み is (ii) and the mid-year remark is empty",
  check({ items }, report) {
    for (const item of items) if (item.midyear.implementation === "ii" && !item.midyear.remark) report.item(item, "midyear.remark");
  },
});
