import { strToU8, unzipSync, zipSync } from "fflate";
import type { CellValue, SheetGrid } from "../../src/template/grid";
import { a1 } from "../../src/template/grid";
import { buildFormWorkbook, FormItem, LayoutOptions } from "../../tools/form/builder";
import { gridFromExcelJs } from "./exceljs-grid";

/**
 * .xlsx packages written as raw parts, the way other producers write them (openpyxl, LibreOffice, hand-made
 * tools): absolute relationship targets, part names of their own, comments, drawings and charts, prefixes.
 * Zipped by fflate's own writer, not by hyoka's.
 */
export type Parts = Record<string, string | Uint8Array>;

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export function zipPackage(parts: Parts, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [typeof data === "string" ? strToU8(data) : data, { level }]])));
}

/** Every part's uncompressed bytes (fflate's reader, not hyoka's). */
export function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

export interface RawSheet {
  name: string;
  /** The worksheet part's XML. */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** Its part name; "xl/worksheets/sheetN.xml" by default. */
  part?: string;
  /** Parts related to the sheet: [type suffix, target part, content] (comments, drawings…). */
  related?: { type: string; part: string; content: string; contentType?: string; external?: boolean }[];
}

export interface PackageOptions {
  sheets: RawSheet[];
  sharedStrings?: string[];
  /** Relationship targets written absolute ("/xl/worksheets/sheet1.xml"), as openpyxl does. */
  absoluteTargets?: boolean;
  date1904?: boolean;
  /** The cellXfs' number format ids and custom formats. */
  numberFormats?: { id: number; code?: string }[];
  /** Parts added as they are, with a content type override each (or none for a Default extension). */
  extraParts?: { part: string; content: string | Uint8Array; contentType?: string }[];
  /** The workbook part's content type (an .xlsm's differs). */
  workbookContentType?: string;
  /** More relationships of the workbook part. */
  workbookRelationships?: { type: string; part: string }[];
  workbookExtra?: string;
  /** docProps/app.xml listing the sheets, as Excel writes it. */
  appProperties?: boolean;
  /** More relationships of the package itself (docProps/custom.xml…). */
  packageRelationships?: { type: string; part: string }[];
}

/** A whole package: content types, relationships, workbook, styles, shared strings, the sheets and extra parts. */
export function rawPackage(options: PackageOptions): Parts {
  const target = (from: string, part: string) => (options.absoluteTargets ? `/${part}` : relative(from, part));
  const overrides: [string, string][] = [
    ["xl/workbook.xml", options.workbookContentType ?? `${CT}.sheet.main+xml`],
    ["xl/styles.xml", `${CT}.styles+xml`],
  ];
  const parts: Parts = {};
  const workbookRels: [string, string, string][] = [["rIdStyles", "styles", "xl/styles.xml"]];
  if (options.sharedStrings) {
    parts["xl/sharedStrings.xml"] =
      `${XML}<sst xmlns="${NS.main}" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">` +
      options.sharedStrings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join("") +
      `</sst>`;
    overrides.push(["xl/sharedStrings.xml", `${CT}.sharedStrings+xml`]);
    workbookRels.push(["rIdStrings", "sharedStrings", "xl/sharedStrings.xml"]);
  }
  const sheetEntries = options.sheets.map((sheet, i) => {
    const part = sheet.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    parts[part] = sheet.xml;
    overrides.push([part, `${CT}.worksheet+xml`]);
    workbookRels.push([`rIdSheet${i + 1}`, "worksheet", part]);
    if (sheet.related?.length) {
      const folder = part.slice(0, part.lastIndexOf("/"));
      parts[`${folder}/_rels/${part.slice(folder.length + 1)}.rels`] = rels(
        sheet.related.map((r, j) => [`rId${j + 1}`, r.type, r.external ? r.part : target(part, r.part), r.external]),
      );
      for (const r of sheet.related) {
        if (r.external) continue;
        parts[r.part] = r.content;
        if (r.contentType) overrides.push([r.part, r.contentType]);
      }
    }
    return `<sheet name="${escape(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rIdSheet${i + 1}"/>`;
  });
  for (const r of options.workbookRelationships ?? []) workbookRels.push([`rId${workbookRels.length + 1}`, r.type, r.part]);
  parts["xl/workbook.xml"] =
    `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">` +
    (options.date1904 ? `<workbookPr date1904="1"/>` : "") +
    `<sheets>${sheetEntries.join("")}</sheets>${options.workbookExtra ?? ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = rels(workbookRels.map(([id, type, part]) => [id, type, target("xl/workbook.xml", part)]));
  parts["xl/styles.xml"] = styles(options.numberFormats ?? []);
  for (const extra of options.extraParts ?? []) {
    parts[extra.part] = extra.content;
    if (extra.contentType) overrides.push([extra.part, extra.contentType]);
  }
  const packageRels: [string, string, string][] = [["rId1", "officeDocument", options.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml"]];
  if (options.appProperties) {
    const names = options.sheets.map((sheet) => `<vt:lpstr>${escape(sheet.name)}</vt:lpstr>`);
    parts["docProps/app.xml"] =
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>ワークシート</vt:lpstr></vt:variant>` +
      `<vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.join("")}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`;
    overrides.push(["docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"]);
    packageRels.push(["rIdApp", "extended-properties", "docProps/app.xml"]);
  }
  for (const r of options.packageRelationships ?? []) packageRels.push([`rIdPkg${packageRels.length}`, r.type, r.part]);
  parts["_rels/.rels"] = rels(packageRels);
  parts["[Content_Types].xml"] =
    `${XML}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
    `<Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
    overrides.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join("") +
    `</Types>`;
  // [Content_Types].xml first, as every producer writes it.
  const { "[Content_Types].xml": types, ...rest } = parts;
  return { "[Content_Types].xml": types, ...rest };
}

