import { levelTexts } from "../../src/entry/levels";
import { resolveProfile } from "../../src/template/profile";

const profile = resolveProfile();
const { implementation, achievement } = profile.scales;
const texts = (map: Map<unknown, string>) => [...map.values()];

describe("the levels as the workbook writes them", () => {
  test.each<[string, string[], string[]]>([
    ["(i) and (ii)", ["(i)", "(ii)", "(i)"], ["(i)", "(ii)"]],
    ["(ⅰ) (small roman numerals)", ["(ⅰ)", "(ⅰ)"], ["(ⅰ)", "(ⅱ)"]],
    ["（ⅱ） in full-width brackets", ["（ⅱ）"], ["（ⅰ）", "（ⅱ）"]],
    ["ⅰ alone", ["ⅰ"], ["ⅰ", "ⅱ"]],
    ["most cells win", ["(ⅰ)", "(i)", "(i)"], ["(i)", "(ii)"]],
    ["cells that say nothing (empty, 対象外, ③)", ["", "対象外", "③"], ["(i)", "(ii)"]],
  ])("implementation: %s", (_, cells, expected) => expect(texts(levelTexts(implementation, profile, cells))).toEqual(expected));

  test.each<[string, string[], string[]]>([
    ["① and ②", ["①", "②"], ["①", "②"]],
    ["full-width digits", ["１"], ["１", "２"]],
    ["ASCII digits", ["2", "1"], ["1", "2"]],
    ["(1)", ["(1)"], ["(1)", "(2)"]],
  ])("achievement: %s", (_, cells, expected) => expect(texts(levelTexts(achievement, profile, cells))).toEqual(expected));

  test("no cell filled: the legends say; no legend: ① and (i)", () => {
    expect(texts(levelTexts(implementation, profile, [], ["(ⅰ)実施見込み (ⅱ)実施できない見込み"]))).toEqual(["(ⅰ)", "(ⅱ)"]);
    expect(texts(levelTexts(achievement, profile, [], ["1:達成見込み 2:達成できない見込み"]))).toEqual(["1", "2"]);
    expect(texts(levelTexts(achievement, profile, []))).toEqual(["①", "②"]);
    expect(texts(levelTexts(implementation, profile, []))).toEqual(["(i)", "(ii)"]);
  });
});
