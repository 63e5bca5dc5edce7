/**
 * Live re-check, the decision: which edits can change the findings, and which sheets to read again for them —
 * the sheets of the changed cell's form. An edit counts when it touches a mapped cell (a heading or a source cell
 * of an item), or could move the layout: rows, columns or cells inserted or deleted, a label typed or deleted, a
 * block of cells pasted. Pure.
 */
import type { Item } from "../model";
import type { CellRange } from "../template/grid";
import { parseRange } from "../template/grid";
import type { TemplateProfile } from "../template/profile";
import { normalize } from "../template/text";

export interface FormIndex {
  /** Sheet name (lower case) → the cells the items were read from. */
  mapped: Map<string, CellRange[]>;
  /** Sheet name (lower case) → the sheets of its form(s), by name. */
  formSheets: Map<string, string[]>;
}

/** A form is the items of one `form` (the reader's), or else the items that share sheets with each other. */
export function indexForms(items: readonly Item[]): FormIndex {
  const mapped = new Map<string, CellRange[]>();
  const names = new Map<string, string>();
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.has(root)) root = parent.get(root)!;
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const item of items) {
    const cells = [{ sheet: item.sheet, cell: item.cell }, ...Object.values(item.sources).map((s) => ({ sheet: s!.sheet, cell: s!.cell }))];
    for (const { sheet, cell } of cells) {
      const key = sheet.toLowerCase();
      names.set(key, sheet);
      mapped.set(key, [...(mapped.get(key) ?? []), parseRange(cell)]);
      union(`sheet:${item.sheet.toLowerCase()}`, `sheet:${key}`);
    }
    const form = (item as { form?: string }).form;
    if (form !== undefined) union(`form:${form}`, `sheet:${item.sheet.toLowerCase()}`);
  }
  const groups = new Map<string, string[]>();
  for (const [key, name] of names) {
    const root = find(`sheet:${key}`);
    groups.set(root, [...(groups.get(root) ?? []), name]);
  }
  const formSheets = new Map([...names.keys()].map((key) => [key, groups.get(find(`sheet:${key}`))!]));
  return { mapped, formSheets };
}

/** A change Excel reported (WorksheetChangedEventArgs, with the sheet's name). */
export interface SheetChange {
  sheet: string;
  address: string;
  changeType: string;
  /** The value before and after, when Excel gives them (one cell, ExcelApi 1.9). */
  valueBefore?: unknown;
  valueAfter?: unknown;
}

/** The sheets to read again for the change: its form's, or none when it cannot change the findings. */
export function sheetsToRecheck(index: FormIndex, change: SheetChange, profile: TemplateProfile): string[] {
  const form = index.formSheets.get(change.sheet.toLowerCase());
  if (!form) return [];
  if (change.changeType !== "RangeEdited") return form;
  const range = rangeOf(change.address);
  if (!range) return form;
  if ((index.mapped.get(change.sheet.toLowerCase()) ?? []).some((cell) => overlaps(cell, range))) return form;
  if ([change.valueBefore, change.valueAfter].some((value) => isLabel(value, profile))) return form;
  const oneCell = range.top === range.bottom && range.left === range.right;
  return oneCell ? [] : form;
}

function rangeOf(address: string): CellRange | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  // Whole rows or columns ("3:5", "A:C"): treated as unknown extent, which always counts.
  if (!/\d/.test(local) || /^\$?\d+:\$?\d+$/.test(local)) return null;
  try {
    return parseRange(local);
  } catch {
    return null;
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

const labelCache = new WeakMap<TemplateProfile, string[]>();

/** The text holds a label the reader looks for (an item label, a section, a field). */
function isLabel(value: unknown, profile: TemplateProfile): boolean {
  if (typeof value !== "string" || value === "") return false;
  let labels = labelCache.get(profile);
  if (!labels) {
    labels = [...profile.itemLabels, ...Object.values(profile.sectionLabels).flat(), ...Object.values(profile.fields).flatMap((f) => f.labels ?? [])].map(normalize);
    labelCache.set(profile, labels);
  }
  const text = normalize(value);
  return labels.some((label) => text.includes(label));
}
