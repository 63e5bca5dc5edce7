import { z } from "zod";
import { FIELDS, PHASES } from "../../model";
import { defineRule, FIELD_PARAMS } from "../define";

/**
 * The reader could not tell which cell holds a field's value: two cells around its label or legend hold ratings,
 * or no cell there fits. It does not guess; this names the cells it looked at.
 */
export const layoutAmbiguous = defineRule({
  code: "LAYOUT_AMBIGUOUS",
  severity: "warning",
  phases: PHASES,
  params: { ...FIELD_PARAMS, reason: z.string(), cells: z.string() },
  messages: {
    ja: (p) =>
      p.reason === "several"
        ? `取組項目${p.no}の「${p.label}」は、${p.cells} のどのセルの値か判断できません（どれにも評価が入っています）。評価は1つのセルにだけ入力してください。`
        : `取組項目${p.no}の「${p.label}」の値を入れるセルが見つかりません${p.cells ? `（確認したセル: ${p.cells}）` : ""}。様式の配置を確認してください（配置が違う様式はプロファイルの placement で指定できます）。`,
    en: (p) =>
      p.reason === "several"
        ? `Item ${p.no}: ${p.labelEn} — more than one cell holds a rating (${p.cells}); it is not clear which is meant. Enter the rating in one cell only.`
        : `Item ${p.no}: no cell for ${p.labelEn} was found${p.cells ? ` (looked at ${p.cells})` : ""}. Check the form's layout (a profile's placement can describe another layout).`,
  },
  description: "which cell holds a value is unclear: two cells around its label or legend hold ratings, or none fits (names the cells)",
  check({ items }, report) {
    for (const item of items) {
      for (const field of FIELDS) {
        const ambiguous = item.sources[field]?.ambiguous;
        if (ambiguous) report.item(item, field, { reason: ambiguous.reason, cells: ambiguous.cells.join("・") });
      }
    }
  },
});
