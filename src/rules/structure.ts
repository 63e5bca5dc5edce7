import { itemFinding, workbookFinding } from "./finding";
import type { Rule } from "./context";

export const templateNotRecognized: Rule = ({ items }) =>
  items.length === 0 ? [workbookFinding("TEMPLATE_NOT_RECOGNIZED")] : [];

export const itemNumberDuplicate: Rule = ({ items }) => {
  const first = new Map<number, { sheet: string; cell: string }>();
  return items.flatMap((item) => {
    const seen = first.get(item.no);
    if (!seen) {
      first.set(item.no, item);
      return [];
    }
    return [itemFinding("ITEM_NUMBER_DUPLICATE", item, null, { other: `${seen.sheet}!${seen.cell}` })];
  });
};

/** Numbers should run 1, 2, 3…: a skipped number is worth a look (a deleted item, a typo). */
export const itemNumberGap: Rule = ({ items }) => {
  const sorted = [...new Map(items.map((item) => [item.no, item])).values()].sort((a, b) => a.no - b.no);
  return sorted.flatMap((item, i) => {
    const previous = i === 0 ? 0 : sorted[i - 1].no;
    if (item.no <= previous + 1) return [];
    const missing = item.no - previous === 2 ? `${previous + 1}` : `${previous + 1}～${item.no - 1}`;
    return [itemFinding("ITEM_NUMBER_GAP", item, null, { previous, missing })];
  });
};

export const titleMissing: Rule = ({ items }) =>
  items.filter((item) => !item.title).map((item) => itemFinding("TITLE_MISSING", item, item.sources.title ? "title" : null));

/** The form's printed note names a rating the scale does not offer (「③」): said once per workbook. */
export const templateNoteMismatch: Rule = ({ form }) =>
  form.noteMismatch ? [workbookFinding("TEMPLATE_NOTE_MISMATCH", { note: form.noteMismatch.note }, form.noteMismatch)] : [];
