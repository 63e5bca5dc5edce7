import type { Item } from "../../src/model";
import type { WorkbookGrid } from "../../src/template/grid";
import { readWorkbook } from "../../src/template/reader";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { formItem, gridOf, sampleGrid } from "../support/workbooks";

const read = async (...args: Parameters<typeof gridOf>) => readWorkbook(await gridOf(...args)).items;

/** What an item says, without where it was read: layouts must agree on this. */
function content({ sources, sheet, cell, ...rest }: Item) {
  return rest;
}

describe("the sample (天王寺区 令和元年度, 19 items)", () => {
  let items: Item[];
  beforeAll(async () => {
    items = readWorkbook(await sampleGrid()).items;
  });

  test("numbers 1..19 and titles in 【】", () => {
    expect(items.map((i) => i.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(items[0].title).toBe("歳出の削減");
    expect(items[16].title).toBe("市民活動の持続的な実施に向けたCB/SB化、社会的ビジネス化の支援(区政編 改革の柱1 IV-ウ)");
    expect(items.map((i) => i.title)).toEqual(tennojiR1.map((i) => i.title));
  });

  test("★ on items 3 and 7, sub-titles on 11, 12, 13, 16", () => {
    expect(items.filter((i) => i.starred).map((i) => i.no)).toEqual([3, 7]);
    expect(items.filter((i) => i.subtitle).map((i) => [i.no, i.subtitle])).toEqual([
      [11, "自治会・町内会単位の活動への支援"],
      [12, "担い手不足の解消"],
      [13, "負担感の解消及び活動の充実"],
      [16, "地域の実態に応じたきめ細やかな支援(派遣型地域公共人材による支援)"],
    ]);
  });

  test("plans read whole, with their (目標)", () => {
    for (const [i, item] of items.entries()) {
      expect(item.plan.policy).toBe(tennojiR1[i].policy);
      expect(item.plan.thisYear).toBe(tennojiR1[i].thisYear);
      expect(item.plan.policy).toContain("(目標)");
    }
  });

  test("mid-year (i) ① everywhere but item 19: ② with its remark; self-evaluation blank", () => {
    for (const item of items.slice(0, 18)) {
      expect(item.midyear).toEqual({ implementation: "i", achievement: 1, remark: null });
    }
    expect(items[18].midyear).toMatchObject({ implementation: "i", achievement: 2 });
    expect(items[18].midyear.remark).toMatch(/^個人情報に係る事務処理誤り\(誤送付\)が1件発生\(6月\)。.*組織共有を図った。$/);
    for (const item of items) expect(item.final).toEqual({ result: null, achievement: null, remark: null });
  });

  test("every field knows its sheet and cell", () => {
    const first = items[0];
    expect(first).toMatchObject({ sheet: "取組項目", cell: "A3" });
    expect(first.sources).toMatchObject({
      title: { cell: "A4" },
      "plan.policy": { cell: "B6" },
      "plan.thisYear": { cell: "E6" },
      "midyear.implementation": { cell: "C7", text: "(i)" },
      "midyear.achievement": { cell: "C8", text: "①" },
      "midyear.remark": { cell: "E8" },
      "final.result": { cell: "B10" },
      "final.achievement": { cell: "D10" },
      "final.remark": { cell: "E10" },
    });
  });

  test("the printed note asks for a remark on ②", () => {
    expect(items.every((i) => i.remarkRequiredFor.midyear === 2 && i.remarkRequiredFor.final === 2)).toBe(true);
  });
});

describe("layout variants read the same items", () => {
  const items = [formItem(1, { starred: true, subtitle: "副題" }), formItem(2), formItem(3, { midyear: { implementation: "(ii)", achievement: "②", remark: "遅れ" } })];
  let expected: ReturnType<typeof content>[];
  beforeAll(async () => {
    expected = (await read(items)).map(content);
    expect(expected).toHaveLength(3);
    expect(expected[0]).toMatchObject({ no: 1, title: "取組1", starred: true, subtitle: "副題" });
    expect(expected[2].midyear).toEqual({ implementation: "ii", achievement: 2, remark: "遅れ" });
  });

  test.each([
    ["one sheet per item", { sheets: "per-item" as const }],
    ["two per sheet", { sheets: 2 }],
    ["blocks starting at C7", { origin: { row: 7, col: 3 } }],
    ["four blank rows between blocks", { gapRows: 4 }],
    ["a blank spacer column between labels and values", { blankColumnAfterLabels: true }],
    ["取組項目 1 1 style numbers", { numberStyle: "spaced" as const }],
    ["full-width numbers", { numberStyle: "fullwidth" as const }],
    ["取組項目 11 with a space", { numberStyle: "space" as const }],
    ["labels with spaces and line breaks", { labelBreaks: true }],
    ["title in the heading cell", { titleInAnchorCell: true }],
    ["no merged cells", { noMerges: true }],
    ["a cover, another 様式 and an old summary", {
      extraSheets: [
        { name: "表紙", rows: [["令和元年度 区運営方針"], ["取組項目一覧"], ["取組項目1 歳出の削減"]] },
        { name: "様式2", rows: [["経営課題"], ["中間振り返り", "①"], ["自己評価", "②"], ["取組項目1"], ["取組の方針・目標内容"]] },
        { name: "集計", rows: [["集計"], ["取組項目1", "取組の方針・目標内容"]] },
      ],
    }],
  ])("%s", async (_name, options) => {
    expect((await read(items, options)).map(content)).toEqual(expected);
  });

  test("numbers written 取組項目11, 取組項目 1 1, 取組項目１１ all mean 11", async () => {
    for (const numberStyle of ["plain", "spaced", "fullwidth", "space"] as const) {
      expect((await read([formItem(11)], { numberStyle }))[0].no).toBe(11);
    }
  });
});

describe("rating cells", () => {
  test("a legend pasted into the value cell is invalid, never a value", async () => {
    const [item] = await read([formItem(1, { midyear: { implementation: "(i)", achievement: "①:達成見込み ②:達成できない見込み" } })]);
    expect(item.midyear.achievement).toBeNull();
    expect(item.sources["midyear.achievement"]).toMatchObject({ invalid: true, cell: "C8" });
  });

  test("an empty value cell beside its legend reads empty, not as the legend", async () => {
    const [item] = await read([formItem(1, { midyear: {} })]);
    expect(item.midyear).toEqual({ implementation: null, achievement: null, remark: null });
    expect(item.sources["midyear.achievement"]).toMatchObject({ cell: "C8", text: "" });
    expect(item.sources["midyear.achievement"]?.invalid).toBeUndefined();
  });

  test("an empty value cell stays empty with a blank spacer column too", async () => {
    const [item] = await read([formItem(1, { midyear: {} })], { blankColumnAfterLabels: true });
    expect(item.midyear.achievement).toBeNull();
    expect(item.sources["midyear.achievement"]?.invalid).toBeUndefined();
  });

  test("an Excel error value is recorded on the field's source", async () => {
    const [item] = await read([formItem(1, { midyear: { implementation: "(i)", achievement: { error: "#REF!" } } })]);
    expect(item.midyear.achievement).toBeNull();
    expect(item.sources["midyear.achievement"]).toMatchObject({ error: "#REF!" });
  });

  test("numbers and full-width forms are ratings; 対象外 is not applicable", async () => {
    const [a, b] = await read([
      formItem(1, { midyear: { implementation: "ⅱ", achievement: 2 }, final: { achievement: "（１）", result: "実施" } }),
      formItem(2, { midyear: { implementation: "対象外", achievement: "該当なし" } }),
    ]);
    expect([a.midyear.implementation, a.midyear.achievement, a.final.achievement]).toEqual(["ii", 2, 1]);
    expect([b.midyear.implementation, b.midyear.achievement]).toEqual(["na", "na"]);
  });
});

describe("a legend split over two cells, as some published forms print it", () => {
  const grid = (value: string | null): WorkbookGrid => ({
    name: "split.xlsx",
    sheets: [
      {
        name: "Sheet1",
        top: 0,
        left: 0,
        merges: [],
        values: [
          ["取組項目 1"],
          ["【歳出の削減】"],
          ["取組の方針・目標内容", "当年度の取組内容"],
          ["(目標) 減", "(目標) 減"],
          ["中間振り返り", "取組内容の実施見込み", "(i)", "(i)実施見込み (ii)実施できない見込み", "課題と改善策 ※左記が「②」の場合は必須"],
          [null, "目標の達成見込み", value, "①: 達成見込み", "②: 達成できない見込み", "—"],
        ],
      },
    ],
  });
  test("an empty value is empty, not the half legend beside it", () => {
    const [item] = readWorkbook(grid(null)).items;
    expect(item.midyear.achievement).toBeNull();
    expect(item.sources["midyear.achievement"]).toMatchObject({ cell: "C6", text: "" });
    expect(item.sources["midyear.achievement"]?.invalid).toBeUndefined();
  });
  test("a value before it is read", () => {
    expect(readWorkbook(grid("②")).items[0].midyear.achievement).toBe(2);
  });
});

describe("not items", () => {
  test("a workbook without 取組項目 gives no items", async () => {
    expect(await read([], { extraSheets: [{ name: "Sheet1", rows: [["メモ"], ["取組項目"]] }] })).toEqual([]);
  });
  test("a 取組項目 heading without any form label is not an item", async () => {
    expect(await read([], { extraSheets: [{ name: "一覧", rows: [["取組項目1"], ["取組項目2"]] }] })).toEqual([]);
  });
});
