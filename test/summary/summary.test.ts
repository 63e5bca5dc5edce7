import fc from "fast-check";
import { checkWorkbook, CheckReport } from "../../src/check";
import { evaluateFormula, referencesOf, textLiteralsOf } from "../../src/excel-sim/formula";
import { validateItems } from "../../src/rules";
import { computeSummary, Summary } from "../../src/summary/compute";
import { judgeFormula, RELINK_LABEL } from "../../src/summary/formulas";
import { CHECK_LABEL, judgedLabel, judgementOf, WHITE_SPACE } from "../../src/summary/judgement";
import { FINDINGS_SHEET, layoutAggregate, layoutSummary, SUMMARY_SHEET } from "../../src/summary/layout";
import { CellWrite, freeSheetName, isGeneratedSheet, linkTarget, MARKER_CELL, parseLinkTarget, SheetWrites, styleWidthFactor, textWidth } from "../../src/summary/sheet-writes";
import { a1, CellValue, cellText, parseA1, WorkbookGrid } from "../../src/template/grid";
import { defaultProfile } from "../../src/template/profile";
import { acceptedSpellings } from "../../src/template/ratings";
import { evaluateSheets, shown } from "../support/evaluate-sheets";
import type { Item } from "../../src/model";
import { makeItem, NO_FORM } from "../support/items";
import { formItem, gridOf, sampleGrid } from "../support/workbooks";

const NOW = new Date(2026, 10, 25, 9, 30);

function report(items = sample()): CheckReport {
  // As checkWorkbook does: every finding names its form.
  const findings = validateItems(items, NO_FORM, "midyear", defaultProfile).map((f) => ({ ...f, form: "取組項目" }));
  return { form: { plan: null, fiscalYear: null }, forms: formsOf(items), phase: "midyear", phaseSource: "inferred", items, findings };
}

/** The report's forms as checkWorkbook lists them, for items given a form by hand. */
function formsOf(items: Item[]): CheckReport["forms"] {
  const names = [...new Set(items.map((i) => i.form))];
  return names.map((name) => {
    const own = items.filter((i) => i.form === name);
    return { name, sheets: [...new Set(own.map((i) => i.sheet))], plan: null, fiscalYear: null, itemCount: own.length, sections: ["plan", "midyear", "final"] };
  });
}

function sample() {
  return [
    makeItem({ no: 1, starred: true }),
    makeItem({ no: 2, midyear: { implementation: "ii", achievement: 2, remark: null } }),
    makeItem({ no: 3, midyear: { implementation: null, achievement: "na" } }),
    makeItem({ no: 4, title: "=HYPERLINK(\"http://x\")", midyear: { remark: "+danger" } }),
  ];
}

const cellAt = (sheet: SheetWrites, row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col);
const rowCells = (sheet: SheetWrites, row: number) => sheet.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
/** The item table's header names, and the column of one of them. */
const headerOf = (sheet: SheetWrites) => rowCells(sheet, sheet.tables[0].top).map((c) => c.value);
const colOf = (sheet: SheetWrites, name: string) => headerOf(sheet).indexOf(name);
/** The rows of the 件数 panel (below the item table): label → counts of 実施見込み, 達成見込み, 自己評価. */
function countPanel(sheet: SheetWrites, values: (c: CellWrite) => unknown = (c) => c.value): Map<string, unknown[]> {
  const title = colOf(sheet, "取組項目");
  const top = sheet.cells.find((c) => c.col === title && c.value === "件数" && c.style === "header")!.row;
  const panel = new Map<string, unknown[]>();
  for (let row = top + 1; row <= top + 6; row++) {
    const label = String(cellAt(sheet, row, title)!.value);
    panel.set(label, [1, 2, 3].map((i) => values(cellAt(sheet, row, title + i)!)));
  }
  return panel;
}

