import type { CheckReport } from "../../src/check";
import { validateItems } from "../../src/rules";
import { computeSummary } from "../../src/summary/compute";
import { layoutAggregate, layoutSummary } from "../../src/summary/layout";
import { freeSheetName, isGeneratedSheet, MARKER_CELL, SheetWrites } from "../../src/summary/sheet-writes";
import { defaultProfile } from "../../src/template/profile";
import { NO_FORM, makeItem } from "../support/items";

const NOW = new Date(2026, 10, 25, 9, 30);

function report(items = sample()): CheckReport {
  // As checkWorkbook does: every finding names its form.
  const findings = validateItems(items, NO_FORM, "midyear", defaultProfile).map((f) => ({ ...f, form: "取組項目" }));
  return { form: { plan: null, fiscalYear: null }, forms: [], phase: "midyear", phaseSource: "inferred", items, findings };
}

function sample() {
  return [
    makeItem({ no: 1, starred: true }),
    makeItem({ no: 2, midyear: { implementation: "ii", achievement: 2, remark: null } }),
    makeItem({ no: 3, midyear: { implementation: null, achievement: "na" } }),
    makeItem({ no: 4, title: "=HYPERLINK(\"http://x\")", midyear: { remark: "+danger" } }),
  ];
}

/** The sheet's cells as a row-major text grid, for reading assertions. */
function textAt(sheet: SheetWrites, row: number, col: number) {
  return sheet.cells.find((c) => c.row === row && c.col === col)?.value;
}
function rowOf(sheet: SheetWrites, first: string | number) {
  const cell = sheet.cells.find((c) => c.col === 0 && c.value === first && c.style !== "header");
  return cell ? sheet.cells.filter((c) => c.row === cell.row).sort((a, b) => a.col - b.col) : [];
}

describe("computeSummary", () => {
  const summary = computeSummary("天王寺区.xlsx", report(), NOW);

  test("one row per item with ratings shown as on the form", () => {
    expect(summary.rows.map((r) => [r.no, r.implementation, r.achievement])).toEqual([
      [1, "(i)", "①"],
      [2, "(ii)", "②"],
      [3, "", "対象外"],
      [4, "(i)", "①"],
    ]);
    expect(summary.rows[0].link).toEqual({ sheet: "取組項目", cell: "A1" });
  });

  test("counts and shares per rating value, with 未入力", () => {
    const achievement = summary.ratings.find((r) => r.field === "midyear.achievement")!;
    expect(achievement.tallies.map((t) => [t.label, t.count])).toEqual([
      ["①", 2],
      ["②", 1],
      ["対象外", 1],
      ["未入力", 0],
      ["要確認（不正な値）", 0],
    ]);
    const implementation = summary.ratings.find((r) => r.field === "midyear.implementation")!;
    expect(implementation.tallies.find((t) => t.label === "未入力")).toEqual({ label: "未入力", count: 1, share: 0.25 });
    expect(summary.starred).toMatchObject({ count: 1, share: 0.25 });
  });

  test("error and warning counts per item; items with errors", () => {
    const row2 = summary.rows.find((r) => r.no === 2)!;
    expect(row2.errors).toBe(1); // REMARK_REQUIRED
    expect(row2.warnings).toBe(1); // REMARK_RECOMMENDED
    expect(summary.rows.find((r) => r.no === 3)!.errors).toBe(1); // RATING_MISSING implementation
    expect(summary.withErrors.count).toBe(2);
  });
});

describe("layoutSummary", () => {
  const [sheet, findings] = layoutSummary(computeSummary("天王寺区.xlsx", report(), NOW));

  test("集計: header with workbook, phase and time, then counts, then the item table with links", () => {
    expect(sheet.name).toBe("集計");
    expect(textAt(sheet, 0, 0)).toBe("集計");
    expect(isGeneratedSheet(textAt(sheet, MARKER_CELL.row, MARKER_CELL.col))).toBe(true);
    expect(rowOf(sheet, "ブック")[1].value).toBe("天王寺区.xlsx");
    expect(rowOf(sheet, "フェーズ")[1].value).toBe("中間振り返り");
    expect(rowOf(sheet, "作成日時")[1].value).toBe("2026-11-25 09:30");
    const [table] = sheet.tables;
    const header = sheet.cells.filter((c) => c.row === table.top).map((c) => c.value);
    expect(header).toEqual([
      "番号", "取組項目", "★", "実施見込み", "達成見込み", "中間 課題と改善策", "自己評価", "自己評価 課題と改善策",
      "エラー件数", "警告件数", "目標", "移動",
    ]);
    expect(table.bottom - table.top).toBe(4);
    const link = sheet.cells.find((c) => c.link);
    expect(link).toMatchObject({ value: "取組項目1へ", link: { sheet: "取組項目", cell: "A1" } });
  });

  test("text that looks like a formula is kept as text", () => {
    const title = sheet.cells.find((c) => String(c.value).startsWith("=HYPERLINK"))!;
    expect(title.format).toBe("text");
    expect(sheet.cells.find((c) => c.value === "+danger")!.format).toBe("text");
  });

  test("percent cells hold shares", () => {
    const starred = rowOf(sheet, "★（重点的な取組）");
    expect(starred.map((c) => c.value)).toEqual(["★（重点的な取組）", "★", 1, 0.25]);
    expect(starred[3].format).toBe("percent");
  });

  test("検証結果: one row per finding, linked to its cell", () => {
    expect(findings.name).toBe("検証結果");
    const [table] = findings.tables;
    expect(table.bottom - table.top).toBe(report().findings.length);
    const linked = findings.cells.filter((c) => c.link);
    expect(linked.length).toBe(report().findings.length);
    expect(linked[0].link).toEqual({ sheet: "取組項目", cell: linked[0].value });
  });
});

describe("layoutAggregate", () => {
  test("rows per (file, item); a failed file is listed with its reason", () => {
    const files = [
      { file: "a.xlsx", summary: computeSummary("a.xlsx", report(), NOW) },
      { file: "b.xlsx", error: "空のファイルです（0 バイト）: b.xlsx" },
    ];
    const [overall, perFile] = layoutAggregate(files, NOW);
    expect(overall.name).toBe("全体集計");
    expect(overall.tables[0].bottom - overall.tables[0].top).toBe(4);
    expect(overall.cells.filter((c) => c.value === "a.xlsx" && c.col === 0)).toHaveLength(4);
    expect(perFile.name).toBe("ファイル別集計");
    expect(rowOf(perFile, "b.xlsx")[1].value).toMatch(/^読み込めません: 空のファイル/);
    expect(rowOf(perFile, "a.xlsx")[1].value).toBe("OK");
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
