/**
 * 集計 as one undo step (#13). Microsoft's "Undo support with the Excel JavaScript API" (ExcelApi 1.20): "If an API
 * within the group doesn't offer undo support, the UndoNotSupported error is thrown", and "If you call an
 * unsupported API in your add-in, the user's undo stack is cleared starting from that API call". Its table
 * "Unsupported APIs" has, among the members 集計 could use:
 *   | `Worksheet.copy`   | No | No | *None* |
 *   | `Worksheet.delete` | No | No | *None* |
 *   | `Worksheet.name` | Yes | No | *None* |        (web | Windows and Mac)
 *   | `Worksheet.standardWidth` | No | Yes | *None* |
 *   | `Worksheet.position` | Yes | No | *None* |
 *   | `Worksheet.visibility` | Yes | No | *None* |
 *   | `WorkbookProtection.protect` … `WorksheetProtection.unprotect` … | No | No | *None* |
 * So on 1.20 a sheet of ours is emptied in place, never deleted. Everything else the write calls is absent from
 * that table: WorksheetCollection.add / getItem, Worksheet.getRange / activate, Range.values / numberFormat /
 * formulas / hyperlink / clear, RangeFormat.columnWidth / wrapText / autofitRows / font / fill, TableCollection.add,
 * Table.name / style / showBandedRows / showFilterButton / delete, WorksheetFreezePanes.freezeRows / unfreeze,
 * PageLayout.*, HeaderFooter.*, ChartCollection.add, Chart.title / setPosition / delete, SettingCollection.add.
 */
import { writeRollUp, summarizeOpenWorkbook } from "../../src/excel/summarize";
import { SimOfficeError } from "../../src/excel-sim/host";
import { snapshot } from "../../src/excel-sim/workbook";
import type { FileSummary } from "../../src/summary/layout";
import { computeSummary } from "../../src/summary/compute";
import { checkWorkbook } from "../../src/check";
import { readOpenWorkbook } from "../../src/excel/read-workbook";
import { formHost } from "../support/hosts";
import { formItem } from "../support/workbooks";

const FIRST = new Date(2026, 10, 25, 10, 0);
const SECOND = new Date(2026, 10, 26, 9, 30);

/** Item 2 lacks its 達成見込み: 集計 counts a finding the user's edit then fixes. */
const items = () => [formItem(1), formItem(2, { midyear: { implementation: "(i)", achievement: null } }), formItem(3)];

const host120 = () => formHost(items(), undefined, { apiSets: { ExcelApi: "1.20" } });

/** The address of item 2's 達成見込み cell, as the reader found it. */
async function achievementCell(host: Awaited<ReturnType<typeof host120>>): Promise<{ sheet: string; cell: string }> {
  const report = checkWorkbook(await readOpenWorkbook(host), { phase: "midyear" });
  const finding = report.findings.find((f) => f.item === 2 && f.field === "midyear.achievement")!;
  return { sheet: finding.sheet!, cell: finding.cell! };
}

