import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadSimWorkbook } from "../../src/excel-sim/from-xlsx";
import { getCell } from "../../src/excel-sim/workbook";
import { writeFormWorkbook } from "../../tools/form/builder";
import { parseRange } from "../../src/template/grid";
import { formItem, SAMPLE } from "../support/workbooks";
import { cli } from "../support/cli";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-sum-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const sha = async (file: string) => createHash("sha256").update(await fs.readFile(file)).digest("hex");

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell's value and formula of every sheet, for "unchanged" comparisons. */
function snapshot(wb: ExcelJS.Workbook, sheets = wb.worksheets.map((ws) => ws.name)) {
  return sheets.map((name) => {
    const cells: string[] = [];
    wb.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.push(`${cell.address}=${JSON.stringify(cell.value)}`)),
    );
    return { name, cells };
  });
}

/** The file as the in-memory host reads it: hyperlinks, tables, widths and frozen rows (ExcelJS reads no `location` links). */
async function sheetOf(file: string, name: string) {
  const sheet = (await loadSimWorkbook(await fs.readFile(file))).sheets.find((s) => s.name === name)!;
  return { sheet, link: (address: string) => getCell(sheet, parseRange(address).top, parseRange(address).left)?.hyperlink };
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

describe("hyoka summarize, one input", () => {
  let out: string;
  let before: string;
  beforeAll(async () => {
    const input = path.join(dir, "input.xlsx");
    await fs.copyFile(SAMPLE, input);
    before = await sha(input);
    out = path.join(dir, "out.xlsx");
    const { code, stdout, stderr } = await cli("summarize", input, "-o", out);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("集計・検証結果");
    expect(await sha(input)).toBe(before);
  });

  test("OUT is the input with 集計 and 検証結果 added; original cells unchanged", async () => {
    const [original, written] = await Promise.all([open(SAMPLE), open(out)]);
    expect(written.worksheets.map((ws) => ws.name)).toEqual(["取組項目", "集計", "検証結果"]);
    expect(snapshot(written, ["取組項目"])).toEqual(snapshot(original));
  });

  test("集計: header, counts, one row per item with a link to its heading, the marker", async () => {
    const ws = (await open(out)).getWorksheet("集計")!;
    const rows = rowsOf(ws);
    expect(rows[0][0]).toBe("集計");
    expect(String(rows[1][0])).toMatch(/^［hyoka:generated］/);
    expect(rows.find((r) => r[0] === "ブック")![1]).toBe("input.xlsx");
    expect(rows.find((r) => r[0] === "フェーズ")![1]).toBe("中間振り返り");
    expect(String(rows.find((r) => r[0] === "作成日時")![1])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const achievement = rows.filter((r) => r[0] === "目標の達成見込み");
    expect(achievement.map((r) => [r[1], r[2]])).toEqual([["①", 18], ["②", 1], ["対象外", 0], ["未入力", 0], ["要確認（不正な値）", 0]]);
    expect(achievement[0][3]).toBeCloseTo(18 / 19);
    expect(ws.getCell(`D${rows.findIndex((r) => r[0] === "目標の達成見込み") + 1}`).numFmt).toBe("0.0%");
    const header = rows.findIndex((r) => r[0] === "番号");
    expect(rows[header]).toEqual([
      "番号", "取組項目", "★", "実施見込み", "達成見込み", "中間 課題と改善策", "自己評価", "自己評価 課題と改善策", "エラー件数", "警告件数", "目標", "移動",
    ]);
    const items = rows.slice(header + 1).filter((r) => typeof r[0] === "number");
    expect(items).toHaveLength(19);
    expect(items[2].slice(0, 5)).toEqual([3, "諸収入確保の推進", "★", "(i)", "①"]);
    expect(items[18][4]).toBe("②");
    expect(items[18][5]).toMatch(/^個人情報に係る/);
    expect(items[0][11]).toBe("取組項目1へ");
    const { sheet, link } = await sheetOf(out, "集計");
    expect(link(`L${header + 2}`)).toEqual({ documentReference: "'取組項目'!A3" });
    expect(sheet.tables).toEqual([{ name: "hyoka_1", address: `集計!A${header + 1}:L${header + 20}`, style: "TableStyleMedium7" }]);
    expect(sheet.frozenRows).toBe(0);
    expect(sheet.columnWidths.get(1)).toBeGreaterThan(sheet.columnWidths.get(2)!);
  });

  test("検証結果 lists findings with links to their cells", async () => {
    const file = path.join(dir, "final.xlsx");
    expect((await cli("summarize", SAMPLE, "-o", file, "--phase", "final")).code).toBe(0);
    const rows = rowsOf((await open(file)).getWorksheet("検証結果")!);
    const header = rows.findIndex((r) => r[0] === "番号");
    expect(rows[header]).toEqual(["番号", "重要度", "コード", "項目", "シート", "セル", "メッセージ"]);
    const findings = rows.slice(header + 1);
    expect(findings).toHaveLength(38);
    expect(findings[0].slice(0, 5)).toEqual([1, "エラー", "RESULT_MISSING", "当年度の取組実績及び目標の達成状況", "取組項目"]);
    expect(findings[0][5]).toBe("B10");
    const { sheet, link } = await sheetOf(file, "検証結果");
    expect(link(`F${header + 2}`)).toEqual({ documentReference: "'取組項目'!B10" });
    expect(sheet.tables.map((t) => t.name)).toEqual(["hyoka_2"]);
  });

  test("a re-run on OUT replaces hyoka's sheets; a user's own 集計 sheet is kept and ours becomes 集計 (2)", async () => {
    const again = path.join(dir, "again.xlsx");
    expect((await cli("summarize", out, "-o", again)).code).toBe(0);
    expect((await open(again)).worksheets.map((ws) => ws.name)).toEqual(["取組項目", "集計", "検証結果"]);

    const mine = path.join(dir, "mine.xlsx");
    const wb = await open(SAMPLE);
    wb.addWorksheet("集計").getCell("A1").value = "わたしのメモ";
    await wb.xlsx.writeFile(mine);
    const result = path.join(dir, "mine-out.xlsx");
    expect((await cli("summarize", mine, "-o", result)).code).toBe(0);
    const written = await open(result);
    expect(written.worksheets.map((ws) => ws.name)).toEqual(["取組項目", "集計", "集計 (2)", "検証結果"]);
    expect(written.getWorksheet("集計")!.getCell("A1").value).toBe("わたしのメモ");
  });

  test("text that starts with = + - @ is written as text, never as a formula", async () => {
    const input = path.join(dir, "inject.xlsx");
    await writeFormWorkbook(input, [
      formItem(1, { title: '=HYPERLINK("http://example.com","x")', midyear: { implementation: "(i)", achievement: "②", remark: "+cmd|' /C calc'!A0" } }),
      formItem(2, { title: "@SUM(1)", midyear: { implementation: "(i)", achievement: "①", remark: "-2+3" } }),
    ]);
    const file = path.join(dir, "inject-out.xlsx");
    expect((await cli("summarize", input, "-o", file)).code).toBe(0);
    const wb = await open(file);
    for (const name of ["集計", "検証結果"]) {
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(typeof cell.value === "object" && cell.value && "formula" in cell.value).toBe(false);
        }),
      );
    }
    const rows = rowsOf(wb.getWorksheet("集計")!);
    expect(rows.some((r) => r[1] === '=HYPERLINK("http://example.com","x")')).toBe(true);
    expect(rows.some((r) => r[5] === "-2+3")).toBe(true);
  });

  test("OUT may not be the input; an unusable input is exit 2 and writes nothing", async () => {
    const input = path.join(dir, "same.xlsx");
    await fs.copyFile(SAMPLE, input);
    const r1 = await cli("summarize", input, "-o", input);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/入力ファイルと同じ/);
    expect(await sha(input)).toBe(before);
    const target = path.join(dir, "never.xlsx");
    const r2 = await cli("summarize", path.join(dir, "missing.xlsx"), "-o", target);
    expect(r2.code).toBe(2);
    await expect(fs.stat(target)).rejects.toThrow();
  });

  test.each([
    ["a folder that does not exist", (d: string) => path.join(d, "no-such-folder", "out.xlsx"), /出力先のフォルダーがありません/],
    ["a path under a file", (d: string) => path.join(d, "file.txt", "out.xlsx"), /出力先のフォルダーがありません/],
    ["a folder", (d: string) => d, /出力先がフォルダーです/],
  ])("OUT in %s: exit 2, one clear line, nothing left behind", async (_case, outOf, reason) => {
    const base = await fs.mkdtemp(path.join(dir, "out-"));
    await fs.writeFile(path.join(base, "file.txt"), "x");
    const { code, stdout, stderr } = await cli("summarize", SAMPLE, "-o", outOf(base));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(reason)]);
    expect((await fs.readdir(base)).sort()).toEqual(["file.txt"]);
  });

  test("OUT a file marked read-only: exit 2, the file kept as it was", async () => {
    const base = await fs.mkdtemp(path.join(dir, "out-"));
    const out = path.join(base, "locked.xlsx");
    await fs.writeFile(out, "an earlier summary");
    await fs.chmod(out, 0o444);
    const { code, stderr } = await cli("summarize", SAMPLE, "-o", out);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/読み取り専用のファイルです.*locked\.xlsx/)]);
    expect(await fs.readFile(out, "utf8")).toBe("an earlier summary");
    expect(await fs.readdir(base)).toEqual(["locked.xlsx"]);
  });
});

