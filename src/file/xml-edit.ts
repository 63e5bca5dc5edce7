import { SaxesParser, SaxesTagPlain } from "saxes";
import { localName, StopReading } from "./xml";
import { XlsxError } from "./xlsx-error";

/**
 * Where each element of a small part stands in its text, so that the writer can insert into a list or change
 * one attribute and leave every other byte as it was. `<` cannot appear inside an attribute value or text, so
 * a tag starts at the last `<` before where saxes finished it.
 */
export interface ElementSpan {
  /** Local name ("sheet" for "x:sheet"). */
  name: string;
  /** As written, with its prefix. */
  qname: string;
  attributes: Record<string, string>;
  openStart: number;
  openEnd: number;
  /** Where the end tag starts and ends; for `<a/>` both are openEnd. */
  closeStart: number;
  closeEnd: number;
  parent: ElementSpan | null;
}

/** An element's span from its start tag, which the parser has just read up to `end`; the end tag comes later. */
function startTag(xml: string, tag: SaxesTagPlain, end: number, parent: ElementSpan | null): ElementSpan {
  return {
    name: localName(tag.name),
    qname: tag.name,
    attributes: tag.attributes as Record<string, string>,
    openStart: xml.lastIndexOf("<", end - 1),
    openEnd: end,
    closeStart: end,
    closeEnd: end,
    parent,
  };
}

export function elementSpans(part: string, xml: string): ElementSpan[] {
  const spans: ElementSpan[] = [];
  const stack: ElementSpan[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const span = startTag(xml, tag, parser.position, stack[stack.length - 1] ?? null);
    spans.push(span);
    if (!tag.isSelfClosing) stack.push(span);
  });
  parser.on("closetag", (tag) => {
    if (tag.isSelfClosing) return;
    const span = stack.pop() as ElementSpan;
    span.closeEnd = parser.position;
    span.closeStart = xml.lastIndexOf("<", span.closeEnd - 1);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new XlsxError(`.xlsx ファイルが壊れているため書き込めません（${part} の XML が正しくありません: ${(error as Error).message.split("\n")[0].slice(0, 80)}）`);
  }
  return spans;
}

/**
 * The root element alone, for a part too large to index whole (the shared strings): its start tag from the
 * parser, its end tag the last one of the text.
 */
export function rootElement(part: string, xml: string): ElementSpan {
  const parser = new SaxesParser();
  let root: ElementSpan | undefined;
  parser.on("opentag", (tag) => {
    root = startTag(xml, tag, parser.position, null);
    throw new StopReading();
  });
  try {
    parser.write(xml);
  } catch (error) {
    if (!(error instanceof StopReading)) throw new XlsxError(`.xlsx ファイルが壊れているため書き込めません（${part} の XML が正しくありません）`);
  }
  if (!root) throw new XlsxError(`.xlsx ファイルが壊れているため書き込めません（${part} が空です）`);
  if (xml.charAt(root.openEnd - 2) !== "/") {
    root.closeStart = xml.lastIndexOf("</");
    root.closeEnd = xml.indexOf(">", root.closeStart) + 1;
  }
  return root;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (inserts have start === end). */
export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += xml.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + xml.slice(at);
}

/** "x:sheets" → "x:"; "sheets" → "". New elements are written with their list's prefix. */
export function prefixOf(span: ElementSpan): string {
  const colon = span.qname.indexOf(":");
  return colon < 0 ? "" : span.qname.slice(0, colon + 1);
}

/** Inserts `content` as the last children of `span` (a self-closing `<a/>` becomes `<a>…</a>`). */
export function appendChildren(xml: string, span: ElementSpan, content: string): Edit {
  if (span.closeStart === span.openEnd && span.closeEnd === span.openEnd && xml.charAt(span.openEnd - 2) === "/") {
    // <a …/> → <a …>content</a>
    return { start: span.openEnd - 2, end: span.openEnd, text: `>${content}</${span.qname}>` };
  }
  return { start: span.closeStart, end: span.closeStart, text: content };
}

/** Sets (or adds) one attribute of an element's start tag, leaving the rest of the tag as written. */
export function setAttribute(xml: string, span: ElementSpan, name: string, value: string): Edit {
  const tag = xml.slice(span.openStart, span.openEnd);
  const match = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`).exec(tag);
  if (match) {
    const start = span.openStart + match.index + match[1].length;
    return { start, end: start + match[2].length, text: `"${value}"` };
  }
  const close = xml.charAt(span.openEnd - 2) === "/" ? span.openEnd - 2 : span.openEnd - 1;
  return { start: close, end: close, text: ` ${name}="${value}"` };
}
