/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests read too early on purpose: the host must throw as Office.js does */
import { cellKey, newSheet, snapshot, SimWorkbook } from "../../src/excel-sim/workbook";
import { createExcelHost } from "../../src/excel-sim/host";

function workbook(): SimWorkbook {
  const sheet = newSheet("Sheet1");
  sheet.cells.set(cellKey(1, 1), { value: "x" });
  sheet.cells.set(cellKey(2, 3), { value: 5 });
  sheet.cells.set(cellKey(3, 1), { value: null, error: "#REF!" });
  sheet.merges.push({ top: 1, left: 1, bottom: 1, right: 2 });
  const empty = newSheet("空");
  const locked = newSheet("保護");
  locked.protected = true;
  return { name: "t.xlsx", protected: false, sheets: [sheet, empty, locked] };
}

describe("the proxy rules of Office.js", () => {
  test("reading a property before load throws PropertyNotLoaded", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("after load but before sync it still throws; after sync it reads", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D4").load("values,valueTypes,address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.address).toBe("Sheet1!B2:D4");
      expect(range.values).toEqual([["x", "", ""], ["", "", 5], ["#REF!", "", ""]]);
      expect(range.valueTypes[2][0]).toBe("Error");
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(host.stats.syncs).toBe(1);
  });

  test("collection items need load and sync; loaded props only", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "空", "保護"]);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("OrNullObject: isNullObject after sync; the used range of an empty sheet is null", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("空").getUsedRangeOrNullObject(true);
      const full = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true).load("address");
      const missing = context.workbook.worksheets.getItemOrNullObject("ない");
      expect(() => used.isNullObject).toThrow();
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(full.isNullObject).toBe(false);
      expect(full.address).toBe("Sheet1!B2:D4");
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("getFirst().getNextOrNullObject() walks every sheet, hidden ones too; getCount() after sync", async () => {
    const host = createExcelHost(workbook());
    host.workbook.sheets[1].visibility = "Hidden";
    await host.Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      const first = context.workbook.worksheets.getFirst().load("name");
      const second = first.getNextOrNullObject().load("name,visibility");
      const third = second.getNextOrNullObject().load("name");
      const fourth = third.getNextOrNullObject().load("name");
      const beyond = fourth.getNextOrNullObject();
      const beyondUsed = beyond.getUsedRangeOrNullObject(true).load("values");
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(count.value).toBe(3);
      expect([first.name, second.name, third.name]).toEqual(["Sheet1", "空", "保護"]);
      expect(second.visibility).toBe("Hidden");
      expect([second.isNullObject, fourth.isNullObject, beyond.isNullObject, beyondUsed.isNullObject]).toEqual([false, true, true, true]);
    });
    expect(host.stats.syncs).toBe(1);
  });

  test("a strict host fails the batch on a method called on a null object; loading one is still fine", async () => {
    const host = createExcelHost(workbook(), { strictNullObjects: true });
    await host.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("ない").load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      missing.getNextOrNullObject();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("merged areas come back as one address", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      const merged = context.workbook.worksheets.getItem("Sheet1").getRange().getMergedAreasOrNullObject().load("address");
      const none = context.workbook.worksheets.getItem("空").getRange().getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(merged.address).toBe("Sheet1!B2:C2");
      expect(none.isNullObject).toBe(true);
    });
  });

  test("writes apply at sync, in order; '=' is a formula unless the cell is formatted as text", async () => {
    const wb = workbook();
    const host = createExcelHost(wb);
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").numberFormat = [["@", "General"]];
      ws.getRange("A1:B1").values = [["=1+1", "=1+1"]];
      expect(wb.sheets[0].cells.get(cellKey(0, 0))).toBeUndefined();
      await context.sync();
    });
    expect(wb.sheets[0].cells.get(cellKey(0, 0))).toMatchObject({ value: "=1+1" });
    expect(wb.sheets[0].cells.get(cellKey(0, 0))?.formula).toBeUndefined();
    expect(wb.sheets[0].cells.get(cellKey(0, 1))).toMatchObject({ formula: "=1+1" });
  });

  test("a failing command rejects the sync and none of that batch's writes stay", async () => {
    const wb = workbook();
    const before = snapshot(wb);
    const host = createExcelHost(wb);
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.add("新しい");
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["書いた"]];
        context.workbook.worksheets.getItem("保護").getRange("A1").values = [["だめ"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(snapshot(wb)).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "空", "保護"]);
  });

  test("a values array of the wrong size is InvalidArgument; a missing sheet ItemNotFound", async () => {
    const host = createExcelHost(workbook());
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["1"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("ない").getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("a protected workbook refuses new sheets", async () => {
    const wb = workbook();
    wb.protected = true;
    await expect(
      createExcelHost(wb).Excel.run(async (context) => {
        context.workbook.worksheets.add("集計");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("select and activate move the selection; cell-edit mode rejects every sync", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("空").activate();
      context.workbook.worksheets.getItem("Sheet1").getRange("D3").select();
      await context.sync();
    });
    expect(host.selection()).toEqual({ sheet: "Sheet1", address: "D3" });
    expect(host.activeSheet()).toBe("Sheet1");
    const busy = createExcelHost(workbook(), { editMode: true });
    await expect(busy.Excel.run((context) => context.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  test("API sets answer from the options", () => {
    const host = createExcelHost(workbook(), { apiSets: { ExcelApi: "1.9" } });
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(host.Office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
  });
});
