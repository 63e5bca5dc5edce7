/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { checkWorkbook } from "../../src/check";
import { textReport } from "../../src/cli/text-report";
import type { Achievement, Finding } from "../../src/model";
import { validateItems } from "../../src/rules";
import { computeSummary } from "../../src/summary/compute";
import { FINDINGS_SHEET, layoutSummary } from "../../src/summary/layout";
import { defaultProfile } from "../../src/template/profile";
import { App } from "../../src/taskpane/App";
import { makeItem, NO_FORM } from "../support/items";
import { formItem, gridOf } from "../support/workbooks";
import { hostOf } from "../taskpane/host";

const FORM = { ...NO_FORM, fiscalYear: 2019 };

interface Case {
  /** The (目標) phrase of 取組の方針・目標内容; 当年度の取組内容 repeats it, as the forms often do, unless `thisYear` says otherwise. */
  target: string;
  thisYear?: string;
  result: string;
  rating: Achievement;
  /** [the result value as written, the target value as written] of each finding; [] when it must not fire. */
  fires: [string, string][];
}

const check = ({ target, thisYear, result, rating }: Case) => {
  const item = makeItem({
    plan: { policy: `(趣旨・目的) 目的 (目標) ${target}`, thisYear: thisYear ?? `(取組の内容) 内容 (目標) ${target}` },
    final: { result, achievement: rating, remark: rating === 2 ? "改善する" : null },
  });
  return validateItems([item], FORM, "final", defaultProfile).filter((f) => f.code === "RESULT_VS_TARGET");
};

