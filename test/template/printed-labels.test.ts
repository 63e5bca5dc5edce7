import { checkWorkbook } from "../../src/check";
import type { Item } from "../../src/model";
import type { CellValue, WorkbookGrid } from "../../src/template/grid";
import { formItem, gridOf, sampleGrid } from "../support/workbooks";

/**
 * Labels as wards print them: after a bullet (■), inside brackets (【】, ［］), with a colon (：), or with a printed
 * annotation (（必須）). Each is the same label: the same items and findings as the sample's plain labels, and what
 * follows the label in its cell is a value only when it is one (「：」 alone is not, nor is 「（必須）」).
 */
function relabel(grid: WorkbookGrid, from: string, to: string): WorkbookGrid {
  const swap = (value: CellValue) => (value === from ? to : value);
  return { ...grid, sheets: grid.sheets.map((sheet) => ({ ...sheet, values: sheet.values.map((row) => row.map(swap)) })) };
}

describe("printed labels with a bullet, brackets, a colon or an annotation", () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await sampleGrid();
  });

  test.each([
    ["当年度の取組内容", "【当年度の取組内容】"],
    ["当年度の取組内容", "［当年度の取組内容］"],
    ["当年度の取組内容", "■当年度の取組内容"],
    ["当年度の取組内容", "当年度の取組内容："],
    ["取組の方針・目標内容", "取組の方針・目標内容：　"],
    ["取組の方針・目標内容", "取組の方針・目標内容（必須）"],
    ["当年度の取組実績及び目標の達成状況", "当年度の取組実績及び目標の達成状況:"],
    // Legends with a caption: a token before each word is how a legend prints, whatever else it says.
    ["①:目標達成 ②:目標未達成", "①:目標達成 ②:目標未達成（いずれかを記入）"],
    ["(i)実施見込み (ii)実施できない見込み", "選択肢 (i)実施見込み (ii)実施できない見込み"],
    // 「当年度」 as the form's year names it, and labels worded with or without の, ・, 及び.
    ["当年度の取組内容", "今年度の取組内容"],
    ["当年度の取組内容", "令和元年度の取組内容"],
    ["当年度の取組内容", "【R1年度の取組内容】"],
    ["当年度の取組実績及び目標の達成状況", "2019年度の取組実績及び目標の達成状況"],
    ["当年度の取組実績及び目標の達成状況", "本年度の取組実績及び目標達成状況"],
    ["当年度の取組実績及び目標の達成状況", "取組実績及び目標の達成状況"],
    ["取組の方針・目標内容", "取組方針・目標内容"],
    ["取組の方針・目標内容", "取組の方針及び目標内容"],
    ["取組の方針・目標内容", "取組の方針・目標"],
    ["目標の達成見込み", "目標達成見込み"],
    ["取組内容の実施見込み", "取組の実施見込み"],
    ["課題と改善策 ※左記が「②」の場合は必須", "課題及び改善策 ※左記が「②」の場合は必須"],
    ["課題と改善策 ※左記が「②」の場合は必須", "課題・改善策※左記が「②」の場合は必須"],
    // A section label with an annotation after it.
    ["自己評価", "自己評価（年度末）"],
    ["中間振り返り", "中間振り返り（9月末時点）"],
  ])("%s printed as %s", (from, to) => {
    const changed = relabel(grid, from, to);
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(grid));
    for (const phase of ["midyear", "final"] as const) {
      const plain = checkWorkbook(grid, { phase });
      const printed = checkWorkbook(changed, { phase });
      expect(printed.items).toEqual(plain.items);
      expect(printed.findings).toEqual(plain.findings);
    }
    // At year end the sample's results are blank: each is still reported missing.
    expect(checkWorkbook(changed, { phase: "final" }).findings.filter((f) => f.code === "RESULT_MISSING")).toHaveLength(19);
  });

  test("text after a label in its own cell is still its value, the colon left out", () => {
    const grid2 = relabel(grid, "当年度の取組実績及び目標の達成状況", "当年度の取組実績及び目標の達成状況：全件実施した");
    const item = checkWorkbook(grid2, { phase: "final" }).items[0];
    expect(item.final.result).toBe("全件実施した");
  });
});

