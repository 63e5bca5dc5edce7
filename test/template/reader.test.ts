import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Item } from "../../src/model";
import { loadXlsx } from "../../src/file/read-xlsx";
import type { WorkbookGrid } from "../../src/template/grid";
import { readWorkbook } from "../../src/template/reader";
import { CellInput, FormItem, formWorkbookBytes, LayoutOptions, writeFormWorkbook } from "../../tools/form/builder";
import { tennojiLayout, tennojiR1 } from "../../tools/form/tennoji-r1";
import { formItem, gridOf, SAMPLE, sampleGrid } from "../support/workbooks";

const read = async (...args: Parameters<typeof gridOf>) => readWorkbook(await gridOf(...args)).items;

/** What an item says, without where it was read (the form is named after its first sheet): layouts must agree on this. */
function content({ sources: _sources, sheet: _sheet, cell: _cell, form: _form, ...rest }: Item) {
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
      expect(item.plan.thisYear).toContain("(目標)");
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

  test("item 17's title, wrapped over two lines in the form, is one line", () => {
    expect(items[16].title).not.toMatch(/\n/);
    expect(items[17].title).toBe("「ニア・イズ・ベター」に基づく分権型教育行政の効果的な推進(区政編 改革の柱2 I-イ)");
    expect(items[2].title).toBe("諸収入確保の推進");
    expect(items[10].title).toBe("地域に根ざした活動の活性化(地縁型団体)(区政編 改革の柱1 II-ア)");
  });

  test("item 19's cells: the ② and its remark", () => {
    const at = 3 + 18 * 10 + 4; // blocks of 9 rows and a blank one, 4 sub-title rows (items 11, 12, 13, 16) before it
    expect(items[18]).toMatchObject({ cell: `A${at}` });
    expect(items[18].sources).toMatchObject({
      "midyear.achievement": { sheet: "取組項目", cell: `C${at + 5}`, text: "②" },
      "midyear.remark": { sheet: "取組項目", cell: `E${at + 5}` },
    });
  });

  test("the headings: 「市政改革プラン2.0」, 令和元年度", async () => {
    expect(readWorkbook(await sampleGrid()).forms).toEqual([
      { name: "天王寺区", sheets: ["取組項目"], plan: "市政改革プラン2.0", fiscalYear: 2019, noteMismatch: null, sections: ["plan", "midyear", "final"], itemCount: 19 },
    ]);
  });

  test("the committed sample is what tools/make-sample.ts writes today", async () => {
    const committed = await fs.readFile(SAMPLE);
    const fresh = await formWorkbookBytes(tennojiR1, tennojiLayout);
    expect(fresh.equals(committed)).toBe(true);
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

/** What the transcription says each item holds, in the reader's terms. */
function expectedOf(item: FormItem) {
  const text = (v: CellInput) => (typeof v === "string" && v.trim() !== "" ? v : null);
  const rating = (v: CellInput) => ({ "(i)": "i", "(ii)": "ii", "①": 1, "②": 2 })[String(v)] ?? null;
  return {
    no: typeof item.no === "number" ? item.no : Number(item.no),
    title: item.title,
    subtitle: item.subtitle ?? null,
    starred: Boolean(item.starred),
    plan: { policy: text(item.policy), thisYear: text(item.thisYear) },
    midyear: {
      implementation: rating(item.midyear?.implementation),
      achievement: rating(item.midyear?.achievement),
      remark: text(item.midyear?.remark),
    },
    final: { result: text(item.final?.result), achievement: rating(item.final?.achievement), remark: text(item.final?.remark) },
  };
}

function projection(item: Item): ReturnType<typeof expectedOf> {
  const { no, title, subtitle, starred, plan, midyear, final } = item;
  return { no, title, subtitle, starred, plan, midyear, final } as ReturnType<typeof expectedOf>;
}

describe("the 19 items of the sample in every layout variant, through real .xlsx files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-form-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  let n = 0;
  async function readFile(items: FormItem[], options: LayoutOptions): Promise<{ items: Item[]; sheets: string[] }> {
    const file = path.join(dir, `variant-${++n}.xlsx`);
    await writeFormWorkbook(file, items, options);
    const { workbook, grid } = await loadXlsx(file);
    return { items: readWorkbook(grid).items, sheets: workbook.sheets.map((s) => s.name) };
  }

  const expected = tennojiR1.map(expectedOf);
  const extraSheets: LayoutOptions["extraSheets"] = [
    { name: "表紙", rows: [["令和元年度 天王寺区 区運営方針"], [null], ["取組項目1 歳出の削減"], ["取組項目2 未収金対策の強化"]] },
    { name: "様式1", rows: [["経営課題1"], ["取組項目 1"], ["取組の方針・目標内容", "当年度の取組内容"], ["中間振り返り", "取組内容の実施見込み", "(ii)"]] },
    {
      name: "集計",
      rows: [
        ["取組項目", "取組の方針・目標内容", "目標の達成見込み"],
        ["取組項目1", "(目標) 古い集計", "②"],
        ["取組項目20", "(目標) 古い集計", "②"],
      ],
    },
  ];

  test.each<[string, LayoutOptions]>([
    ["the sample's own layout", tennojiLayout],
    ["one sheet per item", { sheets: "per-item" }],
    ["three items per sheet", { sheets: 3 }],
    ["blocks starting at C7", { origin: { row: 7, col: 3 } }],
    ["four blank rows between blocks", { gapRows: 4 }],
    ["no blank row between blocks", { gapRows: 0 }],
    ["a blank spacer column between labels and values", { blankColumnAfterLabels: true }],
    ["取組項目11", { numberStyle: "plain" }],
    ["取組項目 1 1", { numberStyle: "spaced" }],
    ["取組項目１１", { numberStyle: "fullwidth" }],
    ["取組項目 11", { numberStyle: "space" }],
    ["labels with spaces and line breaks", { labelBreaks: true }],
    ["取組項目N 【title】 in one cell", { titleInAnchorCell: true }],
    ["no merged cells", { noMerges: true }],
    ["a cover 表紙, a 様式1 and an old 集計 before the items", { extraSheets, heading: tennojiLayout.heading }],
    [
      "all of it at once",
      {
        sheets: 4,
        origin: { row: 5, col: 2 },
        gapRows: 3,
        blankColumnAfterLabels: true,
        numberStyle: "spaced",
        labelBreaks: true,
        titleInAnchorCell: true,
        noMerges: true,
        extraSheets,
      },
    ],
  ])("%s", async (_name, options) => {
    const { items } = await readFile(tennojiR1, options);
    expect(items.map(projection)).toEqual(expected);
  });

  test("per-item sheets: each item on its own sheet, at A3", async () => {
    const { items, sheets } = await readFile(tennojiR1, { sheets: "per-item" });
    expect(sheets).toEqual(tennojiR1.map((i) => `取組項目${i.no}`));
    expect(items[4]).toMatchObject({ sheet: "取組項目5", cell: "A3" });
    expect(items[4].sources["midyear.achievement"]).toMatchObject({ sheet: "取組項目5", cell: "C8", text: "①" });
  });

  test("three per sheet: item 4 opens the second sheet", async () => {
    const { items, sheets } = await readFile(tennojiR1, { sheets: 3 });
    expect(sheets).toHaveLength(7);
    expect(items[3]).toMatchObject({ sheet: "取組項目(2)", cell: "A3" });
    expect(items[18]).toMatchObject({ sheet: "取組項目(7)", cell: "A3" });
  });

  test("origin C7 and a spacer column: every field's cell moves with the block", async () => {
    const { items } = await readFile(tennojiR1.slice(0, 1), { origin: { row: 7, col: 3 }, blankColumnAfterLabels: true });
    // A→C, B→D, spacer E, C→F, D→G, E:H→H:K; rows 7 anchor, 8 title, 9-10 plan, 11-12 mid-year, 13-15 final
    expect(items[0]).toMatchObject({ sheet: "取組項目", cell: "C7" });
    expect(items[0].sources).toMatchObject({
      title: { cell: "C8" },
      "plan.policy": { cell: "D10" },
      "plan.thisYear": { cell: "H10" },
      "midyear.implementation": { cell: "F11", text: "(i)" },
      "midyear.achievement": { cell: "F12", text: "①" },
      "midyear.remark": { cell: "H12" },
      "final.result": { cell: "D14" },
      "final.achievement": { cell: "G14" },
      "final.remark": { cell: "H14" },
    });
  });

  test("the same items always make the same bytes", async () => {
    const a = await formWorkbookBytes(tennojiR1.slice(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have a 2-second grain
    const b = await formWorkbookBytes(tennojiR1.slice(0, 3));
    expect(a.equals(b)).toBe(true);
  });
});

describe("value cells holding the wrong thing", () => {
  test("a legend pasted into the self-evaluation value cell is invalid, never a value", async () => {
    const [item] = await read([formItem(1, { final: { result: "実施した", achievement: "①:目標達成 ②:目標未達成" } })]);
    expect(item.final.achievement).toBeNull();
    expect(item.sources["final.achievement"]).toMatchObject({ cell: "D10", invalid: true });
  });

  test("a legend pasted into the implementation cell is invalid", async () => {
    const [item] = await read([formItem(1, { midyear: { implementation: "(i)実施見込み (ii)実施できない見込み", achievement: "①" } })]);
    expect(item.midyear.implementation).toBeNull();
    expect(item.sources["midyear.implementation"]).toMatchObject({ cell: "C7", invalid: true });
  });

  test("an empty self-evaluation cell above its legend reads empty", async () => {
    const [item] = await read([formItem(1)]);
    expect(item.final.achievement).toBeNull();
    expect(item.sources["final.achievement"]).toMatchObject({ cell: "D10", text: "" });
    expect(item.sources["final.achievement"]?.invalid).toBeUndefined();
  });

  test("error values in text and rating cells: null, with the error on the source", async () => {
    const [item] = await read([
      formItem(1, {
        policy: { error: "#REF!" },
        midyear: { implementation: { error: "#N/A" }, achievement: "①", remark: { error: "#VALUE!" } },
        final: { result: "実施した", achievement: { error: "#DIV/0!" } },
      }),
    ]);
    expect([item.plan.policy, item.midyear.implementation, item.midyear.remark, item.final.achievement]).toEqual([null, null, null, null]);
    expect(item.sources["plan.policy"]).toMatchObject({ cell: "B6", error: "#REF!" });
    expect(item.sources["midyear.implementation"]).toMatchObject({ cell: "C7", error: "#N/A" });
    expect(item.sources["midyear.remark"]).toMatchObject({ cell: "E8", error: "#VALUE!" });
    expect(item.sources["final.achievement"]).toMatchObject({ cell: "D10", error: "#DIV/0!" });
  });
});

describe("rating cells in every layout variant", () => {
  const variants: [string, LayoutOptions][] = [
    ["default", {}],
    ["spacer column", { blankColumnAfterLabels: true }],
    ["no merges", { noMerges: true }],
    ["label breaks", { labelBreaks: true }],
    ["title in the anchor cell, at C7", { titleInAnchorCell: true, origin: { row: 7, col: 3 } }],
    ["everything", { blankColumnAfterLabels: true, noMerges: true, labelBreaks: true, numberStyle: "spaced", gapRows: 0 }],
  ];
  const legends = {
    implementation: "(i)実施見込み (ii)実施できない見込み",
    midyear: "①:達成見込み ②:達成できない見込み",
    final: "①:目標達成 ②:目標未達成",
  };

  test.each(variants)("%s: pasted legends are invalid, empty cells empty, errors recorded", async (_name, options) => {
    const [pasted, empty, errors, filled] = await read(
      [
        formItem(1, {
          midyear: { implementation: legends.implementation, achievement: legends.midyear },
          final: { result: "実施した", achievement: legends.final },
        }),
        formItem(2, { midyear: {}, final: {} }),
        formItem(3, { midyear: { implementation: { error: "#REF!" }, achievement: { error: "#N/A" } }, final: { achievement: { error: "#REF!" } } }),
        formItem(4, { midyear: { implementation: "(ii)", achievement: "②", remark: "遅れ" }, final: { result: "一部実施", achievement: "②", remark: "次年度" } }),
      ],
      options,
    );
    const fields = ["midyear.implementation", "midyear.achievement", "final.achievement"] as const;
    expect([pasted.midyear.implementation, pasted.midyear.achievement, pasted.final.achievement]).toEqual([null, null, null]);
    for (const f of fields) expect(pasted.sources[f]).toMatchObject({ invalid: true });

    expect([empty.midyear.implementation, empty.midyear.achievement, empty.final.achievement]).toEqual([null, null, null]);
    for (const f of fields) {
      expect(empty.sources[f]).toMatchObject({ text: "", error: null });
      expect(empty.sources[f]?.invalid).toBeUndefined();
    }

    expect([errors.midyear.implementation, errors.midyear.achievement, errors.final.achievement]).toEqual([null, null, null]);
    expect(fields.map((f) => errors.sources[f]?.error)).toEqual(["#REF!", "#N/A", "#REF!"]);

    expect(filled.midyear).toEqual({ implementation: "ii", achievement: 2, remark: "遅れ" });
    expect(filled.final).toEqual({ result: "一部実施", achievement: 2, remark: "次年度" });
  });
});
