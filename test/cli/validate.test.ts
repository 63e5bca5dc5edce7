import { promises as fs } from "fs";
import * as os from "os";
import { spawnSync } from "child_process";
import * as path from "path";
import { writeFormWorkbook } from "../../tools/form/builder";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { cli } from "../support/cli";
import { SAMPLE } from "../support/workbooks";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-cli-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("hyoka validate on the sample", () => {
  test("infers 中間振り返り and finds no error: exit 0", async () => {
    const { code, stdout, stderr } = await cli("validate", SAMPLE);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("フェーズ: 中間振り返り（記入内容から判定）");
    expect(stdout).toContain("取組項目: 19 件");
    expect(stdout).toContain("エラー: 0 件");
  });

  test("JSON at phase final: the expected errors, exit 1", async () => {
    const { code, stdout } = await cli("validate", SAMPLE, "--phase", "final", "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ file: SAMPLE, phase: "final", phaseSource: "given" });
    expect(report.items).toHaveLength(19);
    const byCode = (c: string) => report.findings.filter((f: { code: string }) => f.code === c);
    expect(byCode("RATING_MISSING")).toHaveLength(19);
    expect(byCode("RATING_MISSING").every((f: { field: string }) => f.field === "final.achievement")).toBe(true);
    expect(byCode("RESULT_MISSING")).toHaveLength(19);
    expect(report.findings.filter((f: { severity: string }) => f.severity !== "warning")).toHaveLength(38);
    const first = byCode("RESULT_MISSING")[0];
    expect(first).toEqual({
      code: "RESULT_MISSING",
      severity: "error",
      form: "天王寺区",
      item: 1,
      field: "final.result",
      sheet: expect.any(String),
      cell: expect.stringMatching(/^[A-Z]+\d+$/),
      message: expect.stringContaining("当年度の取組実績及び目標の達成状況"),
      params: expect.any(Object),
    });
    const item19 = report.items.find((i: { no: number }) => i.no === 19);
    expect(item19).toMatchObject({ midyear: { implementation: "i", achievement: 2 }, final: { achievement: null } });
    expect(item19.midyear.remark).toMatch(/^個人情報に係る事務処理誤り/);
    expect(item19).toHaveProperty("sheet");
    expect(item19.cell).toMatch(/^A\d+$/);
    expect(item19.sources["midyear.achievement"]).toMatchObject({ sheet: item19.sheet, cell: expect.stringMatching(/^C\d+$/) });
  });

  test("several files give a JSON array", async () => {
    const { code, stdout } = await cli("validate", SAMPLE, SAMPLE, "--format", "json");
    expect(code).toBe(0);
    const reports = JSON.parse(stdout);
    expect(Array.isArray(reports)).toBe(true);
    expect(reports).toHaveLength(2);
  });
});

describe("the built command (bin/hyoka.js, as `npx hyoka` runs it)", () => {
  test("prints the whole JSON through a pipe and exits 1 at phase final", () => {
    const result = spawnSync(process.execPath, [path.resolve(__dirname, "../../bin/hyoka.js"), "validate", SAMPLE, "--phase", "final", "--format", "json"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.items).toHaveLength(19);
    expect(report.form).toEqual({ plan: "市政改革プラン2.0", fiscalYear: 2019 });
    expect(report.items[1].targets.map((t: { value: number }) => t.value)).toContain(91.2);
  });
});

describe("exit codes on unusable input: 2, one line on stderr, no stack trace", () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["a missing file", async () => path.join(dir, "nope.xlsx"), /ファイルが見つかりません/],
    ["a directory", async () => dir, /フォルダーです/],
    ["zero bytes", async () => write("empty.xlsx", ""), /空のファイル/],
    ["plain text renamed .xlsx", async () => write("text.xlsx", "これはテキストです"), /\.xlsx ファイルではありません/],
    ["a truncated .xlsx", async () => write("cut.xlsx", (await fs.readFile(SAMPLE)).subarray(0, 3000)), /壊れている/],
    ["an old .xls", async () => write("old.xls", Buffer.concat([OLE, Buffer.alloc(600)])), /古い Excel 形式/],
    [
      "an encrypted workbook",
      async () => write("secret.xlsx", Buffer.concat([OLE, Buffer.alloc(100), Buffer.from("EncryptedPackage", "utf16le")])),
      /パスワード/,
    ],
    ["a workbook without 取組項目", async () => blankWorkbook(), /取組項目が見つかりません/],
  ];
  test.each(cases)("%s", async (_name, make, message) => {
    const file = await make();
    const { code, stderr, stdout } = await cli("validate", file);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(stdout).not.toMatch(/Error:/);
  });

  test("a usage error (bad --phase) is exit 2", async () => {
    expect((await cli("validate", SAMPLE, "--phase", "autumn")).code).toBe(2);
  });

  test("one unusable file among good ones: exit 2, the good one still reported", async () => {
    const { code, stdout } = await cli("validate", SAMPLE, path.join(dir, "nope.xlsx"), "--format", "json");
    expect(code).toBe(2);
    const [good, bad] = JSON.parse(stdout);
    expect(good.items).toHaveLength(19);
    expect(bad).toEqual({ file: path.join(dir, "nope.xlsx"), error: expect.stringMatching(/見つかりません/) });
  });
});

