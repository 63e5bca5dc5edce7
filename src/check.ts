import type { Item, Phase, Section } from "./model";
import { inferPhase, RuleFinding, validateItems } from "./rules";
import type { WorkbookGrid } from "./template/grid";
import { resolveProfile, TemplateProfile } from "./template/profile";
import { Form, FormInfo, readWorkbook } from "./template/reader";

export interface CheckOptions {
  /** The phase to check for; inferred from the ratings filled in when absent. */
  phase?: Phase;
  profile?: TemplateProfile;
}

/** One form of the workbook, as reports list it. */
export interface FormSummary {
  name: string;
  sheets: string[];
  plan: string | null;
  fiscalYear: number | null;
  itemCount: number;
  /** The sections (plan, midyear, final) any of its items has: a form without 中間振り返り asks nothing mid-year. */
  sections: Section[];
}

/** What one workbook holds and what is wrong with it: the result every front end (CLI, task pane) shows. */
export interface CheckReport {
  /** The first form's plan name and fiscal year, where its headings print them (kept for existing scripts). */
  form: { plan: string | null; fiscalYear: number | null };
  /** Every form of the workbook, in sheet order; each item's and finding's `form` names one of them. */
  forms: FormSummary[];
  phase: Phase;
  phaseSource: "given" | "inferred";
  items: Item[];
  findings: RuleFinding[];
}

const NO_FORM: FormInfo = { plan: null, fiscalYear: null, noteMismatch: null };

/** workbook grid → items → findings, each form checked on its own (numbers are unique within a form). Pure. */
export function checkWorkbook(grid: WorkbookGrid, options: CheckOptions = {}): CheckReport {
  const profile = options.profile ?? resolveProfile();
  const { items, forms } = readWorkbook(grid, profile);
  const phase = options.phase ?? inferPhase(items);
  const findings =
    forms.length === 0
      ? validateItems([], NO_FORM, phase, profile).map((f) => ({ ...f, form: null }))
      : forms.flatMap((form) =>
          validateItems(items.filter((item) => item.form === form.name), form, phase, profile).map((f) => ({ ...f, form: form.name })),
        );
  return {
    form: { plan: forms[0]?.plan ?? null, fiscalYear: forms[0]?.fiscalYear ?? null },
    forms: forms.map(formSummary),
    phase,
    phaseSource: options.phase ? "given" : "inferred",
    items,
    findings,
  };
}

function formSummary({ name, sheets, plan, fiscalYear, itemCount, sections }: Form): FormSummary {
  return { name, sheets, plan, fiscalYear, itemCount, sections };
}
