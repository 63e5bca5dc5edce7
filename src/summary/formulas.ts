/**
 * The formulas of the summary sheets, built here and nowhere else. Safe by construction: a formula is made of
 * references (sheet names quoted, ' doubled), numbers, hyoka's own words and the profile's vocabulary; no cell
 * text ever becomes part of one. Written in Excel's invariant (English) form, for `Range.formulas` and for
 * files alike, with functions every supported Excel has (no LET, LAMBDA or dynamic arrays).
 */
import type { CellRef } from "../model";
import { a1, CellRange, CellValue, cellText, columnName, isErrorValue, parseA1 } from "../template/grid";
import { afterItemNumber } from "../template/labels";
import type { Judgement } from "./judgement";
import { CHECK_LABEL, EMPTY_LABEL } from "./judgement";

/** A text constant: "…" with " doubled. Only for hyoka's own words and the profile's. */
export function literal(text: string): string {
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

/** A1 or A1:B2 with $ signs, so that sorting a table never moves what a row refers to. */
function address(range: CellRange): string {
  const from = absolute(range.top, range.left);
  return range.top === range.bottom && range.left === range.right ? from : `${from}:${absolute(range.bottom, range.right)}`;
}

function absolute(row: number, col: number): string {
  return `$${columnName(col)}$${row + 1}`;
}

/** A reference: 'Sheet name'!$C$6 (the name always quoted, any ' doubled), or $C$6 on the formula's own sheet. */
export function reference(sheet: string | null, range: CellRange): string {
  return sheet === null ? address(range) : `'${sheet.replace(/'/g, "''")}'!${address(range)}`;
}

const sourceReferences = new Map<string, string>();

/** The cell a field was read from, as a reference; the address is checked, never passed through. */
export function sourceReference(source: CellRef): string {
  const id = `${source.sheet}\u0000${source.cell}`;
  let ref = sourceReferences.get(id);
  if (ref === undefined) {
    const { row, col } = parseA1(source.cell);
    ref = reference(source.sheet, { top: row, left: col, bottom: row, right: col });
    if (sourceReferences.size > 100_000) sourceReferences.clear();
    sourceReferences.set(id, ref);
  }
  return ref;
}

/** A cell of the formula's own sheet, relative (for the same-row references inside a table). */
export function cellOnSheet(row: number, col: number): string {
  return a1(row, col);
}

/** The source's value, text kept text; an empty source shows empty, not 0. */
export function linkFormula(source: CellRef): string {
  const ref = sourceReference(source);
  return `=IF(ISBLANK(${ref}),"",${ref})`;
}

function substitute(text: string, from: string, to: string): string {
  return `SUBSTITUTE(${text},${charLiteral(from)},${literal(to)})`;
}

/** Tab and line breaks as CHAR(n), the same in every code page; other characters as themselves. */
function charLiteral(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 32 ? `CHAR(${code})` : literal(ch);
}

/**
 * The judged rating of a source cell: its text without white space, the judgement's characters folded, in lower
 * case, looked up exactly in the judgement table (LOOKUP(2,1/(keys=x),labels): "=" compares without wildcards
 * or a 255-character limit, and needs no array entry). The table's blank key row matches a blank cell.
 * Shows ①, (ii), 対象外; "" for nothing written; 要確認 for anything else, an error included.
 */
export function judgeFormula(source: CellRef, judgement: Judgement, table: { keys: CellRange; labels: CellRange }): string {
  const [open, close] = foldedKey(judgement);
  const lookup = `LOOKUP(2,1/(${reference(null, table.keys)}&""=${open}${sourceReference(source)}${close}),${reference(null, table.labels)})`;
  return `=IFERROR(SUBSTITUTE(${lookup},${literal(EMPTY_LABEL)},""),${literal(CHECK_LABEL)})`;
}

const foldedKeys = new WeakMap<Judgement, [string, string]>();

/** LOWER(SUBSTITUTE(SUBSTITUTE(…x…))) around a reference x, as the text before and after it (built once per judgement). */
function foldedKey(judgement: Judgement): [string, string] {
  let key = foldedKeys.get(judgement);
  if (!key) {
    const open = `LOWER(${"SUBSTITUTE(".repeat(judgement.folds.length)}`;
    const close = `${judgement.folds.map((f) => `,${charLiteral(f.from)},${literal(f.to)})`).join("")})`;
    foldedKeys.set(judgement, (key = [open, close]));
  }
  return key;
}

/** What the 連動 column shows when an item's cells no longer look like the item. */
export const RELINK_LABEL = "要再作成";

/** The spaces the 連動 check ignores. */
const CHECK_SPACES = [" ", "\u3000"];
const CHECK_SPACE_PATTERN = /[ \u3000]/g;
const DIGITS = "0123456789０１２３４５６７８９";

