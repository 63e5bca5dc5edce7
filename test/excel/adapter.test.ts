import { checkWorkbook } from "../../src/check";
import { HostError } from "../../src/excel/host-error";
import { CHAINED_SHEETS, readOpenWorkbook } from "../../src/excel/read-workbook";
import { selectCell } from "../../src/excel/select-cell";
import { summarizeOpenWorkbook } from "../../src/excel/summarize";
import { cellKey, newSheet, snapshot } from "../../src/excel-sim/workbook";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { formHost, sampleHost } from "../support/hosts";
import { sampleGrid } from "../support/workbooks";

const many = (count: number) => Array.from({ length: count }, (_, i) => ({ ...tennojiR1[i % 19], no: i + 1 }));

describe("reading the open workbook", () => {
  test("gives the same items as the .xlsx file port", async () => {
    const host = await sampleHost();
    const fromExcel = checkWorkbook(await readOpenWorkbook(host), { phase: "final" });
    const fromFile = checkWorkbook(await sampleGrid(), { phase: "final" });
    expect(fromExcel.items).toEqual(fromFile.items);
    expect(fromExcel.findings).toEqual(fromFile.findings);
    expect(fromExcel.findings).toHaveLength(38);
  });

  test.each([19, 456])("%i items: two syncs (sheets and used ranges, then values) read every sheet", async (count) => {
    const host = await formHost(many(count), { sheets: count > 19 ? 50 : "one" });
    const grid = await readOpenWorkbook(host);
    expect(checkWorkbook(grid).items).toHaveLength(count);
    expect(grid.sheets).toHaveLength(count > 19 ? 10 : 1);
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.runs).toBe(1);
  });

  test.each([
    ["more visible sheets than one chained sync reaches: the chain goes on", CHAINED_SHEETS + 5, {}, 3],
    ["a host that fails methods on null objects: the failed sync, then listed, surveyed, read", 3, { strictNullObjects: true }, 4],
  ])("%s", async (_, sheets, options, syncs) => {
    const host = await formHost(many(sheets), { sheets: "per-item" }, options);
    const grid = await readOpenWorkbook(host);
    expect(grid.sheets).toHaveLength(sheets);
    expect(checkWorkbook(grid).items.map((i) => i.no)).toEqual(many(sheets).map((i) => i.no));
    expect(host.stats.syncs).toBe(syncs);
  });

  test("a host where the chained survey failed is surveyed the listed way from then on", async () => {
    const host = await sampleHost({ strictNullObjects: true });
    await readOpenWorkbook(host);
    expect(host.stats.syncs).toBe(4);
    await readOpenWorkbook(host);
    expect(host.stats.syncs).toBe(4 + 3);
  });

  test("Excel busy in cell-edit mode does not count as the chained survey failing", async () => {
    const options = { editMode: true };
    const host = await sampleHost(options);
    await expect(readOpenWorkbook(host)).rejects.toBeInstanceOf(HostError);
    options.editMode = false;
    const syncs = host.stats.syncs;
    await readOpenWorkbook(host);
    expect(host.stats.syncs - syncs).toBe(2);
  });

  test("validation never changes a cell", async () => {
    const host = await sampleHost();
    const before = snapshot(host.workbook);
    checkWorkbook(await readOpenWorkbook(host), { phase: "final" });
    expect(snapshot(host.workbook)).toEqual(before);
  });

  test("hidden sheets are not read; merged areas are optional (ExcelApi 1.13)", async () => {
    const host = await formHost(many(2), undefined, { apiSets: { ExcelApi: "1.9" } });
    const hidden = newSheet("隠し");
    hidden.visibility = "Hidden";
    hidden.cells.set(cellKey(0, 0), { value: "取組項目9" });
    host.workbook.sheets.push(hidden);
    const grid = await readOpenWorkbook(host);
    expect(grid.sheets.map((s) => s.name)).toEqual(["取組項目"]);
    expect(grid.sheets[0].merges).toEqual([]);
    expect(checkWorkbook(grid).items.map((i) => i.no)).toEqual([1, 2]);
  });
});

describe("host errors become Japanese messages", () => {
  test("cell-edit mode", async () => {
    const host = await sampleHost({ editMode: true });
    const error = await readOpenWorkbook(host).catch((e) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error.message).toMatch(/セルを編集中/);
  });

  test("an Excel without ExcelApi 1.4", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.3" } });
    await expect(readOpenWorkbook(host)).rejects.toThrow(/ExcelApi 1.4/);
    expect(host.stats.syncs).toBe(0);
  });

  test("a sheet that no longer exists", async () => {
    const host = await sampleHost();
    await expect(selectCell(host, "消えたシート", "A1")).rejects.toThrow(/見つかりません/);
  });
});

describe("selecting a finding's cell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const host = await sampleHost();
    await selectCell(host, "取組項目", "D10");
    expect(host.selection()).toEqual({ sheet: "取組項目", address: "D10" });
    expect(host.activeSheet()).toBe("取組項目");
    expect(host.stats.syncs).toBe(1);
  });
});

