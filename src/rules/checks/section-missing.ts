import { z } from "zod";
import { PHASE_LABELS, PHASES, Section, SECTIONS, sectionsOf } from "../../model";
import { defineRule, ITEM_PARAMS } from "../define";

/**
 * An item lacks a section (計画, 中間振り返り, 自己評価) that other items of its form have: rows deleted or labels
 * overwritten. Said once per section, at the item's heading; its fields are then not reported missing one by one.
 * A form where no item has a section (the plans after 2.0 have no 中間振り返り) asks nothing of it.
 */
export const sectionMissing = defineRule({
  code: "SECTION_MISSING",
  severity: "error",
  phases: PHASES,
  params: { ...ITEM_PARAMS, section: z.string(), sectionEn: z.string(), others: z.number().int() },
  messages: {
    ja: (p) =>
      `取組項目${p.no}に「${p.section}」の欄がありません（同じ様式の他の取組項目 ${p.others} 件にはあります）。行や見出しが削除されていないか確認し、元に戻してください。`,
    en: (p) =>
      `Item ${p.no} has no ${p.sectionEn} rows, though ${p.others} other ${p.others === 1 ? "item" : "items"} of its form do. Check whether rows or labels were deleted and restore them.`,
  },
  description: "an item lacks a section (中間振り返り, 自己評価) that other items of its form have",
  check({ items }, report) {
    const sections = items.map(sectionsOf);
    for (const section of SECTIONS) {
      const having = sections.filter((s) => s.includes(section)).length;
      if (having === 0) continue;
      items.forEach((item, i) => {
        if (!sections[i].includes(section)) report.item(item, null, { ...labels(section), others: having });
      });
    }
  },
});

function labels(section: Section): { section: string; sectionEn: string } {
  return { section: PHASE_LABELS[section].ja, sectionEn: PHASE_LABELS[section].en };
}
