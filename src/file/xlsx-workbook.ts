import { CONTENT_TYPES, isType, Relationship, XlsxPackage } from "./package";
import { readSharedStrings, SharedStrings } from "./shared-strings";
import { readStyles, Styles } from "./styles";
import { attribute, parseXml } from "./xml";
import { XlsxError } from "./xlsx-error";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  name: string;
  state: SheetState;
  /** The relationship id that names its part in the workbook's relationships. */
  relId: string;
  /** The worksheet part; null for a chart sheet, a dialog or macro sheet (no cells), or a dangling relationship. */
  part: string | null;
}

/** The workbook part's content types (ECMA-376 and [MS-OFFMACRO]) and the extension of each. */
const WORKBOOK_EXTENSIONS: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": ".xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": ".xltm",
};

/**
 * The workbook part of a package: its sheets (found through relationships, whatever their part names), the date
 * system, structure protection, and, when asked for, the shared strings and styles.
 */
export class XlsxWorkbook {
  readonly part: string;
  readonly sheets: SheetInfo[] = [];
  readonly relationships: Relationship[];
  date1904 = false;
  structureLocked = false;
  private strings?: Promise<SharedStrings>;
  private readonly styleCache = new Map<boolean, Styles>();

  constructor(readonly pkg: XlsxPackage) {
    const main = pkg.relationships("").find((r) => isType(r, "officeDocument") && !r.external);
    if (!main || !pkg.entry(main.target)) throw new XlsxError(".xlsx ファイルではありません（ブックの本体が見つかりません）");
    this.part = main.target;
    this.relationships = pkg.relationships(this.part);
    const byId = new Map(this.relationships.map((r) => [r.id, r]));
    parseXml(this.part, pkg.text(this.part), {
      open: (name, attributes) => {
        if (name === "sheet") {
          const relId = attribute(attributes, "id") ?? "";
          const rel = byId.get(relId);
          const state = attribute(attributes, "state");
          this.sheets.push({
            name: attribute(attributes, "name") ?? "",
            state: state === "hidden" || state === "veryHidden" ? state : "visible",
            relId,
            part: rel && !rel.external && isType(rel, "worksheet") && pkg.entry(rel.target) ? rel.target : null,
          });
        } else if (name === "workbookPr") {
          this.date1904 = isTrue(attribute(attributes, "date1904"));
        } else if (name === "workbookProtection") {
          this.structureLocked = isTrue(attribute(attributes, "lockStructure"));
        }
      },
    });
  }

  /**
   * The file name extension Excel opens this package under, from its workbook part's content type (.xlsm for a
   * macro-enabled book: Excel refuses a package whose content type and extension disagree); null when unknown.
   */
  extension(): string | null {
    if (!this.pkg.entry(CONTENT_TYPES)) return null;
    const wanted = `/${this.part}`.toLowerCase();
    let type: string | undefined;
    parseXml(CONTENT_TYPES, this.pkg.text(CONTENT_TYPES), {
      open: (name, attributes) => {
        if (name === "Override" && attribute(attributes, "PartName")?.toLowerCase() === wanted) type = attribute(attributes, "ContentType");
      },
    });
    return (type && WORKBOOK_EXTENSIONS[type]) ?? null;
  }

  /** The worksheets (chart sheets and the like have no cells and are left out). */
  get worksheets(): (SheetInfo & { part: string })[] {
    return this.sheets.filter((s): s is SheetInfo & { part: string } => s.part !== null);
  }

  private related(kind: string): string | undefined {
    const rel = this.relationships.find((r) => isType(r, kind) && !r.external);
    return rel && this.pkg.entry(rel.target) ? rel.target : undefined;
  }

  sharedStringsPart(): string | undefined {
    return this.related("sharedStrings");
  }

  stylesPart(): string | undefined {
    return this.related("styles");
  }

  /** The shared string table (read once). */
  sharedStrings(): Promise<SharedStrings> {
    if (!this.strings) {
      const part = this.sharedStringsPart();
      this.strings = part ? readSharedStrings(this.pkg, part) : Promise.resolve({ strings: [], formatted: new Set<number>() });
    }
    return this.strings;
  }

  /** Number formats (for dates) always; fonts, fills and alignment when `looks`. */
  styles(looks = false): Styles {
    let styles = this.styleCache.get(looks);
    if (!styles) {
      const part = this.stylesPart();
      styles = readStyles(part ? this.pkg.text(part) : undefined, part ?? "styles", looks);
      this.styleCache.set(looks, styles);
    }
    return styles;
  }
}

/** Opens .xlsx bytes: the zip directory and the workbook part; nothing else is inflated yet. */
export function openXlsx(bytes: Uint8Array): XlsxWorkbook {
  return new XlsxWorkbook(new XlsxPackage(bytes));
}

export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}
