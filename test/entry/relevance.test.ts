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
    const [a, b] = [items[0].sheet, items[2].sheet];
    expect(a).not.toBe(b);
    // Without the reader's `form`, only sheets that share items are one form.
    const unjoined = indexForms(items.map(({ form: _form, ...item }) => item as Item));
    expect(unjoined.formSheets.get(a.toLowerCase())).toEqual([a]);
    // The reader's `form` joins sheets into one form: numbers continuing over the two sheets are one form.
    expect(new Set(items.map((item) => item.form)).size).toBe(1);
    expect(new Set(indexForms(items).formSheets.get(a.toLowerCase()))).toEqual(new Set([a, b]));
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
    // Its form's sheets: both, as the reader made them one form.
    expect(sheets).toEqual(rechecks ? [items[0].sheet, items[2].sheet] : []);
  });

  test("a sheet that holds no items is never re-read", () => {
    expect(sheetsToRecheck(indexForms(items), { sheet: "集計", address: "A1:Z99", changeType: "RangeEdited" }, profile)).toEqual([]);
  });
});