/** Answers that use the form's own words are answers: not an item heading, not a legend, not a label. */
describe("answers that mention an item or name both levels", () => {
  const remarks = [
    "取組項目3と連携して実施する。人員不足のため遅れている。",
    "一部は達成できない見込みだが、全体としては達成見込み。下期に体制を強化する。",
    "実施見込みだが一部実施できない見込み。",
    // Starting with a label, but no label of the item's: the label's own cell is printed elsewhere.
    "課題と改善策：人員不足のため遅れている。",
    "当年度の取組内容の見直しが必要。",
    "今年度の取組内容を一部見直す。",
    "目標達成見込みだが、人員不足のため遅れている。",
  ];
  test.each(remarks)("a mid-year remark 「%s」 is the remark", async (remark) => {
    const grid = await gridOf([formItem(1), formItem(2, { midyear: { implementation: "(i)", achievement: "②", remark } }), formItem(3)]);
    const report = checkWorkbook(grid, { phase: "midyear" });
    expect(report.items.map((i) => i.no)).toEqual([1, 2, 3]);
    expect(report.items[1].midyear).toEqual({ implementation: "i", achievement: 2, remark });
    expect(report.findings).toEqual([]);
  });

  test("a result 「目標未達成となったが、次年度は目標達成をめざす。」 is the result", async () => {
    const result = "目標未達成となったが、次年度は目標達成をめざす。";
    const grid = await gridOf([formItem(1, { final: { result, achievement: "②", remark: "人員を増やす。" } })]);
    const report = checkWorkbook(grid, { phase: "final" });
    expect(report.items[0].final).toEqual({ result, achievement: 2, remark: "人員を増やす。" });
    expect(report.findings.map((f) => f.code)).not.toContain("RESULT_MISSING");
  });

  test("headings still read: 取組項目 1, 取組項目１【…】, 取組項目 1 1, 取組項目2：…", async () => {
    const grid = await sampleGrid();
    const heading = (text: string) => {
      const sheet = grid.sheets[0];
      const values = sheet.values.map((row) => row.map((v) => (v === "取組項目 1" || v === "取組項目1" ? text : v)));
      return checkWorkbook({ ...grid, sheets: [{ ...sheet, values }] }).items.map((i) => i.no)[0];
    };
    expect(heading("取組項目 1")).toBe(1);
    expect(heading("取組項目１【歳出の削減】")).toBe(1);
    expect(heading("取組項目 1 1")).toBe(11);
    expect(heading("取組項目1：")).toBe(1);
  });
});

/**
 * A heading that prints its label and number in cells of their own (「取組項目」 | 「1」, the number typed as a number,
 * or 全角): the same items as 「取組項目1」 in one cell, the label's cell as the item's, the number's cell named, and
 * the number never taken for a field's value. Before, no item was found (TEMPLATE_NOT_RECOGNIZED).
 */
/**
 * Headings printed in brackets, after a bullet, with a colon, 「No.」 or 「第」 before the number, or the number in
 * brackets: every item read as from 「取組項目1」, the title and star after the closing bracket too. Before, each of
 * these read no item at all (TEMPLATE_NOT_RECOGNIZED); a sentence about an item (「取組項目3と連携して…」) is still none.
 */
describe("item headings as wards print them", () => {
  const items = [formItem(1), formItem(2, { starred: true }), formItem(12)];

  test.each(["【取組項目N】", "〔取組項目N〕", "■取組項目N", "●取組項目N", "取組項目：N", "取組項目No.N", "取組項目 No. N", "取組項目第N", "取組項目(N)", "取組項目（N）", "【取組項目N】【title】"])(
    "%s",
    async (printed) => {
      const grid = await gridOf(items);
      const plain = checkWorkbook(grid);
      const [sheet] = grid.sheets;
      const rewrite = (value: CellValue) => {
        const m = typeof value === "string" ? /^取組項目(\d+)$/.exec(value) : null;
        return m ? printed.replace(/N(?!o)/, m[1]).replace("title", `見出し${m[1]}`) : value;
      };
      const changed = checkWorkbook({ ...grid, sheets: [{ ...sheet, values: sheet.values.map((row) => row.map(rewrite)) }] });
      expect(changed.items.map((item) => [item.no, item.cell])).toEqual(plain.items.map((item) => [item.no, item.cell]));
      if (!printed.includes("title")) {
        expect(changed.items).toEqual(plain.items);
        expect(changed.findings).toEqual(plain.findings);
      }
    },
  );

  test("a sentence that names an item after a bracket or bullet is no heading", async () => {
    const grid = await gridOf([formItem(1)]);
    const [sheet] = grid.sheets;
    const row = sheet.values.findIndex((line) => line?.[0] === "取組項目1");
    for (const text of ["「取組項目3と連携して実施する」", "■取組項目2に同じ", "取組項目 1-2", "取組項目(2)の課題による", "【取組項目2】と連携"]) {
      const values = sheet.values.slice();
      values[row] = [text];
      expect(checkWorkbook({ ...grid, sheets: [{ ...sheet, values }] }).items).toEqual([]);
    }
  });
});

