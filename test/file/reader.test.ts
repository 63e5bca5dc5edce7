import { loadSimWorkbook } from "../../src/excel-sim/from-xlsx";
import { getCell, SimWorkbook } from "../../src/excel-sim/workbook";
import { gridFromXlsx } from "../../src/file/xlsx-grid";
import { openXlsx } from "../../src/file/xlsx-workbook";
import { forEachPresent, MERGE_TAIL_ROWS } from "../../src/template/grid";
import { SheetView } from "../../src/template/sheet-view";
import { checkWorkbook } from "../../src/check";
import { graftSheets } from "../../src/file/graft";
import { computeSummary } from "../../src/summary/compute";
import { layoutSummary } from "../../src/summary/layout";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { NS, openpyxlStyleForm, PackageOptions, rawPackage, RawSheet, text, unzipParts, worksheet, zipPackage } from "../support/xlsx-package";

const grid = (options: PackageOptions) => gridFromXlsx(openXlsx(zipPackage(rawPackage(options))), "t.xlsx");
const sheet = (xml: string, extra: Partial<RawSheet> = {}): RawSheet => ({ name: "Sheet1", xml, ...extra });
/** The present cells of the first sheet, as "A1" → value. */
const cells = async (options: PackageOptions) => {
  const out: Record<string, unknown> = {};
  const [first] = (await grid(options)).sheets;
  forEachPresent(first.values, (line, r) => forEachPresent(line, (v, c) => (out[`${String.fromCharCode(65 + c)}${r + 1}`] = v)));
  return out;
};

