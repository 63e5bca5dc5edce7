import { checkWorkbook } from "../../src/check";
import { computeSummary } from "../../src/summary/compute";
import { formItem, gridOf } from "../support/workbooks";

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe("items started mid-year: 対象外", () => {
  test("対象外, 該当なし and N/A are given ratings; a blank is still missing", async () => {
    const grid = await gridOf([
      formItem(1, { midyear: { implementation: "対象外", achievement: "対象外" } }),
      formItem(2, { midyear: { implementation: "該当なし", achievement: "N/A" } }),
      formItem(3, { midyear: { implementation: "(i)", achievement: null } }),
    ]);
    const report = checkWorkbook(grid, { phase: "midyear" });
    expect(report.items.map((i) => [i.midyear.implementation, i.midyear.achievement])).toEqual([
      ["na", "na"],
      ["na", "na"],
      ["i", null],
    ]);
    expect(report.findings.map((f) => [f.code, f.item])).toEqual([["RATING_MISSING", 3]]);
    const summary = computeSummary("x.xlsx", report, new Date());
    expect(summary.rows.map((r) => r.ratings["midyear.achievement"].label)).toEqual(["対象外", "対象外", ""]);
  });
});

describe("the printed note decides which rating needs 課題と改善策", () => {
  test("「②」 (the usual form): ② without remark is an error", async () => {
    const report = checkWorkbook(await gridOf([formItem(1, { midyear: { implementation: "(i)", achievement: "②" } })]));
    expect(codes(report.findings)).toEqual(["REMARK_REQUIRED"]);
  });

  test("a form that prints 「①」 asks for the remark on ① instead", async () => {
    const grid = await gridOf(
      [formItem(1, { midyear: { implementation: "(i)", achievement: "①" } }), formItem(2, { midyear: { implementation: "(i)", achievement: "②" } })],
      { remarkNote: "※左記が「①」の場合は必須" },
    );
    const report = checkWorkbook(grid);
    expect(report.findings.map((f) => [f.code, f.item])).toEqual([["REMARK_REQUIRED", 1]]);
    expect(report.findings[0].message).toContain("①");
  });

  test("a form that prints 「③」 (not on the scale): one TEMPLATE_NOTE_MISMATCH, and ② is checked", async () => {
    const grid = await gridOf(
      [1, 2, 3].map((no) => formItem(no, { midyear: { implementation: "(i)", achievement: no === 2 ? "②" : "①" } })),
      { remarkNote: "※左記が「③」の場合は必須" },
    );
    const report = checkWorkbook(grid);
    const mismatch = report.findings.filter((f) => f.code === "TEMPLATE_NOTE_MISMATCH");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ severity: "warning", item: null, sheet: "取組項目" });
    expect(mismatch[0].message).toContain("「③」");
    expect(report.findings.filter((f) => f.code === "REMARK_REQUIRED").map((f) => f.item)).toEqual([2]);
  });
});

describe("other 運営方針 sheets in the same workbook", () => {
  test("様式1, 様式2 (with their own 中間振り返り / 自己評価) and 主な戦略 are never items and get no findings", async () => {
    const others = [
      { name: "様式1 区の目標", rows: [["区の目標"], ["めざすべき将来像", "安全・安心なまち"]] },
      {
        name: "様式2 経営課題",
        rows: [
          ["経営課題1", "【地域活動の活性化】"],
          ["取組の方針・目標内容", "中間振り返り", "自己評価"],
          ["(目標) 5件", "②", "③"],
          ["①:達成見込み ②:達成できない見込み"],
        ],
      },
      { name: "主な戦略", rows: [["戦略 1-1"], ["中間振り返り", "自己評価"], ["①", "②"]] },
      { name: "具体的取組", rows: [["具体的取組 1-1-1"], ["取組内容の実施見込み", "(iii)"], ["目標の達成見込み", "はい"]] },
    ];
    const report = checkWorkbook(await gridOf([formItem(1), formItem(2)], { extraSheets: others }));
    expect(report.items.map((i) => [i.sheet, i.no])).toEqual([["取組項目", 1], ["取組項目", 2]]);
    expect(report.findings).toEqual([]);

    // A ward that keeps its 取組 on a sheet named so too (「様式3」, 「集計表」): read, as no other sheet holds an item.
    for (const name of ["様式3", "様式3 市政改革プラン", "集計表"]) {
      const grid = await gridOf([formItem(1), formItem(2)], { extraSheets: others });
      const renamed = { ...grid, sheets: grid.sheets.map((sheet) => (sheet.name === "取組項目" ? { ...sheet, name } : sheet)) };
      const read = checkWorkbook(renamed);
      expect(read.items.map((i) => [i.sheet, i.no])).toEqual([[name, 1], [name, 2]]);
      expect(read.findings).toEqual([]);
    }
  });
});

describe("headings change by year", () => {
  test.each([
    [{ plan: "「市政改革プラン2.0」に基づく取組等", fiscalYear: "令和元年度 天王寺区" }, "市政改革プラン2.0", 2019],
    [{ plan: "「市政改革プラン3.0」に基づく取組等（区運営）", fiscalYear: "令和6年度" }, "市政改革プラン3.0", 2024],
    [{ plan: "「市政改革プラン2.0」に基づく取組等（所属運営）", fiscalYear: "平成31年度" }, "市政改革プラン2.0", 2019],
    [{ plan: "「市政改革プラン２．０」に基づく取組等", fiscalYear: "R2" }, "市政改革プラン2.0", 2020],
  ])("%p → %p, %p", async (heading, plan, fiscalYear) => {
    expect(checkWorkbook(await gridOf([formItem(1)], { heading })).form).toEqual({ plan, fiscalYear });
  });

  test("no heading: null, not a guess", async () => {
    expect(checkWorkbook(await gridOf([formItem(1)])).form).toEqual({ plan: null, fiscalYear: null });
  });
});