describe("an item heading with its number in a cell of its own", () => {
  const items = [formItem(1), formItem(2, { midyear: { implementation: "(ii)", achievement: "②", remark: "人員不足のため" } }), formItem(3)];

  test("as a number: the same items and findings, and the number's cell", async () => {
    const plain = checkWorkbook(await gridOf(items));
    const apart = checkWorkbook(await gridOf(items, { numberStyle: "apart" }));
    expect(apart.items.map(({ numberCell, ...item }) => item)).toEqual(plain.items);
    expect(apart.items.map((item) => [item.cell, item.numberCell])).toEqual(plain.items.map((item) => [item.cell, item.cell.replace(/^A/, "B")]));
    expect(apart.findings).toEqual(plain.findings);
  });

  test.each([["１"], ["1"], ["  3 "]])("as the text %j, a blank cell between", async (written) => {
    const grid = await gridOf([formItem(1)], { numberStyle: "apart" });
    const [sheet] = grid.sheets;
    const row = sheet.values.findIndex((line) => line?.[0] === "取組項目");
    const line: CellValue[] = ["取組項目"];
    line[2] = written;
    sheet.values[row] = line;
    const [item] = checkWorkbook(grid).items;
    expect(item.no).toBe(Number(written.normalize("NFKC")));
    expect(item.numberCell).toBe(`C${row + sheet.top + 1}`);
  });

  test("a label alone with words beside it is no heading", async () => {
    const grid = await gridOf([formItem(1)], { numberStyle: "apart" });
    const [sheet] = grid.sheets;
    const row = sheet.values.findIndex((line) => line?.[0] === "取組項目");
    sheet.values[row] = ["取組項目", "1件目"];
    expect(checkWorkbook(grid).items).toEqual([]);
  });
});

/** A title in other brackets than the form's 【】 (「［歳出の削減］」): the same title, and no TITLE_MISSING. */
describe("a title in other brackets", () => {
  test.each([["［", "］"], ["[", "]"], ["〔", "〕"], ["《", "》"], ["≪", "≫"], ["〈", "〉"], ["＜", "＞"]])("%s…%s", async (open, close) => {
    const grid = await sampleGrid();
    const bracketed = (value: CellValue) => (typeof value === "string" && value.startsWith("【") ? value.replace("【", open).replace(/】(?=[^】]*$)/, close) : value);
    const changed = { ...grid, sheets: grid.sheets.map((sheet) => ({ ...sheet, values: sheet.values.map((row) => row.map(bracketed)) })) };
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(grid));
    const plain = checkWorkbook(grid, { phase: "final" });
    const printed = checkWorkbook(changed, { phase: "final" });
    expect(printed.items.map((item) => [item.title, item.subtitle, item.starred])).toEqual(plain.items.map((item) => [item.title, item.subtitle, item.starred]));
    expect(printed.findings).toEqual(plain.findings);
  });
});

/**
 * A title printed without brackets, below the heading or after its number (「取組項目5 迅速な…」): the same title,
 * sub-title and ★, and no TITLE_MISSING. A heading with nothing under it still has no title.
 */
