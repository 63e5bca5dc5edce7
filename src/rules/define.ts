/**
 * A rule is one unit, as eslint's rule modules are: its code, severity, the phases it runs in, the parameters its
 * messages read (typed, per code), the messages in each language, a one-line description for the README, and the
 * check itself. Everything else about codes (the FindingCode union, the catalog, the README's table) derives from
 * the rules in ./checks.
 */
import { z } from "zod";
import {
  CellRef,
  FIELD_LABELS,
  FieldName,
  Finding,
  FindingParams,
  Item,
  Locale,
  Phase,
  Severity,
} from "../model";
import type { TemplateProfile } from "../template/profile";
import type { FormInfo } from "../template/reader";

export interface RuleContext {
  items: readonly Item[];
  form: FormInfo;
  phase: Phase;
  profile: TemplateProfile;
}

/** A message parameter is text or a number (JSON `params`). */
type ParamSchema = z.ZodString | z.ZodNumber;
export type ParamShape = Record<string, ParamSchema>;
export type ParamsOf<S extends ParamShape> = { [K in keyof S]: z.infer<S[K]> };

/** `no`: the item's number, given to every item finding. */
export const ITEM_PARAMS = { no: z.number().int() };
/** `label` / `labelEn`: the field's name, given to every finding placed at a field. */
export const FIELD_PARAMS = { ...ITEM_PARAMS, label: z.string(), labelEn: z.string() };

type GivenAtField = keyof typeof FIELD_PARAMS;
/** The parameters argument: optional when there is nothing left to give. */
type Rest<T> = object extends T ? [params?: T] : [params: T];

/** How a rule reports: it gives exactly the parameters its messages read, less those the place already gives. */
export interface Report<P> {
  /** At the cell `field` was read from (else the item's heading); `no`, `label` and `labelEn` are given. */
  item(item: Item, field: FieldName, ...params: Rest<Omit<P, GivenAtField>>): void;
  /** At the item's heading, or a field that may be absent: only `no` is given. */
  item(item: Item, field: FieldName | null, ...params: Rest<Omit<P, "no">>): void;
  /** About the workbook as a whole, at a cell when there is one. */
  workbook(...args: object extends P ? [params?: P, at?: CellRef] : [params: P, at?: CellRef]): void;
}

export interface RuleSpec<C extends string, S extends ParamShape> {
  /** UPPER_SNAKE, the name of the rule's file in kebab case. */
  code: C;
  severity: Severity;
  /** The phases the rule runs in (a check may still look at `phase` for what is due, field by field). */
  phases: readonly Phase[];
  /** Every parameter the messages may read; a report must give each of them. */
  params: S;
  /** What is wrong and how to fix it. */
  messages: Record<Locale, (params: ParamsOf<S>) => string>;
  /** When it fires, in one English line: the README's table. */
  description: string;
  check: (ctx: RuleContext, report: Report<ParamsOf<S>>) => void;
}

/** A defined rule, as the registry and the catalog use it. */
export interface Rule<C extends string = string, P extends FindingParams = FindingParams> {
  readonly code: C;
  readonly severity: Severity;
  readonly phases: readonly Phase[];
  readonly description: string;
  /** The parameters' schema: what a finding of this code carries in `params`. */
  readonly params: z.ZodObject<ParamShape>;
  /** The message for a finding of this code, in a language. */
  format(params: P, locale: Locale): string;
  /** The rule's findings, each message in Japanese. */
  run(ctx: RuleContext): (Finding & { code: C })[];
}

export function defineRule<const C extends string, S extends ParamShape>(spec: RuleSpec<C, S>): Rule<C, ParamsOf<S>> {
  const { code, severity, phases, params, messages, description, check } = spec;
  const format = (p: ParamsOf<S>, locale: Locale) => messages[locale](p);
  const finding = (p: FindingParams, at: CellRef | null, item: number | null, field: FieldName | null): Finding & { code: C } => ({
    code,
    severity,
    item,
    field,
    sheet: at?.sheet ?? null,
    cell: at?.cell ?? null,
    message: format(p as ParamsOf<S>, "ja"),
    params: p,
  });
  return {
    code,
    severity,
    phases,
    description,
    params: z.object(params),
    format,
    run(ctx) {
      const found: (Finding & { code: C })[] = [];
      const report = {
        item(item: Item, field: FieldName | null, extra: FindingParams = {}) {
          const at = (field && item.sources[field]) || item;
          const given: FindingParams = field ? { no: item.no, label: FIELD_LABELS[field].ja, labelEn: FIELD_LABELS[field].en } : { no: item.no };
          found.push(finding({ ...given, ...extra }, at, item.no, field));
        },
        workbook(p: FindingParams = {}, at?: CellRef) {
          found.push(finding(p, at ?? null, null, null));
        },
      };
      check(ctx, report as Report<ParamsOf<S>>);
      return found;
    },
  };
}
