import type { XlsxPackage } from "./package";
import { decodeXString, escapeText } from "./xml";
import { appendChildren, applyEdits, prefixOf, rootElement, setAttribute } from "./xml-edit";

/**
 * The shared string table: each `<si>` as its text. Rich text runs are joined; phonetic runs (rPh, the furigana
 * Japanese Excel keeps) are not part of the text.
 */
export async function readSharedStrings(pkg: XlsxPackage, part: string): Promise<SharedStrings> {
  const strings: string[] = [];
  const formatted = new Set<number>();
  let current = "";
  let inText = false;
  let phonetic = 0;
  await pkg.parse(part, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "t") inText = phonetic === 0;
      else if (name === "rPh") phonetic++;
      if (name === "r" || name === "rPh") formatted.add(strings.length);
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") strings.push(decodeXString(current));
    },
  });
  return { strings, formatted };
}

export interface SharedStrings {
  strings: string[];
  /** The entries with rich text or phonetic runs: a plain text written later must not reuse them. */
  formatted: Set<number>;
}

/**
 * Appends strings to the shared string table: new `<si>` at the end (every existing index keeps its text), the
 * counts updated, nothing else of the part touched. Each distinct text is added once.
 */
export class SharedStringsWriter {
  private readonly indexes = new Map<string, number>();
  private readonly added: string[] = [];
  private references = 0;

  private readonly existing: number;

  constructor(
    private readonly xml: string | undefined,
    private readonly part: string,
    table: SharedStrings,
  ) {
    this.existing = table.strings.length;
    // An earlier run's strings are found again rather than added once more.
    table.strings.forEach((text, i) => {
      if (!table.formatted.has(i) && !this.indexes.has(text)) this.indexes.set(text, i);
    });
  }

  /** How many strings were added. */
  get size(): number {
    return this.added.length;
  }

  index(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.existing + this.added.length;
      this.indexes.set(text, index);
      this.added.push(text);
    }
    return index;
  }

  /** The new part text, or the part unchanged when nothing was added. */
  render(namespace: string): string {
    const items = this.added.map((text) => `<si><t xml:space="preserve">${escapeText(text)}</t></si>`);
    if (this.xml === undefined) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${namespace}" count="${this.references}" uniqueCount="${this.added.length}">${items.join("")}</sst>`;
    }
    if (items.length === 0) return this.xml;
    const root = rootElement(this.part, this.xml);
    const p = prefixOf(root);
    const edits = [appendChildren(this.xml, root, items.map((si) => (p ? si.replace(/<(\/?)(si|t)\b/g, `<$1${p}$2`) : si)).join(""))];
    if (root.attributes.uniqueCount !== undefined) edits.push(setAttribute(this.xml, root, "uniqueCount", String(this.existing + this.added.length)));
    if (root.attributes.count !== undefined) edits.push(setAttribute(this.xml, root, "count", String(Number(root.attributes.count) + this.references || 0)));
    return applyEdits(this.xml, edits);
  }
}