/** Targets in the style of the 天王寺区 令和元年度 form (the seed), results as ward staff write them. */
const CASES: [string, Case][] = [
  // ① while the stated value misses the target
  ["収納率: below the rate", { target: "国民健康保険料 令和元年度目標収納率 91.2%", result: "国民健康保険料の収納率は90.5%となった。", rating: 1, fires: [["90.5%", "91.2%"]] }],
  ["万円: less revenue than the target", { target: "1,200万円の確保(令和元年度)", result: "広告事業等により1,050万円の歳入を確保した。", rating: 1, fires: [["1,050万円", "1,200万円"]] }],
  [
    "割合 under a 【令和元年度】 heading",
    {
      target: "○ 支援が役に立っていると感じている区民の割合 【令和元年度】 ・63%",
      result: "区民アンケートでは、支援が役に立っていると感じている区民の割合は58%であった。",
      rating: 1,
      fires: [["58%", "63%"]],
    },
  ],
  ["以上: below the floor", { target: "○ 地縁型団体が行う活動に参加している区民の割合\n【令和元年度】 ・25%以上", result: "活動に参加している区民の割合 22.4%", rating: 1, fires: [["22.4%", "25%以上"]] }],
  ["件: fewer inquiries", { target: "○ 区の市民活動支援情報提供窓口への問合せ件数 【令和元年度】 ・9件", result: "問合せ件数は6件であった。", rating: 1, fires: [["6件", "9件"]] }],
  ["減: a smaller cut than the target", { target: "CO2 排出量削減(25年度比) 令和元年度 7.2%減", result: "CO2排出量は25年度比5.1%減となった。", rating: 1, fires: [["5.1%減", "7.2%減"]] }],
  ["人: fewer people", { target: "業務改善研修の受講者 200人", result: "研修の受講者は150人にとどまった。", rating: 1, fires: [["150人", "200人"]] }],
  ["以下: over the ceiling", { target: "不適切な事務処理事案の件数 2件以下", result: "不適切な事務処理事案の件数は3件であった。", rating: 1, fires: [["3件", "2件以下"]] }],
  ["the target restated before the result", { target: "国民健康保険料 令和元年度目標収納率 91.2%", result: "目標収納率91.2%に対し、収納率は90.5%であった。", rating: 1, fires: [["90.5%", "91.2%"]] }],
  ["the target restated in an aside", { target: "国民健康保険料 令和元年度目標収納率 91.2%", result: "収納率 90.5%（目標 91.2%）", rating: 1, fires: [["90.5%", "91.2%"]] }],
  ["markup pasted from the web", { target: "区民の割合 【令和元年度】 ・63%", result: "<p>区民の割合は58%</p>", rating: 1, fires: [["58%", "63%"]] }],
  [
    "two units, one missed: one finding",
    { target: "○ 区民の割合 63% ○ 問合せ件数 9件", result: "区民の割合は70%、問合せ件数は6件であった。", rating: 1, fires: [["6件", "9件"]] },
  ],
  // ② while it meets the target
  ["収納率: above the rate", { target: "国民健康保険料 令和元年度目標収納率 91.2%", result: "国民健康保険料の収納率は91.5%", rating: 2, fires: [["91.5%", "91.2%"]] }],
  ["以上: above the floor", { target: "区民の割合 60%以上", result: "区民の割合は65.3%となり", rating: 2, fires: [["65.3%", "60%以上"]] }],
  ["万円: more revenue", { target: "1,200万円の確保(令和元年度)", result: "1,350万円の歳入を確保した。", rating: 2, fires: [["1,350万円", "1,200万円"]] }],
  ["削減: a larger cut (の削減)", { target: "CO2 排出量削減(25年度比) 令和元年度 7.2%減", result: "CO2排出量は25年度比8.1%の削減となった。", rating: 2, fires: [["8.1%の削減", "7.2%減"]] }],
  ["全角 digits and spaces", { target: "問合せ件数 ９件", result: "問合せ件数　１２件", rating: 2, fires: [["１２件", "９件"]] }],
  ["▲ for a decrease", { target: "超過勤務時間 対前年度比 5%減", result: "超過勤務時間は前年度比▲6.2%", rating: 2, fires: [["▲6.2%", "5%減"]] }],
  ["exactly the target", { target: "講座の参加者数 100人", result: "講座の参加者数 100人", rating: 2, fires: [["100人", "100人"]] }],
  ["千円 against 万円", { target: "寄附金 500万円", result: "寄附金 5,200千円を確保", rating: 2, fires: [["5,200千円", "500万円"]] }],
  ["以下: under the ceiling", { target: "事務処理誤りの件数 5件以下", result: "事務処理誤りの件数は3件", rating: 2, fires: [["3件", "5件以下"]] }],
  ["前年度 as the baseline, this year after it", { target: "区民の割合 63%", result: "区民の割合は前年度58%から65%に向上した。", rating: 2, fires: [["65%", "63%"]] }],
  // Consistent ratings
  ["① and met", { target: "国民健康保険料 令和元年度目標収納率 91.2%", result: "収納率は91.5%", rating: 1, fires: [] }],
  ["② and missed", { target: "区民の割合 63%", result: "区民の割合は58%", rating: 2, fires: [] }],
  ["② and missed, the target restated in an aside", { target: "収納率 91.2%", result: "収納率 90.5%（目標 91.2%）", rating: 2, fires: [] }],
  // Not unambiguous: no finding
  ["another unit", { target: "問合せ件数 9件", result: "問合せは12回あった。", rating: 2, fires: [] }],
  ["two values in the unit", { target: "問合せ件数 9件", result: "問合せ件数 12件、うちICT 3件", rating: 2, fires: [] }],
  ["only last year's value", { target: "区民の割合 63%", result: "区民の割合は前年度58%", rating: 1, fires: [] }],
  ["another year's value", { target: "区民の割合 令和元年度 63%", result: "区民の割合は平成30年度で58%", rating: 1, fires: [] }],
  ["a target for another year", { target: "区民の割合 令和2年度 90%", result: "区民の割合は70%", rating: 1, fires: [] }],
  [
    "two targets in the unit",
    { target: "国民健康保険料 令和元年度目標収納率 91.2% 介護保険料 令和元年度目標収納率 98.0%", result: "国民健康保険料の収納率 90.0%", rating: 1, fires: [] },
  ],
  ["a target that is not numeric", { target: "毎年度前年度以上の歳入の確保", result: "歳入は前年度を下回った。", rating: 1, fires: [] }],
  ["発生ゼロ", { target: "不適切な事務処理事案の件数 発生ゼロをめざす。", result: "不適切な事務処理事案が2件発生した。", rating: 1, fires: [] }],
  ["an achievement rate", { target: "収納率 91.2%", result: "収納率の目標に対する達成率は99%", rating: 2, fires: [] }],
  ["a cut without 減", { target: "CO2 排出量削減(25年度比) 令和元年度 7.2%減", result: "CO2排出量は6.0%", rating: 1, fires: [] }],
  ["a plain value whose direction is unclear", { target: "超過勤務時間 前年度比 10%", result: "超過勤務時間 前年度比 8%", rating: 1, fires: [] }],
  ["② with another target that cannot be judged", { target: "区民の割合 63%", thisYear: "(目標) 毎年度実施", result: "区民の割合は70%", rating: 2, fires: [] }],
  ["no word in common", { target: "区民の割合 63%", result: "アンケートの回収率は45%", rating: 1, fires: [] }],
  ["a cumulative target", { target: "平成29年度～令和元年度の3年間で6件", result: "3年間で4件", rating: 1, fires: [] }],
  ["以上 in the result", { target: "区民の割合 60%以上", result: "区民の割合は60%以上を維持", rating: 2, fires: [] }],
  ["対象外", { target: "区民の割合 63%", result: "区民の割合は58%", rating: "na", fires: [] }],
  ["no self-evaluation yet", { target: "区民の割合 63%", result: "区民の割合は58%", rating: null, fires: [] }],
  ["no result", { target: "区民の割合 63%", result: "", rating: 1, fires: [] }],
];

