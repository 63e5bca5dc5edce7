/**
 * Range.dataValidation of the in-memory host (ExcelApi 1.8), held per cell. Reading a range reports what its
 * cells share: DataValidationType "None" when none has a rule, "MixedCriteria" when some have one and some not,
 * "Inconsistent" when they differ ("Add data validation to Excel ranges", DataValidationType). Only list rules
 * with a written source are modelled; anything else is refused rather than guessed. The lengths Excel keeps are
 * those of the file format ([MS-XLS] 2.5.37 DValStrings): a title at most 32 characters, a prompt at most 255, an
 * error message at most 225; an explicit list at most 255 characters.
 */
import { Context, Proxy, SimOfficeError, Tx } from "./proxy";
import type { RangeRef } from "./range-ref";
import { cellKey, clonePlain, displayValue, SimDataValidation, SimSheet } from "./workbook";

const SCALARS = ["type", "rule", "prompt", "errorAlert", "ignoreBlanks", "valid"] as const;
const RULE_KINDS = ["custom", "date", "decimal", "list", "textLength", "time", "wholeNumber"] as const;
const TYPES: Record<(typeof RULE_KINDS)[number], string> = {
  custom: "Custom",
  date: "Date",
  decimal: "Decimal",
  list: "List",
  textLength: "TextLength",
  time: "Time",
  wholeNumber: "WholeNumber",
};
export const DV_LIMITS = { title: 32, prompt: 255, error: 225, listSource: 255 } as const;
const ALERT_STYLES = ["Stop", "Warning", "Information"];

type Writer = (member: string, run: (ref: RangeRef, tx: Tx) => void, args?: unknown) => void;

/** A new rule's defaults: "showAlert defaults to true … a generic alert (of type stop)"; ignoreBlanks true. */
function fresh(): SimDataValidation {
  return {
    type: "None",
    rule: {},
    prompt: { showPrompt: true, title: "", message: "" },
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
    ignoreBlanks: true,
  };
}

export class DataValidationProxy extends Proxy<RangeRef> {
  protected readonly kind = "DataValidation";
  protected readonly scalars = SCALARS;

  constructor(
    ctx: Context,
    resolve: () => RangeRef | null,
    private readonly write: Writer,
  ) {
    super(ctx, resolve);
  }

  get type(): string {
    return this.value("type");
  }
  get rule(): Record<string, unknown> | null {
    return this.value("rule");
  }
  set rule(rule: Record<string, unknown>) {
    const checked = checkRule(rule);
    this.set("rule", rule, (dv) => {
      dv.type = TYPES[checked.kind];
      dv.rule = checked.rule;
    });
  }
  get prompt(): SimDataValidation["prompt"] | null {
    return this.value("prompt");
  }
  set prompt(prompt: Partial<SimDataValidation["prompt"]>) {
    this.set("prompt", prompt, (dv) => {
      dv.prompt = { ...dv.prompt, ...prompt };
      checkLength("prompt title", dv.prompt.title, DV_LIMITS.title);
      checkLength("prompt message", dv.prompt.message, DV_LIMITS.prompt);
    });
  }
  get errorAlert(): SimDataValidation["errorAlert"] | null {
    return this.value("errorAlert");
  }
  set errorAlert(alert: Partial<SimDataValidation["errorAlert"]>) {
    this.set("errorAlert", alert, (dv) => {
      dv.errorAlert = { ...dv.errorAlert, ...alert };
      if (!ALERT_STYLES.includes(dv.errorAlert.style)) throw new SimOfficeError("InvalidArgument", `'${dv.errorAlert.style}' is not an alert style.`);
      checkLength("error alert title", dv.errorAlert.title, DV_LIMITS.title);
      checkLength("error alert message", dv.errorAlert.message, DV_LIMITS.error);
    });
  }
  get ignoreBlanks(): boolean | null {
    return this.value("ignoreBlanks");
  }
  set ignoreBlanks(ignore: boolean) {
    this.set("ignoreBlanks", ignore, (dv) => (dv.ignoreBlanks = ignore));
  }
  get valid(): boolean | null {
    return this.value("valid");
  }

  clear(): void {
    if (!this.ctx.gate("DataValidation.clear")) return;
    this.write("dataValidation", (ref, tx) => eachKey(ref, (key) => replace(ref.sheet, key, undefined, tx)));
  }

