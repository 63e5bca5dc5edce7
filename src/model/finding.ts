import { z } from "zod";
import { FieldName } from "./item";

export const Severity = z.enum(["fatal", "error", "warning"]);
export type Severity = z.infer<typeof Severity>;

/** Values a finding's message is made of, so that it can be shown in either language. */
export const FindingParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type FindingParams = z.infer<typeof FindingParams>;

/**
 * One problem: what (code, message), where (item, field, sheet, cell) and how to fix it (message).
 *
 * `code` is a string here: the codes are declared by the rules (src/rules/checks, one file per code), and the model
 * does not depend on the rules. src/rules exports the precise union (`FindingCode`) and the schema refined with it
 * (`RuleFinding`), which is what validation returns.
 */
export const Finding = z.object({
  code: z.string(),
  severity: Severity,
  /** The form (ward) of a workbook that holds several; reports set it on every finding (null: no form was found). */
  form: z.string().nullable().optional(),
  item: z.number().int().nullable(),
  field: FieldName.nullable(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  message: z.string(),
  params: FindingParams,
});
export type Finding = z.infer<typeof Finding>;

/** Errors and fatal findings block submission; warnings do not. */
export function isBlocking(finding: Pick<Finding, "severity">): boolean {
  return finding.severity !== "warning";
}

/** How many findings block (「エラー」 everywhere people read counts) and how many are warnings. */
export function countBlocking(findings: readonly Pick<Finding, "severity">[]): { blocking: number; warnings: number } {
  let blocking = 0;
  for (const f of findings) if (isBlocking(f)) blocking++;
  return { blocking, warnings: findings.length - blocking };
}

/** An item's findings (item null: about its form or the workbook as a whole), in report order. */
export interface FindingGroup {
  form: string | null;
  item: number | null;
  /** The item's 【title】, where it has one. */
  title: string | null;
  entries: { finding: Finding; index: number }[];
}

/**
 * Findings grouped by form, then by item, as reports list them (a report's findings come form by form, each form's
 * sorted by item). Items are told apart by form too: 北区's 取組項目 1 is not 都島区's.
 */
export function groupFindings(findings: readonly Finding[], items: readonly { form: string; no: number; title: string | null }[]): FindingGroup[] {
  const titles = new Map(items.map((item) => [`${item.form}\u0000${item.no}`, item.title]));
  const groups: FindingGroup[] = [];
  findings.forEach((finding, index) => {
    const form = finding.form ?? null;
    let group = groups[groups.length - 1];
    if (!group || group.form !== form || group.item !== finding.item) {
      const title = finding.item === null ? null : (titles.get(`${form}\u0000${finding.item}`) ?? null);
      groups.push((group = { form, item: finding.item, title, entries: [] }));
    }
    group.entries.push({ finding, index });
  });
  return groups;
}
