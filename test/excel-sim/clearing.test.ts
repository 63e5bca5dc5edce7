import { createExcelHost, HostOptions } from "../../src/excel-sim/host";
import { cellKey, newSheet, SimWorkbook, snapshot } from "../../src/excel-sim/workbook";

/** A sheet with everything a sheet of ours holds: values, a formula, formats, a link, a table, a chart, frozen rows. */
function workbook(): SimWorkbook {
  const sheet = newSheet("Ours");
  sheet.cells.set(cellKey(0, 0), { value: "見出し", format: { bold: true, fill: "#DDEEFF" } });
  sheet.cells.set(cellKey(1, 0), { value: 3, numberFormat: "0" });
  sheet.cells.set(cellKey(2, 0), { value: 6, formula: "=A2*2" });
  sheet.cells.set(cellKey(3, 0), { value: "取組項目1へ", hyperlink: { documentReference: "'Form'!A3", textToDisplay: "取組項目1へ" } });
  sheet.cells.set(cellKey(900_000, 16_000), { value: "far" });
  sheet.tables.push({ name: "Table1", address: "Ours!A1:A3", style: "TableStyleLight9", showBandedRows: true, showFilterButton: false });
  sheet.charts.push({ name: "Chart 1", type: "BarStacked100", source: "Ours!A1:A3", seriesBy: "Rows", title: "t", position: { start: "C1", end: "F9" } });
  sheet.frozenRows = 1;
  return { name: "t.xlsx", protected: false, sheets: [newSheet("Form"), sheet] };
}

const host = (options?: HostOptions) => createExcelHost(workbook(), options);

/** One batch of commands on the sheet "Ours". */
function onOurs(h: ReturnType<typeof host>, step: (ws: Excel.Worksheet) => void): Promise<void> {
  return h.Excel.run(async (context) => {
    step(context.workbook.worksheets.getItem("Ours"));
    await context.sync();
  });
}

async function empty(h: ReturnType<typeof host>, group = true): Promise<void> {
  await h.Excel.run({ mergeUndoGroup: group }, async (context) => {
    const ws = context.workbook.worksheets.getItem("Ours");
    ws.charts.getItem("Chart 1").delete();
    ws.tables.getItem("Table1").delete();
    ws.freezePanes.unfreeze();
    ws.getRange().clear();
    await context.sync();
  });
}

describe("emptying a sheet in place (what 集計 does on ExcelApi 1.20)", () => {
  test("charts, tables, frozen panes and every cell go; one Ctrl+Z brings all of it back exactly", async () => {
    const h = host({ apiSets: { ExcelApi: "1.20" } });
    const before = snapshot(h.workbook);
    await empty(h);
    const sheet = h.workbook.sheets[1];
    expect([sheet.cells.size, sheet.tables.length, sheet.charts.length, sheet.frozenRows]).toEqual([0, 0, 0, 0]);
    expect(h.undoDepth()).toBe(1);
    h.undo();
    expect(snapshot(h.workbook)).toEqual(before);
  });

  test("Table.delete takes the table's cells with it; a chart or table not there is ItemNotFound", async () => {
    const h = host({ apiSets: { ExcelApi: "1.20" } });
    await onOurs(h, (ws) => ws.tables.getItem("table1").delete());
    const sheet = h.workbook.sheets[1];
    expect(sheet.tables).toEqual([]);
    expect([0, 1, 2].map((row) => sheet.cells.has(cellKey(row, 0)))).toEqual([false, false, false]);
    expect(sheet.cells.get(cellKey(3, 0))?.value).toBe("取組項目1へ");
    await expect(onOurs(h, (ws) => ws.tables.getItem("Nope").delete())).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(onOurs(h, (ws) => ws.charts.getItem("Chart 9").delete())).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("the chart names can be read (ChartCollection items), as the writer reads them before emptying", async () => {
    const h = host();
    const names = await h.Excel.run(async (context) => {
      const charts = context.workbook.worksheets.getItem("Ours").charts.load("items/name");
      await context.sync();
      return charts.items.map((c) => c.name);
    });
    expect(names).toEqual(["Chart 1"]);
  });

  test.each([
    ["Contents", { numberFormat: "0" }, { documentReference: "'Form'!A3", textToDisplay: "取組項目1へ" }, null],
    ["Formats", { value: 3 }, { documentReference: "'Form'!A3", textToDisplay: "取組項目1へ" }, "見出し"],
    ["Hyperlinks", { value: 3, numberFormat: "0" }, undefined, "見出し"],
  ] as const)("clear(%s) takes only its part", async (applyTo, a2, link, a1) => {
    const h = host();
    await onOurs(h, (ws) => ws.getRange("A1:A4").clear(applyTo as Excel.ClearApplyTo));
    const cells = h.workbook.sheets[1].cells;
    expect(cells.get(cellKey(1, 0)) ?? {}).toEqual(applyTo === "Contents" ? { value: null, ...a2 } : a2);
    expect(cells.get(cellKey(3, 0))?.hyperlink).toEqual(link);
    expect(cells.get(cellKey(0, 0))?.value ?? null).toBe(a1);
    expect(cells.get(cellKey(900_000, 16_000))?.value).toBe("far");
  });

  test("a protected sheet refuses each of them; unfreeze needs ExcelApi 1.7", async () => {
    const h = host();
    h.workbook.sheets[1].protected = true;
    const before = snapshot(h.workbook);
    await expect(onOurs(h, (ws) => ws.getRange().clear())).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(onOurs(h, (ws) => ws.tables.getItem("Table1").delete())).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(onOurs(h, (ws) => ws.charts.getItem("Chart 1").delete())).rejects.toMatchObject({ code: "AccessDenied" });
    expect(snapshot(h.workbook)).toEqual(before);
    await expect(empty(host({ apiSets: { ExcelApi: "1.6" } }), false)).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("Worksheet.delete in an undo group: UndoNotSupported, as Microsoft's table of unsupported APIs says", async () => {
    const h = host({ apiSets: { ExcelApi: "1.20" } });
    await expect(
      h.Excel.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem("Ours").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
    expect(h.workbook.sheets.map((s) => s.name)).toEqual(["Form", "Ours"]);
  });
});
