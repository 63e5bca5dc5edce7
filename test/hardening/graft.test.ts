import fc from "fast-check";
import { checkWorkbook } from "../../src/check";
import { graftSheets } from "../../src/file/graft";
import { gridFromXlsx } from "../../src/file/xlsx-grid";
import { openXlsx } from "../../src/file/xlsx-workbook";
import { computeSummary } from "../../src/summary/compute";
import { layoutSummary } from "../../src/summary/layout";
import { isGeneratedSheet } from "../../src/summary/sheet-writes";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { openpyxlChart, openpyxlComment, openpyxlStyleForm, PackageOptions, rawPackage, RawSheet, text, unzipParts, zipPackage } from "../support/xlsx-package";

/**
 * summarize grafts its sheets into the original package: on generated packages with charts, macros, comments,
 * custom XML and properties, pivot tables, data validation and conditional formats, every other part comes out
 * byte-identical, and the lists that must name the new sheets only gain entries. A second run replaces only
 * hyoka's own sheets and, at the same time stamp, writes the very same parts again.
 */
const LISTS = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/app.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
const NOW = new Date(Date.UTC(2019, 9, 15, 3, 0));

type Extras = typeof extras extends fc.Arbitrary<infer T> ? T : never;
const extras = fc.record({
  items: fc.integer({ min: 1, max: 6 }),
  absoluteTargets: fc.boolean(),
  chart: fc.boolean(),
  comment: fc.boolean(),
  macros: fc.boolean(),
  customXml: fc.boolean(),
  customProperties: fc.boolean(),
  pivot: fc.boolean(),
  validationAndFormats: fc.boolean(),
  appProperties: fc.boolean(),
  usersOwn集計: fc.boolean(),
  level: fc.constantFrom(0 as const, 6 as const),
});

