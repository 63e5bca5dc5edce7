import { SaxesParser } from "saxes";
import { XlsxError } from "./xlsx-error";

/**
 * XML in and out for the package parts. Reading goes through saxes (strict, streaming, no DTD entities: a
 * "billion laughs" part is an error, not a hang); names are matched without their prefix, since producers may
 * write SpreadsheetML with any prefix (x:c) or none.
 */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** "x:sheetData" → "sheetData". */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name: `r:id` for "id" when no plain `id` is there. */
export function attribute(attributes: Record<string, string>, local: string): string | undefined {
  if (local in attributes) return attributes[local];
  for (const name in attributes) if (localName(name) === local && !name.startsWith("xmlns")) return attributes[name];
  return undefined;
}

/** Thrown by a handler to stop reading a part early (the rest of it is not needed). */
export class StopReading extends Error {}

/**
 * A part's bytes as text, chunk by chunk: UTF-16 where its first bytes are UTF-16's byte order mark (XML 1.0, 4.3.3:
 * "Entities encoded in UTF-16 MUST … begin with the Byte Order Mark"; LibreOffice reads such parts), else UTF-8.
 */
export class PartDecoder {
  private decoder: TextDecoder | null = null;

  decode(chunk: Uint8Array): string {
    this.decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : chunk[0] === 0xfe && chunk[1] === 0xff ? "utf-16be" : "utf-8");
    return this.decoder.decode(chunk, { stream: true });
  }

  /** What the last chunk left undecoded. */
  end(): string {
    return this.decoder?.decode() ?? "";
  }
}

/** The XML declaration of a part written anew as UTF-8 (what is written is UTF-8, whatever the part was read as). */
export function declaredUtf8(text: string): string {
  return text.replace(/^\uFEFF?(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
}

/** A streaming parser fed with text chunks. */
export class XmlReader {
  private readonly parser = new SaxesParser({ position: false });
  private readonly decoder = new PartDecoder();

  constructor(
    private readonly part: string,
    handlers: XmlHandlers,
  ) {
    const { open, close, text } = handlers;
    if (open) this.parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
    if (close) this.parser.on("closetag", (tag) => close(localName(tag.name)));
    if (text) {
      this.parser.on("text", text);
      // CDATA is text too (<t><![CDATA[②]]></t>): LibreOffice reads it so.
      this.parser.on("cdata", text);
    }
  }

  write(text: string): void {
    try {
      this.parser.write(text);
    } catch (error) {
      throw this.wrap(error);
    }
  }

  writeBytes(chunk: Uint8Array): void {
    this.write(this.decoder.decode(chunk));
  }

  close(): void {
    try {
      this.write(this.decoder.end());
      this.parser.close();
    } catch (error) {
      throw this.wrap(error);
    }
  }

  private wrap(error: unknown): unknown {
    if (error instanceof XlsxError || error instanceof StopReading) return error;
    const reason = error instanceof Error ? error.message.split("\n")[0].slice(0, 80) : String(error);
    return new XlsxError(`.xlsx ファイルが壊れているため読み込めません（${this.part} の XML が正しくありません: ${reason}）`);
  }
}

/** Parses a whole part's text. */
export function parseXml(part: string, text: string, handlers: XmlHandlers): void {
  const reader = new XmlReader(part, handlers);
  reader.write(text);
  reader.close();
}

/**
 * `_xHHHH_` escapes of SpreadsheetML strings (ST_Xstring): characters XML cannot carry, such as control
 * characters. `_x005F_` is an escaped underscore, so "_x005F_x0041_" reads "_x0041_".
 */
export function decodeXString(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Text for an element's content: XML's own escapes, and `_xHHHH_` for what XML 1.0 cannot hold. */
export function escapeText(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** An attribute value in double quotes; characters XML cannot hold are dropped (sheet names, part names never have them). */
export function escapeAttribute(value: string): string {
  return value
    .replace(/[&<"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&quot;"))
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** `<name a="1" b="2"/>` or with content; attributes with undefined values are left out. */
export function element(name: string, attributes: Record<string, string | number | undefined>, content?: string): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out += ` ${key}="${escapeAttribute(String(value))}"`;
  return content === undefined || content === "" ? `${out}/>` : `${out}>${content}</${name}>`;
}
