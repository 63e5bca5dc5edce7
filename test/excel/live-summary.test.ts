import { checkWorkbook } from "../../src/check";
import { readOpenWorkbook } from "../../src/excel/read-workbook";
import { summarizeOpenWorkbook, writeRollUp } from "../../src/excel/summarize";
import type { ExcelHost } from "../../src/excel-sim/host";
import { cellKey, newSheet } from "../../src/excel-sim/workbook";
import { computeSummary } from "../../src/summary/compute";
import { summarizeWorkbooks } from "../../src/summary/files";
import { a1, parseA1 } from "../../src/template/grid";
import { formItem, gridOf } from "../support/workbooks";
import { formHost, sampleHost } from "../support/hosts";

const NOW = new Date(2026, 10, 25, 10, 0);

/** Values of a range of a sheet, read through the API (the host calculates first, as Excel has by then). */
async function valuesOf(host: ExcelHost, sheet: string, address: string): Promise<unknown[][]> {
  return host.Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return range.values;
  });
}

async function setValue(host: ExcelHost, sheet: string, address: string, value: unknown): Promise<void> {
  await host.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

/** Where the 集計 sheet of a host stands: the item table's header row and columns by header. */
function summaryLayout(host: ExcelHost) {
  const sheet = host.workbook.sheets.find((s) => s.name === "集計")!;
  const table = sheet.tables[0];
  const top = parseA1(table.address.split("!")[1].split(":")[0]).row;
  const headers = [...sheet.cells].filter(([key]) => Math.floor(key / 16_384) === top).map(([key, c]) => [key % 16_384, c.value] as const);
  const col = (name: string) => headers.find(([, v]) => v === name)![0];
  const countsRow = [...sheet.cells].find(([, c]) => c.value === "件数" && c.format?.bold)![0];
  return { sheet, top, col, counts: Math.floor(countsRow / 16_384) };
}

describe("the live 集計 in the host (#16)", () => {
  test("editing a rating after 集計 changes the linked row and the counts, without another 集計", async () => {
    const host = await formHost([formItem(1), formItem(2), formItem(3)]);
    await summarizeOpenWorkbook(host, { now: NOW });
    const { top, col, counts } = summaryLayout(host);
    const rows = `${a1(top + 1, col("達成見込み"))}:${a1(top + 3, col("達成見込み"))}`;
    expect(await valuesOf(host, "集計", rows)).toEqual([["①"], ["①"], ["①"]]);

    const grid = await readOpenWorkbook(host);
    const sources = computeSummary("x", checkWorkbook(grid), NOW, { grid }).rows.map((r) => r.ratings["midyear.achievement"].source!);
    await setValue(host, sources[0].sheet, sources[0].cell, "（２）");
    await setValue(host, sources[1].sheet, sources[1].cell, "はい");
    await setValue(host, sources[2].sheet, sources[2].cell, "（１）");
    expect(await valuesOf(host, "集計", rows)).toEqual([["②"], ["要確認"], ["①"]]);
    const counts2 = await valuesOf(host, "集計", `${a1(counts + 1, col("達成見込み"))}:${a1(counts + 6, col("達成見込み"))}`);
    expect(counts2.map((r) => r[0])).toEqual([1, 1, 0, 0, 1, 3]); // ①, ②, 対象外, 未入力, 要確認, 計
    expect(host.calculate()).toEqual([]);
  });

  test("rows inserted above an item in the form: the links follow their cells", async () => {
    const host = await formHost([formItem(1), formItem(2, { midyear: { implementation: "(ii)", achievement: "②", remark: "人員不足" } })]);
    await summarizeOpenWorkbook(host, { now: NOW });
    const { top, col } = summaryLayout(host);
    const remark = a1(top + 2, col("中間 課題と改善策"));
    const judged = a1(top + 2, col("達成見込み"));
    expect((await valuesOf(host, "集計", remark))[0][0]).toBe("人員不足");

    const grid = await readOpenWorkbook(host);
    const item2 = computeSummary("x", checkWorkbook(grid), NOW, { grid }).rows[1];
    const heading = parseA1(item2.link.cell);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("取組項目").getRange(`${heading.row + 1}:${heading.row + 3}`).insert("Down");
      await context.sync();
    });
    expect((await valuesOf(host, "集計", remark))[0][0]).toBe("人員不足");
    expect((await valuesOf(host, "集計", judged))[0][0]).toBe("②");
    expect((await valuesOf(host, "集計", a1(top + 2, col("連動"))))[0][0]).toBe("");
    // The moved cell is the one linked: edit it where it is now.
    const moved = parseA1(item2.ratings["midyear.achievement"].source!.cell);
    await setValue(host, "取組項目", a1(moved.row + 3, moved.col), "①");
    expect((await valuesOf(host, "集計", judged))[0][0]).toBe("①");
  });

  test("the heading overwritten (the form restructured): 要再作成 and the status line says so", async () => {
    const host = await formHost([formItem(1), formItem(2)]);
    await summarizeOpenWorkbook(host, { now: NOW });
    const { top, col } = summaryLayout(host);
    const grid = await readOpenWorkbook(host);
    const heading = computeSummary("x", checkWorkbook(grid), NOW, { grid }).rows[0].link;
    await setValue(host, heading.sheet, heading.cell, "取組の方針・目標内容");
    expect((await valuesOf(host, "集計", a1(top + 1, col("連動"))))[0][0]).toBe("要再作成");
    expect((await valuesOf(host, "集計", "A5"))[0][0]).toMatch(/^1 件の取組項目で参照先が変わっています/);
  });
});

