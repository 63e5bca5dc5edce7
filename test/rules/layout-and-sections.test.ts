import type { FieldName, Finding, FieldSource, Item, Phase } from "../../src/model";
import { inferPhase, validateItems } from "../../src/rules";
import { defaultProfile } from "../../src/template/profile";
import { makeItem, NO_FORM, source } from "../support/items";

const check = (items: Item[], phase: Phase) => validateItems(items, NO_FORM, phase, defaultProfile);
const found = (findings: Finding[]) => findings.map((f) => [f.code, f.item, f.field]);

const MIDYEAR: FieldName[] = ["midyear.implementation", "midyear.achievement", "midyear.remark"];
/** An item whose form rows have no 中間振り返り: none of its mid-year fields was found. */
const withoutMidyear = (no: number) =>
  makeItem({ no, midyear: { implementation: null, achievement: null, remark: null }, sources: Object.fromEntries(MIDYEAR.map((f) => [f, undefined])) });

const ambiguous = (reason: "several" | "none", cells: string[]): FieldSource => source("", { cell: cells[0] ?? "D10", ambiguous: { reason, cells } });

describe("LAYOUT_AMBIGUOUS", () => {
  test.each<[string, Item, Phase, (string | number | null)[][]]>([
    ["a complete item", makeItem(), "final", []],
    [
      "two cells hold ratings: a warning naming both, and no RATING_MISSING beside it",
      makeItem({ final: { achievement: null }, sources: { "final.achievement": ambiguous("several", ["D10", "C11"]) } }),
      "final",
      [["LAYOUT_AMBIGUOUS", 1, "final.achievement"]],
    ],
    [
      "no cell fits, at phase plan too",
      makeItem({ midyear: { achievement: null }, sources: { "midyear.achievement": ambiguous("none", ["C6"]) } }),
      "plan",
      [["LAYOUT_AMBIGUOUS", 1, "midyear.achievement"]],
    ],
  ])("%s", (_name, item, phase, expected) => {
    expect(found(check([item], phase))).toEqual(expected);
  });

  test("the message names the candidate cells, and says when there were none to look at", () => {
    const [several] = check([makeItem({ final: { achievement: null }, sources: { "final.achievement": ambiguous("several", ["D10", "C11"]) } })], "final");
    expect(several).toMatchObject({ severity: "warning", cell: "D10", params: { reason: "several", cells: "D10・C11" } });
    expect(several.message).toBe("取組項目1の「自己評価」は、D10・C11 のどのセルの値か判断できません（どれにも評価が入っています）。評価は1つのセルにだけ入力してください。");
    const [none] = check([makeItem({ final: { achievement: null }, sources: { "final.achievement": ambiguous("none", []) } })], "final");
    expect(none.message).toBe(
      "取組項目1の「自己評価」の値を入れるセルが見つかりません。様式の配置を確認してください（配置が違う様式はプロファイルの placement で指定できます）。",
    );
  });

  test("phase inference counts two ratings as filled in, a layout with no cell for the value as not", () => {
    const several = makeItem({ final: { achievement: null }, sources: { "final.achievement": ambiguous("several", ["D10", "C11"]) } });
    const none = makeItem({ final: { achievement: null }, sources: { "final.achievement": ambiguous("none", []) } });
    expect(inferPhase([several])).toBe("final");
    expect(inferPhase([none])).toBe("midyear");
  });
});

describe("SECTION_MISSING and forms without a section", () => {
  test.each<[string, Item[], Phase, (string | number | null)[][]]>([
    ["every item has every section", [makeItem({ no: 1 }), makeItem({ no: 2 })], "final", []],
    ["no item has 中間振り返り: nothing mid-year is asked, at any phase", [withoutMidyear(1), withoutMidyear(2)], "final", []],
    ["no item has 中間振り返り, phase midyear", [withoutMidyear(1), withoutMidyear(2)], "midyear", []],
    [
      "one item lacks the 中間振り返り its siblings have: one error at its heading, not one per field",
      [makeItem({ no: 1 }), makeItem({ no: 2 }), withoutMidyear(3)],
      "midyear",
      [["SECTION_MISSING", 3, null]],
    ],
    [
      "one item lacks the 自己評価: said at phase plan already",
      [makeItem({ no: 1 }), makeItem({ no: 2, final: { result: null, achievement: null, remark: null }, sources: { "final.result": undefined, "final.achievement": undefined, "final.remark": undefined } })],
      "plan",
      [["SECTION_MISSING", 2, null]],
    ],
  ])("%s", (_name, items, phase, expected) => {
    expect(found(check(items, phase))).toEqual(expected);
  });

  test("the message names the section and how many siblings have it", () => {
    const [f] = check([makeItem({ no: 1 }), makeItem({ no: 2 }), withoutMidyear(3)], "plan");
    expect(f).toMatchObject({ severity: "error", item: 3, params: { section: "中間振り返り", sectionEn: "Mid-year review", others: 2 } });
    expect(f.message).toBe("取組項目3に「中間振り返り」の欄がありません（同じ様式の他の取組項目 2 件にはあります）。行や見出しが削除されていないか確認し、元に戻してください。");
  });
});