describe("hyoka summarize, several inputs", () => {
  test("全体集計 with a row per (file, item), ファイル別集計 with counts and the failed file; exit 1", async () => {
    const second = path.join(dir, "ward2.xlsx");
    await writeFormWorkbook(second, [formItem(1), formItem(2, { midyear: { implementation: "(ii)", achievement: "②" } })]);
    const broken = path.join(dir, "broken.xlsx");
    await fs.writeFile(broken, "not a workbook");
    const out = path.join(dir, "all.xlsx");
    const { code, stdout, stderr } = await cli("summarize", SAMPLE, second, broken, "-o", out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.xlsx/);
    expect(stdout).toContain("3 ファイル中 2 ファイルを集計");
    const wb = await open(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["全体集計", "ファイル別集計"]);
    const all = rowsOf(wb.getWorksheet("全体集計")!);
    const header = all.findIndex((r) => r[0] === "ファイル");
    const body = all.slice(header + 1);
    expect(body).toHaveLength(21);
    expect(body.filter((r) => r[0] === "ward2.xlsx").map((r) => r[1])).toEqual([1, 2]);
    const perFile = rowsOf(wb.getWorksheet("ファイル別集計")!);
    const h = perFile.findIndex((r) => r[0] === "ファイル");
    expect(perFile[h].slice(0, 6)).toEqual(["ファイル", "状態", "フェーズ", "取組項目数", "エラー", "警告"]);
    const rows = Object.fromEntries(perFile.slice(h + 1).map((r) => [r[0], r]));
    expect(rows["tennoji-r1-shisei-kaikaku-2.0.xlsx"].slice(1, 6)).toEqual(["OK", "中間振り返り", 19, 0, 0]);
    expect(rows["ward2.xlsx"].slice(1, 6)).toEqual(["OK", "中間振り返り", 2, 1, 1]);
    expect(String(rows["broken.xlsx"][1])).toMatch(/^読み込めません: \.xlsx ファイルではありません/);
  });
});
