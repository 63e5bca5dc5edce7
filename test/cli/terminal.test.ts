import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { distinctNames, Io, printable } from "../../src/cli/io";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { cli } from "../support/cli";
import { writeFormWorkbook } from "../../tools/form/builder";
import { formItem } from "../support/workbooks";
import { openpyxlStyleForm, rawPackage, zipPackage } from "../support/xlsx-package";

/** Text from a file never reaches the terminal raw, and same-named inputs can be told apart (issue #12). */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-term-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** Control characters, DEL, C1 and the bidirectional overrides; line breaks and tabs are allowed only where hyoka puts them. */
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

test("printable writes control characters and bidi overrides as visible escapes", () => {
  expect(printable("赤\u001b[31m\u0007\n\t\u009b\u202Eabc")).toBe("赤\\x1B[31m\\x07\\n\\t\\x9B\\u202Eabc");
  expect(printable("普通の文")).toBe("普通の文");
});

/** A form whose title, remark and sheet name carry escape sequences (`_x001B_` in the shared strings). */
async function hostileForm(name: string): Promise<string> {
  const { options } = openpyxlStyleForm([
    { ...tennojiR1[0], title: "ESC]0;pwnedBEL題名", midyear: { implementation: "(i)", achievement: "②" } },
    tennojiR1[1],
  ]);
  options.sheets[0].name = "取組\u202E項目";
  const parts = rawPackage(options);
  parts["xl/sharedStrings.xml"] = String(parts["xl/sharedStrings.xml"]).replace("ESC", "_x001B_").replace("BEL", "_x0007_");
  parts["xl/workbook.xml"] = String(parts["xl/workbook.xml"]).replace("取組\u202E項目", "取組&#x202E;項目");
  const file = path.join(dir, name);
  await fs.writeFile(file, zipPackage(parts));
  return file;
}

test("the text report escapes cell text and sheet names; the JSON keeps them exact", async () => {
  const file = await hostileForm("form.xlsx");
  const text = await cli("validate", file);
  expect(text.code).toBe(1);
  expect(text.stdout).not.toMatch(RAW);
  expect(text.stdout).toContain("【\\x1B]0;pwned\\x07題名】");
  expect(text.stdout).toContain("取組\\u202E項目!");
  const json = await cli("validate", file, "--format", "json");
  expect(JSON.parse(json.stdout).items[0].title).toBe("\u001b]0;pwned\u0007題名");
});

test("stderr lines escape file names, part names and messages", async () => {
  const name = path.join(dir, "bad\u001b[2J\u202E.xlsx");
  await fs.writeFile(name, "not a workbook");
  const result = await cli("validate", name);
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(RAW);
  expect(result.stderr).toContain("bad\\x1B[2J\\u202E.xlsx");
});

test("the progress line on a terminal escapes file names (only hyoka's own \\r and erase-line remain)", async () => {
  const a = await hostileForm("a\u001b[31m.xlsx");
  const b = await hostileForm("b.xlsx");
  let stderr = "";
  const io: Io = { stdout: () => undefined, stderr: (t) => void (stderr += t), isTTY: true };
  await run(["validate", a, b], io);
  expect(stderr).toContain("a\\x1B[31m.xlsx");
  expect(stderr.replace(/\r|\x1b\[K/g, "")).not.toMatch(RAW);
});

test("distinctNames: the shortest path suffix that tells each input apart", () => {
  expect(distinctNames(["wards/北区/評価.xlsx", "wards/南区/評価.xlsx", "wards/中央区.xlsx"])).toEqual(["北区/評価.xlsx", "南区/評価.xlsx", "中央区.xlsx"]);
  expect(distinctNames(["a/x/y.xlsx", "b/x/y.xlsx"])).toEqual(["a/x/y.xlsx", "b/x/y.xlsx"]);
  expect(distinctNames(["same.xlsx", "same.xlsx"])).toEqual(["same.xlsx", "same.xlsx"]);
});

test("ファイル別集計 and 全体集計 tell two inputs called 評価.xlsx apart by their folders", async () => {
  for (const ward of ["北区", "南区"]) {
    await fs.mkdir(path.join(dir, ward));
    await writeFormWorkbook(path.join(dir, ward, "評価.xlsx"), [formItem(1), formItem(2)]);
  }
  const out = path.join(dir, "all.xlsx");
  const result = await cli("summarize", path.join(dir, "北区", "評価.xlsx"), path.join(dir, "南区", "評価.xlsx"), "-o", out);
  expect(result.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const firstColumn = (sheet: string) => wb.getWorksheet(sheet)!.getColumn(1).values.slice(1).map(String);
  expect(firstColumn("ファイル別集計")).toEqual(expect.arrayContaining(["北区/評価.xlsx", "南区/評価.xlsx"]));
  expect(firstColumn("全体集計").filter((v) => v.endsWith("評価.xlsx"))).toEqual(["北区/評価.xlsx", "北区/評価.xlsx", "南区/評価.xlsx", "南区/評価.xlsx"]);
});
