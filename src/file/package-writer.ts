import { CONTENT_TYPES, partKey, relationshipsPart, XlsxPackage } from "./package";
import { declaredUtf8, element } from "./xml";
import { appendChildren, applyEdits, Edit, elementSpans } from "./xml-edit";
import { writeZip, ZipItem } from "./zip-write";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * The changes to a package, then the package written with them: every part not changed is copied as stored
 * (same compressed bytes), in its place; new parts come after. [Content_Types].xml and relationship parts are
 * edited, not rewritten: an entry is added or removed and the rest of the part stays as it was.
 */
export class PackageWriter {
  private readonly changed = new Map<string, { name: string; text: string }>();
  private readonly removed = new Set<string>();
  private readonly overrides = new Map<string, string>();
  private readonly newRelationships = new Map<string, { id: string; type: string; target: string }[]>();

  constructor(
    readonly pkg: XlsxPackage,
    /** "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" (or Strict's): a type is base + kind. */
    private readonly relationshipBase: string,
  ) {}

  exists(part: string): boolean {
    const key = partKey(part);
    return this.changed.has(key) || (!this.removed.has(key) && Boolean(this.pkg.entry(part)));
  }

  /** A part's current text: as changed in this run, else as stored. */
  text(part: string): string | undefined {
    const changed = this.changed.get(partKey(part));
    if (changed) return changed.text;
    return this.pkg.entry(part) && !this.removed.has(partKey(part)) ? this.pkg.text(part) : undefined;
  }

  /** Sets a part's text; a new part gets its content type. */
  set(part: string, text: string, contentType?: string): void {
    const key = partKey(part);
    // A part of the original package keeps its content type entry, even when removed and written again.
    const isNew = !this.pkg.entry(part);
    this.removed.delete(key);
    this.changed.set(key, { name: this.pkg.entry(part)?.name ?? part, text });
    if (isNew && contentType) this.overrides.set(key, contentType);
  }

  remove(part: string): void {
    const key = partKey(part);
    this.changed.delete(key);
    this.overrides.delete(key);
    if (this.pkg.entry(part)) this.removed.add(key);
  }

  /** A part name in `folder` that nothing has: folder/stem1.xml, folder/stem2.xml… */
  freePartName(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const name = `${folder}/${stem}${n}.xml`;
      if (!this.exists(name)) return name;
    }
  }

  /** Adds a relationship from `source` to the part `target`; returns its id (unused in the source's relationships). */
  relate(source: string, kind: string, target: string): string {
    const rels = relationshipsPart(source);
    const existing = new Set(this.exists(rels) ? this.pkg.relationships(source).map((r) => r.id) : []);
    const added = this.newRelationships.get(source) ?? [];
    this.newRelationships.set(source, added);
    let n = existing.size + added.length + 1;
    while (existing.has(`rId${n}`) || added.some((r) => r.id === `rId${n}`)) n++;
    const id = `rId${n}`;
    added.push({ id, type: this.relationshipBase + kind, target: relativeTarget(source, target) });
    return id;
  }

  /** Removes a part, its relationships part and the parts those name (an earlier run's sheet and its tables). */
  removeWithRelated(part: string): void {
    const rels = relationshipsPart(part);
    if (this.exists(rels)) {
      for (const r of this.pkg.relationships(part)) if (!r.external && this.exists(r.target)) this.removeWithRelated(r.target);
      this.remove(rels);
    }
    this.remove(part);
  }

  /** Writes the package: relationship parts and content types edited, then the zip. */
  toZip(now: Date): Uint8Array {
    for (const [source, list] of this.newRelationships) this.writeRelationships(source, list);
    this.writeContentTypes();
    const encoder = new TextEncoder();
    const items: ZipItem[] = [];
    for (const entry of this.pkg.entries) {
      const key = partKey(entry.name);
      if (entry.name.endsWith("/") || this.removed.has(key)) continue;
      const changed = this.changed.get(key);
      if (changed) {
        items.push({ name: entry.name, data: encoder.encode(declaredUtf8(changed.text)) });
        this.changed.delete(key);
      } else items.push({ copy: entry });
    }
    for (const { name, text } of this.changed.values()) items.push({ name, data: encoder.encode(declaredUtf8(text)) });
    return writeZip(this.pkg.bytes, items, now);
  }

  private writeRelationships(source: string, list: { id: string; type: string; target: string }[]): void {
    const part = relationshipsPart(source);
    const xml = list.map((r) => element("Relationship", { Id: r.id, Type: r.type, Target: r.target })).join("");
    const current = this.text(part);
    if (current === undefined) {
      this.set(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${xml}</Relationships>`);
      if (!this.hasDefault("rels")) this.overrides.set(partKey(part), "application/vnd.openxmlformats-package.relationships+xml");
      return;
    }
    const root = elementSpans(part, current)[0];
    this.set(part, applyEdits(current, [appendChildren(current, root, prefixed(root.qname, xml))]));
  }

  private hasDefault(extension: string): boolean {
    const text = this.pkg.text(CONTENT_TYPES);
    return elementSpans(CONTENT_TYPES, text).some((s) => s.name === "Default" && s.attributes.Extension?.toLowerCase() === extension);
  }

  private writeContentTypes(): void {
    const xml = this.pkg.text(CONTENT_TYPES);
    const spans = elementSpans(CONTENT_TYPES, xml);
    const edits: Edit[] = [];
    for (const span of spans) {
      if (span.name === "Override" && this.removed.has(partKey(span.attributes.PartName ?? ""))) {
        edits.push({ start: span.openStart, end: span.closeEnd, text: "" });
      }
    }
    const added = [...this.overrides].map(([key, type]) => element("Override", { PartName: `/${this.changed.get(key)?.name ?? key}`, ContentType: type }));
    if (added.length) edits.push(appendChildren(xml, spans[0], prefixed(spans[0].qname, added.join(""))));
    if (edits.length) this.set(CONTENT_TYPES, applyEdits(xml, edits));
  }
}

/** Elements written with the prefix their parent uses ("<x:Relationship" under "<x:Relationships"). */
function prefixed(parentName: string, xml: string): string {
  const colon = parentName.indexOf(":");
  return colon < 0 ? xml : xml.replace(/<([A-Za-z])/g, `<${parentName.slice(0, colon + 1)}$1`);
}

/** A relationship target relative to the source's folder ("../tables/table1.xml"), as Excel writes them. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common].toLowerCase() === to[common].toLowerCase()) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
