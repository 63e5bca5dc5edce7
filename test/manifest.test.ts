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

describe("ADDIN_PUBLIC_URL: the manifest the build writes for deployment", () => {
  /** The manifest as `ADDIN_PUBLIC_URL=… npm run build` writes it: the build's own copy step, run on manifest.xml. */
  async function built(publicUrl: string): Promise<string> {
    const before = process.env.ADDIN_PUBLIC_URL;
    process.env.ADDIN_PUBLIC_URL = publicUrl;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const config = await require("../webpack.config.js")({}, { mode: "production" });
      const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
      const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
      return String(await pattern.transform(Buffer.from(manifest), "manifest.xml"));
    } finally {
      if (before === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = before;
    }
  }

  test.each([
    ["https://example.city.osaka.jp/hyoka/", "https://example.city.osaka.jp"],
    ["https://example.city.osaka.jp/hyoka", "https://example.city.osaka.jp"],
    ["https://addins.example.jp:8443", "https://addins.example.jp:8443"],
  ])("%s: every localhost origin rewritten, valid against the schemas", async (publicUrl, origin) => {
    const xml = await built(publicUrl);
    expect(xml).not.toMatch(/localhost/);
    const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
    expect(xml).toContain(`<AppDomain>${origin}</AppDomain>`);
    for (const page of ["taskpane.html", "commands.html", "help.html", "assets/icon-32.png", "assets/summary-80.png"]) {
      expect(xml).toContain(`"${base}${page}"`);
    }
    const urls = [...xml.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !u.includes("schemas.microsoft.com"));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith(base)).toBe(true);
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
  });

  test.each(["http://example.jp/hyoka/", "example.jp/hyoka", "https://example.jp/hyoka?x=1"])("%s is refused with the reason", async (publicUrl) => {
    await expect(built(publicUrl)).rejects.toThrow(/ADDIN_PUBLIC_URL/);
  });
});
