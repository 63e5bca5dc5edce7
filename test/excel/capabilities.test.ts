import { lacking, runAction, undoableAtOnce, versionFor } from "../../src/excel/capabilities";
import { toHostError } from "../../src/excel/host-error";
import { createExcelHost } from "../../src/excel-sim/host";
import { newSheet } from "../../src/excel-sim/workbook";

const host = (version: string) => createExcelHost({ name: "t.xlsx", protected: false, sheets: [newSheet("A"), newSheet("B")] }, { apiSets: { ExcelApi: version } });

const write = (context: Excel.RequestContext, cell: string) => {
  context.workbook.worksheets.getItem("A").getRange(cell).values = [["x"]];
  return context.sync();
};

describe("what an action needs, and its one undo step", () => {
  test("the version each feature needs is the highest of its members' (from EXCEL_API)", () => {
    expect(versionFor("inputRules")).toBe("1.8");
    expect(versionFor("highlight")).toBe("1.6");
    expect(versionFor("liveCheck")).toBe("1.7");
    expect(lacking(host("1.7"), "inputRules")?.ja).toMatch(/^この Excel（ExcelApi 1\.8 より前）は入力規則の設定に対応していないため、実行しませんでした。/);
    expect(lacking(host("1.8"), "inputRules")).toBeNull();
  });

  test("ExcelApi 1.20: an action's syncs are one undo record; 1.19: Excel cannot undo it at all", async () => {
    const grouped = host("1.20");
    expect(undoableAtOnce(grouped)).toBe(true);
    await runAction(grouped, async (context) => {
      await write(context, "A1");
      await write(context, "A2");
    });
    expect(grouped.undoDepth()).toBe(1);

    const old = host("1.19");
    expect(undoableAtOnce(old)).toBe(false);
    await runAction(old, (context) => write(context, "A1"));
    expect(old.undoDepth()).toBe(0);
  });

  test("UndoNotSupported (an API without undo support inside the group) becomes one Japanese line", async () => {
    const h = host("1.20");
    const error = await runAction(h, async (context) => {
      context.workbook.worksheets.getItem("B").delete();
      await context.sync();
    }).catch((e: unknown) => toHostError(e));
    expect(error).toMatchObject({ code: "UndoNotSupported", message: expect.stringContaining("1 回の「元に戻す」にまとめられなかった") });
  });
});
