import { indexForms, sheetsToRecheck } from "../../src/entry/relevance";
import type { Item } from "../../src/model";
import { resolveProfile } from "../../src/template/profile";
import { readWorkbook } from "../../src/template/reader";
import { formItem, gridOf } from "../support/workbooks";

const profile = resolveProfile();

describe("which edits re-check which sheets", () => {
  let items: Item[];
  beforeAll(async () => {
    items = readWorkbook(await gridOf([formItem(1), formItem(2), formItem(3), formItem(4)], { sheets: 2 }), profile).items;
  });

  test("sheets sharing items are one form; a form's sheets are read together", () => {
    const index = indexForms(items);
    const [a, b] = [items[0].sheet, items[2].sheet];
    expect(a).not.toBe(b);
    expect(index.formSheets.get(a.toLowerCase())).toEqual([a]);
    // The reader's `form` joins sheets into one form.
    const joined = indexForms(items.map((item) => ({ ...item, form: "天王寺区" }) as Item));
    expect(new Set(joined.formSheets.get(a.toLowerCase()))).toEqual(new Set([a, b]));
  });

  test.each<[string, { address: string; changeType?: string; valueBefore?: unknown; valueAfter?: unknown }, boolean]>([
    ["a rating cell", { address: "RATING" }, true],
    ["a cell of a merged area holding a mapped cell", { address: "MERGED" }, true],
    ["a far cell, one, with no label", { address: "Z900", valueBefore: "", valueAfter: "メモ" }, false],
    ["a far cell, one, without details (before ExcelApi 1.9)", { address: "Z900" }, false],
    ["a label typed", { address: "Z900", valueBefore: "", valueAfter: "取組項目 5" }, true],
    ["a label deleted", { address: "Z900", valueBefore: "課題と改善策", valueAfter: "" }, true],
    ["a block pasted", { address: "Z900:AA910" }, true],
    ["rows inserted", { address: "5:6", changeType: "RowInserted" }, true],
    ["whole rows cleared", { address: "5:6" }, true],
  ])("%s → %s", (_, change, rechecks) => {
    const index = indexForms(items);
    const source = items[0].sources["midyear.achievement"]!;
    const address = change.address === "RATING" ? source.cell : change.address === "MERGED" ? `${source.cell}:AZ${source.cell.replace(/^[A-Z]+/, "")}` : change.address;
    const sheets = sheetsToRecheck(index, { sheet: source.sheet, changeType: "RangeEdited", ...change, address }, profile);
    expect(sheets).toEqual(rechecks ? [source.sheet] : []);
  });

  test("a sheet that holds no items is never re-read", () => {
    expect(sheetsToRecheck(indexForms(items), { sheet: "集計", address: "A1:Z99", changeType: "RangeEdited" }, profile)).toEqual([]);
  });
});