function packageOf(x: Extras): PackageOptions {
  const related: NonNullable<RawSheet["related"]> = [];
  const tail: string[] = [];
  const extraParts: NonNullable<PackageOptions["extraParts"]> = [];
  if (x.validationAndFormats) {
    tail.push(
      `<conditionalFormatting sqref="C7:C20"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"②"</formula></cfRule></conditionalFormatting>`,
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C8"><formula1>"①,②"</formula1></dataValidation></dataValidations>`,
    );
  }
  if (x.chart) {
    const chart = openpyxlChart("取組項目");
    related.push(...chart.related!);
    extraParts.push(...chart.extraParts!);
    tail.push(`<drawing r:id="rId${related.length}"/>`);
  }
  if (x.comment) {
    related.push(...openpyxlComment("C7", "区役所", "確認済み")!);
    tail.push(`<legacyDrawing r:id="rId${related.length}"/>`);
  }
  const { options } = openpyxlStyleForm(tennojiR1.slice(0, x.items), undefined, tail.join(""));
  options.sheets[0].related = related;
  options.absoluteTargets = x.absoluteTargets;
  options.appProperties = x.appProperties;
  options.extraParts = extraParts;
  options.workbookRelationships = [];
  if (x.usersOwn集計) options.sheets.push({ name: "集計", xml: options.sheets[0].xml.replace(/<mergeCells[\s\S]*$/, "</worksheet>") });
  if (x.macros) {
    options.workbookContentType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    options.workbookRelationships.push({ type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject", part: "xl/vbaProject.bin" });
    extraParts.push({ part: "xl/vbaProject.bin", content: new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)) });
  }
  if (x.customXml) {
    extraParts.push(
      { part: "customXml/item1.xml", content: `<?xml version="1.0"?><data xmlns="urn:hyoka-test"><ward>天王寺区</ward></data>` },
      { part: "customXml/itemProps1.xml", content: `<?xml version="1.0"?><ds:datastoreItem ds:itemID="{00000000-0000-0000-0000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`, contentType: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml" },
    );
    options.workbookRelationships.push({ type: "customXml", part: "customXml/item1.xml" });
  }
  if (x.customProperties) {
    extraParts.push({
      part: "docProps/custom.xml",
      content: `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="区"><vt:lpwstr>天王寺区</vt:lpwstr></property></Properties>`,
      contentType: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    });
    options.packageRelationships = [{ type: "custom-properties", part: "docProps/custom.xml" }];
  }
  if (x.pivot) {
    extraParts.push(
      { part: "xl/pivotCache/pivotCacheDefinition1.xml", content: `<?xml version="1.0"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" recordCount="0"/>`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml" },
    );
    options.workbookRelationships.push({ type: "pivotCacheDefinition", part: "xl/pivotCache/pivotCacheDefinition1.xml" });
  }
  return options;
}

/** `after` is `before` with elements inserted and count, size and uniqueCount values changed. */
function onlyAdded(before: string, after: string): boolean {
  const tokens = (xml: string) => xml.replace(/\b(count|uniqueCount|size)="\d+"/g, '$1="#"').replace(/<vt:i4>\d+<\/vt:i4>/g, "<vt:i4>#</vt:i4>").match(/<[^>]+>|[^<]+/g) ?? [];
  const want = tokens(before);
  let i = 0;
  for (const token of tokens(after)) if (i < want.length && token === want[i]) i++;
  return i === want.length;
}

test("on 100 generated packages every other part stays byte-identical, the lists only gain, a re-run changes nothing", async () => {
  await fc.assert(
    fc.asyncProperty(extras, async (x) => {
      const options = packageOf(x);
      const input = zipPackage(rawPackage(options), x.level);
      const workbook = openXlsx(input);
      const grid = await gridFromXlsx(workbook, "form.xlsx");
      const report = checkWorkbook(grid);
      expect(report.items).toHaveLength(x.items);
      const first = await graftSheets(workbook, layoutSummary(computeSummary("form.xlsx", report, NOW)), NOW);
      expect(first.names).toEqual([x.usersOwn集計 ? "集計 (2)" : "集計", "検証結果"]);

      const before = unzipParts(input);
      const after = unzipParts(first.bytes);
      for (const [name, bytes] of Object.entries(before)) {
        if (LISTS.includes(name)) expect([name, onlyAdded(text(bytes), text(after[name]))]).toEqual([name, true]);
        else expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(bytes))]).toEqual([name, true]);
      }
      if (x.macros) expect(text(after["[Content_Types].xml"])).toContain(`ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"`);
      if (x.appProperties) expect(text(after["docProps/app.xml"])).toContain(`<vt:lpstr>${first.names[0]}</vt:lpstr><vt:lpstr>検証結果</vt:lpstr></vt:vector>`);

      // Read back: the user's sheets hold what they held; ours are marked.
      const reread = openXlsx(first.bytes);
      const regrid = await gridFromXlsx(reread, "out.xlsx");
      expect(regrid.sheets.slice(0, grid.sheets.length)).toEqual(grid.sheets);
      expect(regrid.sheets.slice(grid.sheets.length).map((s) => [s.name, isGeneratedSheet(s.values[1]?.[0])])).toEqual(first.names.map((n) => [n, true]));

      // A second run at the same time replaces only our sheets, with the same content: the same parts again.
      const second = await graftSheets(reread, layoutSummary(computeSummary("form.xlsx", checkWorkbook(regrid), NOW)), NOW);
      expect(second.names).toEqual(first.names);
      const again = unzipParts(second.bytes);
      expect(Object.keys(again).sort()).toEqual(Object.keys(after).sort());
      for (const [name, bytes] of Object.entries(after)) expect([name, text(again[name]) === text(bytes)]).toEqual([name, true]);
    }),
    { numRuns: 100 },
  );
}, 180_000);

