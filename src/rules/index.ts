import { FIELDS, isWritten, Item, Phase, PHASES, RatingField } from "../model";
import type { TemplateProfile } from "../template/profile";
import type { FormInfo } from "../template/reader";
import type { RuleFinding } from "./catalog";
import { RULES } from "./registry";

export { CATALOG, FINDING_CODES, messageIn, RuleFinding } from "./catalog";
export type { FindingCode } from "./catalog";
export { RULES } from "./registry";

/** The findings of every rule that runs in `phase`, sorted. */
export function validateItems(items: readonly Item[], form: FormInfo, phase: Phase, profile: TemplateProfile): RuleFinding[] {
  const ctx = { items, form, phase, profile };
  const findings: RuleFinding[] = [];
  for (const rule of RULES) if (rule.phases.includes(phase)) findings.push(...rule.run(ctx));
  return sortFindings(findings);
}

/** final if any self-evaluation rating is filled, else midyear if any mid-year rating is, else plan. */
export function inferPhase(items: readonly Item[]): Phase {
  const filled = (field: RatingField) => items.some((item) => isWritten(item, field));
  if (filled("final.achievement")) return "final";
  if (filled("midyear.implementation") || filled("midyear.achievement")) return "midyear";
  return PHASES[0];
}

/** Workbook-wide findings first, then by item number, then by field in form order; rule order within (a stable sort). */
function sortFindings(findings: RuleFinding[]): RuleFinding[] {
  const fieldOrder = (f: RuleFinding) => (f.field ? FIELDS.indexOf(f.field) : -1);
  return findings.sort((a, b) => (a.item ?? -1) - (b.item ?? -1) || fieldOrder(a) - fieldOrder(b));
}