describe("RESULT_VS_TARGET", () => {
  test(`the table has at least 30 phrases, firing and not (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(CASES.filter(([, c]) => c.fires.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(CASES.filter(([, c]) => c.fires.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  test.each(CASES)("%s", (_name, c) => {
    expect(check(c).map((f) => [f.params.result, f.params.target])).toEqual(c.fires);
  });

  test("a warning at the self-evaluation, naming both numbers and both cells", () => {
    const [f] = check(CASES[0][1]);
    expect(f).toMatchObject({ severity: "warning", item: 1, field: "final.achievement", sheet: "取組項目", cell: "D8" });
    expect(f.params).toMatchObject({ resultValue: 90.5, targetValue: 91.2, resultCell: "取組項目!B8", targetCell: "取組項目!B4" });
    expect(f.message).toBe(
      "取組項目1の自己評価は①（目標達成）ですが、実績「90.5%」（取組項目!B8）は目標「91.2%」（取組項目!B4）に達していません。自己評価と実績の記載を確認してください。",
    );
    const [met] = check(CASES.find(([name]) => name === "収納率: above the rate")![1]);
    expect(met.message).toContain("②（目標未達成）ですが、実績「91.5%」（取組項目!B8）は目標「91.2%」（取組項目!B4）を満たしています");
  });

  test("the target cell is the plan field the target was read from", () => {
    const [f] = check({ target: "毎年度実施", thisYear: "(目標) 区民の割合 63%", result: "区民の割合は58%", rating: 1, fires: [] });
    expect(f.params.targetCell).toBe("取組項目!E4");
  });

  test("is checked at phase final only", () => {
    const item = makeItem({ plan: { policy: "(目標) 区民の割合 63%", thisYear: "(目標) 区民の割合 63%" }, final: { result: "区民の割合は58%", achievement: 1 } });
    for (const phase of ["plan", "midyear"] as const) {
      expect(validateItems([item], FORM, phase, defaultProfile).map((f) => f.code)).not.toContain("RESULT_VS_TARGET");
    }
  });
});

describe("RESULT_VS_TARGET where people see findings", () => {
  const items = () => [
    formItem(1, {
      policy: "(趣旨・目的) 目的 (目標) 国民健康保険料 令和元年度目標収納率 91.2%",
      thisYear: "(取組の内容) 口座振替の推奨 (目標) 国民健康保険料 令和元年度目標収納率 91.2%",
      midyear: { implementation: "(i)", achievement: "①" },
      final: { result: "国民健康保険料の収納率は90.5%となった。", achievement: "①" },
    }),
  ];
  const isOurs = (f: Finding) => f.code === "RESULT_VS_TARGET";

  test("read from a workbook: the text report and the 検証結果 sheet", async () => {
    const report = checkWorkbook(await gridOf(items()), { phase: "final" });
    const [f] = report.findings.filter(isOurs);
    expect(f).toMatchObject({ item: 1, field: "final.achievement" });
    expect(f.params).toMatchObject({ result: "90.5%", target: "91.2%" });
    expect(f.params.targetCell).toMatch(/!B?[A-Z]+\d+$/);

    const text = textReport("test.xlsx", report);
    expect(text).toContain(`[警告] ${f.sheet}!${f.cell}  RESULT_VS_TARGET`);
    expect(text).toContain(f.message);

    const sheet = layoutSummary(computeSummary("test.xlsx", report, new Date(0))).find((s) => s.name === FINDINGS_SHEET)!;
    expect(JSON.stringify(sheet)).toContain("RESULT_VS_TARGET");
    expect(JSON.stringify(sheet)).toContain(f.message);
  });

  test("the task pane lists it with the other findings, in English too", async () => {
    const host = await hostOf(items());
    render(<App api={host} locale="en" />);
    await waitFor(() => expect(screen.queryByText(/Reading the workbook/)).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    const entry = await screen.findByText(/the result 「90\.5%」 .* falls short of the target 「91\.2%」/);
    expect(entry.closest("[data-code]")?.getAttribute("data-code")).toBe("RESULT_VS_TARGET");
  });
});