  /** Sets one part of every cell's validation (a cell without one gets the defaults first). */
  private set(member: string, args: unknown, change: (dv: SimDataValidation) => void): void {
    if (!this.ctx.gate(this.member(member))) return;
    this.write(
      "dataValidation",
      (ref, tx) =>
        eachKey(ref, (key) => {
          const next = clonePlain(ref.sheet.validations?.get(key) ?? fresh());
          change(next);
          replace(ref.sheet, key, next, tx);
        }),
      args,
    );
  }

  protected read(ref: RangeRef, name: string): unknown {
    const all: (SimDataValidation | undefined)[] = [];
    eachKey(ref, (key) => all.push(ref.sheet.validations?.get(key)));
    const first = all[0];
    const same = all.every((dv) => JSON.stringify(dv) === JSON.stringify(first));
    switch (name) {
      case "type":
        if (same) return first?.type ?? "None";
        return all.some((dv) => dv === undefined) ? "MixedCriteria" : "Inconsistent";
      case "rule":
        return same && first ? clonePlain(first.rule) : null;
      case "prompt":
      case "errorAlert":
      case "ignoreBlanks":
        return same && first ? clonePlain(first[name]) : null;
      case "valid": {
        const verdicts = new Set<boolean>();
        let index = 0;
        eachKey(ref, (key) => verdicts.add(isValid(all[index++], displayValue(ref.sheet.cells.get(key)))));
        return verdicts.size === 1 ? [...verdicts][0] : null;
      }
      default:
        throw new SimOfficeError("InvalidArgument", `DataValidation has no property ${name}.`);
    }
  }
}

function checkRule(rule: Record<string, unknown>): { kind: (typeof RULE_KINDS)[number]; rule: Record<string, unknown> } {
  const kinds = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined);
  // "No more than one of these properties may be present in any DataValidationRule object."
  if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0] as (typeof RULE_KINDS)[number])) {
    throw new SimOfficeError("InvalidArgument", "A data validation rule has exactly one kind of criteria.");
  }
  const kind = kinds[0] as (typeof RULE_KINDS)[number];
  if (kind !== "list") throw new SimOfficeError("InvalidArgument", `The in-memory host does not model ${kind} data validation.`);
  const list = rule.list as { source?: unknown; inCellDropDown?: unknown };
  if (typeof list?.source !== "string" || list.source.trim() === "") {
    throw new SimOfficeError("InvalidArgument", "The in-memory host models a list source written as text only.");
  }
  checkLength("list source", list.source, DV_LIMITS.listSource);
  return { kind, rule: { list: { source: list.source, inCellDropDown: list.inCellDropDown ?? true } } };
}

function checkLength(what: string, text: string, max: number): void {
  if (typeof text !== "string") throw new SimOfficeError("InvalidArgument", `The ${what} is not text.`);
  if (text.length > max) throw new SimOfficeError("InvalidArgument", `The ${what} has ${text.length} characters; Excel keeps at most ${max}.`);
}

function eachKey(ref: RangeRef, visit: (key: number) => void): void {
  for (let row = ref.top; row <= ref.bottom; row++) for (let col = ref.left; col <= ref.right; col++) visit(cellKey(row, col));
}

function replace(sheet: SimSheet, key: number, next: SimDataValidation | undefined, tx: Tx): void {
  const before = sheet.validations?.get(key);
  if (before === undefined && next === undefined) return;
  const put = (dv: SimDataValidation | undefined) => {
    sheet.validations ??= new Map();
    if (dv) sheet.validations.set(key, dv);
    else sheet.validations.delete(key);
  };
  tx.mutate(
    () => put(next),
    () => put(before),
  );
}

/** The items of a written list source ("①,②,対象外"). */
export function listItems(source: string): string[] {
  return source.split(",").map((item) => item.trim());
}

/** Whether a value passes a cell's validation (only list rules are modelled; text compares without case, as in Excel). */
export function isValid(dv: SimDataValidation | undefined, value: unknown): boolean {
  const list = dv?.rule.list as { source: string } | undefined;
  if (!dv || !list) return true;
  if (value === "" || value === null) return dv.ignoreBlanks;
  const text = String(value).toLowerCase();
  return listItems(list.source).some((item) => item.toLowerCase() === text);
}
