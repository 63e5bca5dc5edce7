import fc from "fast-check";
import { Target } from "../../src/model/target";
import { defaultProfile } from "../../src/template/profile";
import { parseTargets, statedValues } from "../../src/template/targets";
import { tennojiR1 } from "../../tools/form/tennoji-r1";

type Expect = Pick<Target, "value" | "unit" | "comparator" | "year"> & { text?: string };

const one = (phrase: string): Target[] => parseTargets("plan.policy", `(目標) ${phrase}`);
const none = { value: null, unit: null, comparator: null, year: null };
const item = (no: number) => {
  const found = tennojiR1.find((i) => i.no === no);
  if (!found) throw new Error(`no item ${no}`);
  return { policy: String(found.policy), thisYear: String(found.thisYear) };
};
const brief = (t: Target) => [t.value, t.unit, t.comparator, t.year];

/**
 * Target phrasings of 天王寺区 令和元年度 (the seed: /work/shared/seed/tennoji-r1-shisei-kaikaku-2.0.txt, as
 * tools/form/tennoji-r1.ts prints them) and of the issue. Each is the whole (目標) part and must stay one target;
 * `text` is the phrase without its leading bullet, as written (default: the input without leading ○・①② and spaces).
 */
const PHRASES: [string, Expect][] = [
  // 取組項目1
  ["・一般管理経費のうち、特にコピー代・用紙等の事務経費について、毎年度対前年度比減の達成", { ...none, comparator: "decrease" }],
  ["・一般管理経費のうち、特にコピー代・用紙等の事務経費について、平成30年度決算額以下の達成", { ...none, comparator: "lte" }],
  // 取組項目2
  ["市全体の目標収納率を上回る収納率を確保及び毎年前年度以上の償還率の向上", { ...none, comparator: "gte" }],
  ["国民健康保険料 令和元年度目標収納率 91.2%", { value: 91.2, unit: "%", comparator: "eq", year: 2019 }],
  ["介護保険料 令和元年度目標収納率 98.0%", { value: 98, unit: "%", comparator: "eq", year: 2019 }],
  ["母子父子寡婦福祉貸付金 令和元年度目標徴収率 現年度73.6%", { value: 73.6, unit: "%", comparator: "eq", year: 2019 }],
  ["過年度10.0%", { value: 10, unit: "%", comparator: "eq", year: null }],
  // 取組項目3
  ["毎年度前年度以上の歳入の確保", { ...none, comparator: "gte" }],
  ["1,200万円の確保(令和元年度)", { value: 12_000_000, unit: "円", comparator: "eq", year: 2019 }],
  // 取組項目4 (as printed, and as the seed's markup has it)
  ["大阪市事務事業の低炭素化 CO2 排出量削減(25年度比) 令和元年度 7.2%減", { value: 7.2, unit: "%", comparator: "decrease", year: 2019 }],
  [
    "大阪市事務事業の低炭素化 CO <sub>2</sub> 排出量削減(25年度比) 令和元年度 7.2%減",
    { value: 7.2, unit: "%", comparator: "decrease", year: 2019, text: "大阪市事務事業の低炭素化 CO 2 排出量削減(25年度比) 令和元年度 7.2%減" },
  ],
  ["・環境局の取組の推進に併せ検討を行い、できるものから順次実施する。", none],
  // 取組項目5
  ["訓練等により所属業務詳細一覧等の検証をした所属の割合令和元年度 100%", { value: 100, unit: "%", comparator: "eq", year: 2019 }],
  ["上記検証により、業務実施マニュアルが災害時の業務継続に有効なものであることを確認する。", none],
  // 取組項目6
  ["超過勤務削減 対前年度比減", { ...none, comparator: "decrease" }],
  // 取組項目7
  ["毎年度計画的に施策・事業の点検を実施", none],
  ["PD“L”CAサイクルによる点検 年1回", { value: 1, unit: "回", comparator: "eq", year: null }],
  // 取組項目8
  ["毎年度計画的に実施", none],
  [
    "適切な業務執行、服務規律の確保、区民への説明責任ができていと考えている職員の割合100%",
    { value: 100, unit: "%", comparator: "eq", year: null },
  ],
  // 取組項目9, 10
  ["効率的な業務体制の確保", none],
  ["適正な職員配置", none],
  ["毎年度実施", none],
  ["随時実施", none],
  // 取組項目11: the label, the 【year】 heading and the bare value are one target
  [
    "○ 自治会・町内会単位の活動に参加している区民のうち、自治会・町内会単位の活動に対する市からの支援が役に立っていると感じている区民の割合 【令和元年度】 ・63%",
    { value: 63, unit: "%", comparator: "eq", year: 2019 },
  ],
  // 取組項目12
  ["○ 地縁型団体が行う活動に参加している区民の割合\n【令和元年度】 ・25%以上", { value: 25, unit: "%", comparator: "gte", year: 2019 }],
  [
    "【令和元年度】 ○ 自らの活動が地域の活性化に寄与していると感じる地域リーダーの割合 60%以上",
    { value: 60, unit: "%", comparator: "gte", year: 2019, text: "自らの活動が地域の活性化に寄与していると感じる地域リーダーの割合 60%以上" },
  ],
  ["○ 区ホームページや広報紙での情報発信、毎月1回", { value: 1, unit: "回", comparator: "eq", year: null }],
  ["○ ICTを活用した市民との対話を促進する取組が新たに創出された件数：1件", { value: 1, unit: "件", comparator: "eq", year: null }],
  // 取組項目13
  [
    "○ 各団体により地域の特性や課題に応じた活動が進められていると感じている区民の割合\n【令和元年度】 ・48%以上",
    { value: 48, unit: "%", comparator: "gte", year: 2019 },
  ],
  ["○ 受嘱者に対し、委嘱業務の趣旨・目的を説明する機会の創出 1回", { value: 1, unit: "回", comparator: "eq", year: null }],
  [
    "○ 地域活動協議会補助金の趣旨について、地域活動協議会の会議の場などで説明を行った回数 : 1回",
    { value: 1, unit: "回", comparator: "eq", year: null },
  ],
  ["○ 市民活動総合ポータルサイトへの各団体の登録件数 : 1件", { value: 1, unit: "件", comparator: "eq", year: null }],
  // 取組項目14
  ["○ 区の市民活動支援情報提供窓口への問合せ件数\n【令和元年度】 ・9件", { value: 9, unit: "件", comparator: "eq", year: 2019 }],
  ["○ 区の窓口への問合せ件数 9件", { value: 9, unit: "件", comparator: "eq", year: null }],
  // 取組項目15, 16, 17
  [
    "○ 新たに地域活動協議会とNPO及び企業等とが連携した取組を行った件数 【令和元年度】 ・5件",
    { value: 5, unit: "件", comparator: "eq", year: 2019 },
  ],
  ["○ 派遣型の地域公共人材が活用された件数 【令和元年度】 ・1件", { value: 1, unit: "件", comparator: "eq", year: 2019 }],
  [
    "○ 区が関与したCB/SB起案件数及び、社会的ビジネス化事業創出件数【令和元年度】 ・1件",
    { value: 1, unit: "件", comparator: "eq", year: 2019 },
  ],
  ["平成29年度～令和元年度の3年間で6件", { value: 6, unit: "件", comparator: "eq", year: 2019 }],
  // 取組項目18
  [
    "○ 自校において、学校の実情に応じた教育が行われ教育内容がより充実したと感じる区内小・中学校長の割合 100%",
    { value: 100, unit: "%", comparator: "eq", year: null },
  ],
  [
    "○ 委員を務める学校において、学校の実情に応じた教育が行われ教育内容がより充実したと感じる区内小・中学校の学校協議会委員の割合 97.6%",
    { value: 97.6, unit: "%", comparator: "eq", year: null },
  ],
  // 取組項目19: the asides (公表ベース), (平成30年度 2件), (※…2.0…P68の再掲) say nothing about the target
  ["①不適切な事務処理事案の件数(公表ベース) 発生ゼロをめざす。(平成30年度 2件)", { ...none, comparator: "zero" }],
  [
    "②日頃からPDCAサイクルを意識して業務に取り組んでいる職員の割合(※「市政改革プラン2.0-新たな価値を生み出す改革-」P68の再掲) 令和元年度 85%",
    { value: 85, unit: "%", comparator: "eq", year: 2019 },
  ],
  // The issue
  ["令和元年度目標収納率 91.2%", { value: 91.2, unit: "%", comparator: "eq", year: 2019 }],
  ["25%以上", { value: 25, unit: "%", comparator: "gte", year: null }],
  ["7.2%減", { value: 7.2, unit: "%", comparator: "decrease", year: null }],
  ["年1回", { value: 1, unit: "回", comparator: "eq", year: null }],
  ["5件", { value: 5, unit: "件", comparator: "eq", year: null }],
  ["100%", { value: 100, unit: "%", comparator: "eq", year: null }],
  ["対前年度比減", { ...none, comparator: "decrease" }],
  ["発生ゼロをめざす", { ...none, comparator: "zero" }],
  // Eras, full width, 万/億, other comparators
  ["令和2年度 10件", { value: 10, unit: "件", comparator: "eq", year: 2020 }],
  ["平成30年度 3回以上", { value: 3, unit: "回", comparator: "gte", year: 2018 }],
  ["平成31年度 80%以上", { value: 80, unit: "%", comparator: "gte", year: 2019 }],
  ["R2 受講者 150人", { value: 150, unit: "人", comparator: "eq", year: 2020 }],
  ["元年度 相談件数 ２０件以下", { value: 20, unit: "件", comparator: "lte", year: 2019 }],
  ["（令和元年度） 参加者 １，２００人", { value: 1200, unit: "人", comparator: "eq", year: 2019 }],
  ["2020年度 満足度 70％", { value: 70, unit: "%", comparator: "eq", year: 2020 }],
  ["寄附金 1億2,000万円", { value: 120_000_000, unit: "円", comparator: "eq", year: null }],
  ["経費 5千万円以内", { value: 50_000_000, unit: "円", comparator: "lte", year: null }],
  ["来場者数 3万人", { value: 30_000, unit: "人", comparator: "eq", year: null }],
  ["対前年度比 5%増", { value: 5, unit: "%", comparator: "increase", year: null }],
  ["超過勤務時間 10%削減(平成30年度比)", { value: 10, unit: "%", comparator: "decrease", year: null }],
  ["事故件数 0件", { value: 0, unit: "件", comparator: "eq", year: null }],
  ["第2回 会議の開催", none],
  ["窓口の満足度の向上", { ...none, comparator: "increase" }],
];

