import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli } from "../support/cli";
import { SAMPLE } from "../support/workbooks";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-files-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const sha = async (file: string) => createHash("sha256").update(await fs.readFile(file)).digest("hex");

test("validate leaves the file byte-identical, at every phase and format", async () => {
  const file = path.join(dir, "copy.xlsx");
  await fs.copyFile(SAMPLE, file);
  const before = await sha(file);
  for (const phase of ["plan", "midyear", "final"]) {
    for (const format of ["text", "json"]) await cli("validate", file, "--phase", phase, "--format", format);
  }
  expect(await sha(file)).toBe(before);
});

test("an empty workbook (one blank sheet) is exit 2: no 取組項目", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  const file = path.join(dir, "blank.xlsx");
  await wb.xlsx.writeFile(file);
  const { code, stderr } = await cli("validate", file);
  expect(code).toBe(2);
  expect(stderr).toMatch(/取組項目が見つかりません/);
});