test("a bare package (content types, relationships, workbook, one sheet of inline strings; no styles, no shared strings, no docProps) gets both parts, related", async () => {
  const { options } = openpyxlStyleForm(tennojiR1.slice(0, 2));
  const parts = rawPackage(options);
  const strings = (parts["xl/sharedStrings.xml"] as string).match(/<t xml:space="preserve">[^<]*<\/t>/g)!;
  parts["xl/worksheets/sheet1.xml"] = String(parts["xl/worksheets/sheet1.xml"]).replace(
    /<c r="([A-Z]+\d+)" t="s"><v>(\d+)<\/v><\/c>/g,
    (_, ref: string, i: string) => `<c r="${ref}" t="inlineStr"><is>${strings[Number(i)]}</is></c>`,
  );
  for (const name of ["xl/sharedStrings.xml", "xl/styles.xml"]) delete parts[name];
  parts["xl/_rels/workbook.xml.rels"] = String(parts["xl/_rels/workbook.xml.rels"]).replace(/<Relationship Id="rId(Styles|Strings)"[^>]*\/>/g, "");
  parts["[Content_Types].xml"] = String(parts["[Content_Types].xml"]).replace(/<Override PartName="\/xl\/(styles|sharedStrings)\.xml"[^>]*\/>/g, "");
  const workbook = openXlsx(zipPackage(parts));
  const report = checkWorkbook(await gridFromXlsx(workbook, "bare.xlsx"));
  expect(report.items).toHaveLength(2);
  const { bytes } = await graftSheets(workbook, layoutSummary(computeSummary("bare.xlsx", report, NOW)), NOW);
  const out = unzipParts(bytes);
  expect(text(out["xl/_rels/workbook.xml.rels"])).toMatch(/relationships\/styles" Target="styles\.xml".*relationships\/sharedStrings" Target="sharedStrings\.xml"/);
  expect(text(out["[Content_Types].xml"])).toContain(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  expect(text(out["[Content_Types].xml"])).toContain(`<Override PartName="/xl/sharedStrings.xml"`);
  const reread = await gridFromXlsx(openXlsx(bytes), "out.xlsx");
  expect(reread.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
  expect(reread.sheets[1].values[0][0]).toBe("集計");
});

describe("a stylesheet without the lists a cell style refers to", () => {
  const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
  /** The names of the root's children, in order. */
  const children = (xml: string) => {
    const names: string[] = [];
    let depth = 0;
    for (const [tag, close, name] of xml.matchAll(/<(\/?)(\w+)[^>]*>/g)) {
      if (close) depth--;
      else {
        if (depth === 1) names.push(name);
        if (!tag.endsWith("/>")) depth++;
      }
    }
    return names;
  };

  test.each([
    ["empty and self-closing (Apache POI's 47889.xlsx)", `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xml:space="preserve"/>\n`],
    ["only number formats and dxfs", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`],
  ])("%s: gets them, with Excel's defaults first, in the schema's order (CT_Stylesheet), its own elements kept", async (_name, styles) => {
    const { options } = openpyxlStyleForm(tennojiR1.slice(0, 2));
    const parts = rawPackage(options);
    parts["xl/styles.xml"] = styles;
    const workbook = openXlsx(zipPackage(parts));
    const report = checkWorkbook(await gridFromXlsx(workbook, "bare-styles.xlsx"));
    const { bytes } = await graftSheets(workbook, layoutSummary(computeSummary("bare-styles.xlsx", report, NOW)), NOW);
    const out = text(unzipParts(bytes)["xl/styles.xml"]);
    const listed = children(out);
    expect(listed).toEqual(ORDER.filter((n) => listed.includes(n)));
    expect(listed).toEqual(expect.arrayContaining(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]));
    const xfs = out.match(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/)!;
    expect((xfs[2].match(/<xf /g) ?? []).length).toBe(Number(xfs[1]));
    expect(xfs[2]).toMatch(/^<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/>/);
    if (styles.includes("dxfs")) expect(out).toContain(`<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>`);
    expect((await gridFromXlsx(openXlsx(bytes), "out.xlsx")).sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
  });
});