describe("parseTargets: one phrase each", () => {
  test("the table holds at least 30 phrasings of the seed and all of the issue's", () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(30 + 8);
  });

  test.each(PHRASES)("%s", (phrase, expected) => {
    const targets = one(phrase);
    expect(targets).toHaveLength(1);
    const [target] = targets;
    const { text = phrase.replace(/^[\s○・①②]+/u, "").trim(), ...parsed } = expected;
    expect(target).toEqual({ field: "plan.policy", text, ...parsed });
    expect(() => Target.parse(target)).not.toThrow();
  });
});

describe("the (目標) parts of a field", () => {
  const texts = (field: string, targetMarkers?: string[]) =>
    parseTargets("plan.policy", field, targetMarkers && { ...defaultProfile, targetMarkers }).map((t) => t.text);

  test("the text after the marker, to the end", () => {
    expect(texts("(趣旨・目的) 目的 (取組の概要) 概要 (目標) ・毎年度対前年度比減の達成")).toEqual(["毎年度対前年度比減の達成"]);
  });

  test("no marker: no target (TARGET_MISSING)", () => {
    expect(texts("(趣旨・目的) 目的 (取組の概要) 概要")).toEqual([]);
    expect(texts("目標 5件")).toEqual([]);
    expect(texts("")).toEqual([]);
  });

  test("full width （目標） and spaces inside the brackets count; the text is kept as written", () => {
    expect(texts("（取組の内容） 実施 （目標） 年１回")).toEqual(["年１回"]);
    expect(texts("( 目標 )\n５件")).toEqual(["５件"]);
    expect(texts("(目 標) 1件")).toEqual(["1件"]);
  });

  test("ends at the next section marker, but not at asides", () => {
    expect(texts("(目標) 毎年度実施 (取組の内容) 適正化チームによる調査")).toEqual(["毎年度実施"]);
    expect(texts("(目標) 5件 （取組の概要） 概要")).toEqual(["5件"]);
    expect(texts("(目標) 5件 （ 取組の 概要 ） 概要")).toEqual(["5件"]);
    expect(texts("(目標) CO2 排出量削減(25年度比) 令和元年度 7.2%減")).toEqual(["CO2 排出量削減(25年度比) 令和元年度 7.2%減"]);
    expect(texts("(目標) 1,200万円の確保(令和元年度)")).toEqual(["1,200万円の確保(令和元年度)"]);
    expect(texts("(目標) ①件数(公表ベース) 発生ゼロをめざす。(平成30年度 2件)")).toEqual(["件数(公表ベース) 発生ゼロをめざす。(平成30年度 2件)"]);
  });

  test.each([["【", "】"], ["［", "］"], ["[", "]"], ["〔", "〕"], ["＜", "＞"], ["<", ">"], ["〈", "〉"], ["《", "》"], ["≪", "≫"]])(
    "markers and section markers printed in %s…%s are (目標) and (取組の内容)",
    (open, close) => {
      expect(texts(`${open}取組の内容${close} 実施 ${open}目標${close} 年１回 ${open}取組の概要${close} 概要`)).toEqual(["年１回"]);
      expect(texts(`${open}目標${close} 5件 ${open} 目 標 ${close}25%以上`)).toEqual(["5件", "25%以上"]);
    },
  );

  test("a marker or section printed as a heading at a line's start, without brackets (「目標：」, 「■目標」 alone on its line)", () => {
    expect(texts("(取組の内容) 実施\n目標：年1回")).toEqual(["年1回"]);
    expect(texts("目標: 5件")).toEqual(["5件"]);
    expect(texts("(趣旨・目的) 目的\n■目標\n5件\n■取組の内容\n窓口の開設")).toEqual(["5件"]);
    expect(texts("(趣旨・目的) 目的\n◆ 目標 ： 相談件数 100件以上\n◆取組の内容：相談窓口")).toEqual(["相談件数 100件以上"]);
    expect(texts("(目標) 5件\n参考：前年度 3件")).toEqual(["5件"]);
    // Not at a line's start, or a word that goes on: no heading.
    expect(texts("区の目標：安全なまち (目標) 5件")).toEqual(["5件"]);
    expect(texts("(取組の内容) 実施\n目標達成に向けて 5件")).toEqual([]);
  });

  test("(目標値) and (数値目標) are markers too; brackets of two kinds are no marker", () => {
    expect(texts("(取組の内容) 実施 (目標値) 年1回 (数値目標) 5件")).toEqual(["年1回", "5件"]);
    expect(texts("【目標) 5件")).toEqual([]);
    expect(texts("(目標】 5件")).toEqual([]);
  });

  test("several markers: every part", () => {
    expect(texts("(趣旨・目的) 目的 (目標) 対前年度比減 (取組の内容) 内容 (目標) 年1回")).toEqual(["対前年度比減", "年1回"]);
    expect(texts("(目標) 5件 (目標) 25%以上")).toEqual(["5件", "25%以上"]);
  });

  test("a marker with nothing after it gives no target", () => {
    expect(texts("(取組の内容) 内容 (目標)")).toEqual([]);
    expect(texts("(目標) (取組の内容) 内容")).toEqual([]);
  });

  test("the profile's markers", () => {
    expect(texts("【目標】 5件", ["【目標】"])).toEqual(["5件"]);
    expect(texts("(目標) 5件", ["【目標】"])).toEqual([]);
    expect(texts("〈目標〉 3回", ["(目標)", "〈目標〉"])).toEqual(["3回"]);
    expect(texts("(目標) 5件", [""])).toEqual([]);
    // Compared as normalize() compares: 全角, case and white space do not count.
    expect(texts("（ＴＡＲＧＥＴ） 5件 （ ｔａｒｇｅｔ ） 6件", ["(Target)"])).toEqual(["5件", "6件"]);
  });

  test("markers and sections are found alike in the NFKC fold (keys without case) and in the compact fold (a key with case)", () => {
    // A marker with case that no text holds sends the profile down the compact fold's path; nothing else differs.
    const cased = { ...defaultProfile, targetMarkers: [...defaultProfile.targetMarkers, "(Never)"] };
    const piece = fc.constantFrom(
      "(目標)", "（目標）", "( 目 標 )", "（ 目\n標 ）", "(取組の内容)", "（取組の 概要）", "( 趣旨 )", "(参考)", "㈱", "⑴", "(1)", " ", "　", "\n",
      "・", "○", "①", "5件", "１２％", "令和元年度", "以上", "İ", "\u0307", "ｶﾞ", "\u3099", "Ａ", "目", "標", "(", "）", "<p>", "😀", "\ud800",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join("")), (text) => {
        expect(parseTargets("plan.policy", text, cased)).toEqual(parseTargets("plan.policy", text));
      }),
      { numRuns: 3000 },
    );
  });

  test("HTML at the edges of a part (the seed's <p>) is dropped", () => {
    expect(texts("<p>(取組の内容) 内容</p> <p>(目標) ○ 件数 【令和元年度】 ・1件</p>")).toEqual(["件数 【令和元年度】 ・1件"]);
  });
});

