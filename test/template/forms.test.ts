import { checkWorkbook } from "../../src/check";
import { readWorkbook } from "../../src/template/reader";
import { FormItem, FormSpec, FINAL_LAYOUTS, LayoutOptions, TWO_RATINGS_FINAL } from "../../tools/form/builder";
import { bookOf, formItem, gridOf } from "../support/workbooks";

const WARDS = [
  "北区", "都島区", "福島区", "此花区", "中央区", "西区", "港区", "大正区", "天王寺区", "浪速区", "西淀川区", "淀川区",
  "東淀川区", "東成区", "生野区", "旭区", "城東区", "鶴見区", "阿倍野区", "住之江区", "住吉区", "東住吉区", "平野区", "西成区",
];
const HEADING = "「市政改革プラン2.0」に基づく取組等";

/** Ward i's form: its own sheet and heading, items numbered from 1. */
function wardForm(ward: string, count: number, extra: (no: number) => Partial<FormItem> = () => ({})): FormSpec {
  return {
    sheet: ward,
    heading: { plan: HEADING, fiscalYear: `令和元年度 ${ward}` },
    items: Array.from({ length: count }, (_, i) => formItem(i + 1, extra(i + 1))),
  };
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe("several forms in one workbook", () => {
  test.each([1, 3, 24])("a book of %i ward forms, each numbered from 1: one form each, no duplicate numbers", async (count) => {
    const wards = WARDS.slice(0, count);
    const { grid } = await bookOf(wards.map((ward, i) => wardForm(ward, 3 + (i % 3))));
    const report = checkWorkbook(grid, { phase: "midyear" });
    expect(report.forms).toEqual(
      wards.map((ward, i) => ({ name: ward, sheets: [ward], plan: "市政改革プラン2.0", fiscalYear: 2019, itemCount: 3 + (i % 3), sections: ["plan", "midyear", "final"] })),
    );
    expect(report.form).toEqual({ plan: "市政改革プラン2.0", fiscalYear: 2019 });
    expect(report.items.map((i) => i.form)).toEqual(wards.flatMap((ward, i) => Array(3 + (i % 3)).fill(ward)));
    expect(report.findings).toEqual([]);
  });

  test("numbers are checked per form: a duplicate and a gap in one ward are that ward's, and say so", async () => {
    const { grid } = await bookOf([
      wardForm("北区", 3),
      { ...wardForm("都島区", 0), items: [formItem(1), formItem(2), formItem(2), formItem(4)] },
      wardForm("福島区", 2),
    ]);
    const report = checkWorkbook(grid, { phase: "plan" });
    expect(report.findings.map((f) => [f.code, f.form, f.item])).toEqual([
      ["ITEM_NUMBER_DUPLICATE", "都島区", 2],
      ["ITEM_NUMBER_GAP", "都島区", 4],
    ]);
    expect(report.findings[0].params.other).toBe("都島区!A13");
  });

  test("24 wards of the sample's size: 456 items, 24 forms, no ITEM_NUMBER_DUPLICATE", async () => {
    const { grid } = await bookOf(WARDS.map((ward) => wardForm(ward, 19)));
    const report = checkWorkbook(grid);
    expect(report.items).toHaveLength(456);
    expect(report.forms).toHaveLength(24);
    expect(codes(report.findings)).not.toContain("ITEM_NUMBER_DUPLICATE");
    expect(report.findings).toEqual([]);
  });

  test("a book with a sheet per item, numbers continuing under the same heading, is one form", async () => {
    const items = [1, 2, 3, 4].map((no) => formItem(no));
    const report = checkWorkbook(await gridOf(items, { sheets: "per-item", heading: { plan: HEADING, fiscalYear: "令和元年度 北区" } }));
    expect(report.forms).toEqual([
      { name: "北区", sheets: ["取組項目1", "取組項目2", "取組項目3", "取組項目4"], plan: "市政改革プラン2.0", fiscalYear: 2019, itemCount: 4, sections: ["plan", "midyear", "final"] },
    ]);
  });

  test("sheets without headings: numbering starting again starts a form, named after its sheet; continuing numbers stay in it", async () => {
    const { grid } = await bookOf([
      { sheet: "A", items: [formItem(1), formItem(2)] },
      { sheet: "A続き", items: [formItem(3)] },
      { sheet: "B", items: [formItem(1), formItem(2)] },
    ]);
    const { forms } = readWorkbook(grid);
    expect(forms.map((f) => [f.name, f.sheets, f.itemCount])).toEqual([
      ["A", ["A", "A続き"], 3],
      ["B", ["B"], 2],
    ]);
  });

  test("another ward's heading starts a form even when the numbers continue; two forms of one ward get distinct names", async () => {
    const { grid } = await bookOf([
      wardForm("北区", 2),
      { ...wardForm("都島区", 0), items: [formItem(3)] },
      { ...wardForm("都島区", 1), sheet: "都島区(再提出)" },
    ]);
    expect(readWorkbook(grid).forms.map((f) => [f.name, f.sheets])).toEqual([
      ["北区", ["北区"]],
      ["都島区", ["都島区"]],
      ["都島区（都島区(再提出)）", ["都島区(再提出)"]],
    ]);
  });
});

describe("forms without 中間振り返り", () => {
  const noMidyear: LayoutOptions = { sections: { midyear: null } };

  test("no mid-year rating is asked at any phase; the 自己評価 ratings are found", async () => {
    const items = [
      formItem(1, { midyear: undefined, final: { result: "実施した", achievement: "①" } }),
      formItem(2, { midyear: undefined, final: { result: "一部未実施", achievement: "②", remark: "次年度に実施" } }),
    ];
    const grid = await gridOf(items, noMidyear);
    for (const phase of ["plan", "midyear", "final"] as const) {
      const report = checkWorkbook(grid, { phase });
      expect({ phase, findings: report.findings }).toEqual({ phase, findings: [] });
    }
    const report = checkWorkbook(grid);
    expect(report.phase).toBe("final");
    expect(report.items.map((i) => [i.final.achievement, i.midyear.achievement])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(Object.keys(report.items[0].sources)).not.toContain("midyear.achievement");
  });

  test("phase inference works from what exists: nothing rated is 計画", async () => {
    const report = checkWorkbook(await gridOf([formItem(1, { midyear: undefined })], noMidyear));
    expect(report.phase).toBe("plan");
    expect(report.findings).toEqual([]);
  });

  test("a book of two forms, one with and one without 中間振り返り: each is checked for what it has", async () => {
    const { grid } = await bookOf([
      wardForm("北区", 2, () => ({ midyear: { implementation: "(i)", achievement: null } })),
      { ...wardForm("都島区", 2, () => ({ midyear: undefined })), sections: { midyear: null } },
    ]);
    const report = checkWorkbook(grid, { phase: "midyear" });
    expect(report.findings.map((f) => [f.code, f.form, f.item, f.field])).toEqual([
      ["RATING_MISSING", "北区", 1, "midyear.achievement"],
      ["RATING_MISSING", "北区", 2, "midyear.achievement"],
    ]);
  });

  test("an item whose 中間振り返り rows were deleted, among siblings that have them: SECTION_MISSING, once", async () => {
    const { grid } = await bookOf([
      wardForm("北区", 2),
      { ...wardForm("北区", 0), sheet: "北区(3)", heading: undefined, items: [formItem(3, { midyear: undefined })], sections: { midyear: null } },
    ]);
    const report = checkWorkbook(grid, { phase: "midyear" });
    expect(report.forms.map((f) => f.name)).toEqual(["北区"]);
    expect(report.findings.map((f) => [f.code, f.item, f.cell])).toEqual([["SECTION_MISSING", 3, "A3"]]);
  });
});

describe("LAYOUT_AMBIGUOUS from a real layout", () => {
  test("a rating both above and left of the 自己評価 legend: not guessed, both cells named", async () => {
    const grid = await gridOf([formItem(1, { final: { result: "実施した" } })], { sections: { final: TWO_RATINGS_FINAL } });
    const report = checkWorkbook(grid, { phase: "final" });
    expect(report.items[0].final.achievement).toBeNull();
    expect(report.findings.map((f) => [f.code, f.cell, f.params.cells])).toEqual([["LAYOUT_AMBIGUOUS", "D10", "D10・C11"]]);
  });

  test("the form's own layout, the one other wards use (value | legend) and the rest read without a warning", async () => {
    for (const template of Object.values(FINAL_LAYOUTS)) {
      const grid = await gridOf([formItem(1, { final: { result: "実施した", achievement: "①" } })], { sections: { final: template } });
      expect(checkWorkbook(grid, { phase: "final" }).findings).toEqual([]);
    }
  });
});

describe("known variants of the real forms", () => {
  test.each([":", ": ", "：", ""] as const)("legends written with 「%s」 between level and words", async (legendColon) => {
    const grid = await gridOf(
      [formItem(1, { midyear: { implementation: "(ⅱ)", achievement: "②", remark: "遅れ" }, final: { result: "一部実施", achievement: "②", remark: "次年度" } })],
      { legendColon, romanNumerals: true },
    );
    const [item] = readWorkbook(grid).items;
    expect([item.midyear.implementation, item.midyear.achievement, item.final.achievement]).toEqual(["ii", 2, 2]);
    expect([item.midyear.remark, item.final.result, item.final.remark]).toEqual(["遅れ", "一部実施", "次年度"]);
  });

  test("(ⅰ)/(ⅱ) as Roman-numeral characters, in the legend and in the value cell", async () => {
    const grid = await gridOf([formItem(1, { midyear: { implementation: "(ⅰ)", achievement: "①" } }), formItem(2, { midyear: { implementation: "ⅱ", achievement: "①" } })], {
      romanNumerals: true,
    });
    expect(readWorkbook(grid).items.map((i) => i.midyear.implementation)).toEqual(["i", "ii"]);
  });

  test.each([
    ["(目標) 年1回 (取組内容) 広報紙で周知", "年1回"],
    ["(目標) 年2回 (取組の内容) 広報紙で周知", "年2回"],
    ["（目標） 年3回 （取組内容） 広報紙で周知", "年3回"],
    ["（目標）年4回（取組の内容）広報紙で周知", "年4回"],
  ])("(取組内容) and (取組の内容), in either bracket width, end the (目標) part: %p", async (thisYear, target) => {
    const [item] = readWorkbook(await gridOf([formItem(1, { thisYear })])).items;
    expect(item.targets.filter((t) => t.field === "plan.thisYear").map((t) => t.text)).toEqual([target]);
  });

  test.each([
    ["「市政改革プラン2.0」に基づく取組等", "市政改革プラン2.0"],
    ["「市政改革プラン3.0」に基づく取組等（区運営）", "市政改革プラン3.0"],
    ["「市政改革プラン3.1」に基づく取組等", "市政改革プラン3.1"],
    ["「新・市政改革プラン」に基づく取組等", "新・市政改革プラン"],
    ["「新･市政改革プラン」に基づく取組等", "新・市政改革プラン"],
  ])("the heading %p names the plan %p", async (plan, name) => {
    const report = checkWorkbook(await gridOf([formItem(1)], { heading: { plan, fiscalYear: "令和2年度" } }));
    expect(report.form).toEqual({ plan: name, fiscalYear: 2020 });
  });
});
