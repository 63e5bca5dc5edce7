import { setInputRules } from "../../src/excel/input-rules";
import { cellKey, cellPosition, snapshot, SimWorkbook } from "../../src/excel-sim/workbook";
import { a1, parseRange } from "../../src/template/grid";
import { checkWorkbook } from "../../src/check";
import { RATING_FIELDS } from "../../src/model";
import { createExcelHost } from "../../src/excel-sim/host";
import { loadSimWorkbook } from "../../src/excel-sim/from-xlsx";
import { buildFormWorkbook } from "../../tools/form/builder";
import { formHost, sampleHost } from "../support/hosts";
import { formItem, gridOf, sampleGrid } from "../support/workbooks";

/** Every cell that has data validation, as "sheet!A1". */
function validatedCells(workbook: SimWorkbook): string[] {
  return workbook.sheets.flatMap((sheet) =>
    [...(sheet.validations ?? new Map()).keys()].map((key) => `${sheet.name}!${a1(cellPosition(key).row, cellPosition(key).col)}`),
  );
}

const cellsOnly = (workbook: SimWorkbook) => snapshot(workbook).sheets.map((s) => s.cells);

describe("入力規則を設定", () => {
  test("a list on exactly the rating cells the reader found; no value changes; a second run changes nothing", async () => {
    const host = await sampleHost();
    const before = cellsOnly(host.workbook);
    const first = await setInputRules(host);
    const report = checkWorkbook(await sampleGrid());
    const ratingCells = report.items.flatMap((item) => RATING_FIELDS.flatMap((f) => (item.sources[f] ? [`${item.sources[f]!.sheet}!${item.sources[f]!.cell}`] : [])));
    expect(ratingCells).toHaveLength(19 * 3);
    expect(validatedCells(host.workbook).sort()).toEqual([...ratingCells].sort());
    expect(first).toMatchObject({ set: 57, already: 0, ownRules: [], protectedSheets: [] });
    expect(cellsOnly(host.workbook)).toEqual(before);

    const afterFirst = snapshot(host.workbook);
    const syncs = host.stats.syncs;
    const second = await setInputRules(host);
    expect(second).toMatchObject({ set: 0, already: 57, ownRules: [] });
    expect(snapshot(host.workbook)).toEqual(afterFirst);
    expect(host.stats.syncs - syncs).toBe(3); // the read (2) and the rules (1); nothing to write
  });

  test("the levels as the workbook writes them, 対象外, a Japanese input message, a warning (not stop) alert", async () => {
    const host = await sampleHost();
    await setInputRules(host);
    const item1 = checkWorkbook(await sampleGrid()).items[0];
    const at = (field: (typeof RATING_FIELDS)[number]) => {
      const { sheet, cell } = item1.sources[field]!;
      const { top: row, left: col } = parseRange(cell);
      return host.workbook.sheets.find((s) => s.name === sheet)!.validations!.get(cellKey(row, col))!;
    };
    expect(at("midyear.implementation").rule).toEqual({ list: { source: "(i),(ii),対象外", inCellDropDown: true } });
    expect(at("midyear.achievement").rule).toEqual({ list: { source: "①,②,対象外", inCellDropDown: true } });
    expect(at("final.achievement").rule).toEqual({ list: { source: "①,②,対象外", inCellDropDown: true } });
    const achievement = at("midyear.achievement");
    expect(achievement.errorAlert).toMatchObject({ showAlert: true, style: "Warning", title: "評価チェック" });
    expect(achievement.prompt).toMatchObject({ showPrompt: true, title: "目標の達成見込み" });
    expect(achievement.prompt.message).toContain("「②」のときは「課題と改善策」の記入が必須です。");
    expect(at("midyear.implementation").prompt.message).toContain("「(ii)」のときは「課題と改善策」の記入をおすすめします。");
  });

  test("a workbook that writes (ⅰ)/(ⅱ) and １/２ gets its own forms; an empty form falls back to the legends", async () => {
    const roman = await formHost([
      formItem(1, { midyear: { implementation: "(ⅰ)", achievement: "１" } }),
      formItem(2, { midyear: { implementation: "(ⅱ)", achievement: "２", remark: "課題" } }),
    ]);
    await setInputRules(roman);
    const sources = roman.workbook.sheets.flatMap((s) => [...(s.validations?.values() ?? [])].map((dv) => (dv.rule.list as { source: string }).source));
    expect(new Set(sources)).toEqual(new Set(["(ⅰ),(ⅱ),対象外", "１,２,対象外"]));

    const blank = await formHost([formItem(1, { midyear: {} })]);
    await setInputRules(blank);
    const blankSources = blank.workbook.sheets.flatMap((s) => [...(s.validations?.values() ?? [])].map((dv) => (dv.rule.list as { source: string }).source));
    // The builder's legends write (i)実施見込み and ①:達成見込み.
    expect(new Set(blankSources)).toEqual(new Set(["(i),(ii),対象外", "①,②,対象外"]));
  });

  test.each([
    ["ticked in its legend", "①:達成見込み ②:達成できない見込み", "☐①:達成見込み ☑②:達成できない見込み"],
    ["typed after its label in the label's cell", "目標の達成見込み", "目標の達成見込み：②"],
  ])("a rating %s (its own cell left blank) gets no list there: the form's print stays as it is", async (_, printed, answered) => {
    const host = await formHost([formItem(1, { midyear: { implementation: "(i)" } }), formItem(2)]);
    const [sheet] = host.workbook.sheets;
    const [key, cell] = [...sheet.cells].find(([, c]) => c.value === printed)!;
    cell.value = answered;
    const result = await setInputRules(host);
    expect(validatedCells(host.workbook)).not.toContain(`${sheet.name}!${a1(cellPosition(key).row, cellPosition(key).col)}`);
    // Item 1's two other ratings and item 2's three.
    expect(result).toMatchObject({ set: 5 });
  });

  test("a cell with a rule of its own keeps it and is listed", async () => {
    const host = await formHost([formItem(1), formItem(2)]);
    const item2 = checkWorkbook(await gridOf([formItem(1), formItem(2)])).items[1];
    const { sheet, cell } = item2.sources["midyear.achievement"]!;
    const { top: row, left: col } = parseRange(cell);
    const own = {
      type: "List",
      rule: { list: { source: "はい,いいえ", inCellDropDown: true } },
      prompt: { showPrompt: false, title: "", message: "" },
      errorAlert: { showAlert: true, style: "Stop" as const, title: "", message: "" },
      ignoreBlanks: true,
    };
    const ws = host.workbook.sheets.find((s) => s.name === sheet)!;
    ws.validations = new Map([[cellKey(row, col), own]]);
    const result = await setInputRules(host);
    expect(result.ownRules).toEqual([{ sheet, cell, item: 2, field: "midyear.achievement" }]);
    expect(result.set).toBe(5);
    expect(ws.validations.get(cellKey(row, col))).toEqual(own);
  });

  test("a workbook from another tool with rules of its own (a list, a whole number) keeps them; the other cells get ours", async () => {
    const items = [formItem(1), formItem(2)];
    const wb = buildFormWorkbook(items);
    const report = checkWorkbook(await gridOf(items));
    const [a, b] = [report.items[0].sources["midyear.achievement"]!, report.items[1].sources["final.achievement"]!];
    wb.getWorksheet(a.sheet)!.getCell(a.cell).dataValidation = { type: "list", allowBlank: true, formulae: ['"はい,いいえ"'], showErrorMessage: true, errorStyle: "stop" };
    wb.getWorksheet(b.sheet)!.getCell(b.cell).dataValidation = { type: "whole", operator: "between", formulae: [1, 2] };
    const host = createExcelHost(await loadSimWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, "other.xlsx"));
    const before = snapshot(host.workbook).sheets[0].validations;
    const result = await setInputRules(host);
    expect(result.ownRules).toEqual([
      { sheet: a.sheet, cell: a.cell, item: 1, field: "midyear.achievement" },
      { sheet: b.sheet, cell: b.cell, item: 2, field: "final.achievement" },
    ]);
    expect(result.set).toBe(4);
    const after = new Map(snapshot(host.workbook).sheets[0].validations as [number, unknown][]);
    for (const [key, dv] of before as [number, unknown][]) expect(after.get(key)).toEqual(dv);
  });

  test("a protected sheet gets no rules and is named", async () => {
    const host = await formHost([formItem(1)]);
    host.workbook.sheets[0].protected = true;
    const result = await setInputRules(host);
    expect(result).toMatchObject({ set: 0, protectedSheets: [host.workbook.sheets[0].name] });
    expect(validatedCells(host.workbook)).toEqual([]);
  });

  test("an Excel before ExcelApi 1.8 is told so before anything is read or written", async () => {
    const host = await formHost([formItem(1)], undefined, { apiSets: { ExcelApi: "1.7" } });
    const before = snapshot(host.workbook);
    await expect(setInputRules(host)).rejects.toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("ExcelApi 1.8 より前") });
    expect(host.stats.syncs).toBe(0);
    expect(snapshot(host.workbook)).toEqual(before);
  });

  test("ExcelApi 1.20: one Ctrl+Z takes every rule back", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.20" } });
    const before = snapshot(host.workbook);
    await setInputRules(host);
    expect(host.undoDepth()).toBe(1);
    host.undo();
    expect(snapshot(host.workbook)).toEqual(before);
  });
});
