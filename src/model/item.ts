import { z } from "zod";
import { Phase, phaseReaches } from "./phase";
import { Achievement, Implementation } from "./rating";
import { Target } from "./target";

/** Where a value was read: a sheet and an A1 address. */
export const CellRef = z.object({ sheet: z.string(), cell: z.string() });
export type CellRef = z.infer<typeof CellRef>;

/** The cell a field was read from, with its text as shown and any Excel error value. */
export const FieldSource = CellRef.extend({
  text: z.string(),
  error: z.string().nullable(),
  /** The cell holds something that is not a value of the field's rating scale (③, はい, a legend). */
  invalid: z.boolean().optional(),
  /** The rating cell was left blank and the value is the option ticked in the form's legend (☐①… ☑②…), this cell. */
  ticked: z.boolean().optional(),
  /**
   * The value was not read because the layout does not say which cell holds it: several cells around the label or
   * legend hold ratings ("several"), or none fits ("none": the cells looked at, maybe none). The source's cell is
   * the first of them, else the label or legend.
   */
  ambiguous: z.object({ reason: z.enum(["several", "none"]), cells: z.array(z.string()) }).optional(),
});
export type FieldSource = z.infer<typeof FieldSource>;

export const FIELDS = [
  "title",
  "plan.policy",
  "plan.thisYear",
  "midyear.implementation",
  "midyear.achievement",
  "midyear.remark",
  "final.result",
  "final.achievement",
  "final.remark",
] as const;
export const FieldName = z.enum(FIELDS);
export type FieldName = z.infer<typeof FieldName>;

/** The form's sections, in order: 計画, 中間振り返り, 自己評価. */
export const SECTIONS = ["plan", "midyear", "final"] as const;
export type Section = (typeof SECTIONS)[number];

export const RATING_FIELDS = ["midyear.implementation", "midyear.achievement", "final.achievement"] as const;
export type RatingField = (typeof RATING_FIELDS)[number];

/** One 取組項目 as read from the workbook. Empty text is null. */
export const Item = CellRef.extend({
  no: z.number().int(),
  /** Where the heading prints the number in a cell of its own (「取組項目」 | 「1」): that cell; `cell` is the label's. */
  numberCell: z.string().optional(),
  /** The name of the form (ward) the item belongs to: see the report's `forms`. */
  form: z.string(),
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  starred: z.boolean(),
  plan: z.object({
    policy: z.string().nullable(),
    thisYear: z.string().nullable(),
  }),
  midyear: z.object({
    implementation: Implementation,
    achievement: Achievement,
    remark: z.string().nullable(),
  }),
  final: z.object({
    result: z.string().nullable(),
    achievement: Achievement,
    remark: z.string().nullable(),
  }),
  targets: z.array(Target),
  /** The rating whose 課題と改善策 is required, as the form's note prints it (「②」 unless it says otherwise). */
  remarkRequiredFor: z.object({ midyear: z.union([z.literal(1), z.literal(2)]), final: z.union([z.literal(1), z.literal(2)]) }),
  sources: z.partialRecord(FieldName, FieldSource),
});
export type Item = z.infer<typeof Item>;

/** The value of a dotted field name, e.g. "midyear.achievement". */
export function fieldValue(item: Item, field: FieldName): unknown {
  if (field === "title") return item.title;
  const [group, key] = FIELD_PATHS[field];
  return (item[group] as Record<string, unknown>)[key];
}

/** "midyear.achievement" → ["midyear", "achievement"], split once: rules ask for every field of every item. */
const FIELD_PATHS = Object.fromEntries(FIELDS.map((field) => [field, field.split(".")])) as Record<FieldName, [keyof Item, string]>;

/** The section a field belongs to ("midyear.remark" → midyear; the title: none), and each section's fields. */
const SECTION_OF = Object.fromEntries(FIELDS.map((field) => [field, SECTIONS.find((s) => field.startsWith(`${s}.`)) ?? null])) as Record<
  FieldName,
  Section | null
>;
const FIELDS_OF = Object.fromEntries(SECTIONS.map((section) => [section, FIELDS.filter((field) => SECTION_OF[field] === section)])) as Record<
  Section,
  FieldName[]
>;

/** The sections the item has: those where at least one field was found. */
export function sectionsOf(item: Item): Section[] {
  return SECTIONS.filter((section) => hasSection(item, section));
}

function hasSection(item: Item, section: Section): boolean {
  return FIELDS_OF[section].some((field) => item.sources[field]);
}

/**
 * The field's cell holds an invalid rating or an Excel error, or the layout does not say which cell holds it: its
 * own finding says so, not a "missing" one.
 */
export function isUnreadable(item: Item, field: FieldName): boolean {
  const source = item.sources[field];
  return Boolean(source?.invalid || source?.error || source?.ambiguous);
}

/** Something is written where the field is read, whether or not it reads as a value: what phase inference counts. */
export function isWritten(item: Item, field: FieldName): boolean {
  const source = item.sources[field];
  return fieldValue(item, field) !== null || Boolean(source?.invalid || source?.error || source?.ambiguous?.reason === "several");
}

/**
 * The item has the section the field belongs to (the title belongs to none). A form without 中間振り返り rows asks
 * nothing mid-year; an item without a section its siblings have is reported once (SECTION_MISSING), not per field.
 */
export function hasSectionOf(item: Item, field: FieldName): boolean {
  const section = SECTION_OF[field];
  return section === null || hasSection(item, section);
}

/** The phase a field is filled in: its section (the title and the 計画 fields: plan). */
function fieldPhase(field: FieldName): Phase {
  return SECTION_OF[field] ?? "plan";
}

/** The field must be filled by `phase`. */
export function isDue(field: FieldName, phase: Phase): boolean {
  return phaseReaches(phase, fieldPhase(field));
}
