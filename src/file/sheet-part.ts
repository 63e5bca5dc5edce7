import type { XlsxPackage } from "./package";
import { attribute, decodeXString, StopReading } from "./xml";
import { isTrue } from "./xlsx-workbook";

/** Excel's grid: 1,048,576 rows by 16,384 columns. Cells outside it are ignored. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** One `<c>` element, as read. The object is reused: it is valid during the `cell` call only. */
export interface RawCell {
  row: number;
  col: number;
  /** The `t` attribute: "n" (the default), "s", "b", "e", "str", "inlineStr" or "d". */
  type: string;
  /** The `<v>` text, or an inline string's text (phonetic runs left out, `_xHHHH_` decoded). */
  text: string;
  hasValue: boolean;
  /** Index into the styles' cellXfs. */
  style: number;
  /** The `<f>` text when formulas are asked for; a shared formula's dependents have none, only `shared`. */
  formula?: string;
  shared?: { index: string; master: boolean };
}

export interface SheetHandlers {
  cell(cell: RawCell): void;
  /** A merged area, as written ("A1:C3"). */
  merge?(ref: string): void;
  /** A column range's width in characters (1-based min/max, as written). */
  column?(min: number, max: number, width: number): void;
  /** Rows frozen at the top. */
  frozenRows?(rows: number): void;
  protection?(): void;
  hyperlink?(ref: string, relId: string | undefined, location: string | undefined): void;
  /** A `<dataValidation>`: its attributes as written and its formula1/formula2 texts. */
  dataValidation?(attributes: Record<string, string>, formulas: [string | undefined, string | undefined]): void;
}

export interface SheetReadOptions {
  /** Read `<f>` texts. */
  formulas?: boolean;
  /** Stop after this 0-based row: a marker cell at the top is read without inflating the rest. */
  lastRow?: number;
}

/**
 * Streams a worksheet part: cells in document order, then merges and the rest. Rows and cells without an `r`
 * follow the previous one, as the format allows.
 */
export async function readSheet(pkg: XlsxPackage, part: string, handlers: SheetHandlers, options: SheetReadOptions = {}): Promise<void> {
  const cell: RawCell = { row: -1, col: -1, type: "n", text: "", hasValue: false, style: 0 };
  let row = -1;
  let col = -1;
  let inCell = false;
  let capture: "v" | "t" | "f" | null = null;
  let inInline = false;
  let phonetic = 0;
  let inCols = false;
  let validation: { attributes: Record<string, string>; formulas: [string | undefined, string | undefined] } | null = null;
  let formulaOf: 0 | 1 | null = null;
  const lastRow = options.lastRow ?? Infinity;
  try {
    await pkg.parse(part, {
      open(name, a) {
        switch (name) {
          case "row": {
            const r = a.r;
            row = r === undefined ? row + 1 : Number(r) - 1;
            col = -1;
            if (row > lastRow) throw new StopReading();
            break;
          }
          case "c": {
            const ref = a.r;
            if (ref === undefined) col++;
            else {
              const at = parseCellRef(ref);
              col = at.col;
              if (at.row !== row && at.row >= 0) row = at.row;
            }
            inCell = true;
            cell.row = row;
            cell.col = col;
            cell.type = a.t ?? "n";
            cell.text = "";
            cell.hasValue = false;
            cell.style = a.s === undefined ? 0 : Number(a.s) || 0;
            cell.formula = undefined;
            cell.shared = undefined;
            break;
          }
          case "v":
            if (inCell) [capture, cell.hasValue] = ["v", true];
            break;
          case "is":
            if (inCell) [inInline, cell.hasValue] = [true, true];
            break;
          case "rPh":
            phonetic++;
            break;
          case "t":
            if (inInline && phonetic === 0) capture = "t";
            break;
          case "f":
            if (inCell && options.formulas) {
              capture = "f";
              cell.formula = "";
              if (attribute(a, "t") === "shared" && attribute(a, "si") !== undefined) {
                cell.shared = { index: attribute(a, "si") as string, master: attribute(a, "ref") !== undefined };
              }
            }
            break;
          case "mergeCell":
            if (handlers.merge && a.ref) handlers.merge(a.ref);
            break;
          case "cols":
            inCols = true;
            break;
          case "col":
            if (inCols && handlers.column && a.width !== undefined) handlers.column(Number(a.min), Number(a.max), Number(a.width));
            break;
          case "pane":
            if (handlers.frozenRows && (a.state === "frozen" || a.state === "frozenSplit")) handlers.frozenRows(Number(a.ySplit) || 0);
            break;
          case "sheetProtection":
            if (handlers.protection && isTrue(a.sheet)) handlers.protection();
            break;
          case "hyperlink":
            if (handlers.hyperlink && a.ref) handlers.hyperlink(a.ref, attribute(a, "id"), a.location);
            break;
          case "dataValidation":
            if (handlers.dataValidation) validation = { attributes: { ...a }, formulas: [undefined, undefined] };
            break;
          case "formula1":
          case "formula2":
            if (validation) {
              formulaOf = name === "formula1" ? 0 : 1;
              validation.formulas[formulaOf] = "";
            }
            break;
        }
      },
      text(text) {
        if (validation && formulaOf !== null) validation.formulas[formulaOf] += text;
        else if (capture === "f") cell.formula += text;
        else if (capture) cell.text += text;
      },
      close(name) {
        switch (name) {
          case "v":
          case "t":
          case "f":
            capture = null;
            break;
          case "is":
            inInline = false;
            break;
          case "rPh":
            phonetic--;
            break;
          case "cols":
            inCols = false;
            break;
          case "formula1":
          case "formula2":
            formulaOf = null;
            break;
          case "dataValidation":
            if (validation) handlers.dataValidation?.(validation.attributes, validation.formulas);
            validation = null;
            break;
          case "c":
            inCell = false;
            if (cell.row >= 0 && cell.row < MAX_ROWS && cell.col >= 0 && cell.col < MAX_COLS) {
              if (cell.type === "inlineStr" || cell.type === "str") cell.text = decodeXString(cell.text);
              handlers.cell(cell);
            }
            break;
        }
      },
    });
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
}

/** "AB12" → 0-based { row: 11, col: 27 }; -1s for what is not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // "$"
  }
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      row = row * 10 + (c - 48);
      digits++;
    } else if (c !== 36) return { row: -1, col: -1 };
  }
  return col > 0 && digits > 0 && digits < 9 ? { row: row - 1, col: col - 1 } : { row: -1, col: -1 };
}
