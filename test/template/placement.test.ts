import { checkWorkbook } from "../../src/check";
import { FIELDS, Item, RATING_FIELDS, RatingField } from "../../src/model";
import { readWorkbook } from "../../src/template/reader";
import { FINAL_LAYOUTS, FormItem, MIDYEAR_LAYOUTS, SectionTemplate, WrittenField } from "../../tools/form/builder";
import { bookOf, formItem } from "../support/workbooks";

/** What each rating field's cell holds, and what the reader should make of it. */
const CASES = {
  filled: { written: { "midyear.implementation": "(ii)", "midyear.achievement": "②", "final.achievement": "①" }, read: { "midyear.implementation": "ii", "midyear.achievement": 2, "final.achievement": 1 } },
  blank: { written: {}, read: {} },
  invalid: { written: { "midyear.implementation": "(iii)", "midyear.achievement": "③", "final.achievement": "はい" }, read: {} },
  対象外: { written: { "midyear.implementation": "対象外", "midyear.achievement": "対象外", "final.achievement": "対象外" }, read: { "midyear.implementation": "na", "midyear.achievement": "na", "final.achievement": "na" } },
} as const;
type Case = keyof typeof CASES;
const CASE_NAMES = Object.keys(CASES) as Case[];

/** Each case twice: with the texts around the rating filled in (short ones, the kind a rating search could take), then blank. */
function items(): { item: FormItem; kind: Case; texts: boolean }[] {
  return [true, false].flatMap((texts) =>
    CASE_NAMES.map((kind, i) => {
      const written: Partial<Record<RatingField, string>> = CASES[kind].written;
      const no = (texts ? 0 : CASE_NAMES.length) + i + 1;
      return {
        kind,
        texts,
        item: formItem(no, {
          midyear: { implementation: written["midyear.implementation"], achievement: written["midyear.achievement"], remark: texts ? "遅れあり" : undefined },
          final: { result: texts ? "実施した" : undefined, achievement: written["final.achievement"], remark: texts ? "次年度" : undefined },
        }),
      };
    }),
  );
}

function cellOf(written: WrittenField[], index: number, field: string): string | undefined {
  return written.find((w) => w.index === index && w.field === field)?.cell;
}

/** No cell is the source of two fields of one item. */
function expectOneFieldPerCell(item: Item): void {
  const cells = FIELDS.map((f) => item.sources[f]).filter((s) => s && !s.ambiguous).map((s) => `${s!.sheet}!${s!.cell}`);
  expect(new Set(cells).size).toBe(cells.length);
}

async function expectLayoutRead(section: "midyear" | "final", template: SectionTemplate): Promise<void> {
  const cases = items();
  const { grid, written } = await bookOf([{ sheet: "取組項目", items: cases.map((c) => c.item) }], { sections: { [section]: template } });
  const read = readWorkbook(grid).items;
  expect(read.map((i) => i.no)).toEqual(cases.map((c) => c.item.no));
  const fields = RATING_FIELDS.filter((f) => f.startsWith(section));
  read.forEach((item, index) => {
    const { kind, texts } = cases[index];
    const expected: Partial<Record<RatingField, unknown>> = CASES[kind].read;
    for (const field of fields) {
      const source = item.sources[field]!;
      const at = `item ${item.no} (${kind}${texts ? ", texts filled" : ""}) ${field}`;
      expect({ at, value: field === "final.achievement" ? item.final.achievement : item.midyear[field === "midyear.implementation" ? "implementation" : "achievement"] }).toEqual({ at, value: expected[field] ?? null });
      expect({ at, cell: source.cell, invalid: Boolean(source.invalid), ambiguous: source.ambiguous }).toEqual({
        at,
        cell: cellOf(written, index, field),
        invalid: kind === "invalid",
        ambiguous: undefined,
      });
    }
    expect(item.midyear.remark).toBe(texts ? "遅れあり" : null);
    expect([item.final.result, item.final.remark]).toEqual(texts ? ["実施した", "次年度"] : [null, null]);
    expectOneFieldPerCell(item);
  });
}

describe("mid-year ratings wherever the form puts them: filled, blank, invalid and 対象外, texts filled and blank", () => {
  test.each(Object.entries(MIDYEAR_LAYOUTS))("%s", async (_name, template) => {
    await expectLayoutRead("midyear", template);
  });
});

describe("the 自己評価 rating wherever the form puts it: filled, blank, invalid and 対象外, texts filled and blank", () => {
  test.each(Object.entries(FINAL_LAYOUTS))("%s", async (_name, template) => {
    await expectLayoutRead("final", template);
  });
});

describe("the value left of its legend (value | legend), as other wards' forms print the 自己評価", () => {
  const layout = { sections: { final: FINAL_LAYOUTS["left of the legend"] } };

  test("the result above is never read as the rating: ② without a remark and a missing rating are reported", async () => {
    const { grid } = await bookOf(
      [
        {
          sheet: "取組項目",
          items: [
            formItem(1, { final: { result: "計画どおり実施した。", achievement: "①" } }),
            formItem(2, { final: { result: "一部実施できなかった。", achievement: "②" } }),
            formItem(3, { final: { result: "実施した。" } }),
          ],
        },
      ],
      layout,
    );
    const report = checkWorkbook(grid, { phase: "final" });
    expect(report.items.map((i) => i.final.achievement)).toEqual([1, 2, null]);
    expect(report.findings.map((f) => [f.code, f.item, f.field])).toEqual([
      ["REMARK_REQUIRED", 2, "final.remark"],
      ["RATING_MISSING", 3, "final.achievement"],
    ]);
  });
});