describe("computeSummary", () => {
  const summary = computeSummary("天王寺区.xlsx", report(), NOW);

  test("one row per item with ratings shown as on the form; no grid: nothing is linked", () => {
    expect(summary.rows.map((r) => [r.no, r.ratings["midyear.implementation"].label, r.ratings["midyear.achievement"].label])).toEqual([
      [1, "(i)", "①"],
      [2, "(ii)", "②"],
      [3, "", "対象外"],
      [4, "(i)", "①"],
    ]);
    expect(summary.rows[0].link).toEqual({ sheet: "取組項目", cell: "A1" });
    expect(summary.live).toBe(false);
    expect(summary.rows.every((r) => Object.values(r.ratings).every((c) => c.source === null))).toBe(true);
  });

  test("the cross-tab: per rating, the two levels, 対象外, 未入力, 要確認", () => {
    const achievement = summary.total.columns.find((c) => c.field === "midyear.achievement")!;
    expect(Object.values(achievement.cells)).toEqual([
      { label: "①", count: 2 },
      { label: "②", count: 1 },
      { label: "対象外", count: 1 },
      { label: "", count: 0 },
      { label: "要確認", count: 0 },
    ]);
    const implementation = summary.total.columns.find((c) => c.field === "midyear.implementation")!;
    expect(implementation.cells.empty.count).toBe(1);
    expect(summary.starred).toBe(1);
    expect(summary.perForm).toEqual([]);
  });

  test("an invalid or error cell counts as 要確認", () => {
    const bad = makeItem({ no: 5, midyear: { achievement: null }, sources: { "midyear.achievement": { sheet: "取組項目", cell: "C6", text: "はい", error: null, invalid: true } } });
    const s = computeSummary("x", report([bad]), NOW);
    expect(s.rows[0].ratings["midyear.achievement"].label).toBe(CHECK_LABEL);
    expect(s.total.columns[1].cells.check.count).toBe(1);
  });

  test("error and warning counts per item; items with errors", () => {
    const row2 = summary.rows.find((r) => r.no === 2)!;
    expect(row2.errors).toBe(1); // REMARK_REQUIRED
    expect(row2.warnings).toBe(1); // REMARK_RECOMMENDED
    expect(summary.rows.find((r) => r.no === 3)!.errors).toBe(1); // RATING_MISSING implementation
    expect(summary.withErrors).toBe(2);
  });

  test("several forms: a cross-tab per form beside the total", () => {
    const items = [makeItem({ no: 1 }), makeItem({ no: 1, midyear: { achievement: 2 } }), makeItem({ no: 2 })].map((item, i) => ({ ...item, form: i === 1 ? "北区" : "天王寺区" }));
    const s = computeSummary("x", report(items), NOW);
    expect(s.perForm.map((t) => [t.group, t.items, t.columns[1].cells.first.count, t.columns[1].cells.second.count])).toEqual([
      ["天王寺区", 2, 2, 0],
      ["北区", 1, 0, 1],
    ]);
    expect(s.total.items).toBe(3);
  });
});

describe("layoutSummary without the workbook's cells (values)", () => {
  const [sheet, findings] = layoutSummary(computeSummary("天王寺区.xlsx", report(), NOW));

  test("集計: title, marker, a line of facts, a note saying the values are as of the check", () => {
    expect(sheet.name).toBe(SUMMARY_SHEET);
    expect(cellAt(sheet, 0, 0)!.value).toBe("集計");
    expect(isGeneratedSheet(cellAt(sheet, MARKER_CELL.row, MARKER_CELL.col)!.value)).toBe(true);
    expect(cellAt(sheet, 2, 0)!.value).toBe("ブック: 天王寺区.xlsx　フェーズ: 中間振り返り　作成: 2026-11-25 09:30　取組項目: 4 件（★ 1 件、エラーのある取組項目 2 件）");
    expect(cellAt(sheet, 3, 0)!.value).toBe("この表は作成時（中間振り返りの検証、2026-11-25 09:30）の値です。");
    expect(sheet.cells.some((c) => c.formula)).toBe(false);
  });

  test("the item table: an Excel table with filter buttons and banded rows, a frozen header row, 移動 links", () => {
    const [table] = sheet.tables;
    expect(table).toMatchObject({ name: "hyoka_items", bandedRows: true, filterButtons: true, top: 4, bottom: 8 });
    expect(headerOf(sheet)).toEqual([
      "番号", "★", "取組項目", "実施見込み", "達成見込み", "自己評価", "エラー", "警告",
      "中間 課題と改善策", "取組実績", "自己評価 課題と改善策", "目標", "移動",
    ]);
    expect(sheet.freezeRows).toBe(table.top + 1);
    expect(sheet.cells.find((c) => c.link)).toMatchObject({ value: "取組項目1へ", link: { sheet: "取組項目", cell: "A1" }, row: 5 });
    // Excel needs unique header names in a table.
    expect(new Set(headerOf(sheet)).size).toBe(headerOf(sheet).length);
  });

  test("the counts stand below the table, in its 取組項目 and rating columns, with shares", () => {
    expect(countPanel(sheet)).toEqual(
      new Map([
        ["(i)・①", [2, 2, 4]],
        ["(ii)・②", [1, 1, 0]],
        ["対象外", [0, 1, 0]],
        ["未入力", [1, 0, 0]],
        ["要確認", [0, 0, 0]],
        ["計", [4, 4, 4]],
      ]),
    );
    const title = colOf(sheet, "取組項目");
    const shares = sheet.cells.find((c) => c.col === title && c.value === "割合")!.row;
    expect(rowCells(sheet, shares + 1).map((c) => c.value)).toEqual(["(i)・①", 0.5, 0.5, 1]);
    expect(cellAt(sheet, shares + 1, title + 1)!.format).toBe("percent");
    // 件数とグラフ: a link at the top jumps there.
    const jump = sheet.cells.find((c) => c.row === 0 && c.link)!;
    expect(jump.link).toEqual({ sheet: "集計", cell: a1(shares - 7 - 1, title) });
  });

  test("a chart of the three ratings: stacked 100% bars over the 件数 panel", () => {
    const [chart] = sheet.charts;
    const title = colOf(sheet, "取組項目");
    expect(chart).toMatchObject({ kind: "barStacked100", seriesBy: "rows", data: { left: title, right: title + 3 } });
    expect(cellAt(sheet, chart.data.top, title)!.value).toBe("件数");
    expect(rowCells(sheet, chart.data.bottom)[0].value).toBe("要確認");
    // It stands beside the panels, over the wide text columns, inside the printed area.
    expect(chart.anchor.left).toBe(colOf(sheet, "中間 課題と改善策"));
    expect(chart.anchor.bottom).toBeLessThanOrEqual(sheet.print.area!.bottom);
  });

  test("printing: A4 landscape, one page wide, the header row on every page, a footer with name, pages and time", () => {
    expect(sheet.print).toEqual({
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: 4, last: 4 },
      area: { top: 0, left: 0, bottom: Math.max(...sheet.cells.map((c) => c.row)), right: 12 },
      footer: { left: "&A", center: "&P / &N", right: "作成 2026-11-25 09:30" },
    });
    expect(findings.print).toMatchObject({ orientation: "landscape", titleRows: { first: 4, last: 4 }, footer: { right: "作成 2026-11-25 09:30" } });
  });

  test("row heights: a row whose text wraps over lines is given room for them (files are printed as they say)", () => {
    const long = computeSummary("x", report([makeItem({ no: 1, title: "あ".repeat(60) }), makeItem({ no: 2, plan: { policy: "x", thisYear: "y" } })]), NOW);
    const [s] = layoutSummary(long);
    expect(s.rowHeights[s.tables[0].top + 1]).toBeGreaterThanOrEqual(15 * 5); // 120 columns of text in a 26-wide column
    expect(s.rowHeights[s.tables[0].top + 2]).toBeUndefined();
  });

  test("links within the sheet use the name the sheet will have", () => {
    const [s] = layoutSummary(computeSummary("x", report(), NOW), { sheetName: (base) => `${base} (2)` });
    expect(s.name).toBe("集計 (2)");
    expect(s.cells.find((c) => c.row === 0 && c.link)!.link!.sheet).toBe("集計 (2)");
  });

  test("text that looks like a formula is kept as text", () => {
    const title = sheet.cells.find((c) => String(c.value).startsWith("=HYPERLINK"))!;
    expect(title.format).toBe("text");
    expect(title.formula).toBeUndefined();
  });

  test("検証結果: one row per finding, linked to its cell, as of the check", () => {
    expect(findings.name).toBe(FINDINGS_SHEET);
    const [table] = findings.tables;
    expect(table.bottom - table.top).toBe(report().findings.length);
    expect(findings.freezeRows).toBe(table.top + 1);
    const linked = findings.cells.filter((c) => c.link);
    expect(linked.length).toBe(report().findings.length);
    expect(linked[0].link).toEqual({ sheet: "取組項目", cell: linked[0].value });
    expect(cellAt(findings, 3, 0)!.value).toMatch(/作成時（中間振り返りの検証、2026-11-25 09:30）の結果です/);
  });
});

