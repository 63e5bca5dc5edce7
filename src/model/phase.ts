import { z } from "zod";
import { PHASE_NAMES } from "./phase-names";

/** The three moments of the yearly cycle, in order: each phase adds rules to the one before. */
export const Phase = z.enum(PHASE_NAMES);
export type Phase = z.infer<typeof Phase>;

export const PHASES: readonly Phase[] = Phase.options;

/** True when `phase` is `since` or a later one. */
export function phaseReaches(phase: Phase, since: Phase): boolean {
  return PHASES.indexOf(phase) >= PHASES.indexOf(since);
}

/** `since` and every phase after it: the phases a rule that starts at `since` runs in. */
export function phasesFrom(since: Phase): readonly Phase[] {
  return PHASES.filter((phase) => phaseReaches(phase, since));
}
