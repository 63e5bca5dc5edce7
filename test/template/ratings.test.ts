import { defaultProfile } from "../../src/template/profile";
import { namedLevels, parseRating, tickedChoice } from "../../src/template/ratings";
import { normalize } from "../../src/template/text";

const { achievement, implementation } = defaultProfile.scales;
/** A legend names two or more levels of the scale in one cell, as the reader tells a legend from a rating. */
const isLegend = (text: string, scale = achievement) => namedLevels(normalize(text), scale).length >= 2;
const value = (text: string, scale = achievement) => parseRating(text, scale, defaultProfile);

describe("parseRating: the normalisation table", () => {
  test.each([
    ["①", 1], ["1", 1], ["１", 1], ["(1)", 1], ["（１）", 1], ["①:達成見込み", 1], ["① 達成見込み", 1],
    ["達成見込み", 1], ["目標達成", 1], ["⑴", 1], [" ① ", 1],
    ["②", 2], ["2", 2], ["２", 2], ["(2)", 2], ["（２）", 2], ["②:達成できない見込み", 2],
    ["達成できない見込み", 2], ["目標未達成", 2], ["②：目標未達成", 2],
    ["①（目標達成）", 1], ["① (達成見込み)", 1], ["②(目標未達成)", 2], ["(2)（達成できない見込み）", 2],
  ])("achievement %p → %p", (text, expected) => {
    expect(value(text)).toEqual({ kind: "value", value: expected });
  });

  test.each([
    ["(i)", "i"], ["i", "i"], ["ⅰ", "i"], ["(ⅰ)", "i"], ["（ｉ）", "i"], ["実施見込み", "i"], ["I", "i"],
    ["(i)実施見込み", "i"],
    ["(ii)", "ii"], ["ii", "ii"], ["ⅱ", "ii"], ["(ⅱ)", "ii"], ["（ｉｉ）", "ii"], ["実施できない見込み", "ii"],
  ])("implementation %p → %p", (text, expected) => {
    expect(value(text, implementation)).toEqual({ kind: "value", value: expected });
  });

  test.each(["", "  ", "—", "-", "ー", "－", "―"])("%p is empty", (text) => {
    expect(value(text)).toEqual({ kind: "empty" });
    expect(value(text, implementation)).toEqual({ kind: "empty" });
  });

  test.each(["対象外", "該当なし", "N/A", "n/a"])("%p is not applicable", (text) => {
    expect(value(text)).toEqual({ kind: "value", value: "na" });
  });

  test.each([
    "③", "3", "はい", "11", "①:達成できない見込み", "①:達成見込み ②:達成できない見込み", "(iii)", "○",
    "①（目標未達成）", "①()", "①((目標達成))",
  ])("achievement %p is invalid", (text) => {
    expect(value(text)).toEqual({ kind: "invalid" });
  });

  test.each(["1", "①", "(i)(ii)", "(i)実施見込み (ii)実施できない見込み"])("implementation %p is invalid", (text) => {
    expect(value(text, implementation)).toEqual({ kind: "invalid" });
  });
});

describe("tickedChoice: a legend answered by ticking one option", () => {
  const ticked = (text: string, scale = achievement) => tickedChoice(normalize(text), scale, defaultProfile);
  test.each([
    ["☑①目標達成　☐②目標未達成", 1, achievement],
    ["☐①:目標達成 ☑②:目標未達成", 2, achievement],
    ["■①:達成見込み □②:達成できない見込み", 1, achievement],
    ["○① 達成見込み ● ② 達成できない見込み", 2, achievement],
    ["①目標達成 ✓②目標未達成", 2, achievement],
    ["☑目標達成 □目標未達成", 1, achievement],
    ["✔（２）", 2, achievement],
    ["□(i)実施見込み ■(ii)実施できない見込み", "ii", implementation],
    ["☒ⅰ 実施見込み ☐ⅱ 実施できない見込み", "i", implementation],
  ] as const)("%p → %p, and parseRating reads it so", (text, expected, scale) => {
    expect(ticked(text, scale)).toEqual({ kind: "value", value: expected });
    expect(value(text, scale)).toEqual({ kind: "value", value: expected });
  });

  test.each(["☑①目標達成 ☑②目標未達成", "■①:目標達成 ■②:目標未達成"])("%p names both levels: invalid", (text) => {
    expect(ticked(text)).toEqual({ kind: "invalid" });
  });

  test.each(["①:目標達成 ②:目標未達成", "☐①:目標達成 ☐②:目標未達成", "凡例 ①目標達成 ②目標未達成", "■ 達成状況", "☑③", "☑①:目標未達成"])(
    "%p ticks no option of the scale: null",
    (text) => expect(ticked(text)).toBeNull(),
  );
});

describe("isLegend", () => {
  test.each([
    ["①:達成見込み ②:達成できない見込み", true],
    ["①: 目標達成 ②: 目標未達成", true],
    ["① 達成見込み\n② 達成できない見込み", true],
    ["①", false],
    ["目標未達成", false],
    ["達成見込み", false],
  ])("%p → %p", (text, expected) => {
    expect(isLegend(text, achievement)).toBe(expected);
  });

  test("implementation legend", () => {
    expect(isLegend("(i)実施見込み (ii)実施できない見込み", implementation)).toBe(true);
    expect(isLegend("(i)", implementation)).toBe(false);
  });
});