describe("a title without brackets", () => {
  const unbracket = (value: CellValue) => (typeof value === "string" && value.includes("【") ? value.replace("【", "").replace(/】(?=[^】]*$)/, "") : value);

  test("the sample's titles with their 【】 taken away", async () => {
    const grid = await sampleGrid();
    const changed = { ...grid, sheets: grid.sheets.map((sheet) => ({ ...sheet, values: sheet.values.map((row) => row.map(unbracket)) })) };
    expect(JSON.stringify(changed)).not.toContain("【");
    const plain = checkWorkbook(grid, { phase: "final" });
    const bare = checkWorkbook(changed, { phase: "final" });
    const heading = (item: (typeof plain.items)[number]) => [item.no, item.title, item.subtitle, item.starred, item.sources.title?.cell];
    expect(bare.items.map(heading)).toEqual(plain.items.map(heading));
    expect(bare.findings).toEqual(plain.findings);
  });

  test.each([
    ["inside the brackets, first", (title: string) => `【★${title}】`],
    ["inside the brackets, last", (title: string) => `【${title}★】`],
    ["before the brackets", (title: string) => `★【${title}】`],
  ])("★ %s: the same title, starred", async (_, print) => {
    const grid = await sampleGrid();
    const moved = (value: CellValue) => (typeof value === "string" && /^【[^】]*】★$/.test(value) ? print(value.slice(1, -2)) : value);
    const changed = { ...grid, sheets: grid.sheets.map((sheet) => ({ ...sheet, values: sheet.values.map((row) => row.map(moved)) })) };
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(grid));
    const heading = (report: ReturnType<typeof checkWorkbook>) => report.items.map((item) => [item.no, item.title, item.subtitle, item.starred]);
    expect(heading(checkWorkbook(changed))).toEqual(heading(checkWorkbook(grid)));
  });

  test.each([
    ["「取組名」 | title", (title: string) => ["取組名", title]],
    ["「取組名：title」", (title: string) => [`取組名：${title}`]],
    ["「【取組名】」 | title", (title: string) => ["【取組名】", title]],
    ["「タイトル」 | 【title】", (title: string) => ["タイトル", `【${title}】`]],
  ])("a title label before it (%s) is print: the title is what follows it", async (_, print) => {
    const grid = await sampleGrid();
    const [sheet] = grid.sheets;
    const isTitle = (value: CellValue) => typeof value === "string" && /^【[^】]*】$/.test(value);
    const titleRows = new Set(sheet.values.flatMap((row, i) => (isTitle(row[0]) ? [sheet.top + i] : [])));
    expect(titleRows.size).toBeGreaterThan(10);
    const values = sheet.values.map((row) => (isTitle(row[0]) ? print((row[0] as string).slice(1, -1)) : row));
    // The title's row unmerged, so that the label and the title stand in cells of their own.
    const changed = { ...grid, sheets: [{ ...sheet, values, merges: sheet.merges.filter((m) => !titleRows.has(m.top)) }] };
    const titles = (report: ReturnType<typeof checkWorkbook>) => report.items.filter((item) => titleRows.has(Number(item.sources.title?.cell.slice(1)) - 1)).map((item) => item.title);
    const plain = checkWorkbook(grid);
    const labelled = checkWorkbook(changed);
    expect(titles(labelled)).toEqual(titles(plain));
    expect(titles(plain)).toHaveLength(titleRows.size);
    expect(labelled.findings.filter((f) => f.code === "TITLE_MISSING")).toEqual([]);
  });

  test("a heading with only ★ under it has no title", async () => {
    const grid = await gridOf([formItem(1, { title: "", starred: true }), formItem(2)]);
    const report = checkWorkbook(grid);
    expect(report.items.map((item) => [item.title, item.starred])).toEqual([
      [null, true],
      ["取組2", false],
    ]);
    expect(report.findings.filter((f) => f.code === "TITLE_MISSING").map((f) => f.params.no)).toEqual([1]);
  });
});

/**
 * Forms answered by ticking the printed legend (「☐①:達成見込み ☑②:達成できない見込み」, ■/□, ●/○, ✓) instead of
 * typing into the rating cell: where the rating cell is blank, the legend's one ticked option is the rating, read
 * from the legend's cell. A typed rating still wins; several options ticked beside an open one is RATING_INVALID at
 * the legend; a legend printed with ■ before every option chooses nothing.
 */