function rels(list: [string, string, string, boolean?][]): string {
  const items = list.map(([id, type, target, external]) => {
    const full = type.startsWith("http") ? type : `${NS.r}/${type}`;
    return `<Relationship Id="${id}" Type="${full}" Target="${escape(target)}"${external ? ` TargetMode="External"` : ""}/>`;
  });
  return `${XML}<Relationships xmlns="${NS.pkg}">${items.join("")}</Relationships>`;
}

function styles(numberFormats: { id: number; code?: string }[]): string {
  const custom = numberFormats.filter((f) => f.code !== undefined);
  return (
    `${XML}<styleSheet xmlns="${NS.main}">` +
    (custom.length ? `<numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escape(f.code!)}"/>`).join("")}</numFmts>` : "") +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="FFE8F0E0"/></patternFill></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${numberFormats.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    numberFormats.map((f) => `<xf numFmtId="${f.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("") +
    `</cellXfs></styleSheet>`
  );
}

/** "xl/workbook.xml" → "xl/worksheets/sheet1.xml" gives "worksheets/sheet1.xml"; other folders go up with "..". */
function relative(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

export function escape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A worksheet part from rows of cells already written as `<c>` XML (or null for none). */
export function worksheet(rows: string[][], tail = "", head = ""): string {
  const body = rows.map((cells, r) => (cells.length ? `<row r="${r + 1}">${cells.join("")}</row>` : "")).join("");
  return `${XML}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">${head}<sheetData>${body}</sheetData>${tail}</worksheet>`;
}

/**
 * A form workbook (tools/form/builder) as openpyxl writes one: every text a shared string (in order of first use),
 * numbers inline, merges listed after the data, relationship targets absolute.
 */
export function openpyxlStyleForm(items: FormItem[], layout?: LayoutOptions, tail = ""): { options: PackageOptions; grid: SheetGrid } {
  const grid = gridFromExcelJs(buildFormWorkbook(items, layout), "form.xlsx").sheets[0];
  const strings: string[] = [];
  const index = new Map<string, number>();
  const cell = (value: CellValue, r: number, c: number): string => {
    const ref = a1(r, c);
    if (value === null) return "";
    if (typeof value === "string") {
      if (!index.has(value)) index.set(value, strings.push(value) - 1);
      return `<c r="${ref}" t="s"><v>${index.get(value)}</v></c>`;
    }
    if (typeof value === "number") return `<c r="${ref}" t="n"><v>${value}</v></c>`;
    if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="e"><v>${escape(value.error)}</v></c>`;
  };
  const rows = grid.values.map((line, r) => line.map((v, c) => cell(v, r, c)).filter(Boolean));
  const merges = grid.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`);
  const xml = worksheet(rows, (merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") + tail);
  return { options: { sheets: [{ name: grid.name, xml }], sharedStrings: strings, absoluteTargets: true }, grid };
}

/** openpyxl's parts for one cell comment on a sheet: the comments part and its legacy VML drawing. */
export function openpyxlComment(ref: string, author: string, note: string): RawSheet["related"] {
  return [
    {
      type: "comments",
      part: "xl/comments/comment1.xml",
      contentType: `${CT}.comments+xml`,
      content:
        `${XML}<comments xmlns="${NS.main}"><authors><author>${escape(author)}</author></authors>` +
        `<commentList><comment ref="${ref}" authorId="0"><text><t>${escape(note)}</t></text></comment></commentList></comments>`,
    },
    {
      type: "vmlDrawing",
      part: "xl/drawings/commentsDrawing1.vml",
      content:
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<v:shape id="anchor" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note">` +
        `<x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`,
    },
  ];
}

/** A drawing with one bar chart over A1:A3, as openpyxl writes it. */
export function openpyxlChart(sheetName: string): { related: RawSheet["related"]; extraParts: PackageOptions["extraParts"] } {
  const drawing =
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:oneCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="5400000" cy="2700000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.r}" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
  const chart =
    `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:val><c:numRef><c:f>'${sheetName.replace(/'/g, "''")}'!$A$1:$A$3</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="100"/></c:barChart>` +
    `<c:catAx><c:axId val="10"/><c:crossAx val="100"/></c:catAx><c:valAx><c:axId val="100"/><c:crossAx val="10"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  return {
    related: [{ type: "drawing", part: "xl/drawings/drawing1.xml", content: drawing, contentType: "application/vnd.openxmlformats-officedocument.drawing+xml" }],
    extraParts: [
      { part: "xl/drawings/_rels/drawing1.xml.rels", content: rels([["rId1", "chart", "/xl/charts/chart1.xml"]]) },
      { part: "xl/charts/chart1.xml", content: chart, contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml" },
    ],
  };
}

/** An entry stored as given: already-deflated data (method 8) or stored bytes, with the sizes it declares. */
export interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size it declares. */
  size: number;
  /** Declare the sizes in a zip64 extra field (and write zip64 end records). */
  zip64?: boolean;
}

/** A zip written byte by byte, for packages no zip library would write (bombs, lying sizes). CRCs are zero. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (length: number) => {
    const bytes = new Uint8Array(length);
    return { bytes, view: new DataView(bytes.buffer) };
  };
  const big = (view: DataView, at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  /** The fields local and central headers share, from "version needed" on; then the name and a zip64 extra field. */
  const fields = (view: DataView, bytes: Uint8Array, at: number, entry: RawEntry, name: Uint8Array) => {
    view.setUint16(at, entry.zip64 ? 45 : 20, true);
    view.setUint16(at + 2, 0x800, true);
    view.setUint16(at + 4, entry.method, true);
    view.setUint32(at + 14, entry.zip64 ? 0xffffffff : entry.data.length, true);
    view.setUint32(at + 18, entry.zip64 ? 0xffffffff : entry.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, entry.zip64 ? 20 : 0, true);
    const nameAt = bytes.length - name.length - (entry.zip64 ? 20 : 0);
    bytes.set(name, nameAt);
    if (entry.zip64) {
      view.setUint16(nameAt + name.length, 1, true);
      view.setUint16(nameAt + name.length + 2, 16, true);
      big(view, nameAt + name.length + 4, entry.size);
      big(view, nameAt + name.length + 12, entry.data.length);
    }
  };
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const extra = entry.zip64 ? 20 : 0;
    const local = header(30 + name.length + extra);
    local.view.setUint32(0, 0x04034b50, true);
    fields(local.view, local.bytes, 4, entry, name);
    const record = header(46 + name.length + extra);
    record.view.setUint32(0, 0x02014b50, true);
    record.view.setUint16(4, 45, true);
    fields(record.view, record.bytes, 6, entry, name);
    record.view.setUint32(42, offset, true);
    chunks.push(local.bytes, entry.data);
    central.push(record.bytes);
    offset += local.bytes.length + entry.data.length;
  }
  const directoryStart = offset;
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  const zip64 = entries.some((e) => e.zip64);
  const tail: Uint8Array[] = [];
  if (zip64) {
    const record = header(56);
    record.view.setUint32(0, 0x06064b50, true);
    big(record.view, 4, 44);
    record.view.setUint16(12, 45, true);
    record.view.setUint16(14, 45, true);
    big(record.view, 24, entries.length);
    big(record.view, 32, entries.length);
    big(record.view, 40, directorySize);
    big(record.view, 48, directoryStart);
    const locator = header(20);
    locator.view.setUint32(0, 0x07064b50, true);
    big(locator.view, 8, directoryStart + directorySize);
    locator.view.setUint32(16, 1, true);
    tail.push(record.bytes, locator.bytes);
  }
  const end = header(22);
  end.view.setUint32(0, 0x06054b50, true);
  end.view.setUint16(8, entries.length, true);
  end.view.setUint16(10, entries.length, true);
  end.view.setUint32(12, directorySize, true);
  end.view.setUint32(16, zip64 ? 0xffffffff : directoryStart, true);
  tail.push(end.bytes);
  const all = [...chunks, ...central, ...tail];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A one-sheet package whose sheet part is the raw entry given (a bomb, a part lying about its size); the rest stored. */
export function withRawSheet(sheet: Omit<RawEntry, "name">): Uint8Array {
  const encoder = new TextEncoder();
  const entries: RawEntry[] = Object.entries(rawPackage({ sheets: [{ name: "Sheet1", xml: "" }] }))
    .filter(([name]) => name !== "xl/worksheets/sheet1.xml")
    .map(([name, content]) => {
      const data = typeof content === "string" ? encoder.encode(content) : content;
      return { name, data, method: 0, size: data.length };
    });
  return rawZip([...entries, { ...sheet, name: "xl/worksheets/sheet1.xml" }]);
}
