import { freeSheetName, isGeneratedSheet, MARKER_CELL, SheetWrites } from "../summary/sheet-writes";
import { isType } from "./package";
import { PackageWriter } from "./package-writer";
import { SharedStrings, SharedStringsWriter } from "./shared-strings";
import { readSheet } from "./sheet-part";
import { renderSheet, SheetContext } from "./sheet-xml";
import { defaultStyleSheet, StyleSheetWriter } from "./style-sheet";
import { element, escapeText } from "./xml";
import { appendChildren, applyEdits, Edit, elementSpans, ElementSpan, prefixOf, rootElement, setAttribute } from "./xml-edit";
import { cellValues } from "./xlsx-grid";
import { XlsxError } from "./xlsx-error";
import type { SheetInfo, XlsxWorkbook } from "./xlsx-workbook";

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
};

/**
 * Adds hyoka's sheets to a package and returns the new package's bytes. Every part of the original is kept as
 * stored except the lists that must name the new sheets ([Content_Types].xml, the workbook and its relationships,
 * docProps/app.xml) and the styles and shared strings, which are only appended to. A sheet of ours from an
 * earlier run (its A2 carries the marker) is replaced in place, with its tables; a user's sheet with the same
 * name is left alone and ours becomes 「集計 (2)」. New sheets go after the existing ones.
 */
export async function graftSheets(workbook: XlsxWorkbook, plans: SheetWrites[], now: Date): Promise<{ bytes: Uint8Array; names: string[] }> {
  const pkg = workbook.pkg;
  const main = pkg.relationships("").find((r) => isType(r, "officeDocument"));
  const base = main ? main.type.slice(0, main.type.lastIndexOf("/") + 1) : `${TRANSITIONAL.relationships}/`;
  const out = new PackageWriter(pkg, base);
  const workbookXml = pkg.text(workbook.part);
  const spans = elementSpans(workbook.part, workbookXml);
  const namespaces = namespacesOf(spans[0]);
  const folder = workbook.part.includes("/") ? workbook.part.slice(0, workbook.part.lastIndexOf("/")) : "";
  const inFolder = (sub: string) => (folder ? `${folder}/${sub}` : sub);

  // Which sheet each plan becomes: a new one, or one of ours from an earlier run, replaced with its tables.
  const ours = await oursOf(workbook);
  const byName = (name: string) => workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const usedNow = new Set<string>();
  const targets = plans.map((plan) => {
    const name = freeSheetName(plan.name, (n) => usedNow.has(n.toLowerCase()) || Boolean(byName(n) && !ours.has(byName(n)!)));
    usedNow.add(name.toLowerCase());
    return { plan, name, previous: byName(name)?.part ?? undefined };
  });
  for (const { previous } of targets) if (previous) out.removeWithRelated(previous);

  const styles = stylesWriter(workbook, out, namespaces.main);
  const strings = stringsWriter(workbook, await workbook.sharedStrings());
  const tables = tableNamer(out, spans);
  const added: { name: string; relId: string }[] = [];
  for (const { plan, name, previous } of targets) {
    const part = previous ?? out.freePartName(inFolder("worksheets"), "sheet");
    if (!previous) added.push({ name, relId: out.relate(workbook.part, "worksheet", part) });
    const ctx: SheetContext = {
      namespaces,
      style: (look) => styles.writer.xf(look),
      string: (text) => strings.writer.index(text),
      addPart: ({ kind, folder: sub, stem, contentType, xml }) => {
        const partName = out.freePartName(inFolder(sub), stem);
        out.set(partName, xml(partName), contentType);
        return out.relate(part, kind, partName);
      },
      newTable: tables,
    };
    out.set(part, renderSheet({ ...plan, name }, ctx), CONTENT_TYPE.worksheet);
  }

  if (added.length) out.set(workbook.part, addSheetEntries(workbookXml, spans, added, namespaces.relationships));
  setIfChanged(out, styles.part, styles.text, styles.writer.render(), CONTENT_TYPE.styles);
  if (strings.existed || strings.writer.size) setIfChanged(out, strings.part, strings.text, strings.writer.render(namespaces.main), CONTENT_TYPE.sharedStrings);
  if (!styles.existed) styles.relate();
  if (!strings.existed && strings.writer.size > 0) out.relate(workbook.part, "sharedStrings", strings.part);
  updateAppProperties(workbook, out, added.map((a) => a.name));
  return { bytes: out.toZip(now), names: targets.map((t) => t.name) };

  function stylesWriter(wb: XlsxWorkbook, writer: PackageWriter, namespace: string) {
    const part = wb.stylesPart() ?? inFolder("styles.xml");
    const existed = Boolean(wb.stylesPart());
    const text = existed ? pkg.text(part) : undefined;
    return { part, existed, text, writer: new StyleSheetWriter(text ?? defaultStyleSheet(namespace), part), relate: () => writer.relate(wb.part, "styles", part) };
  }

  function stringsWriter(wb: XlsxWorkbook, table: SharedStrings) {
    const existing = wb.sharedStringsPart();
    const part = existing ?? inFolder("sharedStrings.xml");
    const text = existing && pkg.text(existing);
    return { part, existed: Boolean(existing), text, writer: new SharedStringsWriter(text, part, table) };
  }
}

function setIfChanged(out: PackageWriter, part: string, before: string | undefined, after: string, contentType: string): void {
  if (after !== before) out.set(part, after, contentType);
}