/** No text is clipped: each column is at least as wide as the widest text it holds (titles and notes run on). */
function expectWidthsFit(sheet: SheetWrites) {
  const wrapping = (c: CellWrite) => sheet.tables.some((t) => c.row > t.top && c.row <= t.bottom && c.col >= t.left && c.col <= t.right);
  for (const c of sheet.cells) {
    if (c.style === "title" || c.style === "note" || typeof c.value !== "string" || wrapping(c)) continue;
    const lastInRow = Math.max(...rowCells(sheet, c.row).map((x) => x.col)) === c.col;
    if (lastInRow && !sheet.tables.some((t) => c.row === t.top)) continue; // runs on over empty cells
    const needed = textWidth(c.value) * styleWidthFactor(c.style);
    expect({ cell: a1(c.row, c.col), text: c.value, width: sheet.columnWidths[c.col] >= needed }).toEqual({ cell: a1(c.row, c.col), text: c.value, width: true });
  }
}

describe("column widths fit Japanese text", () => {
  test("集計 and 検証結果, labels and headers included (a table header also leaves room for its filter button)", () => {
    const sheets = layoutSummary(computeSummary("天王寺区.xlsx", report(), NOW));
    for (const sheet of sheets) expectWidthsFit(sheet);
    const [, findings] = sheets;
    expect(findings.columnWidths[1]).toBeGreaterThanOrEqual(textWidth("重要度") * 1.1 + 3);
    expect(textWidth("検証結果")).toBe(8);
    expect(textWidth("①(i)")).toBe(5);
  });

  test("the counts and the item table share only columns that suit both: no rating column is wider than its header needs", () => {
    const [sheet] = layoutSummary(computeSummary("天王寺区.xlsx", report(), NOW));
    expect(sheet.columnWidths[colOf(sheet, "番号")]).toBeLessThan(12);
    for (const name of ["実施見込み", "達成見込み", "自己評価", "エラー", "警告"]) {
      expect(sheet.columnWidths[colOf(sheet, name)]).toBeLessThanOrEqual(Math.ceil(textWidth(name) * 1.1 + 5));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// The live 集計 (#16): formulas over a real workbook's cells

async function liveSummary(grid: WorkbookGrid): Promise<{ summary: Summary; sheets: SheetWrites[] }> {
  const summary = computeSummary("test.xlsx", checkWorkbook(grid), NOW, { grid });
  return { summary, sheets: layoutSummary(summary) };
}

/** Sets a cell of the workbook's grid, as a user's edit would. */
function edit(grid: WorkbookGrid, sheet: string, address: string, value: CellValue) {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  const { row, col } = parseA1(address);
  while (s.values.length <= row - s.top) s.values.push([]);
  s.values[row - s.top][col - s.left] = value;
}

/** Every formula's evaluated result equals the value hyoka wrote with it. */
function expectCachedValuesRight(grid: WorkbookGrid, sheets: SheetWrites[]) {
  const results = evaluateSheets(grid, sheets);
  for (const sheet of sheets) {
    for (const c of sheet.cells.filter((x) => x.formula)) {
      const cached = c.error ? { error: c.error } : c.value;
      expect({ at: a1(c.row, c.col), value: results.get(`${sheet.name.toLowerCase()}!${c.row},${c.col}`) }).toEqual({ at: a1(c.row, c.col), value: cached });
    }
  }
}

describe("the live 集計 (#16)", () => {
  test("the 19-item sample: ratings, remarks and results are formulas over their source cells; the values cached are the formulas' results", async () => {
    const grid = await sampleGrid();
    const { summary, sheets } = await liveSummary(grid);
    const [sheet] = sheets;
    expect(summary.live).toBe(true);
    const item1 = sheet.tables[0].top + 1;
    const achievement = cellAt(sheet, item1, colOf(sheet, "達成見込み"))!;
    const source = summary.rows[0].ratings["midyear.achievement"].source!;
    expect(achievement.formula).toContain(`'取組項目'!$${source.cell.replace(/(\d+)/, "$$$1")}`);
    expect(achievement.value).toBe("①");
    const remark = cellAt(sheet, item1, colOf(sheet, "中間 課題と改善策"))!;
    expect(remark.formula).toMatch(/^=IF\(ISBLANK\('取組項目'!\$[A-Z]+\$\d+\),"",'取組項目'!\$[A-Z]+\$\d+\)$/);
    expect(countPanel(sheet, (c) => c.formula !== undefined).get("(i)・①")).toEqual([true, true, true]);
    expectCachedValuesRight(grid, sheets);
  });

  test("editing a rating changes the judged cell and the counts; （１） counts as ①, はい as 要確認; an emptied remark shows empty", async () => {
    const grid = await gridOf([formItem(1), formItem(2), formItem(3, { midyear: { implementation: "(i)", achievement: "②", remark: "遅れ" } })]);
    const { summary, sheets } = await liveSummary(grid);
    const [sheet] = sheets;
    const before = evaluateSheets(grid, sheets);
    const judged = (results: Map<string, CellValue>, row: number) => shown(results, sheet, sheet.tables[0].top + row, colOf(sheet, "達成見込み"));
    expect([1, 2, 3].map((r) => judged(before, r))).toEqual(["①", "①", "②"]);

    const [a, b, c] = summary.rows.map((r) => r.ratings["midyear.achievement"].source!);
    edit(grid, a.sheet, a.cell, "（１）");
    edit(grid, b.sheet, b.cell, "はい");
    edit(grid, c.sheet, c.cell, "②：達成できない見込み");
    const remark = summary.rows[2].texts["midyear.remark"].source!;
    edit(grid, remark.sheet, remark.cell, null);
    const after = evaluateSheets(grid, sheets);
    expect([1, 2, 3].map((r) => judged(after, r))).toEqual(["①", "要確認", "②"]);
    expect(shown(after, sheet, sheet.tables[0].top + 3, colOf(sheet, "中間 課題と改善策"))).toBe("");
    const counts = countPanel(sheet, (cell) => shown(after, sheet, cell.row, cell.col));
    expect(counts.get("(i)・①")![1]).toBe(1);
    expect(counts.get("要確認")![1]).toBe(1);
    expect(counts.get("計")![1]).toBe(3);
  });

  test("a rating ticked in its legend (☐①… ☑②…) is judged from the legend's cell; ticking the other option shows 要確認 until the 集計 is made again", async () => {
    const grid = await gridOf([formItem(1, { midyear: { implementation: "(i)", achievement: null } }), formItem(2)]);
    const [form] = grid.sheets;
    const legend = "①:達成見込み ②:達成できない見込み";
    const at = form.values.flatMap((row, r) => row.flatMap((value, c) => (value === legend ? [{ r, c }] : [])));
    expect(at).toHaveLength(2);
    form.values[at[0].r][at[0].c] = "☐①:達成見込み ☑②:達成できない見込み";
    const { summary, sheets } = await liveSummary(grid);
    const [sheet] = sheets;
    const source = summary.rows[0].ratings["midyear.achievement"].source!;
    expect(source.cell).toBe(a1(form.top + at[0].r, form.left + at[0].c));
    const judged = (results: Map<string, CellValue>) => [1, 2].map((r) => shown(results, sheet, sheet.tables[0].top + r, colOf(sheet, "達成見込み")));
    expect(judged(evaluateSheets(grid, sheets))).toEqual(["②", "①"]);
    expectCachedValuesRight(grid, sheets);
    edit(grid, source.sheet, source.cell, "☑①:達成見込み ☐②:達成できない見込み");
    expect(judged(evaluateSheets(grid, sheets))).toEqual([CHECK_LABEL, "①"]);
  });

  test("a text that starts with = stays that text; a number stays a number", async () => {
    const grid = await gridOf([formItem(1, { midyear: { implementation: "(i)", achievement: "②", remark: "=SUM(A1)" }, final: { result: 42 } })]);
    const { sheets } = await liveSummary(grid);
    const [sheet] = sheets;
    const results = evaluateSheets(grid, sheets);
    const row = sheet.tables[0].top + 1;
    expect(shown(results, sheet, row, colOf(sheet, "中間 課題と改善策"))).toBe("=SUM(A1)");
    expect(shown(results, sheet, row, colOf(sheet, "取組実績"))).toBe(42);
    expectCachedValuesRight(grid, sheets);
  });

  test("連動: the heading no longer there, a label in a linked cell, or a deleted sheet show 要再作成, and the status line counts them", async () => {
    const grid = await gridOf([formItem(1), formItem(2), formItem(3)]);
    const { summary, sheets } = await liveSummary(grid);
    const [sheet] = sheets;
    const relink = (results: Map<string, CellValue>) => [1, 2, 3].map((r) => shown(results, sheet, sheet.tables[0].top + r, colOf(sheet, "連動")));
    expect(relink(evaluateSheets(grid, sheets))).toEqual(["", "", ""]);
    expect(String(cellAt(sheet, 4, 0)!.value)).toMatch(/^連動: すべての/);

    edit(grid, summary.rows[0].link.sheet, summary.rows[0].link.cell, "取組項目12"); // another item stands there now
    const remark = summary.rows[1].texts["midyear.remark"].source!;
    edit(grid, remark.sheet, remark.cell, "課題と 改善策 ※左記が「②」の場合は必須"); // a label where the value was
    const results = evaluateSheets(grid, sheets);
    expect(relink(results)).toEqual([RELINK_LABEL, RELINK_LABEL, ""]);
    expect(shown(results, sheet, 4, 0)).toBe("2 件の取組項目で参照先が変わっています（連動の列に「要再作成」）。集計を作り直してください。");

    const deleted = { name: grid.name, sheets: [] };
    expect(relink(evaluateSheets(deleted, sheets))).toEqual([RELINK_LABEL, RELINK_LABEL, RELINK_LABEL]);
  });

  test("full-width and spaced headings (取組項目１, 取組項目 1) are recognised, and item 1 is not item 12", async () => {
    for (const numberStyle of ["fullwidth", "space", "spaced"] as const) {
      const items = Array.from({ length: 12 }, (_, i) => formItem(i + 1));
      const grid = await gridOf(items, { numberStyle });
      const { sheets } = await liveSummary(grid);
      expectCachedValuesRight(grid, sheets);
      expect(sheets[0].cells.filter((c) => c.value === RELINK_LABEL)).toEqual([]);
    }
  });

  test("a heading whose number stands in a cell of its own (「取組項目」 | 「1」): 連動 reads both cells", async () => {
    const grid = await gridOf([formItem(1), formItem(2), formItem(12)], { numberStyle: "apart" });
    const { summary, sheets } = await liveSummary(grid);
    const [sheet] = sheets;
    expectCachedValuesRight(grid, sheets);
    const relink = (results: Map<string, CellValue>) => [1, 2, 3].map((r) => shown(results, sheet, sheet.tables[0].top + r, colOf(sheet, "連動")));
    expect(relink(evaluateSheets(grid, sheets))).toEqual(["", "", ""]);
    const number = summary.rows[0].numberLink!;
    expect(number.cell).toBe(summary.rows[0].link.cell.replace(/^A/, "B"));
    edit(grid, number.sheet, number.cell, 12); // another item's number stands there now
    expect(relink(evaluateSheets(grid, sheets))).toEqual([RELINK_LABEL, "", ""]);
  });

  test.each(["【取組項目N】", "取組項目：N", "■取組項目(N)"])("a heading printed as %s: 連動 '' while it stands, 要再作成 once another number does", async (printed) => {
    const grid = await gridOf([formItem(1), formItem(2), formItem(12)]);
    const [form] = grid.sheets;
    const rewrite = (value: CellValue) => (typeof value === "string" && /^取組項目\d+$/.test(value) ? printed.replace("N", value.slice(4)) : value);
    grid.sheets[0] = { ...form, values: form.values.map((row) => row.map(rewrite)) };
    const { summary, sheets } = await liveSummary(grid);
    const [sheet] = sheets;
    expectCachedValuesRight(grid, sheets);
    const relink = (results: Map<string, CellValue>) => [1, 2, 3].map((r) => shown(results, sheet, sheet.tables[0].top + r, colOf(sheet, "連動")));
    expect(relink(evaluateSheets(grid, sheets))).toEqual(["", "", ""]);
    edit(grid, summary.rows[0].link.sheet, summary.rows[0].link.cell, printed.replace("N", "12"));
    expect(relink(evaluateSheets(grid, sheets))).toEqual([RELINK_LABEL, "", ""]);
  });

  test("a value written after its label in the label's own cell is not linked (the formula would show the label): it stays a value", async () => {
    const grid = await gridOf([formItem(1, { midyear: { implementation: "(i)", achievement: "②" } })]);
    const { summary } = await liveSummary(grid);
    const source = summary.rows[0].texts["midyear.remark"].source!;
    // The remark's label cell is above the value cell: write the remark into the label cell instead.
    const { row, col } = parseA1(source.cell);
    edit(grid, source.sheet, source.cell, null);
    edit(grid, source.sheet, a1(row - 1, col), "課題と改善策 ※左記が「②」の場合は必須 人員不足");
    const again = computeSummary("x", checkWorkbook(grid), NOW, { grid });
    expect(again.rows[0].texts["midyear.remark"]).toEqual({ text: "人員不足", source: null });
    const [sheet] = layoutSummary(again);
    expect(cellAt(sheet, sheet.tables[0].top + 1, colOf(sheet, "中間 課題と改善策"))).toMatchObject({ value: "人員不足", format: "text" });
  });

  test("a rare spelling in the workbook (𝟏) gets a row of the judgement table, so the formulas count it as hyoka does", async () => {
    const grid = await gridOf([formItem(1, { midyear: { implementation: "(i)", achievement: "𝟏" } })]);
    const { summary, sheets } = await liveSummary(grid);
    expect(summary.rows[0].ratings["midyear.achievement"].label).toBe("①");
    expect(sheets[0].cells.some((c) => c.value === "1" && !c.formula)).toBe(true);
    expectCachedValuesRight(grid, sheets);
  });

  test("no item at all: the counts are values (the table's one blank row is not an item)", async () => {
    const grid = await gridOf([formItem(1)]);
    const summary = computeSummary("x", { ...checkWorkbook(grid), items: [] }, NOW, { grid });
    const sheets = layoutSummary(summary);
    expect(countPanel(sheets[0]).get("未入力")).toEqual([0, 0, 0]);
    expect(countPanel(sheets[0], (c) => c.formula).get("未入力")).toEqual([undefined, undefined, undefined]);
    expectCachedValuesRight(grid, sheets);
  });

  test("several forms: per-form blocks counted by form, and a chart of each form and the whole", async () => {
    const grid = await gridOf([formItem(1), formItem(2, { midyear: { implementation: "(ii)", achievement: "②" } }), formItem(3)]);
    const base = checkWorkbook(grid);
    const forms = ["北区", "北区", "天王寺区"];
    const items = base.items.map((item, i) => ({ ...item, form: forms[i] }));
    const summary = computeSummary("x", { ...base, items, forms: formsOf(items) }, NOW, { grid });
    const sheets = layoutSummary(summary);
    const [sheet] = sheets;
    expect(headerOf(sheet)[0]).toBe("様式");
    const title = colOf(sheet, "取組項目");
    const blocks = sheet.cells.filter((c) => c.col === title && (c.value === "北区" || c.value === "天王寺区") && c.style === "label");
    expect(blocks.map((c) => c.value)).toEqual(["北区", "天王寺区"]);
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({ seriesBy: "columns", title: "様式別の内訳（達成見込み）" });
    // Beside its data, under the whole's counts and above the blocks per form: a chart of a few rows, not a page.
    expect(chart.anchor.top).toBe(chart.data.top - 1);
    expect(chart.anchor.bottom - chart.anchor.top).toBeLessThan(24);
    const firstBlock = blocks[0].row;
    expect(Math.max(chart.anchor.bottom, chart.data.bottom)).toBeLessThan(firstBlock);
    const data = Array.from({ length: chart.data.bottom - chart.data.top + 1 }, (_, i) =>
      rowCells(sheet, chart.data.top + i)
        .filter((c) => c.col <= chart.data.right)
        .map((c) => c.value),
    );
    expect(data).toEqual([
      ["様式", "①", "②", "対象外", "未入力", "要確認"],
      ["北区", 1, 1, 0, 0, 0],
      ["天王寺区", 1, 0, 0, 0, 0],
      ["全体", 2, 1, 0, 0, 0],
    ]);
    expectCachedValuesRight(grid, sheets);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Safe by construction (#16): no formula holds text taken from a cell

const HOSTILE = ['=HYPERLINK("http://evil","x")', "'; DROP TABLE x; --", '"),1,("', "~*?", "=1+1", "@SUM(1)", "①\"&\"x"];

describe("no formula contains text taken from a cell", () => {
  test.each([["取組項目"], ["Tom's 'list'"], ["a!b"], ["=SUM(A1)"]])("sheet %p, hostile titles, remarks and results", async (sheetName) => {
    const items = HOSTILE.map((text, i) =>
      formItem(i + 1, { title: text, midyear: { implementation: text, achievement: "②", remark: text }, final: { result: text, achievement: text, remark: text } }),
    );
    const grid = await gridOf(items);
    grid.sheets[0].name = sheetName;
    const { summary, sheets } = await liveSummary(grid);
    const profileWords = new Set([
      ...Object.values(defaultProfile.scales).flatMap((scale) => [...judgementOf(scale, defaultProfile).folds.flatMap((f) => [f.from, f.to])]),
      ...defaultProfile.itemLabels.flatMap((label) => summary.rows.flatMap((r) => [`${label}${r.no}`, `${label}${String(r.no).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`])),
    ]);
    const ours = new Set(["", "要確認", "未入力", "要再作成", "_", "0123456789０１２３４５６７８９", "①", "②", "(i)", "(ii)", "対象外"]);
    const formulas = sheets.flatMap((s) => s.cells.filter((c) => c.formula).map((c) => ({ sheet: s.name, formula: c.formula! })));
    expect(formulas.length).toBeGreaterThan(50);
    for (const { sheet, formula } of formulas) {
      for (const literal of textLiteralsOf(formula)) {
        if (ours.has(literal) || profileWords.has(literal) || literal.startsWith("連動:") || literal.includes("件の取組項目で")) continue;
        throw new Error(`unexpected text ${JSON.stringify(literal)} in ${formula}`);
      }
      for (const ref of referencesOf(formula)) expect([null, sheetName, sheet]).toContain(ref.sheet);
      for (const text of HOSTILE) if (text.length > 3) expect(formula).not.toContain(text);
    }
    expectCachedValuesRight(grid, sheets);
    // The hostile texts are there, as values.
    const [sheet] = sheets;
    expect(sheet.cells.filter((c) => c.value === HOSTILE[0] && c.format === "text").length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The judgement formula reads a cell as parseRating does (property)

describe("the judgement formula equals parseRating", () => {
  const SHEET = "S";
  function judgeInFormula(value: CellValue, scaleName: string): CellValue {
    const scale = defaultProfile.scales[scaleName];
    const judgement = judgementOf(scale, defaultProfile);
    const keys = { top: 0, bottom: judgement.entries.length - 1, left: 1, right: 1 };
    const labels = { ...keys, left: 2, right: 2 };
    const formula = judgeFormula({ sheet: SHEET, cell: "A1" }, judgement, { keys, labels });
    return evaluateFormula(formula, {
      sheet: "集計",
      cell: (sheet, row, col) => {
        if (sheet === SHEET) return row === 0 && col === 0 ? value : null;
        const entry = judgement.entries[row];
        if (!entry || col < 1 || col > 2) return null;
        return col === 1 ? entry.key || null : entry.label;
      },
    });
  }

  /**
   * Every character of the blocks people type ratings with (Number Forms, Enclosed Alphanumerics, Halfwidth and
   * Fullwidth Forms), by what NFKC makes of it: the spec, computed here from Unicode, not from the fold list.
   */
  const unfold = new Map<string, string[]>();
  for (const [first, last] of [[0x2150, 0x218f], [0x2460, 0x24ff], [0xff00, 0xffef]]) {
    for (let code = first; code <= last; code++) {
      const ch = String.fromCharCode(code);
      const to = ch.normalize("NFKC").toLowerCase();
      if (to !== ch && to.trim() !== "") unfold.set(to, [...(unfold.get(to) ?? []), ch]);
    }
  }

  /** A spelling as people type it: each character maybe in another form, upper case, white space between. */
  function spelled(scaleName: string) {
    const spellings = acceptedSpellings(defaultProfile.scales[scaleName], defaultProfile).map((s) => s.text);
    const junk = ["はい", "③", "*", "?", "~", "＊", "？", "x", "0", "3", "済", "◯", "(", "①②", "1 2", "達成", "未"];
    const piece = fc.oneof(fc.constantFrom(...spellings), fc.constantFrom(...junk));
    return fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 2 }), fc.infiniteStream(fc.nat()))
      .map(([pieces, random]) => {
        let text = pieces.join("");
        // Multi-character folds first (⑴ for (1), ⅱ for ii), then single characters, then white space.
        for (const [to, froms] of unfold) {
          if (to.length > 1 && text.includes(to) && random.next().value % 3 === 0) text = text.replace(to, froms[random.next().value % froms.length]);
        }
        text = [...text]
          .map((ch) => {
            const r = random.next().value % 6;
            const variants = unfold.get(ch) ?? [];
            if (r === 0 && variants.length) return variants[random.next().value % variants.length];
            if (r === 1) return ch.toUpperCase();
            if (r === 2) return WHITE_SPACE[random.next().value % WHITE_SPACE.length] + ch;
            return ch;
          })
          .join("");
        return text;
      });
  }

  test.each(["achievement", "implementation"])("%s: generated spellings", (scaleName) => {
    const scale = defaultProfile.scales[scaleName];
    fc.assert(
      fc.property(spelled(scaleName), (text) => {
        expect({ text, judged: judgeInFormula(text, scaleName) }).toEqual({ text, judged: judgedLabel(text, scale, defaultProfile) });
      }),
      { numRuns: 400 },
    );
  });

  test("numbers, logicals, blank and errors", () => {
    const scale = defaultProfile.scales.achievement;
    for (const value of [1, 2, 3, 1.5, 0, true, false]) {
      expect([value, judgeInFormula(value, "achievement")]).toEqual([value, judgedLabel(cellText(value), scale, defaultProfile)]);
    }
    expect(judgeInFormula(null, "achievement")).toBe("");
    expect(judgeInFormula({ error: "#N/A" }, "achievement")).toBe(CHECK_LABEL);
  });

  test("the cases of the issue", () => {
    const cases: [string, string][] = [
      ["①", "①"], ["1", "①"], ["１", "①"], ["(1)", "①"], ["（１）", "①"], ["⑴", "①"], ["達成見込み", "①"], ["①:達成見込み", "①"],
      ["① ： 達成見込み", "①"], ["対象外", "対象外"], ["該当なし", "対象外"], ["N/A", "対象外"], ["ｎ／ａ", "対象外"], ["—", ""], [" ", ""],
      ["はい", "要確認"], ["③", "要確認"], ["*", "要確認"], ["?", "要確認"], ["~1", "要確認"], ["1*", "要確認"], ["①:達成できない見込み", "要確認"],
    ];
    for (const [text, label] of cases) expect([text, judgeInFormula(text, "achievement")]).toEqual([text, label]);
    expect(judgeInFormula("(ⅰ)", "implementation")).toBe("(i)");
    expect(judgeInFormula("Ⅱ", "implementation")).toBe("(ii)");
  });
});

describe("layoutAggregate", () => {
  const files = [
    { file: "a.xlsx", summary: computeSummary("a.xlsx", report(), NOW) },
    { file: "b.xlsx", error: "空のファイルです（0 バイト）: b.xlsx" },
    { file: "c.xlsx", summary: computeSummary("c.xlsx", report(sample().slice(0, 2)), NOW) },
  ];
  const [overall, perFile] = layoutAggregate(files, NOW);

  test("全体集計: a row per (file, item), values only; the counts of all files and per file; a chart per file", () => {
    expect(overall.name).toBe("全体集計");
    expect(headerOf(overall).slice(0, 4)).toEqual(["ファイル", "番号", "★", "取組項目"]);
    expect(overall.tables[0].bottom - overall.tables[0].top).toBe(6);
    expect(overall.cells.filter((c) => c.value === "a.xlsx" && c.col === 0)).toHaveLength(4);
    expect(overall.cells.some((c) => c.formula || c.link)).toBe(false);
    expect(countPanel(overall).get("計")).toEqual([6, 6, 6]);
    expect(overall.charts[0]).toMatchObject({ title: "ファイル別の内訳（達成見込み）", seriesBy: "columns" });
    expect(overall.freezeRows).toBe(overall.tables[0].top + 1);
    expectWidthsFit(overall);
  });

  test("ファイル別集計: a failed file is listed with its reason", () => {
    expect(perFile.name).toBe("ファイル別集計");
    const rowOf = (file: string) => rowCells(perFile, perFile.cells.find((c) => c.col === 0 && c.value === file)!.row);
    expect(rowOf("b.xlsx")[1].value).toMatch(/^読み込めません: 空のファイル/);
    expect(rowOf("a.xlsx")[1].value).toBe("OK");
    expect(new Set(headerOf(perFile)).size).toBe(headerOf(perFile).length);
    expectWidthsFit(perFile);
  });
});

describe("links within the workbook", () => {
  test("parseLinkTarget reads what linkTarget writes, and Excel's other spellings", () => {
    for (const sheet of ["取組項目", "Tom's 'list'", "a!b", "集計 (2)"]) expect(parseLinkTarget(linkTarget({ sheet, cell: "C12" }))).toEqual({ sheet, cell: "C12" });
    expect(parseLinkTarget("#Sheet1!$b$3")).toEqual({ sheet: "Sheet1", cell: "B3" });
    expect(parseLinkTarget("https://example.com")).toBeNull();
    expect(parseLinkTarget("'unterminated!A1")).toBeNull();
  });
});

describe("sheet names and markers", () => {
  test("a taken name gets (2), (3)…", () => {
    expect(freeSheetName("集計", () => false)).toBe("集計");
    expect(freeSheetName("集計", (n) => n === "集計")).toBe("集計 (2)");
    expect(freeSheetName("集計", (n) => ["集計", "集計 (2)"].includes(n))).toBe("集計 (3)");
  });
  test("the marker must lead the marker cell", () => {
    expect(isGeneratedSheet("メモ hyoka:generated")).toBe(false);
    expect(isGeneratedSheet(null)).toBe(false);
  });
});