describe("ratings ticked in the legend", () => {
  const TICKED: Record<string, string> = {
    "(i)実施見込み (ii)実施できない見込み": "□(i)実施見込み ■(ii)実施できない見込み",
    "①:達成見込み ②:達成できない見込み": "☐①:達成見込み ☑②:達成できない見込み",
    "①:目標達成 ②:目標未達成": "●①:目標達成 ○②:目標未達成",
  };
  const RATING_LABELS = ["取組内容の実施見込み", "目標の達成見込み"];

  /** The sample with every legend as `legends` says and, with `blank`, the mid-year rating cells emptied. */
  async function ticked(legends: Record<string, string>, blank = true): Promise<WorkbookGrid> {
    const grid = await sampleGrid();
    const values = grid.sheets[0].values.map((row) =>
      row.map((value, col) => (typeof value === "string" && value in legends ? legends[value] : blank && col === 2 && RATING_LABELS.includes(String(row[1])) ? null : value)),
    );
    return { ...grid, sheets: [{ ...grid.sheets[0], values }] };
  }

  test("each rating is the option its legend ticks, read from the legend's cell", async () => {
    const report = checkWorkbook(await ticked(TICKED), { phase: "final" });
    expect(report.items).toHaveLength(19);
    for (const item of report.items) {
      expect([item.midyear.implementation, item.midyear.achievement, item.final.achievement]).toEqual(["ii", 2, 1]);
      expect([item.sources["midyear.implementation"]?.text, item.sources["midyear.achievement"]?.text, item.sources["final.achievement"]?.text]).toEqual(Object.values(TICKED));
      expect(item.sources["final.achievement"]?.cell).toMatch(/^D\d+$/);
    }
    const codes = new Set(report.findings.map((f) => f.code));
    for (const code of ["RATING_MISSING", "RATING_INVALID", "LAYOUT_AMBIGUOUS"]) expect(codes).not.toContain(code);
    // ② mid-year: the remark is required of every item that has none.
    const required = checkWorkbook(await ticked(TICKED), { phase: "midyear" }).findings.filter((f) => f.code === "REMARK_REQUIRED");
    expect(required.map((f) => f.item)).toEqual(report.items.filter((item) => !item.midyear.remark).map((item) => item.no));
    expect(required.length).toBeGreaterThan(0);
  });

  test("a rating typed in its cell wins over the ticked legend; a blank one is the legend's", async () => {
    const mid = (item: Item) => [item.midyear.implementation, item.midyear.achievement];
    const plain = checkWorkbook(await sampleGrid(), { phase: "midyear" }).items;
    const typed = checkWorkbook(await ticked(TICKED, false), { phase: "midyear" }).items;
    expect(plain.filter((item) => item.midyear.achievement === 1).length).toBeGreaterThan(10);
    expect(typed.map(mid)).toEqual(plain.map((item) => [item.midyear.implementation ?? "ii", item.midyear.achievement ?? 2]));
  });

  test("a legend printed an option a cell (「☐①:達成見込み」 | 「☑②:達成できない見込み」): the ticked option's cell", () => {
    const block = (no: number, options: string[]): CellValue[][] => [
      [`取組項目${no}`],
      [`【取組${no}】`],
      ["計画", "取組の方針・目標内容", "当年度の取組内容"],
      [null, "(目標) 10件", "(目標) 5件"],
      ["中間振り返り", "取組内容の実施見込み", "(i)", "(i)実施見込み (ii)実施できない見込み", null, "課題と改善策"],
      [null, "目標の達成見込み", null, ...options, "人員を増やす。"],
    ];
    const values = [...block(1, ["☐①:達成見込み", "☑②:達成できない見込み"]), ...block(2, ["■① 達成見込み", "□② 達成できない見込み"]), ...block(3, ["☑①:達成見込み", "☑②:達成できない見込み"])];
    const report = checkWorkbook({ name: "t.xlsx", sheets: [{ name: "様", top: 0, left: 0, values, merges: [] }] }, { phase: "midyear" });
    expect(report.items.map((item) => [item.midyear.achievement, item.sources["midyear.achievement"]?.cell])).toEqual([
      [2, "E6"],
      [1, "D12"],
      [null, "D18"],
    ]);
    expect(report.findings.filter((f) => f.field === "midyear.achievement").map((f) => [f.item, f.code])).toEqual([[3, "RATING_INVALID"]]);
  });

  test("ticks on both options are invalid, at the legend", async () => {
    const both = checkWorkbook(await ticked({ "①:目標達成 ②:目標未達成": "☑①:目標達成 ☑②:目標未達成" }), { phase: "final" });
    expect(both.items.map((item) => item.final.achievement)).toEqual(both.items.map(() => null));
    const invalid = both.findings.filter((f) => f.code === "RATING_INVALID");
    expect(invalid).toHaveLength(19);
    expect(invalid[0]).toMatchObject({ field: "final.achievement", cell: "D11" });
  });
});

/**
 * The 自己評価 typed over its legend (the legend's cell now 「②」 or 「②:目標未達成」, no legend left): the rating,
 * read from that cell; before, RATING_MISSING with no cell. Two such cells are no answer.
 */