describe("cell values, as the SpreadsheetML spec (ECMA-376 Part 1, 18.3.1.4 c, 18.4 shared strings) defines them", () => {
  test("shared strings, rich text runs joined, phonetic runs (rPh, furigana) left out", async () => {
    const strings = `<sst xmlns="${NS.main}"><si><t>平文</t></si><si><r><rPr><b/></rPr><t>太字</t></r><r><t>と普通</t></r></si>` +
      `<si><t>天王寺区</t><rPh sb="0" eb="3"><t>テンノウジク</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const options: PackageOptions = {
      sheets: [sheet(worksheet([[`<c r="A1" t="s"><v>0</v></c>`, `<c r="B1" t="s"><v>1</v></c>`, `<c r="C1" t="s"><v>2</v></c>`]]))],
      extraParts: [],
    };
    const parts = rawPackage({ ...options, sharedStrings: ["x"] });
    parts["xl/sharedStrings.xml"] = strings;
    expect((await gridFromXlsx(openXlsx(zipPackage(parts)), "t")).sheets[0].values[0]).toEqual(["平文", "太字と普通", "天王寺区"]);
  });

  test("inline strings (with rich runs and rPh), numbers, booleans, errors, cached formula results", async () => {
    const row = [
      `<c r="A1" t="inlineStr"><is><r><t>インライン</t></r><r><t>文字</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></is></c>`,
      `<c r="B1"><v>12.5</v></c>`,
      `<c r="C1" t="b"><v>1</v></c>`,
      `<c r="D1" t="e"><v>#N/A</v></c>`,
      `<c r="E1"><f>1+1</f><v>2</v></c>`,
      `<c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>`,
      `<c r="G1" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
      `<c r="H1"><f>NOW()</f></c>`,
      `<c r="I1" t="b"><v>0</v></c>`,
    ];
    expect(await cells({ sheets: [sheet(worksheet([row]))] })).toEqual({
      A1: "インライン文字", B1: 12.5, C1: true, D1: { error: "#N/A" }, E1: 2, F1: "ab", G1: { error: "#DIV/0!" }, I1: false,
    });
  });

  test("_xHHHH_ escapes: control characters decoded, _x005F_ an escaped underscore", async () => {
    const row = [
      `<c r="A1" t="inlineStr"><is><t>行1_x000D__x000A_行2</t></is></c>`,
      `<c r="B1" t="inlineStr"><is><t>_x001B_[31m赤</t></is></c>`,
      `<c r="C1" t="inlineStr"><is><t>_x005F_x0041_</t></is></c>`,
    ];
    expect(await cells({ sheets: [sheet(worksheet([row]))] })).toEqual({ A1: "行1\r\n行2", B1: "\u001b[31m赤", C1: "_x0041_" });
  });

  test("dates: built-in date ids (14, 和暦 27–31 and 57–58), custom date formats, the 1904 system, t=\"d\"; other formats stay numbers", async () => {
    const numberFormats = [{ id: 14 }, { id: 31 }, { id: 58 }, { id: 164, code: "yyyy/mm/dd" }, { id: 165, code: '0.0"日"' }, { id: 166, code: "[h]:mm" }, { id: 2 }];
    const row = ["A", "B", "C", "D", "E", "F", "G"].map((col, i) => `<c r="${col}1" s="${i + 1}"><v>43739</v></c>`);
    row.push(`<c r="H1" t="d"><v>2019-10-01T00:00:00</v></c>`);
    expect(await cells({ sheets: [sheet(worksheet([row]))], numberFormats })).toEqual({
      A1: "2019-10-01", B1: "2019-10-01", C1: "2019-10-01", D1: "2019-10-01", E1: 43739, F1: "2019-10-01", G1: 43739, H1: "2019-10-01",
    });
    // The 1904 system counts from 1904-01-01: the same serial is four years and a day later.
    expect(await cells({ sheets: [sheet(worksheet([row.slice(0, 1)]))], numberFormats, date1904: true })).toEqual({ A1: "2023-10-02" });
  });

  test("rows and cells without an r attribute follow the previous ones; cells outside Excel's grid are ignored", async () => {
    const xml = worksheet([]).replace(
      "<sheetData></sheetData>",
      `<sheetData><row><c t="inlineStr"><is><t>A1</t></is></c><c><v>2</v></c></row><row r="3"><c r="C3"><v>3</v></c><c><v>4</v></c></row>` +
        `<row r="1048577"><c r="A1048577"><v>9</v></c></row><row r="4"><c r="XFE4"><v>9</v></c></row></sheetData>`,
    );
    expect(await cells({ sheets: [sheet(xml)] })).toEqual({ A1: "A1", B1: 2, C3: 3, D3: 4 });
  });

  test("SpreadsheetML written with a namespace prefix (x:worksheet, x:c) reads the same", async () => {
    const xml =
      `<x:worksheet xmlns:x="${NS.main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前置</x:t></x:is></x:c>` +
      `<x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`;
    const g = (await grid({ sheets: [sheet(xml)] })).sheets[0];
    expect(g.values[0]).toEqual(["前置", 5]);
    expect(g.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 1 }]);
  });
});

