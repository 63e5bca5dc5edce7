import { z } from "zod";
import { phasesFrom } from "../../model";
import { defineRule } from "../define";

/** The form's printed note names a rating the scale does not offer (「③」): said once per workbook. */
export const templateNoteMismatch = defineRule({
  code: "TEMPLATE_NOTE_MISMATCH",
  severity: "warning",
  phases: phasesFrom("midyear"),
  params: { note: z.string() },
  messages: {
    ja: (p) =>
      `様式の注記「${p.note}」は選択肢にない評価を必須条件にしています。②の場合に課題と改善策を必須として検証しました。様式の注記を確認してください。`,
    en: (p) =>
      `The form's note 「${p.note}」 names a rating the scale does not offer; remarks were checked as required for ②. Check the note on the form.`,
  },
  description: "the printed note names a level the scale does not offer (「※左記が「③」の場合は必須」); ② is used",
  check({ form }, report) {
    if (form.noteMismatch) report.workbook({ note: form.noteMismatch.note }, form.noteMismatch);
  },
});
