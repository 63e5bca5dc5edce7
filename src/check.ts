import type { Item, Phase } from "./model";
import { inferPhase, RuleFinding, validateItems } from "./rules";
import type { WorkbookGrid } from "./template/grid";
import { resolveProfile, TemplateProfile } from "./template/profile";
import { readWorkbook } from "./template/reader";

export interface CheckOptions {
  /** The phase to check for; inferred from the ratings filled in when absent. */
  phase?: Phase;
  profile?: TemplateProfile;
}

/** What one workbook holds and what is wrong with it: the result every front end (CLI, task pane) shows. */
export interface CheckReport {
  /** The form's plan name and fiscal year, where its headings print them. */
  form: { plan: string | null; fiscalYear: number | null };
  phase: Phase;
  phaseSource: "given" | "inferred";
  items: Item[];
  findings: RuleFinding[];
}

/** workbook grid → items → findings. Pure. */
export function checkWorkbook(grid: WorkbookGrid, options: CheckOptions = {}): CheckReport {
  const profile = options.profile ?? resolveProfile();
  const { items, form } = readWorkbook(grid, profile);
  const phase = options.phase ?? inferPhase(items);
  return {
    form: { plan: form.plan, fiscalYear: form.fiscalYear },
    phase,
    phaseSource: options.phase ? "given" : "inferred",
    items,
    findings: validateItems(items, form, phase, profile),
  };
}