describe("writing the summary", () => {
  const NOW = new Date(2026, 10, 25, 10, 0);

  test("adds 集計 and 検証結果 in one sync after the read, and shows 集計", async () => {
    const host = await sampleHost();
    const before = snapshot(host.workbook);
    const result = await summarizeOpenWorkbook(host, { phase: "final", now: NOW });
    expect(result).toEqual({ sheet: "集計", items: 19, notes: [], stamp: expect.objectContaining({ phase: "final", items: 19, findings: 38 }) });
    expect(host.stats.syncs).toBe(3);
    // What 集計 was made for is kept in the workbook, for the pane to tell when it is stale (#13).
    expect(JSON.parse(host.workbook.settings!.get("hyoka.summary")!)).toEqual(result.stamp);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
    expect(host.activeSheet()).toBe("集計");
    const after = snapshot(host.workbook);
    expect(after.sheets[0]).toEqual(before.sheets[0]);
    const summary = host.workbook.sheets[1];
    expect(summary.cells.get(cellKey(0, 0))?.value).toBe("集計");
    expect(String(summary.cells.get(cellKey(1, 0))?.value)).toMatch(/^［hyoka:generated］/);
    expect(summary.tables).toHaveLength(1);
    // Widths in points, as Office.js takes them: 番号 20 characters, 取組項目 36.
    expect([summary.columnWidths.get(0), summary.columnWidths.get(1)]).toEqual([108.75, 192.75]);
    const links = [...summary.cells.values()].filter((c) => c.hyperlink);
    expect(links).toHaveLength(19);
    expect(links[0].hyperlink).toEqual({ documentReference: "'取組項目'!A3", textToDisplay: "取組項目1へ" });
    expect(host.workbook.sheets[2].tables).toHaveLength(1);
  });

  test.each([19, 456])("%i items: three syncs (the read's two, the write), whatever the size", async (count) => {
    const host = await formHost(many(count), { sheets: count > 19 ? 50 : "one" });
    await summarizeOpenWorkbook(host, { now: NOW });
    expect(host.stats.syncs).toBe(3);
  });

  test("on a host that fails methods on null objects, the same sheets are written", async () => {
    const expected = await sampleHost();
    await summarizeOpenWorkbook(expected, { now: NOW });
    const strict = await sampleHost({ strictNullObjects: true });
    await summarizeOpenWorkbook(strict, { now: NOW });
    expect(snapshot(strict.workbook)).toEqual(snapshot(expected.workbook));
    expect(strict.stats.syncs).toBe(5);
  });

  test("a re-run replaces hyoka's sheets cleanly", async () => {
    const host = await sampleHost();
    await summarizeOpenWorkbook(host, { now: NOW });
    const first = snapshot(host.workbook);
    await summarizeOpenWorkbook(host, { now: NOW });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
    expect(snapshot(host.workbook)).toEqual(first);
  });

  test("a user's own 集計 sheet is never touched: ours becomes 集計 (2)", async () => {
    const host = await sampleHost();
    const mine = newSheet("集計");
    mine.cells.set(cellKey(0, 0), { value: "わたしの集計" });
    host.workbook.sheets.push(mine);
    const result = await summarizeOpenWorkbook(host, { now: NOW });
    expect(result.sheet).toBe("集計 (2)");
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "集計 (2)", "検証結果"]);
    expect(mine.cells.get(cellKey(0, 0))?.value).toBe("わたしの集計");
  });

  test("text that starts with = + - @ is stored as text, never as a formula", async () => {
    const host = await formHost([
      { ...tennojiR1[0], no: 1, title: '=HYPERLINK("http://example.com")', midyear: { implementation: "(i)", achievement: "②", remark: "@SUM(A1)" } },
    ]);
    await summarizeOpenWorkbook(host, { now: NOW });
    for (const sheet of host.workbook.sheets.slice(1)) {
      for (const cell of sheet.cells.values()) expect(cell.formula).toBeUndefined();
    }
    const texts = [...host.workbook.sheets[1].cells.values()].map((c) => c.value);
    expect(texts).toContain('=HYPERLINK("http://example.com")');
    expect(texts).toContain("@SUM(A1)");
  });

  test("a protected workbook: a clear message and nothing changed", async () => {
    const host = await sampleHost();
    host.workbook.protected = true;
    const before = snapshot(host.workbook);
    await expect(summarizeOpenWorkbook(host, { now: NOW })).rejects.toThrow(/ブックの構成が保護されている/);
    expect(snapshot(host.workbook)).toEqual(before);
  });

  test("an old summary sheet of ours that is protected: refused, nothing written", async () => {
    const host = await sampleHost();
    await summarizeOpenWorkbook(host, { now: NOW });
    host.workbook.sheets[1].protected = true;
    const before = snapshot(host.workbook);
    await expect(summarizeOpenWorkbook(host, { now: NOW })).rejects.toBeInstanceOf(HostError);
    expect(snapshot(host.workbook)).toEqual(before);
  });
});