describe("the profile's target words", () => {
  const words = (extra: Partial<typeof defaultProfile>) => ({ ...defaultProfile, ...extra });
  test("a unit the profile adds is read, counted in the unit it names", () => {
    const profile = words({ targetUnits: { ...defaultProfile.targetUnits, ブース: "ブース", 区画: "ブース" } });
    expect(parseTargets("plan.policy", "(目標) 出展 30区画", profile).map(brief)).toEqual([[30, "ブース", "eq", null]]);
    expect(parseTargets("plan.policy", "(目標) 出展 30区画").map(brief)).toEqual([[null, null, null, null]]);
  });
  test("a section the profile adds ends a (目標) part", () => {
    const profile = words({ targetSections: [...defaultProfile.targetSections, "スケジュール"] });
    expect(parseTargets("plan.policy", "(目標) 5件 (スケジュール) 6月", profile).map((t) => t.text)).toEqual(["5件"]);
  });
  test("comparator words the profile adds, after a value and in a phrase", () => {
    const { afterValue, inPhrase } = defaultProfile.targetComparators;
    const profile = words({
      targetComparators: { afterValue: { ...afterValue, gte: [...afterValue.gte, "超過"] }, inPhrase: { ...inPhrase, decrease: [...inPhrase.decrease, "圧縮"] } },
    });
    expect(parseTargets("plan.policy", "(目標) 5件超過", profile).map(brief)).toEqual([[5, "件", "gte", null]]);
    expect(parseTargets("plan.policy", "(目標) 経費の圧縮", profile).map(brief)).toEqual([[null, null, "decrease", null]]);
  });
});

