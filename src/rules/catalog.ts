import { z } from "zod";
import { Finding, Locale } from "../model";
import type { Rule } from "./define";
import { RULES } from "./registry";

type AnyRule = (typeof RULES)[number];

/** Every finding code: the codes of the rules in ./checks. */
export type FindingCode = AnyRule["code"];
export const FINDING_CODES = RULES.map((rule) => rule.code) as [FindingCode, ...FindingCode[]];

/** A finding as validation returns it: the model's shape, with a code some rule declares. */
export const RuleFinding = Finding.extend({ code: z.enum(FINDING_CODES) });
export type RuleFinding = z.infer<typeof RuleFinding>;

/** Each code's rule: its severity, phases, parameters and messages. */
export const CATALOG = Object.fromEntries(RULES.map((rule) => [rule.code, rule])) as { [C in FindingCode]: Extract<AnyRule, { code: C }> };

/** A finding's message in `locale`. One whose code no rule declares (a report of another version) keeps its own text. */
export function messageIn(finding: Finding, locale: Locale): string {
  const rule: Rule | undefined = (CATALOG as Record<string, Rule>)[finding.code];
  return locale === "ja" || !rule ? finding.message : rule.format(finding.params, locale);
}