/**
 * The texts an item's heading begins with: each item label with the number, in half- and full-width digits; and where
 * the heading as it reads now begins otherwise (【取組項目1】, 取組項目：1, 取組項目(1)), its own words up to the number.
 */
export function headingPrefixes(itemLabels: string[], no: number, heading: CellValue = null): string[] {
  const fullWidth = String(no).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const prefixes = [...new Set(itemLabels.flatMap((label) => [`${label}${no}`, `${label}${fullWidth}`]))];
  const text = isErrorValue(heading) ? "" : cellText(heading).replace(CHECK_SPACE_PATTERN, "");
  if (prefixes.some((p) => text.toLowerCase().startsWith(p.toLowerCase()))) return prefixes;
  const rest = afterItemNumber(text);
  const own = rest === null ? "" : text.slice(0, text.length - rest.length);
  return own && Number(own.replace(/^[^0-9０-９]*/u, "").normalize("NFKC")) === no ? [...prefixes, own] : prefixes;
}

/**
 * "" while the item's heading cells (the label's, and the number's where it stands apart) still begin with its label and number (取組項目 3, 取組項目３, not 取組項目 31)
 * and none of its linked cells begins with a field label; 要再作成 when one does, or a cell is gone (#REF!).
 * Spaces are ignored; only the profile's labels and the item's number are written in the formula.
 */
export function relinkFormula(heading: readonly CellRef[], prefixes: string[], sources: CellRef[], labels: CellRange): string {
  const strip = (text: string) => CHECK_SPACES.reduce((t, space) => substitute(t, space, ""), text);
  const p = `{${prefixes.map(literal).join(",")}}`;
  const h = strip(heading.map(sourceReference).join("&"));
  const conditions = [`SUMPRODUCT((LEFT(${h},LEN(${p}))=${p})*ISERROR(FIND(MID(${h}&"_",LEN(${p})+1,1),${literal(DIGITS)})))<>0`];
  if (sources.length) {
    const s = strip(`CHOOSE({${sources.map((_, i) => i + 1).join(",")}},${sources.map(sourceReference).join(",")})`);
    const l = reference(null, labels);
    conditions.push(`SUMPRODUCT(--(LEFT(${s},LEN(${l}))=${l}))=0`);
  }
  return `=IFERROR(IF(AND(${conditions.join(",")}),"",${literal(RELINK_LABEL)}),${literal(RELINK_LABEL)})`;
}

/** What {@link relinkFormula} gives for these cell values (an error value: true). */
export function relinkNeeded(heading: CellValue, prefixes: string[], sources: CellValue[], labels: string[]): boolean {
  if (isErrorValue(heading) || sources.some(isErrorValue)) return true;
  const strip = (value: CellValue) => cellText(value).replace(CHECK_SPACE_PATTERN, "").toLowerCase();
  const h = strip(heading);
  const headingOk = prefixes.some((p) => h.startsWith(p.toLowerCase()) && !DIGITS.includes(h.charAt(p.length) || "_"));
  if (!headingOk) return true;
  const lower = labels.map((label) => label.toLowerCase());
  return sources.some((s) => {
    const text = strip(s);
    return lower.some((label) => text.startsWith(label));
  });
}

/** How many cells of `range` show exactly `label` ("" counts blank and empty cells). */
export function countFormula(range: CellRange, label: string): string {
  return `=SUMPRODUCT(--(${reference(null, range)}=${literal(label)}))`;
}

/** The same within one group: rows whose `groupRange` cell equals the cell `group` (compared with =, no wildcards). */
export function groupCountFormula(range: CellRange, label: string, groupRange: CellRange, group: { row: number; col: number }): string {
  const g = reference(null, { top: group.row, left: group.col, bottom: group.row, right: group.col });
  return `=SUMPRODUCT((${reference(null, groupRange)}=${g})*(${reference(null, range)}=${literal(label)}))`;
}

export function sumFormula(range: CellRange): string {
  return `=SUM(${reference(null, range)})`;
}

/** part / whole, 0 when there is nothing. */
export function shareFormula(part: { row: number; col: number }, whole: { row: number; col: number }): string {
  const [p, w] = [cellOnSheet(part.row, part.col), cellOnSheet(whole.row, whole.col)];
  return `=IF(${w}=0,0,${p}/${w})`;
}

/** The value of another cell of the same sheet. */
export function sameAs(cell: { row: number; col: number }): string {
  return `=${cellOnSheet(cell.row, cell.col)}`;
}

/** A line that says whether every item's cells still look right, counted from the 連動 column. */
export function relinkStatusFormula(column: CellRange, ok: string, stale: string): string {
  const count = `SUMPRODUCT(--(${reference(null, column)}=${literal(RELINK_LABEL)}))`;
  return `=IF(${count}=0,${literal(ok)},${count}&${literal(stale)})`;
}
