import { PHASES } from "../../model";
import { defineRule } from "../define";

export const templateNotRecognized = defineRule({
  code: "TEMPLATE_NOT_RECOGNIZED",
  severity: "fatal",
  phases: PHASES,
  params: {},
  messages: {
    ja: () =>
      "取組項目が見つかりません。「取組項目 1」のような見出しと「取組の方針・目標内容」などの項目名がある様式のブックか確認してください。",
    en: () =>
      "No 取組項目 (initiative item) was found. Check that the workbook uses the form, with headings such as 「取組項目 1」 and labels such as 「取組の方針・目標内容」.",
  },
  description: "no 取組項目 found in the workbook",
  check({ items }, report) {
    if (items.length === 0) report.workbook();
  },
});
