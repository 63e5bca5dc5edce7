import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/check";
import { gridFromXlsx } from "../../src/file/xlsx-grid";
import { openXlsx } from "../../src/file/xlsx-workbook";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { cli } from "../support/cli";
import { convert, withLibreOffice } from "../support/libreoffice";
import { SAMPLE } from "../support/workbooks";
import { openpyxlChart, openpyxlComment, openpyxlStyleForm, PackageOptions, Parts, rawPackage, text, unzipParts, zipPackage } from "../support/xlsx-package";

/** Workbooks other tools write, which the ExcelJS-based reader refused or misread; each is read and summarised. */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-producers-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const items = tennojiR1.slice(0, 3);
const expected = () => checkWorkbook({ name: "form.xlsx", sheets: [openpyxlStyleForm(items).grid] }).items.map((i) => [i.no, i.title]);

async function write(name: string, parts: Parts): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, zipPackage(parts));
  return file;
}

/** validate reads the three items; summarize writes OUT keeping every part of the input as it was. */
async function readAndSummarize(file: string): Promise<Record<string, Uint8Array>> {
  const validated = await cli("validate", file, "--format", "json");
  expect(validated.stderr).toBe("");
  expect(validated.code).toBe(0);
  expect(JSON.parse(validated.stdout).items.map((i: { no: number; title: string }) => [i.no, i.title])).toEqual(expected());
  const out = `${file}.out.xlsx`;
  const summarized = await cli("summarize", file, "-o", out);
  expect(summarized.stderr).toBe("");
  expect(summarized.code).toBe(0);
  return unzipParts(await fs.readFile(out));
}

test("openpyxl, one cell comment (comments part + legacy VML drawing, absolute targets): read, summarised, the comment kept", async () => {
  const { options } = openpyxlStyleForm(items, undefined, `<legacyDrawing r:id="rId2"/>`);
  options.sheets[0].related = openpyxlComment("C7", "区役所", "確認済み");
  const parts = rawPackage(options);
  const out = await readAndSummarize(await write("openpyxl-comment.xlsx", parts));
  for (const name of ["xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml", "xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels"]) {
    expect(text(out[name])).toBe(parts[name]);
  }
});

