import type { FieldName, FieldSource, Item } from "../../src/model";
import type { FormInfo } from "../../src/template/reader";
import { parseTargets } from "../../src/template/targets";

export const NO_FORM: FormInfo = { plan: null, fiscalYear: null, noteMismatch: null };

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | null ? DeepPartial<T[K]> | T[K] : T[K] };

const CELLS: Record<FieldName, string> = {
  title: "A2",
  "plan.policy": "B4",
  "plan.thisYear": "E4",
  "midyear.implementation": "C5",
  "midyear.achievement": "C6",
  "midyear.remark": "E6",
  "final.result": "B8",
  "final.achievement": "D8",
  "final.remark": "E8",
};

/** A complete, valid item at phase final; tests override what they need. Targets are read from the plan, as the reader does. */
export function makeItem(overrides: DeepPartial<Item> = {}): Item {
  const no = overrides.no ?? 1;
  const plan = { policy: "(目標) 対前年度比減", thisYear: "(目標) 年1回", ...overrides.plan };
  const sources = Object.fromEntries(
    (Object.keys(CELLS) as FieldName[]).map((field): [FieldName, FieldSource] => [
      field,
      { sheet: "取組項目", cell: CELLS[field], text: "x", error: null },
    ]),
  );
  return {
    no,
    form: "取組項目",
    sheet: "取組項目",
    cell: "A1",
    title: "歳出の削減",
    subtitle: null,
    starred: false,
    targets: [...parseTargets("plan.policy", plan.policy ?? ""), ...parseTargets("plan.thisYear", plan.thisYear ?? "")],
    remarkRequiredFor: { midyear: 2, final: 2 },
    ...overrides,
    plan,
    midyear: { implementation: "i", achievement: 1, remark: null, ...overrides.midyear },
    final: { result: "実施した", achievement: 1, remark: null, ...overrides.final },
    sources: { ...sources, ...overrides.sources } as Item["sources"],
  } as Item;
}

export function source(text: string, extra: Partial<FieldSource> = {}): FieldSource {
  return { sheet: "取組項目", cell: "C6", text, error: null, ...extra };
}
