import { checkWorkbook } from "../../src/check";
import { MARK_LOOKS, marksOf } from "../../src/entry/marks";
import { clearHighlight, highlightFindings } from "../../src/excel/highlight";
import { readOpenWorkbook } from "../../src/excel/read-workbook";
import { createExcelHost } from "../../src/excel-sim/host";
import { reopenWorkbook, saveWorkbook } from "../../src/excel-sim/persist";
import { SimConditionalFormat, SimWorkbook, snapshot } from "../../src/excel-sim/workbook";
import { a1 } from "../../src/template/grid";
import type { Phase } from "../../src/model";
import { formHost, sampleHost } from "../support/hosts";
import { formItem } from "../support/workbooks";

type Host = Awaited<ReturnType<typeof sampleHost>>;

async function findingsOf(host: Host, phase: Phase) {
  return checkWorkbook(await readOpenWorkbook(host), { phase });
}

/** Every conditional format, as "sheet!A1 formula". */
function formats(workbook: SimWorkbook): string[] {
  return workbook.sheets.flatMap((s) => (s.conditionalFormats ?? []).map((f) => `${s.name}!${a1(f.range.top, f.range.left)} ${f.formula}`));
}

/** A format of the user's own, as another tool or the user made it. */
const own = (top: number, left: number): SimConditionalFormat => ({
  type: "Custom",
  range: { top, left, bottom: top + 2, right: left },
  formula: "=A1>0",
  format: { fill: "#00FF00" },
  stopIfTrue: false,
});

/** Item 1: (ii) with ① and no remark (warnings); item 2: ② without a remark (an error); item 3 complete. */
const mixed = () => [
  formItem(1, { midyear: { implementation: "(ii)", achievement: "①" } }),
  formItem(2, { midyear: { implementation: "(i)", achievement: "②" } }),
  formItem(3),
];

describe("強調表示 / 強調表示を解除", () => {
  test("marks exactly the cells of the findings, errors and warnings apart; a cell's own format is untouched", async () => {
    const host = await formHost(mixed());
    const report = await findingsOf(host, "midyear");
    const before = snapshot(host.workbook).sheets.map((s) => s.cells);
    const result = await highlightFindings(host, report, new Date("2025-10-01T05:00:00Z"));
    const marks = marksOf(report.findings);
    const errors = marks.filter((m) => m.kind === "error").length;
    expect(errors).toBeGreaterThan(0);
    expect(marks.length - errors).toBeGreaterThan(0);
    expect(result).toMatchObject({ errors, warnings: marks.length - errors, removed: 0, protectedSheets: [] });

    expect(formats(host.workbook).sort()).toEqual(marks.map((m) => `${m.sheet}!${m.cell} ="hyoka:${m.kind}"<>""`).sort());
    const sheet = host.workbook.sheets[0];
    for (const format of sheet.conditionalFormats!) {
      const kind = format.formula!.includes("error") ? "error" : "warning";
      expect(format.format).toMatchObject({ fill: MARK_LOOKS[kind].fill, fontColor: MARK_LOOKS[kind].font });
      expect(Object.values(format.format.borders!).map((b) => b!.style)).toEqual(Array(4).fill(MARK_LOOKS[kind].border.style));
    }
    expect(snapshot(host.workbook).sheets.map((s) => s.cells)).toEqual(before);
    expect(JSON.parse(host.workbook.settings!.get("hyoka.highlight")!)).toEqual({ at: "2025-10-01T05:00:00.000Z", phase: "midyear", errors, warnings: marks.length - errors });
  });

  test("highlight then clear leaves the workbook exactly as it was, the user's own conditional formats and their order included", async () => {
    const host = await sampleHost();
    const sheet = host.workbook.sheets[0];
    sheet.conditionalFormats = [own(2, 2), own(40, 3)];
    const before = snapshot(host.workbook);
    const report = await findingsOf(host, "final");
    const marked = await highlightFindings(host, report);
    expect(marked.errors).toBe(38);
    expect(sheet.conditionalFormats).toHaveLength(40);
    const again = await highlightFindings(host, report);
    expect(again.removed).toBe(38); // the earlier marks are replaced, not doubled
    expect(sheet.conditionalFormats).toHaveLength(40);
    expect(await clearHighlight(host)).toEqual({ removed: 38, protectedSheets: [] });
    expect(snapshot(host.workbook)).toEqual(before);
  });

  test("…also after the workbook was saved and opened again (ids do not survive; the marks are found by their formula)", async () => {
    const host = await sampleHost();
    host.workbook.sheets[0].conditionalFormats = [own(5, 1)];
    const before = snapshot(host.workbook);
    await highlightFindings(host, await findingsOf(host, "final"));
    const reopened = createExcelHost(reopenWorkbook(saveWorkbook(host.workbook)));
    expect(JSON.parse(reopened.workbook.settings!.get("hyoka.highlight")!)).toMatchObject({ phase: "final", errors: 38 });
    expect(await clearHighlight(reopened)).toMatchObject({ removed: 38 });
    expect(snapshot(reopened.workbook)).toEqual(before);
  });

  test("ExcelApi 1.20: one Ctrl+Z takes the whole highlight back", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.20" } });
    const before = snapshot(host.workbook);
    await highlightFindings(host, await findingsOf(host, "final"));
    expect(host.undoDepth()).toBe(1);
    host.undo();
    expect(snapshot(host.workbook)).toEqual(before);
  });

  test("a protected sheet is named and left alone", async () => {
    const host = await formHost(mixed(), { sheets: "per-item" });
    const report = await findingsOf(host, "midyear");
    host.workbook.sheets[0].protected = true;
    const result = await highlightFindings(host, report);
    expect(result.protectedSheets).toEqual([host.workbook.sheets[0].name]);
    expect(formats(host.workbook).filter((f) => f.startsWith(host.workbook.sheets[0].name))).toEqual([]);
    expect(formats(host.workbook).length).toBe(result.errors + result.warnings);
  });

  test("an Excel before ExcelApi 1.6 is told so, and nothing is read or written", async () => {
    const host = await formHost(mixed(), undefined, { apiSets: { ExcelApi: "1.5" } });
    const report = await findingsOf(host, "midyear");
    const syncs = host.stats.syncs;
    await expect(highlightFindings(host, report)).rejects.toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("ExcelApi 1.6 より前") });
    await expect(clearHighlight(host)).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(host.stats.syncs).toBe(syncs);
  });

  test("the looks read: text on fill and the border on white reach WCAG's 4.5:1", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    for (const look of Object.values(MARK_LOOKS)) {
      expect(contrast(look.font, look.fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(look.border.color, "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
    }
  });

  test("a cell with an error and a warning is marked as an error; findings without a cell are not marked", () => {
    const base = { item: 1, field: null, message: "", params: {} };
    expect(
      marksOf([
        { ...base, code: "A", severity: "warning", sheet: "S", cell: "B2" },
        { ...base, code: "B", severity: "error", sheet: "S", cell: "B2" },
        { ...base, code: "C", severity: "fatal", sheet: null, cell: null },
      ]),
    ).toEqual([{ sheet: "S", cell: "B2", kind: "error" }]);
  });
});
