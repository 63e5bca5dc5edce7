import { z } from "zod";

/** The three moments of the yearly cycle, in order: each phase adds rules to the one before. */
export const Phase = z.enum(["plan", "midyear", "final"]);
export type Phase = z.infer<typeof Phase>;

export const PHASES: readonly Phase[] = Phase.options;

export const PHASE_LABELS: Record<Phase, { ja: string; en: string }> = {
  plan: { ja: "計画", en: "Plan" },
  midyear: { ja: "中間振り返り", en: "Mid-year review" },
  final: { ja: "自己評価", en: "Self-evaluation" },
};

/** True when `phase` is `since` or a later one. */
export function phaseReaches(phase: Phase, since: Phase): boolean {
  return PHASES.indexOf(phase) >= PHASES.indexOf(since);
}
