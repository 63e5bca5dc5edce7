import { PHASES } from "../../model";
import { defineRule, ITEM_PARAMS } from "../define";

export const titleMissing = defineRule({
  code: "TITLE_MISSING",
  severity: "error",
  phases: PHASES,
  params: ITEM_PARAMS,
  messages: {
    ja: (p) => `取組項目${p.no}のタイトル（【】で囲んだ取組名）がありません。取組項目の見出しの下に【取組名】を入力してください。`,
    en: (p) => `Item ${p.no} has no title in 【】. Enter 【title】 below the item heading.`,
  },
  description: "no 【title】",
  check({ items }, report) {
    for (const item of items) if (!item.title) report.item(item, item.sources.title ? "title" : null);
  },
});
