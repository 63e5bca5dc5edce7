import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

const ROOT = path.resolve(__dirname, "..");
/** Microsoft's published schemas, kept with the tests (see the README there). */
const SCHEMAS = path.join(__dirname, "fixtures/manifest-schemas");

let manifest: string;
beforeAll(async () => {
  manifest = await fs.readFile(path.join(ROOT, "manifest.xml"), "utf8");
});

async function validate(xml: string) {
  const read = (name: string) => fs.readFile(path.join(SCHEMAS, name), "utf8");
  const imported = [
    "OfficeAppBasicTypesV1_0.xsd",
    "MailAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_1.xsd",
    "TaskPaneAppVersionOverridesV1_0.xsd",
  ];
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: "OfficeAppManifestV1_1.xsd", contents: await read("OfficeAppManifestV1_1.xsd") }],
    preload: await Promise.all(imported.map(async (fileName) => ({ fileName, contents: await read(fileName) }))),
  });
}

test("manifest.xml is valid against Microsoft's published add-in manifest schemas, offline", async () => {
  const result = await validate(manifest);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
});

test("the schemas catch a wrong permission (the validation can fail)", async () => {
  const result = await validate(manifest.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadWriteEverything"));
  expect(result.valid).toBe(false);
});

test("asks for ReadWriteDocument, no wider, for Excel workbooks, ja-JP first", () => {
  expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
  expect(manifest).toMatch(/<DefaultLocale>ja-JP<\/DefaultLocale>/);
});

test("every URL is on https://localhost:3000 and every icon exists in assets/", () => {
  const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
  const icons = urls.filter((u) => u.endsWith(".png")).map((u) => u.replace("https://localhost:3000/", ""));
  expect(icons.length).toBeGreaterThanOrEqual(6);
  for (const icon of icons) expect(existsSync(path.join(ROOT, icon))).toBe(true);
});

test("the Home tab has 検証 (task pane) and 集計 (function) with English overrides", () => {
  expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
  expect(manifest).toMatch(/<bt:String id="Validate.Label" DefaultValue="検証">\s*<bt:Override Locale="en-US" Value="Validate"\/>/);
  expect(manifest).toMatch(/<bt:String id="Summarize.Label" DefaultValue="集計">\s*<bt:Override Locale="en-US" Value="Summary"\/>/);
  expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  expect(manifest).toMatch(/<FunctionName>summarize<\/FunctionName>/);
});
