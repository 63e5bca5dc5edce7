/**
 * What Excel stores when a string is written to a cell through Range.values — the same reading as typing it.
 * Microsoft's reference (Excel.Range.values): "If the returned value starts with a plus ("+"), minus ("-"), or
 * equal sign ("="), Excel interprets this value as a formula." Beyond that, Excel reads what looks like a number,
 * percentage, currency, date, time, Boolean or error value as that value (office-js issue #229: writing
 * "2018-12-31" gives a date and the number format m/d/yyyy); "@" starts a formula too, as in the Excel grid. A
 * cell formatted as text ("@") keeps the string as it is; a leading apostrophe makes the rest text. The forms
 * modelled here are the common ones of en-US and ja-JP Excel; the host errs toward converting.
 */
import type { SimCell, SimValue } from "./workbook";

export type Entry =
  | { kind: "empty" }
  | { kind: "value"; value: SimValue; numberFormat?: string; quotePrefix?: boolean }
  | { kind: "error"; error: string }
  | { kind: "formula"; formula: string };

export const TEXT_FORMAT = "@";

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];

export interface EntryOptions {
  /** How a leading apostrophe reads in a text-formatted cell: kept as a character, or taken as the prefix. */
  apostropheInTextCells: "literal" | "prefix";
  /** Today, for dates typed without a year ("1/2"). */
  today?: Date;
}

/** How Excel reads `input` written through `values` into a cell whose number format is `numberFormat`. */
export function readEntry(input: unknown, numberFormat: string | undefined, options: EntryOptions): Entry {
  if (input === null || input === undefined || input === "") return { kind: "empty" };
  if (typeof input === "number" || typeof input === "boolean") return { kind: "value", value: input };
  const text = String(input);
  if (numberFormat === TEXT_FORMAT) {
    if (options.apostropheInTextCells === "prefix" && text.startsWith("'")) return { kind: "value", value: text.slice(1), quotePrefix: true };
    return { kind: "value", value: text };
  }
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1), quotePrefix: true };
  const number = readNumber(text);
  if (number) return { kind: "value", value: number.value, numberFormat: number.format };
  if (text.startsWith("=")) return { kind: "formula", formula: text };
  if (/^[+-]./s.test(text)) return { kind: "formula", formula: `=${text}` };
  if (text.startsWith("@")) return { kind: "formula", formula: `=${text.slice(1)}` };
  if (/^(true|false)$/i.test(text.trim())) return { kind: "value", value: text.trim().toLowerCase() === "true" };
  const error = ERRORS.find((e) => e === text.trim().toUpperCase());
  if (error) return { kind: "error", error };
  const date = readDate(text.trim(), options.today ?? new Date());
  if (date !== null) return { kind: "value", value: date.value, numberFormat: date.format };
  return { kind: "value", value: text };
}

/** Stores an entry in the cell as Excel keeps it; a number format read from the text replaces only General. */
export function storeEntry(cell: SimCell, entry: Entry, format: string | undefined): void {
  delete cell.formula;
  delete cell.error;
  delete cell.quotePrefix;
  cell.value = null;
  if (entry.kind === "value") {
    cell.value = entry.value;
    if (entry.quotePrefix) cell.quotePrefix = true;
    if (entry.numberFormat && (format ?? "General") === "General") cell.numberFormat = entry.numberFormat;
  } else if (entry.kind === "formula") cell.formula = entry.formula;
  else if (entry.kind === "error") cell.error = entry.error;
}

const NUMBER = /^([+-]?)\s*([$¥￥€£]?)\s*(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?\s*(%?)$/;
const FRACTION = /^([+-]?)(\d+) (\d+)\/(\d+)$/;

/** "001" → 1, "1e3" → 1000, "1,000" → 1000, "50%" → 0.5, "(5)" → -5, "¥1,000" → 1000, "1 1/2" → 1.5. */
function readNumber(raw: string): { value: number; format?: string } | null {
  let text = raw.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const fraction = FRACTION.exec(text);
  if (fraction && Number(fraction[4]) !== 0) {
    const value = Number(fraction[2]) + Number(fraction[3]) / Number(fraction[4]);
    return { value: (fraction[1] === "-" ? -value : value) * (negative ? -1 : 1), format: "# ?/?" };
  }
  const m = NUMBER.exec(text);
  if (!m || !/\d/.test(m[3] + (m[4] ?? ""))) return null;
  let value = Number(`${m[3].replace(/,/g, "") || "0"}${m[4] && m[4] !== "." ? m[4] : ""}${m[5] ? `e${m[5]}` : ""}`);
  if (!Number.isFinite(value)) return null;
  if (m[1] === "-" || negative) value = -value;
  if (m[6]) return { value: value / 100, format: "0%" };
  return { value, format: m[2] ? `${m[2]}#,##0` : undefined };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ERAS: Record<string, number> = { M: 1867, T: 1911, S: 1925, H: 1988, R: 2018, 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 };

/** Dates and times as Excel's serial numbers (days since 1899-12-30), with the format Excel gives them. */
function readDate(text: string, today: Date): { value: number; format: string } | null {
  const year = today.getFullYear();
  const n = (s: string | undefined) => Number(s);
  let m: RegExpExecArray | null;
  let date: [number, number, number] | null = null;
  if ((m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text))) date = [n(m[1]), n(m[2]), n(m[3])];
  else if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(text))) date = [fullYear(n(m[3])), n(m[1]), n(m[2])];
  else if ((m = /^(\d{4})[/-](\d{1,2})$/.exec(text))) date = [n(m[1]), n(m[2]), 1];
  else if ((m = /^(\d{1,2})[/-](\d{1,2})$/.exec(text))) date = [year, n(m[1]), n(m[2])];
  else if ((m = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?$/.exec(text))) date = [m[1] ? n(m[1]) : year, n(m[2]), m[3] ? n(m[3]) : 1];
  else if ((m = /^([MTSHR]|明治|大正|昭和|平成|令和)\s*(\d{1,2}|元)[./年](\d{1,2})[./月](\d{1,2})日?$/i.exec(text))) {
    date = [ERAS[m[1].toUpperCase()] + (m[2] === "元" ? 1 : n(m[2])), n(m[3]), n(m[4])];
  } else if ((m = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ](\d{2}|\d{4}))?$/.exec(text)) && monthOf(m[2])) {
    date = [m[3] ? fullYear(n(m[3])) : year, monthOf(m[2])!, n(m[1])];
  } else if ((m = /^([A-Za-z]{3,9})[- ](\d{1,2})(?:,?[- ](\d{4}))?$/.exec(text)) && monthOf(m[1])) {
    date = [m[3] ? n(m[3]) : year, monthOf(m[1])!, n(m[2])];
  }
  if (date) {
    const [y, mo, d] = date;
    const utc = Date.UTC(y, mo - 1, d);
    const check = new Date(utc);
    if (mo < 1 || mo > 12 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || y < 1900 || y > 9999) return null;
    return { value: (utc - Date.UTC(1899, 11, 30)) / 86_400_000, format: "yyyy/m/d" };
  }
  if ((m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text)) || (m = /^(\d{1,2})時(\d{1,2})分(?:(\d{1,2})秒)?$/.exec(text))) {
    const [h, mi, s] = [n(m[1]), n(m[2]), n(m[3] ?? "0")];
    if (h > 23 || mi > 59 || s > 59) return null;
    return { value: (h * 3600 + mi * 60 + s) / 86_400, format: "h:mm" };
  }
  return null;
}

function fullYear(y: number): number {
  return y < 100 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

function monthOf(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}
