import type { CheckReport, FormSummary } from "./check";
import { FieldName, FIELDS, fieldValue, formatRating, Item, RATING_FIELDS, RatingValue, SECTIONS } from "./model";

/** How one field was read: where from, what it says, and whether it could be read at all. */
export type FieldStatus =
  /** A value was read. */
  | "value"
  /** The value's cell is empty (or a dash). */
  | "blank"
  /** A rating cell holds something that is not a rating. */
  | "invalid"
  /** The cell holds an Excel error value. */
  | "error"
  /** The layout does not say which cell holds the value (LAYOUT_AMBIGUOUS). */
  | "ambiguous"
  /** The field's label or legend was not found in the item. */
  | "absent";

export interface InspectedField {
  field: FieldName;
  sheet: string | null;
  cell: string | null;
  /** The value as people write it (①, (ii), 対象外, the text); for an invalid or error cell, what it holds. */
  value: string;
  status: FieldStatus;
  /** Ambiguous: "several" cells hold ratings, or "none" fits; the cells. */
  ambiguous?: { reason: "several" | "none"; cells: string[] };
}

export interface InspectedItem {
  no: number;
  title: string | null;
  sheet: string;
  cell: string;
  fields: InspectedField[];
}

export interface InspectedForm extends FormSummary {
  items: InspectedItem[];
}

/** How the workbook was understood: its forms, their items, and for every field the cell it was read from. Pure. */
export function inspectReport(report: CheckReport): InspectedForm[] {
  return report.forms.map((form) => ({
    ...form,
    items: report.items.filter((item) => item.form === form.name).map((item) => inspectItem(item, form)),
  }));
}

function inspectItem(item: Item, form: FormSummary): InspectedItem {
  // A section the form has no rows for is no field of its items.
  const fields = FIELDS.filter((field) => !SECTIONS.some((s) => field.startsWith(`${s}.`) && !form.sections.includes(s)));
  return { no: item.no, title: item.title, sheet: item.sheet, cell: item.cell, fields: fields.map((field) => inspectField(item, field)) };
}

function inspectField(item: Item, field: FieldName): InspectedField {
  const source = item.sources[field];
  if (!source) return { field, sheet: null, cell: null, value: "", status: "absent" };
  const at = { field, sheet: source.sheet, cell: source.cell };
  if (source.ambiguous) return { ...at, value: "", status: "ambiguous", ambiguous: source.ambiguous };
  if (source.error) return { ...at, value: source.error, status: "error" };
  if (source.invalid) return { ...at, value: source.text.trim(), status: "invalid" };
  const value = fieldValue(item, field);
  if (value === null || value === "") return { ...at, value: "", status: "blank" };
  const shown = (RATING_FIELDS as readonly string[]).includes(field) ? formatRating(value as RatingValue) : String(value);
  return { ...at, value: shown, status: "value" };
}
