import { checkWorkbook } from "../../src/check";
import { FIELDS, Item, RATING_FIELDS, RatingField } from "../../src/model";
import type { WorkbookGrid } from "../../src/template/grid";
import { resolveProfile } from "../../src/template/profile";
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

describe("the seed's own variants in one form (天王寺区 令和元年度)", () => {
  test("plan text after its label in the same cell, the remark's 「—」 after its note, value | legend in the mid-year rows", () => {
    const grid: WorkbookGrid = {
      name: "seed.xlsx",
      sheets: [
        {
          name: "取組項目",
          top: 0,
          left: 0,
          merges: [],
          values: [
            ["取組項目3"],
            ["【諸収入確保の推進】★"],
            ["計画", "取組の方針・目標内容 (趣旨・目的) 歳入の確保を図る。 (目標) 毎年度前年度以上の歳入の確保", "当年度の取組内容 (取組の内容) 広告事業の拡充 (目標) 1,200万円の確保(令和元年度)"],
            ["中間振り返り", "取組内容の実施見込み", "(i)", "(i)実施見込み (ii)実施できない見込み", "課題と改善策 ※左記が「②」の場合は必須  —"],
            [null, "目標の達成見込み", "①", "①:達成見込み ②:達成できない見込み", null],
            ["自己評価", "当年度の取組実績及び目標の達成状況", null, null, "課題と改善策 ※左記が「②」の場合は必須"],
            [null, "計画どおり実施", null, "②", "次年度に拡充"],
            [null, null, null, "①: 目標達成 ②: 目標未達成", null],
          ],
        },
      ],
    };
    const [item] = readWorkbook(grid).items;
    expect(item).toMatchObject({
      no: 3,
      title: "諸収入確保の推進",
      starred: true,
      plan: { policy: "(趣旨・目的) 歳入の確保を図る。 (目標) 毎年度前年度以上の歳入の確保", thisYear: "(取組の内容) 広告事業の拡充 (目標) 1,200万円の確保(令和元年度)" },
      midyear: { implementation: "i", achievement: 1, remark: null },
      final: { result: "計画どおり実施", achievement: 2, remark: "次年度に拡充" },
    });
    expect(Object.fromEntries(Object.entries(item.sources).map(([field, s]) => [field, s!.cell]))).toEqual({
      title: "A2",
      "plan.policy": "B3",
      "plan.thisYear": "C3",
      "midyear.implementation": "C4",
      "midyear.achievement": "C5",
      "midyear.remark": "E4",
      "final.result": "B7",
      "final.achievement": "D7",
      "final.remark": "E7",
    });
    expectOneFieldPerCell(item);
  });
});

describe("placement in a user's profile", () => {
  test("a list of directions, or the single values of earlier profiles", () => {
    const placement = (value: unknown) => resolveProfile({ fields: { "final.achievement": { placement: value } } }).fields["final.achievement"].placement;
    expect(placement(["right", "below"])).toEqual(["right", "below"]);
    expect(placement("above")).toEqual(["above"]);
    expect(placement("right")).toEqual(["right"]);
    expect(placement("inline-or-below")).toEqual(["inline", "below"]);
    expect(() => placement("sideways")).toThrow();
    expect(() => placement([])).toThrow();
  });
});
