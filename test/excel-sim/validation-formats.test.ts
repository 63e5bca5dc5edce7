/* eslint-disable office-addins/load-object-before-read -- the rule takes navigation (range.dataValidation) and ClientResult.value for unloaded reads */
import { createExcelHost, HostOptions } from "../../src/excel-sim/host";
import { reopenWorkbook, saveWorkbook } from "../../src/excel-sim/persist";
import { cellKey, newSheet, SimWorkbook, snapshot } from "../../src/excel-sim/workbook";

function workbook(): SimWorkbook {
  const sheet = newSheet("Sheet1");
  sheet.cells.set(cellKey(1, 1), { value: "①" });
  sheet.cells.set(cellKey(2, 1), { value: "③" });
  const locked = newSheet("保護");
  locked.protected = true;
  return { name: "t.xlsx", protected: false, sheets: [sheet, locked] };
}

const host = (options?: HostOptions) => createExcelHost(workbook(), options);
const LIST = { list: { source: "①,②,対象外", inCellDropDown: true } };

describe("Range.dataValidation (ExcelApi 1.8)", () => {
  test("a list rule, its prompt and alert are kept per cell and read back; a range reports what its cells share", async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const dv = ws.getRange("B2:B3").dataValidation;
      dv.rule = LIST;
      dv.prompt = { showPrompt: true, title: "達成見込み", message: "①・②・対象外から選んでください。" };
      dv.errorAlert = { showAlert: true, style: "Warning", title: "評価チェック", message: "一覧にない値です。" };
      await context.sync();
      const b2 = ws.getRange("B2").dataValidation.load("type,rule,prompt,errorAlert,ignoreBlanks,valid");
      const b3 = ws.getRange("B3").dataValidation.load("valid");
      const both = ws.getRange("B2:B3").dataValidation.load("type,valid");
      const mixed = ws.getRange("B2:B4").dataValidation.load("type,rule");
      const none = ws.getRange("C2").dataValidation.load("type");
      await context.sync();
      expect(b2.type).toBe("List");
      expect(b2.rule).toEqual(LIST);
      expect(b2.prompt).toEqual({ showPrompt: true, title: "達成見込み", message: "①・②・対象外から選んでください。" });
      expect(b2.errorAlert.style).toBe("Warning");
      expect(b2.ignoreBlanks).toBe(true);
      expect(b2.valid).toBe(true);
      expect(b3.valid).toBe(false); // ③ is not in the list
      expect(both.type).toBe("List");
      expect(both.valid).toBeNull(); // "null if there are both valid and invalid cell values"
      expect(mixed.type).toBe("MixedCriteria");
      expect(mixed.rule).toBeNull();
      expect(none.type).toBe("None");
    });
    // Values never change by setting a rule.
    expect(h.workbook.sheets[0].cells.get(cellKey(2, 1))?.value).toBe("③");
  });

  test("different rules on the cells of a range read as Inconsistent; clear() removes only the range's cells", async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2").dataValidation.rule = LIST;
      ws.getRange("B3").dataValidation.rule = { list: { source: "はい,いいえ", inCellDropDown: true } };
      const both = ws.getRange("B2:B3").dataValidation.load("type");
      await context.sync();
      expect(both.type).toBe("Inconsistent");
      ws.getRange("B3:B9").dataValidation.clear();
      await context.sync();
    });
    expect([...h.workbook.sheets[0].validations!.keys()]).toEqual([cellKey(1, 1)]);
  });

  test("refused as Excel refuses: two kinds in one rule, texts longer than the file format keeps, a protected sheet, ExcelApi 1.7", async () => {
    const attempts: [string, (range: Excel.Range) => void][] = [
      ["two kinds", (r) => (r.dataValidation.rule = { ...LIST, wholeNumber: { formula1: 1, operator: "GreaterThan" } })],
      // [MS-XLS] 2.5.37 DValStrings: title ≤ 32, prompt ≤ 255, error ≤ 225 characters.
      ["long title", (r) => (r.dataValidation.prompt = { showPrompt: true, title: "あ".repeat(33), message: "" })],
      ["long prompt", (r) => (r.dataValidation.prompt = { showPrompt: true, title: "", message: "あ".repeat(256) })],
      ["long error", (r) => (r.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "", message: "あ".repeat(226) })],
      ["bad style", (r) => (r.dataValidation.errorAlert = { showAlert: true, style: "Loud" as Excel.DataValidationAlertStyle, title: "", message: "" })],
      ["long list", (r) => (r.dataValidation.rule = { list: { source: "あ,".repeat(128), inCellDropDown: true } })],
    ];
    for (const [, attempt] of attempts) {
      const h = host();
      const failure = h.Excel.run(async (context) => {
        attempt(context.workbook.worksheets.getItem("Sheet1").getRange("B2"));
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one host and one batch per attempt
        await context.sync();
      });
      await expect(failure).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(h.workbook.sheets[0].validations?.size ?? 0).toBe(0);
    }
    await expect(
      host().Excel.run(async (context) => {
        context.workbook.worksheets.getItem("保護").getRange("B2").dataValidation.rule = LIST;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      host({ apiSets: { ExcelApi: "1.7" } }).Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B2").dataValidation.rule = LIST;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("typing: a Warning alert lets a value outside the list in and says so; a Stop alert keeps it out", async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C2").dataValidation.rule = LIST;
      ws.getRange("C2").dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "t", message: "m" };
      ws.getRange("C3").dataValidation.rule = LIST;
      await context.sync();
    });
    expect(h.typeInto("Sheet1", "C2", "②")).toEqual({ accepted: true, alert: null });
    expect(h.typeInto("Sheet1", "C2", "はい")).toMatchObject({ accepted: true, alert: { style: "Warning", message: "m" } });
    expect(h.workbook.sheets[0].cells.get(cellKey(1, 2))?.value).toBe("はい");
    expect(h.typeInto("Sheet1", "C3", "はい")).toMatchObject({ accepted: false, alert: { style: "Stop" } });
    expect(h.workbook.sheets[0].cells.get(cellKey(2, 2))).toBeUndefined();
  });
});

