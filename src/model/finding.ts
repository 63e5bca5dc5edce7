import { z } from "zod";
import { FieldName } from "./item";

export const Severity = z.enum(["fatal", "error", "warning"]);
export type Severity = z.infer<typeof Severity>;

export const SEVERITY_LABELS: Record<Severity, { ja: string; en: string }> = {
  fatal: { ja: "致命的", en: "Fatal" },
  error: { ja: "エラー", en: "Error" },
  warning: { ja: "警告", en: "Warning" },
};

export const FindingCode = z.enum([
  "TEMPLATE_NOT_RECOGNIZED",
  "TEMPLATE_NOTE_MISMATCH",
  "ITEM_NUMBER_DUPLICATE",
  "ITEM_NUMBER_GAP",
  "TITLE_MISSING",
  "PLAN_FIELD_MISSING",
  "TARGET_MISSING",
  "RATING_INVALID",
  "RATING_MISSING",
  "REMARK_REQUIRED",
  "REMARK_RECOMMENDED",
  "OUTLOOK_INCONSISTENT",
  "RESULT_MISSING",
  "CELL_ERROR",
]);
export type FindingCode = z.infer<typeof FindingCode>;

/** Values a finding's message is made of, so that it can be shown in either language. */
export const FindingParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type FindingParams = z.infer<typeof FindingParams>;

/** One problem: what (code, message), where (item, field, sheet, cell) and how to fix it (message). */
export const Finding = z.object({
  code: FindingCode,
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

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { fatal: 0, error: 0, warning: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Errors and fatal findings block submission; warnings do not. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity !== "warning";
}