describe("parseTargets: splitting a field", () => {
  test("no marker, no targets", () => {
    expect(parseTargets("plan.thisYear", "(取組の内容) 年1回実施する")).toEqual([]);
    expect(parseTargets("plan.thisYear", "")).toEqual([]);
  });

  test("the field is the one asked for", () => {
    expect(parseTargets("plan.thisYear", "（目標） 年1回")).toEqual([
      { field: "plan.thisYear", text: "年1回", value: 1, unit: "回", comparator: "eq", year: null },
    ]);
  });

  test("item 13's thisYear target list: six ○ phrases under 【令和元年度】", () => {
    const targets = parseTargets("plan.thisYear", item(13).thisYear);
    expect(targets.map((t) => t.text)).toEqual([
      "受嘱者に対し、委嘱業務の趣旨・目的を説明する機会の創出 1回",
      "地域活動協議会補助金の趣旨について、地域活動協議会の会議の場などで説明を行った回数 : 1回",
      "各団体に対して、活動が形骸化することのないよう活動目的を改めて確認するきっかけとなる機会を作った回数 : 1回",
      "市民活動総合ポータルサイトへの各団体の登録件数 : 1件",
      "各団体に対し、短時間や短期間だけ活動に参加できるなど、誰もが気軽に活動に参加できるための仕組みや工夫に関する情報を提供する回数 : 1回",
      "各団体により地域の特性や課題に応じた活動が進められていると感じている区民の割合 ・48%以上",
    ]);
    expect(targets.map(brief)).toEqual([
      [1, "回", "eq", 2019],
      [1, "回", "eq", 2019],
      [1, "回", "eq", 2019],
      [1, "件", "eq", 2019],
      [1, "回", "eq", 2019],
      [48, "%", "gte", 2019],
    ]);
  });

  test("item 12's thisYear: four ○ phrases, the last with its ・ value", () => {
    expect(parseTargets("plan.thisYear", item(12).thisYear).map(brief)).toEqual([
      [60, "%", "gte", 2019],
      [1, "回", "eq", 2019],
      [1, "件", "eq", 2019],
      [25, "%", "gte", 2019],
    ]);
  });

  test("item 2's thisYear: two ・ bullets holding four values", () => {
    const targets = parseTargets("plan.thisYear", item(2).thisYear);
    expect(targets.map((t) => t.text)).toEqual([
      "市全体の目標収納率を上回る収納率を確保 国民健康保険料 令和元年度目標収納率 91.2%",
      "介護保険料 令和元年度目標収納率 98.0%",
      "行政区別目標徴収率を確保 母子父子寡婦福祉貸付金 令和元年度目標徴収率 現年度73.6%",
      "過年度10.0%",
    ]);
    // 過年度10.0% has no year of its own: it is the 令和元年度 rate of the same bullet.
    expect(targets.map(brief)).toEqual([
      [91.2, "%", "eq", 2019],
      [98, "%", "eq", 2019],
      [73.6, "%", "eq", 2019],
      [10, "%", "eq", 2019],
    ]);
  });

  test("item 17's policy: the 令和元年度 count and the 3-year total", () => {
    expect(parseTargets("plan.policy", item(17).policy)).toEqual([
      {
        field: "plan.policy",
        text: "区が関与したCB/SB起案件数及び、社会的ビジネス化事業創出件数【令和元年度】 ・1件",
        value: 1,
        unit: "件",
        comparator: "eq",
        year: 2019,
      },
      { field: "plan.policy", text: "平成29年度～令和元年度の3年間で6件", value: 6, unit: "件", comparator: "eq", year: 2019 },
    ]);
  });

  test("item 19: ① and ② are two targets", () => {
    expect(parseTargets("plan.thisYear", item(19).thisYear).map(brief)).toEqual([
      [null, null, "zero", null],
      [85, "%", "eq", 2019],
    ]);
  });

  test("item 18: three ○ percentages", () => {
    expect(parseTargets("plan.policy", item(18).policy).map((t) => t.value)).toEqual([100, 97.6, 100]);
  });

  test("the seed's HTML markup: <p> is a line break, the year heading sits in its own paragraph", () => {
    const field =
      "<p>(取組の内容)</p> <p>① 委嘱制度の再検討</p> <p>(目標) ○ 各団体により地域の特性や課題に応じた活動が進められていると感じている区民の割合</p> <p>【令和元年度】 ・48%以上</p>";
    const [target, ...rest] = parseTargets("plan.policy", field);
    expect(rest).toEqual([]);
    expect(target).toMatchObject({ value: 48, unit: "%", comparator: "gte", year: 2019 });
    expect(target.text).not.toMatch(/<|>/);
  });

  test("・ inside words does not split; ・ after a space does", () => {
    expect(one("・コピー代・用紙等の削減").map((t) => t.text)).toEqual(["コピー代・用紙等の削減"]);
    expect(one("・講座の開催 年2回 ・参加者 50人").map(brief)).toEqual([
      [2, "回", "eq", null],
      [50, "人", "eq", null],
    ]);
  });

  test("line breaks, ①②, (1)(2) and 、 between values split", () => {
    expect(one("相談件数 20件\n講座 3回").map((t) => t.value)).toEqual([20, 3]);
    expect(one("①相談件数 20件 ②講座 3回").map((t) => t.value)).toEqual([20, 3]);
    expect(one("(1) 相談件数 20件 (2) 講座 3回").map((t) => t.value)).toEqual([20, 3]);
    expect(one("国民健康保険料 91.2%、介護保険料 98.0%").map((t) => t.text)).toEqual(["国民健康保険料 91.2%", "介護保険料 98.0%"]);
  });

  test("a 【…年度】 heading holds until the next one; a year on its own line is a heading too", () => {
    expect(one("【令和元年度】 ○ 5件 【令和2年度】 ○ 6件 ○ 7件").map((t) => t.year)).toEqual([2019, 2020, 2020]);
    expect(one("令和2年度\n・相談 5件\n・講座 3回").map(brief)).toEqual([
      [5, "件", "eq", 2020],
      [3, "回", "eq", 2020],
    ]);
    expect(one("【重点】 5件")).toMatchObject([{ text: "【重点】 5件", value: 5 }]);
    // A section marker in 【】 ends the part as in (): what follows 【参考】 is no target.
    expect(one("5件 【参考】 前年度 3件").map((t) => t.text)).toEqual(["5件"]);
  });

  test("headings do not carry from one (目標) part to the next", () => {
    const targets = parseTargets("plan.policy", "(目標) 【令和元年度】 ○ 5件 (取組の内容) 内容 (目標) ○ 6件");
    expect(targets.map((t) => t.year)).toEqual([2019, null]);
  });

  test("every seed target is a valid Target and every plan field has at least one", () => {
    for (const no of tennojiR1.map((i) => Number(i.no))) {
      const { policy, thisYear } = item(no);
      for (const [field, text] of [["plan.policy", policy], ["plan.thisYear", thisYear]] as const) {
        const targets = parseTargets(field, text);
        expect(targets.length).toBeGreaterThan(0);
        for (const t of targets) expect(Target.parse(t)).toEqual(t);
      }
    }
  });
});

