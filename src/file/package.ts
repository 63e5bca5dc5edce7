import { attribute, parseXml, PartDecoder, XmlHandlers, XmlReader } from "./xml";
import { InflateBudget, inflateEntry, inflateEntryAsync, readZipDirectory, ZipEntry } from "./zip";
import { LIMITS, megabytes, XlsxError } from "./xlsx-error";

/**
 * An Open Packaging Conventions package (an .xlsx file) over its zip bytes: parts found by name (case-insensitive,
 * percent-escapes folded, as OPC compares them) and through relationships, never by assumed file names.
 */
export interface Relationship {
  id: string;
  /** The relationship type URI; compare with `isType`. */
  type: string;
  /** For an internal target, the part name it resolves to ("xl/worksheets/sheet1.xml"); else the URI as written. */
  target: string;
  external: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream name an encrypted OOXML file keeps inside its OLE container, in UTF-16LE. */
const ENCRYPTED_PACKAGE = new Uint8Array([..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]));

/** Transitional and Strict OOXML name the same relationship by different URIs with the same last segment. */
export function isType(relationship: Relationship, kind: string): boolean {
  return relationship.type.endsWith(`/${kind}`);
}

/** The package's list of parts and their content types. */
export const CONTENT_TYPES = "[Content_Types].xml";

export class XlsxPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  readonly budget = new InflateBudget();

  constructor(readonly bytes: Uint8Array) {
    if (bytes.length > LIMITS.fileBytes) throw new XlsxError(`ファイルが大きすぎます（${megabytes(LIMITS.fileBytes)} まで）`);
    assertZip(bytes);
    this.entries = readZipDirectory(bytes);
    for (const entry of this.entries) {
      if (entry.name.endsWith("/")) continue; // a folder entry, no part
      const key = partKey(entry.name);
      if (this.byName.has(key)) throw new XlsxError(`.xlsx ファイルが壊れているため読み込めません（同じ名前の部品が 2 つあります: ${entry.name}）`);
      this.byName.set(key, entry);
    }
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(partKey(part));
  }

  private entryOrFail(part: string): ZipEntry {
    const entry = this.entry(part);
    if (!entry) throw new XlsxError(`.xlsx ファイルが壊れているため読み込めません（部品 ${part} がありません）`);
    return entry;
  }

  /** A whole part as text (for the small parts: relationships, workbook, styles), within LIMITS.wholePartBytes. */
  text(part: string): string {
    const decoder = new PartDecoder();
    let text = "";
    const sink = (chunk: Uint8Array) => (text += decoder.decode(chunk));
    inflateEntry(this.bytes, this.entryOrFail(part), this.budget, sink, LIMITS.wholePartBytes);
    return text + decoder.end();
  }

  /** Streams a part through the XML parser, never holding its whole text (for sheets and shared strings). */
  async parse(part: string, handlers: XmlHandlers): Promise<void> {
    const reader = new XmlReader(part, handlers);
    await inflateEntryAsync(this.bytes, this.entryOrFail(part), this.budget, (chunk) => reader.writeBytes(chunk));
    reader.close();
  }

  /** The relationships of a part ("" for the package's own), with internal targets resolved to part names. */
  relationships(source: string): Relationship[] {
    const rels = relationshipsPart(source);
    if (!this.entry(rels)) return [];
    const list: Relationship[] = [];
    parseXml(rels, this.text(rels), {
      open: (name, attributes) => {
        if (name !== "Relationship") return;
        const id = attribute(attributes, "Id") ?? "";
        const type = attribute(attributes, "Type") ?? "";
        const target = attribute(attributes, "Target") ?? "";
        const external = attribute(attributes, "TargetMode") === "External";
        list.push({ id, type, target: external ? target : resolveTarget(source, target), external });
      },
    });
    return list;
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; the package's own: "_rels/.rels". */
export function relationshipsPart(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** A relationship target (relative to its source's folder, or absolute from the package root) as a part name. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.split("#")[0].split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/**
 * OPC compares part names case-insensitively, after percent-decoding. A zip written with Windows' separator
 * (「xl\workbook.xml」, as some tools do; Apache POI's test file 49609.xlsx) names the same parts.
 */
export function partKey(name: string): string {
  const slashed = name.includes("\\") ? name.replace(/\\/g, "/") : name;
  let key = slashed.startsWith("/") ? slashed.slice(1) : slashed;
  if (key.includes("%")) {
    try {
      key = decodeURIComponent(key);
    } catch {
      // not a valid escape: compared as written
    }
  }
  return key.toLowerCase();
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function assertZip(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxError("空のファイルです（0 バイト）");
  if (startsWith(bytes, OLE)) {
    throw new XlsxError(
      includes(bytes, ENCRYPTED_PACKAGE)
        ? "パスワードで保護（暗号化）されたブックは読み込めません。Excel でパスワードを解除して保存し直してください"
        : "古い Excel 形式（.xls）は読み込めません。Excel で「Excel ブック (*.xlsx)」として保存し直してください",
    );
  }
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, EMPTY_ZIP)) {
    throw new XlsxError(".xlsx ファイルではありません（Excel ブックとして読めない内容です）");
  }
}

function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