describe("sheets", () => {
  test("hidden and very hidden sheets are left out; a chart sheet has no cells", async () => {
    const parts = rawPackage({
      sheets: [
        sheet(worksheet([[`<c r="A1"><v>1</v></c>`]]), { name: "見える" }),
        sheet(worksheet([[`<c r="A1"><v>2</v></c>`]]), { name: "隠し", state: "hidden" }),
        sheet(worksheet([[`<c r="A1"><v>3</v></c>`]]), { name: "とても隠し", state: "veryHidden" }),
      ],
      workbookRelationships: [{ type: "chartsheet", part: "xl/chartsheets/sheet1.xml" }],
      extraParts: [{ part: "xl/chartsheets/sheet1.xml", content: `<chartsheet xmlns="${NS.main}"/>` }],
    });
    parts["xl/workbook.xml"] = String(parts["xl/workbook.xml"]).replace("</sheets>", `<sheet name="グラフ" sheetId="9" r:id="rId5"/></sheets>`);
    const workbook = openXlsx(zipPackage(parts));
    expect(workbook.sheets.map((s) => [s.name, s.state, s.part !== null])).toEqual([
      ["見える", "visible", true], ["隠し", "hidden", true], ["とても隠し", "veryHidden", true], ["グラフ", "visible", false],
    ]);
    expect((await gridFromXlsx(workbook, "t")).sheets.map((s) => s.name)).toEqual(["見える"]);
  });

  test("a cell in column XFD costs one slot; SheetView finds it", async () => {
    const rows = Array.from({ length: 2000 }, (_, r) => [`<c r="XFD${r + 1}"><v>${r}</v></c>`]);
    const g = (await grid({ sheets: [sheet(worksheet(rows))] })).sheets[0];
    expect(g.values[1999].length).toBe(16_384);
    expect(Object.keys(g.values[1999])).toEqual(["16383"]);
    const view = new SheetView(g);
    expect(view.cellAt(1999, 16_383)?.value).toBe(1999);
    expect(new Set(view.allCells().map((c) => c.row)).size).toBe(2000);
  });

  test("merged areas are clipped to the cells holding values (rows to MERGE_TAIL_ROWS below them); the cells they hide hold nothing", async () => {
    const rows = [[`<c r="A1" t="inlineStr"><is><t>見出し</t></is></c>`, `<c r="B1"><v>1</v></c>`], [], [`<c r="C3"><v>3</v></c>`]];
    const merges = `<mergeCells count="3"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="E5:F6"/><mergeCell ref="nonsense"/></mergeCells>`;
    const g = (await grid({ sheets: [sheet(worksheet(rows, merges))] })).sheets[0];
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 2 + MERGE_TAIL_ROWS, right: 2 }]);
    expect(g.values[0]).toEqual(["見出し"]);
    expect(g.values[2]).toEqual([]);
  });

  test("an area naming a row or column no sheet has (A0:C3, A1:XFE2) is no area: it hides nothing", async () => {
    const rows = [[`<c r="A1" t="inlineStr"><is><t>見出し</t></is></c>`, `<c r="B1"><v>1</v></c>`], [`<c r="A2"><v>2</v></c>`]];
    const merges = `<mergeCells count="2"><mergeCell ref="A0:C3"/><mergeCell ref="A1:XFE2"/></mergeCells>`;
    const g = (await grid({ sheets: [sheet(worksheet(rows, merges))] })).sheets[0];
    expect(g.merges).toEqual([]);
    expect(g.values).toEqual([["見出し", 1], [2]]);
  });
});

