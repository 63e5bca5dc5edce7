/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests read too early on purpose: the host must throw as Office.js does */
import { cellKey, getCell, newSheet, snapshot, SimWorkbook } from "../../src/excel-sim/workbook";
import { createExcelHost, HostOptions } from "../../src/excel-sim/host";

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

  test("batches are not atomic: a failing command rejects the sync, and what ran before it stays", async () => {
    const wb = workbook();
    const host = createExcelHost(wb);
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.add("新しい");
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["書いた"]];
        context.workbook.worksheets.getItem("保護").getRange("A1").values = [["だめ"]];
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["後"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "空", "保護", "新しい"]);
    expect(getCell(wb.sheets[0], 0, 0)?.value).toBe("書いた");
    expect(getCell(wb.sheets[0], 1, 0)).toBeUndefined();
  });

  test("atomicBatches (an option for testing the other way) undoes the failed batch", async () => {
    const wb = workbook();
    const before = snapshot(wb);
    const host = createExcelHost(wb, { atomicBatches: true });
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.add("新しい");
        context.workbook.worksheets.getItem("Sheet1").getRange("B2:C2").values = [["書いた", "=1"]];
        context.workbook.worksheets.getItem("保護").getRange("A1").values = [["だめ"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(snapshot(wb)).toEqual(before);
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

describe("requirement sets: 'a member above the host's version throws ApiNotFound, as office.js does'", () => {
  test.each<[string, string, (context: Excel.RequestContext) => void]>([
    ["Workbook.protection (1.7)", "1.6", (context) => void context.workbook.protection.load("protected")],
    ["Workbook.name (1.7)", "1.6", (context) => void context.workbook.load("name")],
    ["Range.hyperlink (1.7)", "1.6", (context) => (context.workbook.worksheets.getItem("Sheet1").getRange("A1").hyperlink = { documentReference: "'Sheet1'!A1" })],
    ["getMergedAreasOrNullObject (1.13)", "1.12", (context) => void context.workbook.worksheets.getItem("Sheet1").getRange("A1:D4").getMergedAreasOrNullObject().load("address")],
    ["getSpecialCellsOrNullObject (1.9)", "1.8", (context) => void context.workbook.worksheets.getItem("Sheet1").getRange("A1:D4").getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType).load("address")],
    ["getFirst (1.5)", "1.4", (context) => void context.workbook.worksheets.getFirst().load("name")],
    ["getUsedRangeOrNullObject (1.4)", "1.3", (context) => void context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true).load("address")],
    ["getUsedRange(valuesOnly) (1.2)", "1.1", (context) => void context.workbook.worksheets.getItem("Sheet1").getUsedRange(true).load("address")],
    ["columnWidth (1.2)", "1.1", (context) => (context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.columnWidth = 40)],
  ])("%s fails the batch at sync on ExcelApi %s; what was queued before it ran", async (_, version, use) => {
    const wb = workbook();
    const host = createExcelHost(wb, { apiSets: { ExcelApi: version } });
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["前"]];
        use(context);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(getCell(wb.sheets[0], 0, 0)?.value).toBe("前");
    const current = createExcelHost(workbook(), { apiSets: { ExcelApi: "1.13" } });
    await expect(current.Excel.run(async (context) => void use(context))).resolves.toBeUndefined();
  });

  test("load() without names loads only what the host's version has", async () => {
    const host = createExcelHost(workbook(), { apiSets: { ExcelApi: "1.4" } });
    await host.Excel.run(async (context) => {
      const wb = context.workbook.load();
      await context.sync();
      expect(() => wb.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });
});

describe("'Excel on the web has a payload size limit for requests and responses of 5MB' (estimated from what is queued and returned)", () => {
  test("a request over 5 MB is refused before anything runs", async () => {
    const wb = workbook();
    const host = createExcelHost(wb);
    const big = Array.from({ length: 2000 }, () => ["あ".repeat(1000)]);
    await expect(
      host.Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("H1").values = [["先"]];
        ws.getRange("A1:A2000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(getCell(wb.sheets[0], 0, 7)).toBeUndefined();
    expect(host.stats.payloads[0].request).toBeGreaterThan(5_000_000);
  });

  test("a response over 5 MB fails the sync: nothing loaded comes back", async () => {
    const wb = workbook();
    for (let r = 0; r < 2000; r++) wb.sheets[1].cells.set(cellKey(r, 0), { value: "い".repeat(1000) });
    const host = createExcelHost(wb);
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("空").getRange("A1:A2000").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(host.stats.payloads[0].response).toBeGreaterThan(5_000_000);
  });

  test("every sync's estimate is recorded: actions and their data, loaded values", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["あい", 1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("B2:D4").load("values");
      await context.sync();
    });
    const [write, read] = host.stats.payloads;
    expect(write.request).toBeGreaterThan(100 + '[["あい",1]]'.length);
    expect(write.response).toBe(0);
    expect(read.response).toBeGreaterThanOrEqual(JSON.stringify({ values: [["x", "", ""], ["", "", 5], ["#REF!", "", ""]] }).length);
  });
});

describe("'A range is limited to 5,000,000 cells for read operations … the API will either return null or throw an error'", () => {
  test("values of more than 5,000,000 cells are null, or an error where the host plays it so", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      const big = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001").load("values,address");
      const limit = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000000").load("rowCount");
      await context.sync();
      expect(big.values).toBeNull();
      expect(big.address).toBe("Sheet1!A1:E1000001");
      expect(limit.rowCount).toBe(1_000_000);
    });
    const strict = createExcelHost(workbook(), { oversizedReads: "error" });
    await expect(
      strict.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("unbounded ranges: 'Cell-level properties … come back as null' and 'You can't set cell-level properties'", async () => {
    const host = createExcelHost(workbook());
    await host.Excel.run(async (context) => {
      const columns = context.workbook.worksheets.getItem("Sheet1").getRange("A:B").load("values,address");
      await context.sync();
      expect(columns.values).toBeNull();
      expect(columns.address).toBe("Sheet1!A1:B1048576");
      context.workbook.worksheets.getItem("Sheet1").getRange("A:B").values = [["x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("a used range can be narrowed: the used cells inside a range, or a null object", async () => {
    const wb = workbook();
    wb.sheets[0].cells.set(cellKey(1_048_575, 16_383), { value: "遠い" });
    const host = createExcelHost(wb);
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const all = ws.getUsedRangeOrNullObject(true).load("address");
      const near = ws.getRange("A1:Z100").getUsedRangeOrNullObject(true).load("address");
      const none = ws.getRange("F1:Z100").getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect([all.address, near.address, none.isNullObject]).toEqual(["Sheet1!B2:XFD1048576", "Sheet1!B2:D4", true]);
    });
  });
});

describe("Range.getMergedAreasOrNullObject: 'if the merged areas count in this range is more than 512, then this method will fail'", () => {
  function merged(count: number): SimWorkbook {
    const wb = workbook();
    wb.sheets[1].merges = Array.from({ length: count }, (_, i) => ({ top: i, left: 0, bottom: i, right: 1 }));
    return wb;
  }

  test.each([
    [512, "passes"],
    [513, "fails"],
  ])("%i merged areas: the call %s", async (count, outcome) => {
    const host = createExcelHost(merged(count));
    const run = host.Excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("空").getRange("A1:B600").getMergedAreasOrNullObject().load("areaCount");
      await context.sync();
      return areas.areaCount;
    });
    if (outcome === "passes") await expect(run).resolves.toBe(count);
    else await expect(run).rejects.toMatchObject({ code: "GeneralException" });
  });

  test("areas whose top-left cell is in the range (office-js issue #3611), or every one crossing it", async () => {
    const wb = workbook();
    wb.sheets[1].merges = [{ top: 0, left: 0, bottom: 3, right: 1 }];
    const isNull = (mergedAreas: HostOptions["mergedAreas"]) =>
      createExcelHost(wb, { mergedAreas }).Excel.run(async (context) => {
        const areas = context.workbook.worksheets.getItem("空").getRange("A3:B4").getMergedAreasOrNullObject().load("address");
        await context.sync();
        return areas.isNullObject;
      });
    expect([await isNull("top-left"), await isNull("intersecting")]).toEqual([true, false]);
  });
});

describe("other members the adapter relies on", () => {
  test("getSpecialCellsOrNullObject finds error cells, constants and formulas apart", async () => {
    const host = createExcelHost(workbook());
    host.workbook.sheets[0].cells.set(cellKey(5, 0), { value: null, formula: "=1/0", error: "#DIV/0!" });
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:D6");
      const constants = range.getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType, "Errors" as Excel.SpecialCellValueType).load("address");
      const formulas = range.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType, "Errors" as Excel.SpecialCellValueType).load("address");
      const numbers = range.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType, "Numbers" as Excel.SpecialCellValueType).load("address");
      await context.sync();
      expect([constants.address, formulas.address, numbers.isNullObject]).toEqual(["Sheet1!B4", "Sheet1!A6", true]);
    });
  });

  test("getFirst(true) and getNextOrNullObject(true) skip hidden sheets; getCount(true) counts the visible ones", async () => {
    const wb = workbook();
    wb.sheets[1].visibility = "VeryHidden";
    const host = createExcelHost(wb);
    await host.Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount(true);
      const first = context.workbook.worksheets.getFirst(true).load("name");
      const next = first.getNextOrNullObject(true).load("name");
      const last = next.getNextOrNullObject(true);
      await context.sync();
      expect([count.value, first.name, next.name, last.isNullObject]).toEqual([2, "Sheet1", "保護", true]);
    });
  });
});