describe("a rating typed over its legend", () => {
  const LEGEND = /^①:\s?目標達成\s?②:\s?目標未達成$/;
  async function overwritten(text: string): Promise<WorkbookGrid> {
    const grid = await sampleGrid();
    const values = grid.sheets[0].values.map((row) => row.map((value) => (typeof value === "string" && LEGEND.test(value) ? text : value)));
    expect(values).not.toEqual(grid.sheets[0].values);
    return { ...grid, sheets: [{ ...grid.sheets[0], values }] };
  }

  test.each(["②", "②:目標未達成", "目標未達成"])("「%s」 is the 自己評価, read where it stands", async (text) => {
    const plain = checkWorkbook(await sampleGrid(), { phase: "final" });
    const report = checkWorkbook(await overwritten(text), { phase: "final" });
    expect(report.items.map((item) => item.final.achievement)).toEqual(report.items.map(() => 2));
    expect(report.items.map((item) => item.sources["final.achievement"]?.cell)).toEqual(
      plain.items.map((item) => item.sources["final.achievement"]!.cell.replace(/\d+/, (row) => String(Number(row) + 1))),
    );
    const codes = report.findings.map((f) => f.code);
    expect(codes).not.toContain("RATING_MISSING");
    expect(codes.filter((code) => code === "REMARK_REQUIRED").length).toBe(report.items.filter((item) => !item.final.remark).length);
  });

  test("a rating typed above the legend's place as well: two answers, none read", async () => {
    const grid = await overwritten("①");
    const [sheet] = grid.sheets;
    const first = checkWorkbook(grid, { phase: "final" }).items[0].sources["final.achievement"]!.cell;
    const row = Number(first.slice(1)) - 2 - sheet.top;
    (sheet.values[row] ??= [])[3] = "②";
    const item = checkWorkbook(grid, { phase: "final" }).items[0];
    expect(item.final.achievement).toBeNull();
  });
});

/**
 * A mid-year rating typed after its label in the label's own cell (「目標の達成見込み：②」), the rating's cell left
 * blank: the rating, from the label's cell. A rating in both places is LAYOUT_AMBIGUOUS; print after the label
 * (「いずれかを選択」) is no rating and no entry.
 */
describe("a mid-year rating typed after its label", () => {
  const LABEL = "目標の達成見込み";
  async function typed(label: string, rating: CellValue): Promise<WorkbookGrid> {
    const grid = await sampleGrid();
    const values = grid.sheets[0].values.map((row) => (row[1] === LABEL ? row.map((value, col) => (col === 1 ? label : col === 2 ? rating : value)) : row));
    return { ...grid, sheets: [{ ...grid.sheets[0], values }] };
  }
  const achievements = (grid: WorkbookGrid) => checkWorkbook(grid, { phase: "midyear" }).items.map((item) => item.midyear.achievement);

  test("「目標の達成見込み：②」 beside a blank cell is ②, read from the label's cell", async () => {
    const report = checkWorkbook(await typed(`${LABEL}：②`, null), { phase: "midyear" });
    expect(report.items.map((item) => item.midyear.achievement)).toEqual(report.items.map(() => 2));
    expect(report.items[0].sources["midyear.achievement"]).toMatchObject({ cell: "B8", text: "②" });
    expect(report.findings.map((f) => f.code)).not.toContain("RATING_MISSING");
  });

  test("beside a cell holding ①: two ratings, LAYOUT_AMBIGUOUS", async () => {
    const report = checkWorkbook(await typed(`${LABEL} ②`, "①"), { phase: "midyear" });
    expect(report.items.map((item) => item.midyear.achievement)).toEqual(report.items.map(() => null));
    expect(report.findings.filter((f) => f.code === "LAYOUT_AMBIGUOUS")).toHaveLength(19);
  });

  test("print after the label is no rating: a blank cell stays RATING_MISSING, a typed one is read", async () => {
    const blank = checkWorkbook(await typed(`${LABEL} いずれかを選択`, null), { phase: "midyear" });
    expect(blank.findings.filter((f) => f.field === "midyear.achievement").map((f) => f.code)).toEqual(Array(19).fill("RATING_MISSING"));
    expect(achievements(await typed(`${LABEL} いずれかを選択`, "①"))).toEqual(Array(19).fill(1));
  });
});
