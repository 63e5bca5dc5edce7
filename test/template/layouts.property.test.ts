import fc from "fast-check";
import { FIELDS, Item } from "../../src/model";
import { readWorkbook } from "../../src/template/reader";
import { FINAL_LAYOUTS, FormItem, FormSpec, LayoutOptions, MIDYEAR_LAYOUTS } from "../../tools/form/builder";
import { bookOf } from "../support/workbooks";

/** What a rating cell may hold, and what the reader should make of it (undefined: blank; "invalid": not a rating). */
const RATINGS = {
  implementation: [["(i)", "i"], ["(ii)", "ii"], ["ⅱ", "ii"], ["対象外", "na"], ["(iii)", "invalid"], [undefined, null]],
  achievement: [["①", 1], ["②", 2], ["1", 1], ["対象外", "na"], ["③", "invalid"], ["はい", "invalid"], [undefined, null]],
} as const;
const TEXTS = [undefined, "遅れあり", "実施した", "計画どおり実施し、目標を達成した。", "①を実施"] as const;

type Written = { value: string | undefined; read: string | number | null };
const rating = (kind: keyof typeof RATINGS): fc.Arbitrary<Written> =>
  fc.constantFrom(...RATINGS[kind]).map(([value, read]) => ({ value, read: read as Written["read"] }));
const text: fc.Arbitrary<Written> = fc.constantFrom(...TEXTS).map((value) => ({ value, read: value ?? null }));

const item = fc.record({
  implementation: rating("implementation"),
  achievement: rating("achievement"),
  midyearRemark: text,
  result: text,
  finalAchievement: rating("achievement"),
  finalRemark: text,
});
type GeneratedItem = typeof item extends fc.Arbitrary<infer T> ? T : never;

const layout = fc.record({
  midyear: fc.option(fc.constantFrom(...Object.keys(MIDYEAR_LAYOUTS)), { nil: null, freq: 4 }),
  final: fc.constantFrom(...Object.keys(FINAL_LAYOUTS)),
  forms: fc.array(fc.array(item, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  sheets: fc.constantFrom<LayoutOptions["sheets"]>("one", 1, 2, 3),
  blankColumnAfterLabels: fc.boolean(),
  gapRows: fc.integer({ min: 0, max: 2 }),
});

function formItem(no: number, g: GeneratedItem, midyear: boolean): FormItem {
  return {
    no,
    title: `取組${no}`,
    policy: `(目標) ${no}件`,
    thisYear: `(取組の内容) 内容 (目標) 年${no}回`,
    midyear: midyear ? { implementation: g.implementation.value, achievement: g.achievement.value, remark: g.midyearRemark.value } : undefined,
    final: { result: g.result.value, achievement: g.finalAchievement.value, remark: g.finalRemark.value },
  };
}

/** The generated value of each field of an item, as the reader should return it. */
function expected(g: GeneratedItem, midyear: boolean): Record<string, Written> {
  const none: Written = { value: undefined, read: null };
  return {
    "midyear.implementation": midyear ? g.implementation : none,
    "midyear.achievement": midyear ? g.achievement : none,
    "midyear.remark": midyear ? g.midyearRemark : none,
    "final.result": g.result,
    "final.achievement": g.finalAchievement,
    "final.remark": g.finalRemark,
  };
}

function valueOf(item: Item, field: string): unknown {
  const [section, key] = field.split(".");
  return (item[section as "midyear" | "final"] as Record<string, unknown>)[key];
}

describe("generated layouts read back exactly what was written", () => {
  test("rating placement × sections present × forms per book × items per sheet: values, cells, forms; no cell read twice", async () => {
    await fc.assert(
      fc.asyncProperty(layout, async (l) => {
        const midyear = l.midyear !== null;
        const forms: FormSpec[] = l.forms.map((items, f) => ({
          sheet: `区${f + 1}`,
          heading: { plan: "「市政改革プラン2.0」に基づく取組等", fiscalYear: `令和元年度 第${f + 1}区` },
          items: items.map((g, i) => formItem(i + 1, g, midyear)),
        }));
        const options: LayoutOptions = {
          sheets: l.sheets,
          gapRows: l.gapRows,
          blankColumnAfterLabels: l.blankColumnAfterLabels,
          sections: { midyear: l.midyear === null ? null : MIDYEAR_LAYOUTS[l.midyear], final: FINAL_LAYOUTS[l.final] },
        };
        const { grid, written } = await bookOf(forms, options);
        const { items, forms: read } = readWorkbook(grid);

        expect(read.map((f) => [f.name, f.itemCount, f.sections])).toEqual(
          l.forms.map((items, f) => [`第${f + 1}区`, items.length, midyear ? ["plan", "midyear", "final"] : ["plan", "final"]]),
        );
        const generated = l.forms.flatMap((items, f) => items.map((g, i) => ({ g, no: i + 1, form: `第${f + 1}区` })));
        expect(items.map((i) => [i.form, i.no])).toEqual(generated.map(({ form, no }) => [form, no]));

        items.forEach((item, index) => {
          for (const [field, want] of Object.entries(expected(generated[index].g, midyear))) {
            const source = item.sources[field as keyof Item["sources"]];
            const at = `item ${index} ${field}`;
            const value = valueOf(item, field);
            expect({ at, value, invalid: Boolean(source?.invalid) }).toEqual({
              at,
              value: want.read === "invalid" ? null : want.read,
              invalid: want.read === "invalid",
            });
            expect({ at, ambiguous: source?.ambiguous }).toEqual({ at, ambiguous: undefined });
            if (!midyear && field.startsWith("midyear")) expect({ at, source }).toEqual({ at, source: undefined });
            else if (want.value !== undefined) {
              const cell = written.find((w) => w.index === index && w.field === field)?.cell;
              expect({ at, cell: source?.cell }).toEqual({ at, cell });
            }
          }
          const cells = FIELDS.map((f) => item.sources[f]).filter(Boolean).map((s) => `${s!.sheet}!${s!.cell}`);
          expect(new Set(cells).size).toBe(cells.length);
        });
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