test("openpyxl, one chart (drawing + chart parts): read, summarised, the chart kept", async () => {
  const { options } = openpyxlStyleForm(items, undefined, `<drawing r:id="rId1"/>`);
  const chart = openpyxlChart("取組項目");
  options.sheets[0].related = chart.related;
  options.extraParts = chart.extraParts;
  const parts = rawPackage(options);
  const out = await readAndSummarize(await write("openpyxl-chart.xlsx", parts));
  for (const name of ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml"]) expect(text(out[name])).toBe(parts[name]);
  expect(text(out["[Content_Types].xml"])).toContain(`<Override PartName="/xl/charts/chart1.xml"`);
});

test.each<[string, (o: PackageOptions) => void]>([
  ["a sheet name over 31 characters", (o) => (o.sheets[0].name = "取組項目（令和元年度 市政改革プラン2.0 に基づく取組等の評価シート）")],
  ["a sheet stored as xl/worksheets/データ.xml, target relative", (o) => ((o.sheets[0].part = "xl/worksheets/データ.xml"), (o.absoluteTargets = false))],
  ["a sheet stored as xl/sheets/data/form.xml, target absolute", (o) => (o.sheets[0].part = "xl/sheets/data/form.xml")],
])("%s: found through the relationships and read", async (_name, change) => {
  const { options } = openpyxlStyleForm(items);
  change(options);
  const parts = rawPackage(options);
  const out = await readAndSummarize(await write(`odd-${Math.random().toString(36).slice(2)}.xlsx`, parts));
  const part = options.sheets[0].part ?? "xl/worksheets/sheet1.xml";
  expect(text(out[part])).toBe(parts[part]);
  expect(text(out["[Content_Types].xml"]).match(/worksheet\+xml/g)).toHaveLength(3);
});

test("a relationship target percent-encoded (worksheets/%E3%83%87…) names the part stored as データ.xml", async () => {
  const { options } = openpyxlStyleForm(items);
  options.sheets[0].part = "xl/worksheets/データ.xml";
  options.absoluteTargets = false;
  const parts = rawPackage(options);
  parts["xl/_rels/workbook.xml.rels"] = String(parts["xl/_rels/workbook.xml.rels"]).replace("worksheets/データ.xml", `worksheets/${encodeURIComponent("データ")}.xml`);
  await readAndSummarize(await write("percent.xlsx", parts));
});

withLibreOffice("a workbook LibreOffice wrote (another writer's package) reads the sample's 19 items", async () => {
  const [converted] = convert(SAMPLE, "xlsx", await fs.mkdtemp(path.join(dir, "lo-")));
  const fromLibreOffice = checkWorkbook(await gridFromXlsx(openXlsx(await fs.readFile(converted)), "lo.xlsx"));
  const original = checkWorkbook(await gridFromXlsx(openXlsx(await fs.readFile(SAMPLE)), "sample.xlsx"));
  expect(fromLibreOffice.items).toHaveLength(19);
  expect(fromLibreOffice.items.map((i) => [i.no, i.title, i.midyear])).toEqual(original.items.map((i) => [i.no, i.title, i.midyear]));
  // …and hyoka's graft into LibreOffice's package opens in LibreOffice again.
  const out = path.join(dir, "lo-summarized.xlsx");
  expect((await cli("summarize", converted, "-o", out)).code).toBe(0);
  const csv = convert(out, "csv", await fs.mkdtemp(path.join(dir, "lo-csv-")));
  expect(csv.map((f) => path.basename(f)).sort()).toEqual(["lo-summarized-取組項目.csv", "lo-summarized-検証結果.csv", "lo-summarized-集計.csv"]);
}, 120_000);

withLibreOffice("LibreOffice opens what summarize writes, one workbook and several: the cells hyoka wrote", async () => {
  const single = path.join(dir, "single.xlsx");
  expect((await cli("summarize", SAMPLE, "-o", single)).code).toBe(0);
  const csvDir = await fs.mkdtemp(path.join(dir, "csv-"));
  const sheets = convert(single, "csv", csvDir);
  const summary = await fs.readFile(sheets.find((f) => f.endsWith("-集計.csv"))!, "utf8");
  expect(summary.split("\n")[1]).toMatch(/^［hyoka:generated］/);
  expect(summary).toContain(",,(i)・①,19,18,0");
  expect(summary).toContain(",,(i)・①,100.0%,94.7%,0.0%");
  expect(summary).toContain("1,,歳出の削減,(i),①");
  expect(summary).toContain("3,★,諸収入確保の推進,(i),①");

  const comment = path.join(dir, "openpyxl-comment.xlsx");
  const several = path.join(dir, "several.xlsx");
  expect((await cli("summarize", SAMPLE, comment, "-o", several)).code).toBe(0);
  const perFile = await fs.readFile(convert(several, "csv", csvDir).find((f) => f.endsWith("-ファイル別集計.csv"))!, "utf8");
  expect(perFile).toMatch(/tennoji-r1-shisei-kaikaku-2\.0\.xlsx,OK,中間振り返り,19/);
  expect(perFile).toMatch(/openpyxl-comment\.xlsx,OK,/);
}, 120_000);

describe("text as other writers store it", () => {
  const readItems = async (parts: Parts) =>
    checkWorkbook(await gridFromXlsx(openXlsx(zipPackage(parts)), "form.xlsx")).items.map((i) => [i.no, i.title]);

  test("shared strings in CDATA sections (<t><![CDATA[…]]></t>): read as text, as LibreOffice reads them", async () => {
    const parts = rawPackage(openpyxlStyleForm(items).options);
    const sst = String(parts["xl/sharedStrings.xml"]);
    parts["xl/sharedStrings.xml"] = sst.replace(/<t xml:space="preserve">([^<&]*)<\/t>/g, "<t><![CDATA[$1]]></t>");
    expect(parts["xl/sharedStrings.xml"]).toContain("CDATA");
    expect(await readItems(parts)).toEqual(expected());
  });

  test("parts in UTF-16 with a byte order mark (XML 1.0, 4.3.3): read; summarize writes the parts it edits as declared UTF-8", async () => {
    const parts = rawPackage(openpyxlStyleForm(items).options);
    const utf16 = (xml: string) => {
      const declared = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
      expect(declared).toContain('encoding="UTF-16"');
      return new Uint8Array(Buffer.from(`\uFEFF${declared}`, "utf16le"));
    };
    for (const part of ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml"]) parts[part] = utf16(String(parts[part]));
    expect(await readItems(parts)).toEqual(expected());
    const out = await readAndSummarize(await write("utf16.xlsx", parts));
    for (const edited of ["xl/workbook.xml", "xl/sharedStrings.xml"]) expect(text(out[edited])).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
    expect(out["xl/worksheets/sheet1.xml"]).toEqual(parts["xl/worksheets/sheet1.xml"]);
    expect(await readItems(out)).toEqual(expected());
  });

  test.each([
    ["past the last shared string", "99999", /共有文字列 #99999 を指していますが、共有文字列は \d+ 個です/],
    ["not a number", "constructor", /共有文字列 「constructor」 を指しています/],
  ])("a cell referring to a shared string %s: refused as broken, one line, exit 2", async (_name, index, message) => {
    const { options } = openpyxlStyleForm(items);
    options.sheets[0].xml = options.sheets[0].xml.replace(/<c r="A3" t="s"><v>\d+<\/v><\/c>/, `<c r="A3" t="s"><v>${index}</v></c>`);
    expect(options.sheets[0].xml).toContain(`<v>${index}</v>`);
    const result = await cli("validate", await write(`sst-${index}.xlsx`, rawPackage(options)));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
  });
});
