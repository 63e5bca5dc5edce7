import { fieldValue, Finding, FIELDS, Item, Phase, PHASES, phaseReaches, RatingField } from "../model";
import type { TemplateProfile } from "../template/profile";
import { cellError } from "./cells";
import { isUnreadable } from "./finding";
import type { Rule } from "./context";
import { planFieldMissing, targetMissing } from "./plan";
import { outlookInconsistent, ratingInvalid, ratingMissing } from "./ratings";
import { finalRemarkRequired, midyearRemarkRequired, remarkRecommended } from "./remarks";
import { resultMissing } from "./result";
import { itemNumberDuplicate, itemNumberGap, templateNoteMismatch, templateNotRecognized, titleMissing } from "./structure";
import type { FormInfo } from "../template/reader";

export { CATALOG, FIELD_LABELS, formatMessage } from "./catalog";
export type { Locale } from "./catalog";

/** Each rule and the first phase it applies in; a phase applies every rule of the phases before it. */
const RULES: readonly { rule: Rule; from: Phase }[] = [
  { rule: templateNotRecognized, from: "plan" },
  { rule: templateNoteMismatch, from: "midyear" },
  { rule: itemNumberDuplicate, from: "plan" },
  { rule: itemNumberGap, from: "plan" },
  { rule: titleMissing, from: "plan" },
  { rule: planFieldMissing, from: "plan" },
  { rule: targetMissing, from: "plan" },
  { rule: ratingInvalid, from: "plan" },
  { rule: cellError, from: "plan" },
  { rule: ratingMissing, from: "midyear" },
  { rule: midyearRemarkRequired, from: "midyear" },
  { rule: remarkRecommended, from: "midyear" },
  { rule: outlookInconsistent, from: "midyear" },
  { rule: finalRemarkRequired, from: "final" },
  { rule: resultMissing, from: "final" },
];

export function validateItems(items: readonly Item[], form: FormInfo, phase: Phase, profile: TemplateProfile): Finding[] {
  const ctx = { items, form, phase, profile };
  const findings = RULES.filter(({ from }) => phaseReaches(phase, from)).flatMap(({ rule }) => rule(ctx));
  return sortFindings(findings);
}

/** final if any self-evaluation rating is filled, else midyear if any mid-year rating is, else plan. */
export function inferPhase(items: readonly Item[]): Phase {
  const filled = (field: RatingField) =>
    items.some((item) => fieldValue(item, field) !== null || isUnreadable(item, field));
  if (filled("final.achievement")) return "final";
  if (filled("midyear.implementation") || filled("midyear.achievement")) return "midyear";
  return PHASES[0];
}

/** Workbook-wide findings first, then by item number, then by field in form order; rule order within (a stable sort). */
function sortFindings(findings: Finding[]): Finding[] {
  const fieldOrder = (f: Finding) => (f.field ? FIELDS.indexOf(f.field) : -1);
  return findings.sort((a, b) => (a.item ?? -1) - (b.item ?? -1) || fieldOrder(a) - fieldOrder(b));
}