describe("robustness: never throws, always valid", () => {
  const check = (text: string) => {
    for (const field of ["plan.policy", "plan.thisYear"] as const) {
      const targets = parseTargets(field, text);
      for (const t of targets) {
        expect(Target.safeParse(t).success).toBe(true);
        expect(t.field).toBe(field);
      }
    }
  };

  const pieces = fc.constantFrom(
    "(目標)", "（目標）", "(取組の内容)", "(", ")", "（", "）", "【", "】", "【令和元年度】", "○", "・", "①", "⑳", "㉑", "\n", " ", "\u3000",
    "5件", "1,200万円", "1億", "万", "千", "兆", "%", "％", "以上", "減", "ゼロ", "令和", "元", "年度", "平成", "R", "H", "2019", "99999999999999999999",
    "1e400", "0.", ".5", ",", "<p>", "</p>", "<sub>", "<", ">", "CO2", "第", "比", "決算", "\u0000", "\uFEFF", "\uD800", "\uDC00", "e\u0301", "ｶﾞ",
    "㍻", "㌫", "²", "\u202E", "𠮷", "🙂", "\r\n",
  );
  const oddText = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.array(pieces, { maxLength: 40 }).map((a) => a.join("")),
    fc.array(pieces, { maxLength: 40 }).map((a) => `(目標) ${a.join("")}`),
  );

  test("generated text", () => {
    fc.assert(fc.property(oddText, (text) => check(text)), { numRuns: 1500 });
  });

  test("odd values at run time (not strings, odd markers)", () => {
    for (const value of [undefined, null, 5, {}, [], true] as unknown as string[]) {
      expect(parseTargets("plan.policy", value)).toEqual([]);
    }
    const markers = (targetMarkers: unknown) => ({ ...defaultProfile, targetMarkers: targetMarkers as string[] });
    expect(parseTargets("plan.policy", "(目標) 5件", markers(null)).map((t) => t.text)).toEqual(["5件"]);
    expect(parseTargets("plan.policy", "(目標) 5件", markers([5, ""]))).toEqual([]);
  });

  test("numbers too large are no value; years out of range are no year", () => {
    const [big] = one(`${"9".repeat(400)}件`);
    expect(big).toMatchObject({ value: null, unit: null });
    const [far] = one("令和99999年度 5件");
    expect(Target.parse(far)).toEqual(far);
  });

  test("huge inputs finish quickly", () => {
    const started = Date.now();
    const huge = [
      "x".repeat(200_000),
      `(目標) ${"1件 ".repeat(20_000)}`,
      `(目標) ${"1".repeat(100_000)}`,
      `(目標) ${"1万".repeat(50_000)}`,
      `(目標) ${"1,111".repeat(20_000)}`,
      `(目標) ${"(".repeat(50_000)}${")".repeat(50_000)}`,
      `(目標) ${"・".repeat(100_000)}`,
      `(目標) ${"令和 ".repeat(30_000)}`,
      `(目標) ${"<a".repeat(50_000)}`,
      `(目標) ${" ".repeat(100_000)}x${" ".repeat(100_000)}`,
      "(目標)".repeat(30_000),
      `(目標) ${"【".repeat(50_000)}`,
      `(目標) ${"e\u0301".repeat(50_000)}`,
    ];
    for (const text of huge) check(text);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});


describe("statedValues on the longest cell Excel holds", () => {
  test("32,767 characters of values and no sentence end: every value, each in the one sentence, in bounded time", () => {
    // "Total number of characters that a cell can contain: 32,767 characters" (Excel specifications and limits).
    // Each value once looked for its sentence's end from itself: 16,000 values × 32,000 characters took seconds.
    const text = `収納率 ${"1%".repeat(16_381)}`;
    expect(text.length).toBeLessThanOrEqual(32_767);
    const start = Date.now();
    const stated = statedValues(text);
    // A bound, not a speed goal (npm run bench measures speed): tens of milliseconds now, 7 s and more before.
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(stated).toHaveLength(16_381);
    expect(stated[0].sentence.length).toBe(text.length);
    expect(stated[stated.length - 1].sentence).toBe(stated[0].sentence);
  });
});