describe("集計 on ExcelApi 1.20: one Ctrl+Z", () => {
  test("集計, an edit, 集計 again: one Ctrl+Z brings the first 集計 back exactly and keeps the edit; a second takes the edit back", async () => {
    const host = await host120();
    const { sheet, cell } = await achievementCell(host);
    await summarizeOpenWorkbook(host, { phase: "midyear", now: FIRST });
    const first = snapshot(host.workbook);
    const summary = host.workbook.sheets.find((s) => s.name === "集計")!;
    // The sheet has what an exact undo must bring back: tables, charts, formulas, links, frozen rows.
    expect(summary.tables.length).toBeGreaterThan(0);
    expect(summary.charts.length).toBeGreaterThan(0);
    expect([...summary.cells.values()].some((c) => c.formula)).toBe(true);
    expect(summary.frozenRows).toBeGreaterThan(0);

    expect(host.typeInto(sheet, cell, "①").accepted).toBe(true);
    // Formula results as Excel's automatic calculation has them after the edit.
    host.calculate();
    const edited = snapshot(host.workbook);
    const syncs = host.stats.syncs;
    const result = await summarizeOpenWorkbook(host, { phase: "midyear", now: SECOND });
    // The read's two syncs and the write's one, as without undo grouping.
    expect(host.stats.syncs - syncs).toBe(3);
    expect(result.sheet).toBe("集計");
    // Emptied in place: the same sheets, in the same order, no 「集計 (2)」.
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    expect(snapshot(host.workbook)).not.toEqual(edited);
    expect(host.workbook.sheets.find((s) => s.name === "集計")!.tables.map((t) => t.name)).toEqual(first.sheets.find((s) => s.name === "集計")!.tables.map((t) => t.name));

    expect(host.undo()).toBe(true);
    host.calculate();
    expect(snapshot(host.workbook)).toEqual(edited);
    expect(host.undo()).toBe(true);
    host.calculate();
    expect(snapshot(host.workbook)).toEqual(first);
  });

  test("the first 集計 and one Ctrl+Z: our sheets are gone, the workbook as it was", async () => {
    const host = await host120();
    const before = snapshot(host.workbook);
    await summarizeOpenWorkbook(host, { phase: "midyear", now: FIRST });
    expect(host.workbook.sheets.length).toBe(before.sheets.length + 2);
    expect(host.undoDepth()).toBe(1);
    host.undo();
    expect(snapshot(host.workbook)).toEqual(before);
  });

  test("複数のブックを集計 written twice: one Ctrl+Z takes back the second write alone", async () => {
    const host = await host120();
    const grid = await readOpenWorkbook(host);
    const files: FileSummary[] = [{ file: "a.xlsx", summary: computeSummary(grid.name, checkWorkbook(grid), FIRST, { grid }) }];
    await writeRollUp(host, files, FIRST);
    const first = snapshot(host.workbook);
    await writeRollUp(host, files, SECOND);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    host.undo();
    expect(snapshot(host.workbook)).toEqual(first);
  });

  test("a 集計 the user hid is emptied and written again where it is, stays hidden and is not activated (Excel cannot show a hidden sheet)", async () => {
    const host = await host120();
    await summarizeOpenWorkbook(host, { phase: "midyear", now: FIRST });
    const summary = host.workbook.sheets.find((s) => s.name === "集計")!;
    summary.visibility = "Hidden";
    host.selectCell("取組項目", "A1");
    const first = snapshot(host.workbook);
    await summarizeOpenWorkbook(host, { phase: "midyear", now: SECOND });
    expect(host.workbook.sheets.find((s) => s.name === "集計")).toBe(summary);
    expect(summary.visibility).toBe("Hidden");
    expect(host.activeSheet()).toBe("取組項目");
    expect(snapshot(host.workbook)).not.toEqual(first);
    host.undo();
    expect(snapshot(host.workbook)).toEqual(first);
  });

  test("UndoNotSupported from Excel: one clear line, and what the workbook holds now", async () => {
    const host = await host120();
    await summarizeOpenWorkbook(host, { phase: "midyear", now: FIRST });
    // An Excel that refuses the group on the write's sync (after the read's two).
    const run = host.Excel.run.bind(host.Excel) as (options: object, batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown>;
    let syncs = 0;
    const refusing = {
      ...host,
      Excel: {
        run: (options: object, batch: (context: Excel.RequestContext) => Promise<unknown>) =>
          run(options, (context) => {
            const sync = context.sync.bind(context);
            context.sync = async () => {
              if (++syncs === 3) throw new SimOfficeError("UndoNotSupported", "The API doesn't support undo.");
              return sync();
            };
            return batch(context);
          }),
      },
    } as unknown as typeof host;
    const error = await summarizeOpenWorkbook(refusing, { phase: "midyear", now: SECOND }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UndoNotSupported" });
    expect((error as Error).message).toBe(
      "Excel がこの操作を 1 回の「元に戻す」にまとめられなかったため、途中で止まりました。ブックの内容をご確認ください。 " +
        "確認したところ、「集計」シートは書き換えの途中で止まっている可能性があります。「検証結果」シートは書き換えの途中で止まっている可能性があります。もう一度「集計」を実行すると作り直せます。",
    );
  });
});

describe("集計 before ExcelApi 1.20", () => {
  test("1.19: our sheets are deleted and added anew, in the same three syncs; Ctrl+Z has nothing to take back", async () => {
    const host = await formHost(items(), undefined, { apiSets: { ExcelApi: "1.19" } });
    await summarizeOpenWorkbook(host, { phase: "midyear", now: FIRST });
    const firstSheets = host.workbook.sheets.filter((s) => s.name === "集計" || s.name === "検証結果");
    const syncs = host.stats.syncs;
    await summarizeOpenWorkbook(host, { phase: "midyear", now: SECOND });
    expect(host.stats.syncs - syncs).toBe(3);
    const now = host.workbook.sheets.filter((s) => s.name === "集計" || s.name === "検証結果");
    expect(now).toHaveLength(2);
    // New sheet objects: deleted and added, not emptied in place.
    for (const sheet of now) expect(firstSheets).not.toContain(sheet);
    expect(host.undoDepth()).toBe(0);
    expect(host.undo()).toBe(false);
  });
});