describe("--profile", () => {
  test("overrides labels: an item label of another form", async () => {
    const file = path.join(dir, "renamed.xlsx");
    await writeFormWorkbook(file, tennojiR1.slice(0, 2).map((item) => ({ ...item, no: `取組 ${item.no}` })));
    expect((await cli("validate", file)).code).toBe(2);
    const profile = await write("profile.json", JSON.stringify({ itemLabels: ["取組"] }));
    const { code, stdout } = await cli("validate", file, "--profile", profile, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).items.map((i: { no: number }) => i.no)).toEqual([1, 2]);
  });
  test("a broken profile is exit 2 with its reason", async () => {
    const profile = await write("bad-profile.json", JSON.stringify({ itemLabels: [] }));
    const { code, stderr } = await cli("validate", SAMPLE, "--profile", profile);
    expect(code).toBe(2);
    expect(stderr).toMatch(/プロファイルが正しくありません/);
  });
});

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

async function blankWorkbook(): Promise<string> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = "メモ";
  const file = path.join(dir, "blank.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("a workbook of several forms", () => {
  test("the text report groups findings by form, each with its counts; a form without findings says so", async () => {
    const { formsWorkbookBytes } = await import("../../tools/form/builder");
    const { formItem } = await import("../support/workbooks");
    const heading = (ward: string) => ({ plan: "「市政改革プラン2.0」に基づく取組等", fiscalYear: `令和元年度 ${ward}` });
    const file = path.join(dir, "wards.xlsx");
    await fs.writeFile(
      file,
      await formsWorkbookBytes([
        { sheet: "北区", heading: heading("北区"), items: [formItem(1, { midyear: { implementation: "(i)", achievement: null } }), formItem(2)] },
        { sheet: "都島区", heading: heading("都島区"), items: [formItem(1)] },
      ]),
    );
    const { code, stdout } = await cli("validate", file);
    expect(code).toBe(1);
    expect(stdout.split("\n").slice(1)).toEqual([
      "  フェーズ: 中間振り返り（記入内容から判定）　取組項目: 3 件　エラー: 1 件　警告: 0 件",
      "  様式「北区」　取組項目: 2 件　エラー: 1 件　警告: 0 件",
      "    取組項目 1【取組1】",
      "      [エラー] 北区!C8  RATING_MISSING",
      "        取組項目1の「目標の達成見込み」が未入力です。①・②のいずれかを入力してください。",
      "  様式「都島区」　取組項目: 1 件　エラー: 0 件　警告: 0 件",
      "    問題は見つかりませんでした。",
      "",
    ]);
  });
});