/** The SpreadsheetML and relationships namespaces the workbook part is written in. */
function namespacesOf(root: ElementSpan): { main: string; relationships: string } {
  const prefix = prefixOf(root).slice(0, -1);
  const main = root.attributes[prefix ? `xmlns:${prefix}` : "xmlns"] ?? TRANSITIONAL.main;
  const relationships =
    Object.entries(root.attributes).find(([k, v]) => k.startsWith("xmlns:") && /officeDocument\/(\d{4}\/)?relationships$/.test(v))?.[1] ?? TRANSITIONAL.relationships;
  return { main, relationships };
}

/** The sheets that are ours: each sheet's marker cell (A2) read, and nothing after row 2 inflated. */
async function oursOf(workbook: XlsxWorkbook): Promise<Set<SheetInfo>> {
  const value = await cellValues(workbook);
  const ours = new Set<SheetInfo>();
  for (const sheet of workbook.worksheets) {
    let marker: unknown = null;
    await readSheet(
      workbook.pkg,
      sheet.part,
      { cell: (c) => void (c.row === MARKER_CELL.row && c.col === MARKER_CELL.col && (marker = value(c))) },
      { lastRow: MARKER_CELL.row },
    );
    if (isGeneratedSheet(marker)) ours.add(sheet);
  }
  return ours;
}

/**
 * Table ids and names the workbook does not use yet (names must differ from every table and defined name). The
 * tables of the sheets being replaced no longer count.
 */
function tableNamer(out: PackageWriter, workbookSpans: ElementSpan[]): () => { id: number; name: string } {
  const names = new Set(workbookSpans.filter((s) => s.name === "definedName").map((s) => (s.attributes.name ?? "").toLowerCase()));
  let maxId = 0;
  for (const entry of out.pkg.entries) {
    if (!/(^|\/)tables\/[^/]+\.xml$/i.test(entry.name) || !out.exists(entry.name)) continue;
    const root = rootElement(entry.name, out.pkg.text(entry.name));
    if (root.name !== "table") continue;
    maxId = Math.max(maxId, Number(root.attributes.id) || 0);
    names.add((root.attributes.name ?? "").toLowerCase());
    names.add((root.attributes.displayName ?? "").toLowerCase());
  }
  return () => {
    const id = ++maxId;
    let n = 1;
    while (names.has(`hyoka_${n}`)) n++;
    names.add(`hyoka_${n}`);
    return { id, name: `hyoka_${n}` };
  };
}

/** `<sheet>` entries for the new sheets, at the end of `<sheets>` (existing sheet indexes keep their meaning). */
function addSheetEntries(xml: string, spans: ElementSpan[], added: { name: string; relId: string }[], relationshipsNs: string): string {
  const sheets = spans.find((s) => s.name === "sheets");
  if (!sheets) throw new XlsxError(".xlsx ファイルが壊れているため書き込めません（ブックにシートの一覧がありません）");
  const root = spans[0];
  const rPrefix = Object.entries(root.attributes).find(([k, v]) => k.startsWith("xmlns:") && v === relationshipsNs)?.[0].slice(6);
  const ids = spans.filter((s) => s.name === "sheet").map((s) => Number(s.attributes.sheetId) || 0);
  let next = Math.max(0, ...ids) + 1;
  const p = prefixOf(sheets);
  const entries = added.map(({ name, relId }) =>
    element(`${p}sheet`, {
      name,
      sheetId: next++,
      ...(rPrefix ? { [`${rPrefix}:id`]: relId } : { "xmlns:r": relationshipsNs, "r:id": relId }),
    }),
  );
  return applyEdits(xml, [appendChildren(xml, sheets, entries.join(""))]);
}

/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) under a heading with their count (HeadingPairs). The new
 * names are added to the group that lists the workbook's worksheets; an app.xml that does not match the workbook
 * is left as it is (Excel rewrites it on the next save).
 */
function updateAppProperties(workbook: XlsxWorkbook, out: PackageWriter, added: string[]): void {
  const app = workbook.pkg.relationships("").find((r) => isType(r, "extended-properties") && !r.external);
  if (!added.length || !app || !workbook.pkg.entry(app.target)) return;
  const xml = workbook.pkg.text(app.target);
  const spans = elementSpans(app.target, xml);
  const vectorIn = (name: string) => spans.find((s) => s.name === "vector" && s.parent?.name === name);
  const pairs = vectorIn("HeadingPairs");
  const titles = vectorIn("TitlesOfParts");
  if (!pairs || !titles) return;
  const titleSpans = spans.filter((s) => s.parent === titles);
  const text = (s: ElementSpan) => xml.slice(s.openEnd, s.closeStart);
  const counts = spans.filter((s) => s.name === "i4" && s.parent?.parent === pairs);
  const worksheets = workbook.worksheets.map((s) => s.name);
  let first = 0;
  for (const count of counts) {
    const n = Number(text(count));
    const group = titleSpans.slice(first, first + n).map((s) => unescapeXml(text(s)));
    if (n === worksheets.length && group.every((name, i) => name === worksheets[i])) {
      const p = prefixOf(titleSpans[0] ?? titles);
      const entries = added.map((name) => `<${p}lpstr>${escapeText(name)}</${p}lpstr>`).join("");
      const after = titleSpans[first + n];
      const edits: Edit[] = [
        after ? { start: after.openStart, end: after.openStart, text: entries } : appendChildren(xml, titles, entries),
        { start: count.openEnd, end: count.closeStart, text: String(n + added.length) },
        setAttribute(xml, titles, "size", String(titleSpans.length + added.length)),
      ];
      out.set(app.target, applyEdits(xml, edits));
      return;
    }
    first += n;
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}
