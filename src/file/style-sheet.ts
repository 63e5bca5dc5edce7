import { element, escapeAttribute } from "./xml";
import { appendChildren, applyEdits, Edit, elementSpans, ElementSpan, prefixOf, setAttribute } from "./xml-edit";

/** A cell look the writer asks for; colours are "#RRGGBB". */
export interface XfLook {
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  vertical?: "top" | "center";
  wrapText?: boolean;
}

/** Built-in number format ids for the codes hyoka writes that Excel knows without a numFmt. */
const BUILT_IN_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** styleSheet's children in the order of the schema (CT_Stylesheet, ECMA-376 Part 1, 18.8.39): all optional. */
const LIST_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** The lists a look adds to: their elements are kept to find one already there. */
const LOOK_LISTS = ["numFmts", "fonts", "fills", "cellXfs"];

const DEFAULT_SIZE = `<sz val="11"/>`;
/** The default font less its size: what a new font keeps of it. */
const DEFAULT_FACE = `<name val="游ゴシック"/><family val="3"/><charset val="128"/>`;
/**
 * Excel's defaults for the lists a cell style refers to (one font, the two required fills, one border, the Normal
 * style's format and the cell format on it), each element without a prefix: `withPrefix` adds the stylesheet's.
 */
const DEFAULT_LISTS: Record<string, string[]> = {
  fonts: [`<font>${DEFAULT_SIZE}${DEFAULT_FACE}</font>`],
  fills: [`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`],
  borders: [`<border><left/><right/><top/><bottom/><diagonal/></border>`],
  cellStyleXfs: [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
  cellXfs: [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
};

const withPrefix = (xml: string, p: string) => (p ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${p}$2`) : xml);

/** A styles.xml for a package that has none: Excel's defaults. */
export function defaultStyleSheet(namespace = MAIN): string {
  const list = (name: string) => `<${name} count="${DEFAULT_LISTS[name].length}">${DEFAULT_LISTS[name].join("")}</${name}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${namespace}">` +
    Object.keys(DEFAULT_LISTS).map(list).join("") +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}

/**
 * Appends cell styles to a workbook's styles.xml: number formats, fonts, fills and cellXfs are added at the end
 * of their lists (so every existing style index keeps its meaning) and their counts updated; nothing else of the
 * part changes. A look that is already there, byte for byte (an earlier run's), is reused, not added again.
 */
export class StyleSheetWriter {
  private readonly spans: ElementSpan[];
  private readonly lists = new Map<string, ElementSpan>();
  /** Per list: the outer XML of each element, existing then added. */
  private readonly items = new Map<string, string[]>();
  private readonly added = new Map<string, string[]>();
  private readonly numberFormats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly baseFont: string;
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly xml: string,
    part: string,
  ) {
    this.spans = elementSpans(part, xml);
    const root = this.spans[0];
    for (const span of this.spans) {
      if (span.parent === root && LIST_ORDER.includes(span.name)) this.lists.set(span.name, span);
    }
    // A bare stylesheet (「<styleSheet/>」, as in Apache POI's 47889.xlsx) gets the lists a style refers to.
    for (const [list, defaults] of Object.entries(DEFAULT_LISTS)) {
      if (this.lists.has(list)) continue;
      const elements = defaults.map((e) => withPrefix(e, prefixOf(root)));
      this.items.set(list, [...elements]);
      this.added.set(list, [...elements]);
    }
    for (const [name, list] of this.lists) {
      if (LOOK_LISTS.includes(name)) {
        this.items.set(name, this.spans.filter((s) => s.parent === list).map((s) => xml.slice(s.openStart, s.closeEnd)));
      }
    }
    for (const span of this.spans) {
      if (span.name !== "numFmt" || span.parent !== this.lists.get("numFmts")) continue;
      const id = Number(span.attributes.numFmtId);
      this.numberFormats.set(span.attributes.formatCode ?? "", id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    const firstFont = this.spans.find((s) => s.name === "font" && s.parent === this.lists.get("fonts"));
    // The workbook's default font, less what a look sets: new fonts keep its name, family and charset.
    this.baseFont = firstFont
      ? this.spans
          .filter((s) => s.parent === firstFont && !["b", "i", "u", "sz", "color"].includes(s.name))
          .map((s) => xml.slice(s.openStart, s.closeEnd))
          .join("")
      : this.lists.has("fonts")
        ? ""
        : withPrefix(DEFAULT_FACE, prefixOf(root));
  }

  /** The cellXfs index of a look. */
  xf(look: XfLook): number {
    const key = JSON.stringify(look);
    let index = this.cache.get(key);
    if (index === undefined) {
      const p = this.prefix("cellXfs");
      const alignment = look.vertical || look.wrapText ? element(`${p}alignment`, { vertical: look.vertical, wrapText: look.wrapText ? 1 : undefined }) : "";
      const xf = element(
        `${p}xf`,
        {
          numFmtId: this.numberFormat(look.numberFormat),
          fontId: this.font(look),
          fillId: this.fill(look.fill),
          borderId: 0,
          xfId: 0,
          applyNumberFormat: 1,
          applyFont: 1,
          applyFill: look.fill ? 1 : undefined,
          applyAlignment: alignment ? 1 : undefined,
        },
        alignment,
      );
      index = this.index("cellXfs", xf);
      this.cache.set(key, index);
    }
    return index;
  }

  private numberFormat(code: string): number {
    const builtIn = BUILT_IN_IDS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numberFormats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.numberFormats.set(code, id);
      this.index("numFmts", `<${this.prefix("numFmts")}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    }
    return id;
  }

  private font(look: XfLook): number {
    const p = this.prefix("fonts");
    const parts = [
      look.bold ? `<${p}b/>` : "",
      look.italic ? `<${p}i/>` : "",
      look.underline ? `<${p}u/>` : "",
      look.size ? `<${p}sz val="${look.size}"/>` : this.sizeOfBase(),
      look.color ? `<${p}color rgb="FF${look.color.slice(1).toUpperCase()}"/>` : "",
    ];
    const base = this.items.get("fonts")?.[0];
    const plain = !look.bold && !look.italic && !look.underline && !look.size && !look.color;
    if (plain && base) return 0;
    return this.index("fonts", `<${p}font>${parts.join("")}${this.baseFont}</${p}font>`);
  }

  /** The default font's size element, kept when a look sets none. */
  private sizeOfBase(): string {
    const fonts = this.lists.get("fonts");
    if (!fonts) return withPrefix(DEFAULT_SIZE, this.prefix("fonts"));
    const first = this.spans.find((s) => s.name === "font" && s.parent === fonts);
    const size = first && this.spans.find((s) => s.name === "sz" && s.parent === first);
    return size ? this.xml.slice(size.openStart, size.closeEnd) : "";
  }

  private fill(color: string | undefined): number {
    if (!color) return 0;
    const p = this.prefix("fills");
    const rgb = `FF${color.slice(1).toUpperCase()}`;
    return this.index("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  /** The index of an element in its list: found as written, else added at the end. */
  private index(list: string, xml: string): number {
    const items = this.items.get(list) ?? [];
    this.items.set(list, items);
    const found = items.indexOf(xml);
    if (found >= 0) return found;
    items.push(xml);
    this.added.set(list, [...(this.added.get(list) ?? []), xml]);
    return items.length - 1;
  }

  private prefix(list: string): string {
    const span = this.lists.get(list) ?? this.spans[0];
    return prefixOf(span);
  }

  /** The part with the additions; unchanged when nothing was added. */
  render(): string {
    if (this.added.size === 0) return this.xml;
    const edits: Edit[] = [];
    const root = this.spans[0];
    const p = prefixOf(root);
    /** New lists, by the existing child they go before (null: at the end), in the schema's order. */
    const inserts = new Map<ElementSpan | null, string>();
    for (const list of LIST_ORDER) {
      const added = this.added.get(list);
      if (!added) continue;
      const count = this.items.get(list)?.length ?? 0;
      const span = this.lists.get(list);
      if (span) {
        edits.push(appendChildren(this.xml, span, added.join("")), setAttribute(this.xml, span, "count", String(count)));
        continue;
      }
      const later = LIST_ORDER.slice(LIST_ORDER.indexOf(list) + 1);
      const before = this.spans.find((s) => s.parent === root && later.includes(s.name)) ?? null;
      inserts.set(before, (inserts.get(before) ?? "") + `<${p}${list} count="${count}">${added.join("")}</${p}${list}>`);
    }
    for (const [before, text] of inserts) edits.push(before ? { start: before.openStart, end: before.openStart, text } : appendChildren(this.xml, root, text));
    return applyEdits(this.xml, edits);
  }
}
