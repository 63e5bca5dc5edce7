import { createExcelHost, HostOptions } from "../../src/excel-sim/host";
import type { ChangedEventArgs } from "../../src/excel-sim/events";
import { cellKey, newSheet, SimWorkbook, snapshot } from "../../src/excel-sim/workbook";

function workbook(): SimWorkbook {
  const sheet = newSheet("Sheet1");
  sheet.cells.set(cellKey(1, 1), { value: "①" });
  return { name: "t.xlsx", protected: false, sheets: [sheet, newSheet("Sheet2")] };
}

const host = (options?: HostOptions) => createExcelHost(workbook(), options);

/** Registers onChanged on Sheet1 (or on every sheet) and collects the events. */
async function listen(h: ReturnType<typeof host>, scope: "Sheet1" | "all"): Promise<ChangedEventArgs[]> {
  const seen: ChangedEventArgs[] = [];
  await h.Excel.run(async (context) => {
    const source = scope === "all" ? context.workbook.worksheets : context.workbook.worksheets.getItem("Sheet1");
    source.onChanged.add(async (args) => void seen.push(args as unknown as ChangedEventArgs));
    await context.sync();
  });
  return seen;
}

describe("onChanged", () => {
  test("a handler holds after the sync; events come after the change, for the user's edits and the add-in's writes", async () => {
    const h = host({ apiSets: { ExcelApi: "1.14" } });
    const seen = await listen(h, "Sheet1");
    h.typeInto("Sheet1", "B2", "②");
    expect(seen).toEqual([]); // asynchronous, as in Excel
    await h.events.settled();
    expect(seen).toEqual([
      expect.objectContaining({ type: "WorksheetChanged", address: "B2", changeType: "RangeEdited", source: "Local", triggerSource: "Unknown", details: expect.objectContaining({ valueBefore: "①", valueAfter: "②" }) }),
    ]);
    await h.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3:D4").values = [[1, 2], [3, 4]];
      context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [["elsewhere"]];
      context.workbook.worksheets.getItem("Sheet1").getRange("E5").format.fill.color = "#FF0000";
      await context.sync();
    });
    await h.events.settled();
    // One event for the values on Sheet1, none for Sheet2 (another sheet) nor for a format; no details for many cells.
    expect(seen.slice(1)).toEqual([expect.objectContaining({ address: "C3:D4", triggerSource: "ThisLocalAddin" })]);
    expect(seen[1].details).toBeUndefined();
  });

  test("WorksheetCollection.onChanged hears every sheet (ExcelApi 1.9); below 1.9 it is refused, details and triggerSource absent", async () => {
    const h = host({ apiSets: { ExcelApi: "1.9" } });
    const seen = await listen(h, "all");
    h.typeInto("Sheet2", "A1", "x");
    await h.events.settled();
    expect(seen).toHaveLength(1);
    expect(seen[0].triggerSource).toBeUndefined(); // ExcelApi 1.14
    expect(seen[0].details).toBeDefined();
    await expect(listen(host({ apiSets: { ExcelApi: "1.8" } }), "all")).rejects.toMatchObject({ code: "ApiNotFound" });
    const old = host({ apiSets: { ExcelApi: "1.8" } });
    const sheetLevel = await listen(old, "Sheet1");
    old.typeInto("Sheet1", "B2", "x");
    await old.events.settled();
    expect(sheetLevel[0].details).toBeUndefined();
  });

  test("remove() stops the events after the sync", async () => {
    const h = host();
    const seen: unknown[] = [];
    await h.Excel.run(async (context) => {
      const handler = context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => void seen.push(args));
      await context.sync();
      handler.remove();
      await context.sync();
    });
    expect(h.events.count()).toBe(0);
    h.typeInto("Sheet1", "B2", "x");
    await h.events.settled();
    expect(seen).toEqual([]);
  });
});

describe("undo", () => {
  const write = (h: ReturnType<typeof host>, options: Excel.RunOptions | null, cells: string[]) =>
    (options ? h.Excel.run.bind(null, options) : h.Excel.run)(async (context: Excel.RequestContext) => {
      for (const cell of cells) {
        context.workbook.worksheets.getItem("Sheet1").getRange(cell).values = [["w"]];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a sync per cell on purpose: each makes an undo record
        await context.sync();
      }
    });

  test("ExcelApi 1.20: each sync is an undo record; mergeUndoGroup makes the run one; Ctrl+Z takes it back at once", async () => {
    const h = host({ apiSets: { ExcelApi: "1.20" } });
    const start = snapshot(h.workbook);
    await write(h, null, ["C1", "C2"]);
    expect(h.undoDepth()).toBe(2);
    h.undo();
    h.undo();
    expect(snapshot(h.workbook)).toEqual(start);

    await write(h, { mergeUndoGroup: true }, ["C1", "C2", "C3"]);
    expect(h.undoDepth()).toBe(1);
    expect(h.undo()).toBe(true);
    expect(snapshot(h.workbook)).toEqual(start);
    expect(h.undo()).toBe(false);
  });

  test("selecting a cell or activating a sheet is no undo record; the user's edit is one", async () => {
    const h = host({ apiSets: { ExcelApi: "1.20" } });
    h.typeInto("Sheet1", "B2", "②");
    await h.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet2").activate();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").select();
      await context.sync();
    });
    expect(h.undoDepth()).toBe(1);
    h.undo();
    expect(h.workbook.sheets[0].cells.get(cellKey(1, 1))?.value).toBe("①");
  });

  test("before ExcelApi 1.20 a write through the API clears the stack; mergeUndoGroup is ignored", async () => {
    const h = host({ apiSets: { ExcelApi: "1.19" } });
    h.typeInto("Sheet1", "B2", "②");
    expect(h.undoDepth()).toBe(1);
    await write(h, { mergeUndoGroup: true }, ["C1"]);
    expect(h.undoDepth()).toBe(0);
    expect(h.undo()).toBe(false);
  });

  test("an API without undo support: UndoNotSupported inside a group (earlier commands stay), else the stack is cleared", async () => {
    const grouped = host({ apiSets: { ExcelApi: "1.20" } });
    const failure = grouped.Excel.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["w"]];
      context.workbook.worksheets.getItem("Sheet2").delete();
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: "UndoNotSupported" });
    expect(grouped.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2"]);
    expect(grouped.workbook.sheets[0].cells.get(cellKey(0, 2))?.value).toBe("w");

    const plain = host({ apiSets: { ExcelApi: "1.20" } });
    plain.typeInto("Sheet1", "B2", "②");
    await plain.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet2").delete();
      await context.sync();
    });
    expect(plain.undoDepth()).toBe(0);
  });

  test("Ctrl+Z raises onChanged for the cells it puts back", async () => {
    const h = host({ apiSets: { ExcelApi: "1.20" } });
    const seen = await listen(h, "Sheet1");
    h.typeInto("Sheet1", "B2", "②");
    h.undo();
    await h.events.settled();
    expect(seen.map((e) => [e.address, e.details?.valueAfter])).toEqual([
      ["B2", "②"],
      ["B2", "①"],
    ]);
  });
});