describe("Range.conditionalFormats (ExcelApi 1.6)", () => {
  async function addMark(h: ReturnType<typeof host>, address: string, formula = '="hyoka:error"<>""') {
    await h.Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange(address).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = formula;
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      cf.custom.format.borders.getItem("EdgeTop").style = "Continuous";
      await context.sync();
    });
  }

  test("add() puts a format at the top priority; a range lists the formats that intersect it; delete() removes exactly one", async () => {
    const h = host();
    await addMark(h, "B2", "=TRUE");
    await addMark(h, "B3");
    const sheet = h.workbook.sheets[0];
    expect(sheet.conditionalFormats!.map((f) => f.formula)).toEqual(['="hyoka:error"<>""', "=TRUE"]);
    expect(sheet.conditionalFormats![0]).toMatchObject({ range: { top: 2, left: 1, bottom: 2, right: 1 }, format: { fill: "#FFC7CE", fontColor: "#9C0006", borders: { EdgeTop: { style: "Continuous" } } } });

    await h.Excel.run(async (context) => {
      const all = context.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats.load("items/id,items/type,items/priority");
      const one = context.workbook.worksheets.getItem("Sheet1").getRange("B2").conditionalFormats.load("items/id");
      await context.sync();
      expect(all.items.map((f) => [f.type, f.priority])).toEqual([["Custom", 0], ["Custom", 1]]);
      expect(one.items.map((f) => f.id)).toEqual([all.items[1].id]);
      const rules = all.items.map((f) => f.custom.rule.load("formula"));
      await context.sync();
      expect(rules.map((r) => r.formula)).toEqual(['="hyoka:error"<>""', "=TRUE"]);
      all.items[0].delete();
      await context.sync();
    });
    expect(sheet.conditionalFormats!.map((f) => f.formula)).toEqual(["=TRUE"]);
  });

  test("refused: a kind the host does not model, a colour it cannot read, a protected sheet, ExcelApi 1.5", async () => {
    await expect(
      host().Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B2").conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      host().Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B2").conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom.format.fill.color = "pink-ish";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      host().Excel.run(async (context) => {
        context.workbook.worksheets.getItem("保護").getRange("B2").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      host({ apiSets: { ExcelApi: "1.5" } }).Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B2").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("ids belong to the session: the same format has another id once the workbook is saved and opened again", async () => {
    const h = host();
    await addMark(h, "B2");
    const idIn = async (x: ReturnType<typeof host>) =>
      x.Excel.run(async (context) => {
        const all = context.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats.load("items/id");
        await context.sync();
        return all.items[0].id;
      });
    const before = await idIn(h);
    expect(await idIn(h)).toBe(before);
    expect(await idIn(createExcelHost(reopenWorkbook(saveWorkbook(h.workbook))))).not.toBe(before);
  });
});

describe("Workbook.settings (ExcelApi 1.4)", () => {
  test("add sets or replaces; getItemOrNullObject of a missing key is null; delete", async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      context.workbook.settings.add("hyoka", { phase: "midyear", cells: ["B2"] });
      await context.sync();
      const got = context.workbook.settings.getItemOrNullObject("hyoka").load("value");
      const missing = context.workbook.settings.getItemOrNullObject("none").load("value");
      await context.sync();
      expect(got.value).toEqual({ phase: "midyear", cells: ["B2"] });
      expect(missing.isNullObject).toBe(true);
      context.workbook.settings.add("hyoka", 2);
      context.workbook.settings.add("other", "x");
      await context.sync();
      context.workbook.settings.getItem("other").delete();
      const count = context.workbook.settings.getCount();
      await context.sync();
      expect(count.value).toBe(1);
    });
    expect([...h.workbook.settings!]).toEqual([["hyoka", "2"]]);
    await expect(
      h.Excel.run(async (context) => {
        context.workbook.settings.add("bad", undefined);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("saving and opening again (persist.ts)", () => {
  test("cells, validation, conditional formats and settings survive; the snapshot is the same", async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2").dataValidation.rule = LIST;
      ws.getRange("B3").conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom.rule.formula = "=TRUE";
      context.workbook.settings.add("k", { a: 1 });
      await context.sync();
    });
    const reopened = reopenWorkbook(saveWorkbook(h.workbook));
    expect(snapshot(reopened)).toEqual(snapshot(h.workbook));
    expect(reopened.sheets[0].validations!.get(cellKey(1, 1))!.type).toBe("List");
  });
});