describe("what the host holds after 集計, read back (#17)", () => {
  test("table, frozen header, widths, page setup, footer, links and the chart", async () => {
    const host = await sampleHost();
    await summarizeOpenWorkbook(host, { now: NOW });
    const { sheet, top } = summaryLayout(host);
    expect(sheet.tables).toEqual([
      { name: "hyoka_items", address: expect.stringMatching(/^集計!A6:N25$/), style: "TableStyleMedium7", showBandedRows: true, showFilterButton: true },
    ]);
    expect(sheet.frozenRows).toBe(top + 1);
    expect(sheet.columnWidths.get(2)).toBeGreaterThan(sheet.columnWidths.get(0)!);
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: `$${top + 1}:$${top + 1}`,
      printArea: expect.stringMatching(/^A1:N\d+$/),
      footer: { left: "&A", center: "&P / &N", right: "作成 2026-11-25 10:00" },
    });
    const links = [...sheet.cells.values()].filter((c) => c.hyperlink).map((c) => c.hyperlink!.documentReference);
    expect(links).toContain("'取組項目'!A3");
    expect(links.some((l) => /^'集計'!C\d+$/.test(l!))).toBe(true);
    expect(sheet.charts).toEqual([
      { name: "Chart 1", type: "BarStacked100", source: expect.stringMatching(/^集計!C\d+:F\d+$/), seriesBy: "Rows", title: "判定の内訳", position: { start: expect.any(String), end: expect.any(String) } },
    ]);
    expect(host.workbook.sheets.find((s) => s.name === "検証結果")!.pageLayout.orientation).toBe("Landscape");
  });

  test("a user's table already called hyoka_items keeps its name; ours gets another", async () => {
    const host = await sampleHost();
    const mine = newSheet("メモ");
    mine.cells.set(cellKey(0, 0), { value: "見出し" });
    mine.tables.push({ name: "hyoka_items", address: "メモ!A1:A2", style: "TableStyleLight1", showBandedRows: true, showFilterButton: true });
    host.workbook.sheets.push(mine);
    await summarizeOpenWorkbook(host, { now: NOW });
    expect(mine.tables[0].name).toBe("hyoka_items");
    expect(summaryLayout(host).sheet.tables[0].name).toBe("hyoka_items_2");
    await summarizeOpenWorkbook(host, { now: NOW }); // a re-run replaces ours, and its name is free again
    expect(summaryLayout(host).sheet.tables[0].name).toBe("hyoka_items_2");
  });

  test("an ExcelApi 1.4 Excel: no page layout, no frozen panes, no links; notes say so; the formulas and table are there", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.4" } });
    const result = await summarizeOpenWorkbook(host, { now: NOW });
    const { sheet } = summaryLayout(host);
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.frozenRows).toBe(0);
    expect([...sheet.cells.values()].some((c) => c.formula)).toBe(true);
    expect(sheet.tables).toHaveLength(1);
    expect(result.notes.map((n) => n.ja).join("\n")).toMatch(/印刷の設定/);
  });
});

describe("複数のブックを集計 into the open workbook (#17)", () => {
  test("全体集計 and ファイル別集計 written in three syncs; a broken file is listed with its reason", async () => {
    const host = await sampleHost();
    const ward = await gridOf([formItem(1), formItem(2)]);
    const files = await summarizeWorkbooks(
      [
        { name: "北区.xlsx", read: async () => ward },
        { name: "壊れた.xlsx", read: () => Promise.reject(new Error(".xlsx ファイルではありません")) },
      ],
      { now: NOW },
    );
    const syncs = host.stats.syncs;
    const result = await writeRollUp(host, files, NOW);
    expect(result.sheets).toEqual(["全体集計", "ファイル別集計"]);
    expect(host.stats.syncs - syncs).toBe(3);
    const perFile = host.workbook.sheets.find((s) => s.name === "ファイル別集計")!;
    expect([...perFile.cells.values()].map((c) => c.value)).toContain("読み込めません: .xlsx ファイルではありません");
    const overall = host.workbook.sheets.find((s) => s.name === "全体集計")!;
    expect([...overall.cells.values()].some((c) => c.formula)).toBe(false);
    expect(overall.charts).toHaveLength(1);
    // A second run replaces only ours.
    await writeRollUp(host, files, NOW);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "全体集計", "ファイル別集計"]);
  });
});