describe("the in-memory host's workbook (preview, tests) from the same reader", () => {
  const sheetXml = worksheet(
    [
      [`<c r="A1" s="1"><v>43739</v></c>`, `<c r="B1" s="2" t="inlineStr"><is><t>太字</t></is></c>`, `<c r="C1"><f>A1+1</f><v>43740</v></c>`],
      [`<c r="A2"><v>1</v></c>`, `<c r="B2"><v>2</v></c>`, `<c r="C2"><f t="shared" ref="C2:C4" si="0">A2+$B$2</f><v>3</v></c>`],
      [`<c r="A3"><v>5</v></c>`, `<c r="C3"><f t="shared" si="0"/><v>7</v></c>`],
      [`<c r="C4"><f t="shared" si="0"/><v>2</v></c>`, `<c r="D4" t="inlineStr"><is><t>リンク</t></is></c>`, `<c r="E4" t="inlineStr"><is><t>外部</t></is></c>`],
    ],
    `<sheetProtection sheet="1"/><hyperlinks><hyperlink ref="D4" location="'Sheet 2'!A1" display="リンク"/><hyperlink ref="E4" r:id="rId1"/></hyperlinks>`,
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" state="frozen"/></sheetView></sheetViews><cols><col min="2" max="3" width="20" customWidth="1"/></cols>`,
  );
  const parts = rawPackage({
    sheets: [
      sheet(sheetXml, { related: [{ type: "hyperlink", part: "https://example.jp/", content: "", external: true }] }),
      sheet(worksheet([]), { name: "Sheet 2", state: "hidden" }),
    ],
    numberFormats: [{ id: 14 }, { id: 0 }],
    workbookExtra: "",
  });
  parts["xl/workbook.xml"] = String(parts["xl/workbook.xml"]).replace("<sheets>", `<workbookProtection lockStructure="1"/><sheets>`);
  parts["xl/styles.xml"] = String(parts["xl/styles.xml"]).replace(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0"><alignment horizontal="center" wrapText="1"/></xf>`);
  let sim: SimWorkbook;
  beforeAll(async () => {
    sim = await loadSimWorkbook(zipPackage(parts), "t.xlsx");
  });
  const at = (row: number, col: number) => getCell(sim.sheets[0], row, col);

  test("dates stay serial numbers with their format; looks; formulas, shared ones moved to their cell", async () => {
    expect(at(0, 0)).toEqual({ value: 43739, numberFormat: "yyyy/m/d" });
    expect(at(0, 1)).toEqual({ value: "太字", format: { bold: true, fill: "#E8F0E0", horizontalAlignment: "Center", wrapText: true } });
    expect(at(0, 2)).toEqual({ value: 43740, formula: "=A1+1" });
    expect([at(1, 2)?.formula, at(2, 2)?.formula, at(3, 2)?.formula]).toEqual(["=A2+$B$2", "=A3+$B$2", "=A4+$B$2"]);
  });

  test("links, frozen rows, widths, protection, visibility", async () => {
    expect(at(3, 3)?.hyperlink).toEqual({ documentReference: "'Sheet 2'!A1" });
    expect(at(3, 4)?.hyperlink).toEqual({ address: "https://example.jp/" });
    const [first, second] = sim.sheets;
    expect(first.frozenRows).toBe(2);
    expect([...first.columnWidths]).toEqual([[1, 108.75], [2, 108.75]]);
    expect(first.protected).toBe(true);
    expect(sim.protected).toBe(true);
    expect(second.visibility).toBe("Hidden");
  });
});

describe("Strict Open XML (ISO/IEC 29500 Strict: other namespaces and relationship types, the same local names)", () => {
  const strict = (parts: Record<string, string | Uint8Array>) =>
    Object.fromEntries(
      Object.entries(parts).map(([name, content]) => [
        name,
        typeof content === "string"
          ? content
              .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, "http://purl.oclc.org/ooxml/spreadsheetml/main")
              .replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, "http://purl.oclc.org/ooxml/officeDocument/relationships")
          : content,
      ]),
    );

  test("is read, and the graft writes in its namespaces and relationship types", async () => {
    const { options } = openpyxlStyleForm(tennojiR1.slice(0, 2));
    const workbook = openXlsx(zipPackage(strict(rawPackage(options))));
    const report = checkWorkbook(await gridFromXlsx(workbook, "strict.xlsx"));
    expect(report.items.map((i) => i.title)).toEqual(tennojiR1.slice(0, 2).map((i) => i.title));
    const { bytes } = await graftSheets(workbook, layoutSummary(computeSummary("strict.xlsx", report, new Date(0))), new Date(0));
    const out = unzipParts(bytes);
    expect(text(out["xl/_rels/workbook.xml.rels"])).toContain(`Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet2.xml"`);
    expect(text(out["xl/worksheets/sheet2.xml"])).toContain(`<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">`);
    expect((await gridFromXlsx(openXlsx(bytes), "out.xlsx")).sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
  });
});

describe("zip entry names as other tools write them", () => {
  test("Windows' separator (xl\\workbook.xml) and a lower-case [content_types].xml, as in Apache POI's 49609.xlsx: read, and grafted into", async () => {
    const { options } = openpyxlStyleForm(tennojiR1.slice(0, 2));
    const parts = Object.fromEntries(Object.entries(rawPackage(options)).map(([name, content]) => [name.replace(/\//g, "\\").replace("[Content_Types]", "[content_types]"), content]));
    expect(Object.keys(parts)).toContain("xl\\workbook.xml");
    const workbook = openXlsx(zipPackage(parts));
    const report = checkWorkbook(await gridFromXlsx(workbook, "49609-style.xlsx"));
    expect(report.items.map((i) => i.title)).toEqual(tennojiR1.slice(0, 2).map((i) => i.title));
    const { bytes } = await graftSheets(workbook, layoutSummary(computeSummary("49609-style.xlsx", report, new Date(0))), new Date(0));
    expect((await gridFromXlsx(openXlsx(bytes), "out.xlsx")).sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
  });
});
