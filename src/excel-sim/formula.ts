/**
 * A small evaluator for the formulas hyoka writes into its summary sheets, and nothing more: references (with
 * quoted sheet names), array constants, the operators & + - * / = <> and the functions in FUNCTIONS, with
 * Excel's documented semantics. Anything else is refused with a FormulaError instead of a guess, so a
 * formula the project starts to write without teaching it here fails in the tests, not in a user's workbook.
 *
 * Values follow Excel's: a number, a text, a logical, an error ({ error: "#N/A" }) or, for an empty cell,
 * null (blank). Everything is evaluated the way Excel evaluates inside SUMPRODUCT and LOOKUP (arrays element by
 * element); a formula whose result is still an array is refused, as hyoka never relies on implicit
 * intersection. Pure: cell values come from the caller's `cell` function, which may evaluate other formulas.
 */
import type { CellValue } from "../template/grid";

export class FormulaError extends Error {
  override readonly name = "FormulaError";
}

type Err = { error: string };
type Scalar = CellValue;
/** An array, rows of columns; a range read as values is one too. */
type Grid = Scalar[][];
type Value = Scalar | Grid;

const err = (code: string): Err => ({ error: code });
export const ERRORS = {
  value: err("#VALUE!"),
  na: err("#N/A"),
  div0: err("#DIV/0!"),
  ref: err("#REF!"),
} as const;

const isError = (v: unknown): v is Err => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;
const isGrid = (v: Value): v is Grid => Array.isArray(v);

// ---------------------------------------------------------------------------------------------------------
// Syntax

export interface Reference {
  kind: "ref";
  /** null: the formula's own sheet. */
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "logical"; value: boolean }
  | { kind: "error"; value: string }
  | Reference
  | { kind: "array"; rows: Scalar[][] }
  | { kind: "negate"; arg: FormulaNode }
  | { kind: "binary"; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  | { kind: "call"; name: string; args: FormulaNode[] };

type BinaryOp = "&" | "+" | "-" | "*" | "/" | "=" | "<>";

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: Reference; span: Span }
  | { t: "fn"; v: string }
  | { t: "word"; v: string }
  | { t: "err"; v: string }
  | { t: "op"; v: string };

/** Where a reference stands in the formula text (its sheet name included), and where the cells part starts. */
interface Span {
  start: number;
  cells: number;
  end: number;
}

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})/;
const SHEET_WORD = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*!/;

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** "A1" or "A1:B2" at the start of `text`, with how many characters it took. */
function cellRange(text: string): { range: Omit<Reference, "kind" | "sheet">; length: number } | null {
  const a = CELL.exec(text);
  if (!a) return null;
  let length = a[0].length;
  let [row2, col2] = [Number(a[2]) - 1, columnIndex(a[1])];
  const [row1, col1] = [row2, col2];
  if (text[length] === ":") {
    const b = CELL.exec(text.slice(length + 1));
    if (!b) throw new FormulaError(`Unsupported range (only cell ranges like A1:B2): ${text}`);
    length += 1 + b[0].length;
    [row2, col2] = [Number(b[2]) - 1, columnIndex(b[1])];
  }
  // A name like "LOG10" followed by "(" is a function, and "A1B" is no reference: the caller decides.
  if (/[A-Za-z0-9_.(]/.test(text[length] ?? "")) return null;
  return {
    range: { top: Math.min(row1, row2), left: Math.min(col1, col2), bottom: Math.max(row1, row2), right: Math.max(col1, col2) },
    length,
  };
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const rest = () => formula.slice(i);
  const refAfterSheet = (sheet: string, start: number) => {
    const cell = cellRange(rest());
    if (!cell) throw new FormulaError(`A sheet name must be followed by a cell reference: ${formula}`);
    tokens.push({ t: "ref", v: { kind: "ref", sheet, ...cell.range }, span: { start, cells: i, end: i + cell.length } });
    i += cell.length;
  };
  /** A "text" or 'sheet name' from its opening quote on; a doubled quote stands for one. */
  const quoted = (quote: string, what: string): string => {
    let value = "";
    for (i++; ; i++) {
      if (i >= formula.length) throw new FormulaError(`Unterminated ${what} in ${formula}`);
      if (formula[i] === quote) {
        if (formula[i + 1] !== quote) break;
        i++;
      }
      value += formula[i];
    }
    i++;
    return value;
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      tokens.push({ t: "str", v: quoted('"', "text") });
    } else if (ch === "'") {
      const start = i;
      const sheet = quoted("'", "sheet name");
      if (formula[i] !== "!") throw new FormulaError(`A quoted sheet name must be followed by "!": ${formula}`);
      i++;
      refAfterSheet(sheet, start);
    } else if (ch === "#") {
      const literal = ERROR_LITERALS.find((e) => formula.startsWith(e, i));
      if (!literal) throw new FormulaError(`Unknown error literal in ${formula}`);
      tokens.push({ t: "err", v: literal });
      i += literal.length;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(rest());
      if (!m) throw new FormulaError(`Bad number in ${formula}`);
      tokens.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if ("&+-*/=(),;{}".includes(ch)) {
      tokens.push({ t: "op", v: ch });
      i++;
    } else if (ch === "<" || ch === ">") {
      const two = formula.slice(i, i + 2);
      if (two !== "<>") throw new FormulaError(`Unsupported comparison "${two.trim() || ch}" (only = and <>): ${formula}`);
      tokens.push({ t: "op", v: "<>" });
      i += 2;
    } else if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      // Excel reads a space between two references as their intersection; hyoka writes no spaces.
      throw new FormulaError(`Unsupported white space outside text (the intersection operator): ${formula}`);
    } else {
      const sheet = SHEET_WORD.exec(rest());
      if (sheet) {
        const start = i;
        i += sheet[0].length;
        refAfterSheet(sheet[0].slice(0, -1), start);
        continue;
      }
      const cell = cellRange(rest());
      if (cell) {
        tokens.push({ t: "ref", v: { kind: "ref", sheet: null, ...cell.range }, span: { start: i, cells: i, end: i + cell.length } });
        i += cell.length;
        continue;
      }
      if (/^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}\b|^\$?[0-9]+:\$?[0-9]+/.test(rest())) {
        throw new FormulaError(`Unsupported range (whole columns or rows): ${formula}`);
      }
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest());
      if (!word) throw new FormulaError(`Unexpected "${ch}" in ${formula}`);
      i += word[0].length;
      if (formula[i] === "(") {
        tokens.push({ t: "fn", v: word[0].toUpperCase() });
        i++;
      } else tokens.push({ t: "word", v: word[0].toUpperCase() });
    }
  }
  return tokens;
}

/** Parses "=…" into a tree; refuses what the evaluator does not know. */
export function parseFormula(formula: string): FormulaNode {
  if (!formula.startsWith("=")) throw new FormulaError(`A formula starts with "=": ${formula}`);
  const tokens = tokenize(formula.slice(1));
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (v: string) => peek()?.t === "op" && peek()!.v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaError(`Expected "${v}" in ${formula}`);
    at++;
  };

  const binaryLevel = (ops: string[], next: () => FormulaNode) => (): FormulaNode => {
    let left = next();
    while (peek()?.t === "op" && ops.includes(peek()!.v as string)) {
      const op = tokens[at++].v as BinaryOp;
      left = { kind: "binary", op, left, right: next() };
    }
    return left;
  };
  const unary = (): FormulaNode => {
    if (isOp("-")) return at++, { kind: "negate", arg: unary() };
    if (isOp("+")) return at++, unary();
    return primary();
  };
  // Excel's precedence, loosest first: comparison, &, + -, * / (negation binds tighter than all of them).
  const multiplicative = binaryLevel(["*", "/"], unary);
  const additive = binaryLevel(["+", "-"], multiplicative);
  const concatenation = binaryLevel(["&"], additive);
  const comparison = binaryLevel(["=", "<>"], concatenation);

  function primary(): FormulaNode {
    const token = tokens[at++];
    if (!token) throw new FormulaError(`Unexpected end of ${formula}`);
    switch (token.t) {
      case "num":
        return { kind: "number", value: token.v };
      case "str":
        return { kind: "text", value: token.v };
      case "err":
        return { kind: "error", value: token.v };
      case "ref":
        return token.v;
      case "word":
        if (token.v === "TRUE" || token.v === "FALSE") return { kind: "logical", value: token.v === "TRUE" };
        throw new FormulaError(`Unsupported name "${token.v}" (defined names are not evaluated): ${formula}`);
      case "fn": {
        if (!(token.v in FUNCTIONS)) throw new FormulaError(`Unsupported function ${token.v}: ${formula}`);
        const args: FormulaNode[] = [];
        if (!isOp(")")) {
          args.push(comparison());
          while (isOp(",")) {
            at++;
            args.push(comparison());
          }
        }
        expect(")");
        return { kind: "call", name: token.v, args };
      }
      case "op":
        if (token.v === "(") {
          const inner = comparison();
          expect(")");
          return inner;
        }
        if (token.v === "{") return arrayConstant();
        throw new FormulaError(`Unexpected "${token.v}" in ${formula}`);
    }
  }

  function arrayConstant(): FormulaNode {
    const rows: Scalar[][] = [[]];
    for (;;) {
      const negative = isOp("-") && (at++, true);
      const token = tokens[at++];
      if (token?.t === "num") rows[rows.length - 1].push(negative ? -token.v : token.v);
      else if (token?.t === "str" && !negative) rows[rows.length - 1].push(token.v);
      else if (token?.t === "word" && !negative && (token.v === "TRUE" || token.v === "FALSE")) rows[rows.length - 1].push(token.v === "TRUE");
      else throw new FormulaError(`An array constant holds numbers, texts and logicals only: ${formula}`);
      if (!isOp(",") && !isOp(";")) break;
      if (isOp(";")) rows.push([]);
      at++;
    }
    expect("}");
    if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaError(`Array constant rows differ in length: ${formula}`);
    return { kind: "array", rows };
  }

  const tree = comparison();
  if (at !== tokens.length) throw new FormulaError(`Unexpected "${String(tokens[at].v)}" in ${formula}`);
  return tree;
}

/** Every cell reference in the formula, for checks ("refers only to this workbook") and for callers' bookkeeping. */
export function referencesOf(formula: string): Reference[] {
  const found: Reference[] = [];
  const walk = (node: FormulaNode) => {
    if (node.kind === "ref") found.push(node);
    else if (node.kind === "negate") walk(node.arg);
    else if (node.kind === "binary") [node.left, node.right].forEach(walk);
    else if (node.kind === "call") node.args.forEach(walk);
  };
  walk(parseFormula(formula));
  return found;
}

/** The text constants written in the formula ("…" literals and those of array constants). */
export function textLiteralsOf(formula: string): string[] {
  const found: string[] = [];
  const walk = (node: FormulaNode) => {
    if (node.kind === "text") found.push(node.value);
    else if (node.kind === "array") found.push(...node.rows.flat().filter((v): v is string => typeof v === "string"));
    else if (node.kind === "negate") walk(node.arg);
    else if (node.kind === "binary") [node.left, node.right].forEach(walk);
    else if (node.kind === "call") node.args.forEach(walk);
  };
  walk(parseFormula(formula));
  return found;
}

/**
 * The formula with each reference replaced as `change` says: a new reference (its $ signs kept), the same one, or
 * null for one that no longer exists (written #REF!, as Excel does when the cells are deleted). What is not a
 * reference is kept character for character; functions the evaluator does not know are fine here.
 */
export function mapReferences(formula: string, change: (ref: Reference) => Reference | null): string {
  if (!formula.startsWith("=")) throw new FormulaError(`A formula starts with "=": ${formula}`);
  const refs = tokenize(formula.slice(1)).flatMap((t) => (t.t === "ref" ? [t] : []));
  let out = "=";
  let at = 1;
  for (const { v, span } of refs) {
    const [start, cells, end] = [span.start + 1, span.cells + 1, span.end + 1];
    out += formula.slice(at, start);
    const next = change(v);
    if (next === null) out += "#REF!";
    else {
      const prefix = next.sheet === v.sheet ? formula.slice(start, cells) : next.sheet === null ? "" : `'${next.sheet.replace(/'/g, "''")}'!`;
      out += prefix + rewriteCells(formula.slice(cells, end), next);
    }
    at = end;
  }
  return out + formula.slice(at);
}

/** "A1" or "$A$1:B$2" with the range's new corners, each corner keeping its $ signs. */
function rewriteCells(text: string, ref: Reference): string {
  const corners = text.split(":");
  const corner = (part: string, row: number, col: number) => {
    const m = /^(\$?)[A-Za-z]+(\$?)[0-9]+$/.exec(part)!;
    return `${m[1]}${columnLetters(col)}${m[2]}${row + 1}`;
  };
  const first = corner(corners[0], ref.top, ref.left);
  return corners.length === 1 ? first : `${first}:${corner(corners[1], ref.bottom, ref.right)}`;
}

function columnLetters(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Rows inserted (count > 0) or deleted (count < 0) at `row` of `sheet`: the formula (standing on `formulaSheet`)
 * as Excel adjusts it. References below move; a range across the inserted rows grows; a reference whose cells
 * are all deleted becomes #REF!, a range that loses some of its rows shrinks.
 */
export function shiftRows(formula: string, formulaSheet: string, sheet: string, row: number, count: number): string {
  const same = (name: string | null) => (name ?? formulaSheet).toLowerCase() === sheet.toLowerCase();
  return mapReferences(formula, (ref) => {
    if (!same(ref.sheet)) return ref;
    if (count > 0) {
      const move = (r: number) => (r >= row ? r + count : r);
      return { ...ref, top: move(ref.top), bottom: move(ref.bottom) };
    }
    const gone = -count;
    const last = row + gone - 1;
    if (ref.top >= row && ref.bottom <= last) return null;
    const top = ref.top > last ? ref.top - gone : Math.min(ref.top, row);
    const bottom = ref.bottom > last ? ref.bottom - gone : Math.min(ref.bottom, row - 1);
    return { ...ref, top, bottom };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Values and coercions (Excel's rules)

export interface FormulaContext {
  /** The sheet the formula stands on: references without a sheet name point there. */
  sheet: string;
  /**
   * A cell's value: null when empty, an error value for a sheet that does not exist (#REF!). May evaluate the
   * cell's own formula.
   */
  cell(sheet: string, row: number, col: number): CellValue;
  /** A range's values, rows of columns, when the caller can give them faster than cell by cell. */
  range?(sheet: string, ref: Omit<Reference, "kind" | "sheet">): CellValue[][];
}

/**
 * How Excel turns a number into text (concatenation, SUBSTITUTE, LEFT…): the "General" format with up to 15
 * significant digits, scientific notation for very large or small magnitudes.
 */
export function numberToText(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e-9 && abs < 1e15) return String(Number(n.toPrecision(15)));
  const [mantissa, exponent] = n.toExponential(14).split("e");
  const digits = String(Number(mantissa));
  const e = Number(exponent);
  return `${digits}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

function toText(v: Scalar): string | Err {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numberToText(v);
  return v;
}

const PLAIN_NUMBER = /^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$/;

/**
 * Arithmetic operands: logicals are 1/0, blank is 0, a text that is a plain number is that number (Excel also
 * reads dates, times, currency and thousands separators in the user's locale; hyoka never relies on that, and
 * such text here is #VALUE!).
 */
function toNumber(v: Scalar): number | Err {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  return PLAIN_NUMBER.test(v) ? Number(v) : ERRORS.value;
}

/** A condition: numbers are TRUE unless 0, blank is FALSE, text that is not TRUE/FALSE is #VALUE!. */
function toLogical(v: Scalar): boolean | Err {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const upper = v.toUpperCase();
  return upper === "TRUE" ? true : upper === "FALSE" ? false : ERRORS.value;
}

/**
 * `=` as Excel compares: blank equals "", 0 and FALSE; a number never equals a text ("1"=1 is FALSE); texts
 * compare without regard to case ("Comparison operators … are not case-sensitive").
 */
function equal(a: Scalar, b: Scalar): boolean | Err {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (a === null && b === null) return true;
  if (a === null) return b === "" || b === 0 || b === false;
  if (b === null) return a === "" || a === 0 || a === false;
  if (typeof a !== typeof b) return false;
  if (typeof a === "string") return a.toLowerCase() === (b as string).toLowerCase();
  return a === b;
}

function dims(v: Value): [number, number] {
  return isGrid(v) ? [v.length, v[0]?.length ?? 0] : [1, 1];
}

/** Element (r, c) of a value broadcast to a larger shape: a single row or column repeats; beyond that, #N/A. */
function at(v: Value, r: number, c: number): Scalar {
  if (!isGrid(v)) return v;
  const rows = v.length;
  const cols = v[0]?.length ?? 0;
  const rr = rows === 1 ? 0 : r;
  const cc = cols === 1 ? 0 : c;
  return rr < rows && cc < cols ? v[rr][cc] : ERRORS.na;
}

/** Applies a scalar function element by element when any argument is an array (Excel's array evaluation). */
function lift(args: Value[], f: (...xs: Scalar[]) => Scalar): Value {
  if (!args.some(isGrid)) return f(...(args as Scalar[]));
  let rows = 1;
  let cols = 1;
  for (const a of args) {
    const [r, c] = dims(a);
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  const out: Grid = new Array(rows);
  const xs: Scalar[] = new Array(args.length);
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < args.length; i++) xs[i] = at(args[i], r, c);
      row[c] = f(...xs);
    }
    out[r] = row;
  }
  return out;
}

function flatten(v: Value): Scalar[] {
  return isGrid(v) ? v.flat() : [v];
}

// ---------------------------------------------------------------------------------------------------------
// Functions: each gets its arguments' nodes (so IF can skip a branch and ISBLANK can see a reference).

type Evaluate = (node: FormulaNode) => Value;
type Fn = { arity: [number, number]; call: (args: FormulaNode[], evaluate: Evaluate) => Value };

const textFn = (arity: [number, number], f: (...xs: Scalar[]) => Scalar): Fn => ({
  arity,
  call: (args, evaluate) => lift(args.map(evaluate), f),
});

function firstError(...xs: unknown[]): Err | undefined {
  return xs.find(isError) as Err | undefined;
}

/** Within a function, a whole-number argument: Excel truncates. */
function integerArg(v: Scalar): number | Err {
  const n = toNumber(v);
  return isError(n) ? n : Math.trunc(n);
}

const FUNCTIONS: Record<string, Fn> = {
  IF: {
    arity: [2, 3],
    call: ([test, yes, no], evaluate) => {
      const cond = evaluate(test);
      // Only the branch taken is evaluated, so IF(ISBLANK(x),"",x) never sees the other side's error.
      if (!isGrid(cond)) {
        const c = toLogical(cond);
        if (isError(c)) return c;
        return c ? evaluate(yes) : no ? evaluate(no) : false;
      }
      const [a, b] = [evaluate(yes), no ? evaluate(no) : false];
      return lift([cond, a, b], (x, y, z) => {
        const c = toLogical(x);
        return isError(c) ? c : c ? y : z;
      });
    },
  },
  IFERROR: { arity: [2, 2], call: (args, evaluate) => lift(args.map(evaluate), (v, alt) => (isError(v) ? alt : v)) },
  /** TRUE only for a reference to an empty cell: a formula's "" is not blank ("ISBLANK: value refers to an empty cell"). */
  ISBLANK: { arity: [1, 1], call: ([arg], evaluate) => lift([evaluate(arg)], (v) => arg.kind === "ref" && v === null) },
  ISERROR: { arity: [1, 1], call: ([arg], evaluate) => lift([evaluate(arg)], (v) => isError(v)) },
  NOT: {
    arity: [1, 1],
    call: ([arg], evaluate) =>
      lift([evaluate(arg)], (v) => {
        const b = toLogical(v);
        return isError(b) ? b : !b;
      }),
  },
  AND: { arity: [1, 255], call: (args, evaluate) => logicalFold(args.map(evaluate), (a, b) => a && b, true) },
  OR: { arity: [1, 255], call: (args, evaluate) => logicalFold(args.map(evaluate), (a, b) => a || b, false) },
  /** SUBSTITUTE is case-sensitive; an empty old_text leaves the text as it is. */
  SUBSTITUTE: textFn([3, 3], (text, old, replacement) => {
    const [t, o, r] = [toText(text), toText(old), toText(replacement)];
    const e = firstError(t, o, r);
    if (e) return e;
    return o === "" ? (t as string) : (t as string).split(o as string).join(r as string);
  }),
  LOWER: textFn([1, 1], (text) => {
    const t = toText(text);
    return isError(t) ? t : t.toLowerCase();
  }),
  LEN: textFn([1, 1], (text) => {
    const t = toText(text);
    return isError(t) ? t : t.length;
  }),
  LEFT: textFn([1, 2], (text, count = 1) => {
    const [t, n] = [toText(text), integerArg(count)];
    const e = firstError(t, n);
    if (e) return e;
    return (n as number) < 0 ? ERRORS.value : (t as string).slice(0, n as number);
  }),
  MID: textFn([3, 3], (text, start, count) => {
    const [t, s, n] = [toText(text), integerArg(start), integerArg(count)];
    const e = firstError(t, s, n);
    if (e) return e;
    if ((s as number) < 1 || (n as number) < 0) return ERRORS.value;
    return (t as string).slice((s as number) - 1, (s as number) - 1 + (n as number));
  }),
  /** FIND is case-sensitive and knows no wildcards; not found is #VALUE!; an empty find_text is found at start_num. */
  FIND: textFn([2, 3], (find, within, start = 1) => {
    const [f, w, s] = [toText(find), toText(within), integerArg(start)];
    const e = firstError(f, w, s);
    if (e) return e;
    if ((s as number) < 1 || (s as number) > (w as string).length + 1) return ERRORS.value;
    const found = (w as string).indexOf(f as string, (s as number) - 1);
    return found < 0 ? ERRORS.value : found + 1;
  }),
  /** Only 1–127: above that CHAR depends on the operating system's code page. */
  CHAR: textFn([1, 1], (code) => {
    const n = integerArg(code);
    if (isError(n)) return n;
    if (n < 1 || n > 127) throw new FormulaError(`CHAR(${n}) depends on the code page; only 1–127 are evaluated`);
    return String.fromCharCode(n);
  }),
  /** CHOOSE(index, v1, v2…): with an array of indexes, an array. */
  CHOOSE: {
    arity: [2, 255],
    call: ([index, ...choices], evaluate) =>
      lift([evaluate(index), ...choices.map(evaluate)], (i, ...values) => {
        const n = integerArg(i);
        if (isError(n)) return n;
        return n >= 1 && n <= values.length ? values[n - 1] : ERRORS.value;
      }),
  },
  /** Numbers in ranges and arrays are summed, texts and logicals there ignored; a direct text argument is coerced. */
  SUM: {
    arity: [1, 255],
    call: (args, evaluate) => {
      let total = 0;
      for (const arg of args) {
        const v = evaluate(arg);
        for (const x of flatten(v)) {
          if (isError(x)) return x;
          if (typeof x === "number") total += x;
          else if (!isGrid(v) && arg.kind !== "ref") {
            const n = toNumber(x);
            if (isError(n)) return n;
            total += n;
          }
        }
      }
      return total;
    },
  },
  /**
   * SUMPRODUCT: the arrays must have the same dimensions (else #VALUE!); "non-numeric array entries" count as
   * zero; an error in any entry is the result.
   */
  SUMPRODUCT: {
    arity: [1, 255],
    call: (args, evaluate) => {
      const arrays = args.map(evaluate);
      const [rows, cols] = dims(arrays[0]);
      if (arrays.some((a) => dims(a)[0] !== rows || dims(a)[1] !== cols)) return ERRORS.value;
      let total = 0;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          let product = 1;
          for (const a of arrays) {
            const x = at(a, r, c);
            if (isError(x)) return x;
            product *= typeof x === "number" ? x : 0;
          }
          total += product;
        }
      }
      return total;
    },
  },
  /**
   * LOOKUP(value, lookup_vector, result_vector), the vector form: the last entry not greater than `value` among
   * entries of its type, errors skipped, and the result at the same position; none is #N/A. Excel searches
   * assuming an ascending vector; this scans, which gives the same answer for a sorted vector and for the
   * LOOKUP(2,1/(…),…) idiom (1s and errors) hyoka writes.
   */
  LOOKUP: {
    arity: [3, 3],
    call: ([value, lookup, result], evaluate) => {
      const wanted = evaluate(value);
      if (isGrid(wanted)) throw new FormulaError("LOOKUP with an array as lookup_value is not evaluated");
      if (isError(wanted)) return wanted;
      const keys = flatten(evaluate(lookup));
      const results = flatten(evaluate(result));
      if (typeof wanted !== "number") throw new FormulaError("LOOKUP is evaluated for a number lookup_value only");
      let found = -1;
      keys.forEach((key, i) => {
        if (typeof key === "number" && key <= wanted) found = i;
      });
      if (found < 0) return ERRORS.na;
      return found < results.length ? results[found] : ERRORS.na;
    },
  },
};

function logicalFold(values: Value[], f: (a: boolean, b: boolean) => boolean, start: boolean): Scalar {
  let acc = start;
  let seen = false;
  for (const v of values) {
    for (const x of flatten(v)) {
      if (isError(x)) return x;
      // In ranges and arrays, texts and blanks are ignored.
      if (isGrid(v) && (typeof x === "string" || x === null)) continue;
      const b = toLogical(x);
      if (isError(b)) return b;
      acc = f(acc, b);
      seen = true;
    }
  }
  return seen ? acc : ERRORS.value;
}

function binary(op: BinaryOp, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case "&": {
      const [x, y] = [toText(a), toText(b)];
      return firstError(x, y) ?? (x as string) + (y as string);
    }
    case "=":
      return equal(a, b);
    case "<>": {
      const e = equal(a, b);
      return isError(e) ? e : !e;
    }
    default: {
      const [x, y] = [toNumber(a), toNumber(b)];
      const e = firstError(x, y);
      if (e) return e;
      const [m, n] = [x as number, y as number];
      if (op === "+") return m + n;
      if (op === "-") return m - n;
      if (op === "*") return m * n;
      return n === 0 ? ERRORS.div0 : m / n;
    }
  }
}

/**
 * Evaluates a formula ("=…") at `context.sheet`. The result is a cell value; an empty cell referenced on its
 * own is 0, as Excel shows it. Throws FormulaError for anything the evaluator does not know.
 */
export function evaluateFormula(formula: string | FormulaNode, context: FormulaContext): CellValue {
  const tree = typeof formula === "string" ? parseFormula(formula) : formula;
  const evaluate: Evaluate = (node) => {
    switch (node.kind) {
      case "number":
      case "text":
      case "logical":
        return node.value;
      case "error":
        return err(node.value);
      case "array":
        return node.rows;
      case "ref": {
        const sheet = node.sheet ?? context.sheet;
        if (context.range && (node.top !== node.bottom || node.left !== node.right)) return context.range(sheet, node);
        const rows: Grid = [];
        for (let r = node.top; r <= node.bottom; r++) {
          const row: Scalar[] = [];
          for (let c = node.left; c <= node.right; c++) row.push(context.cell(sheet, r, c));
          rows.push(row);
        }
        return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
      }
      case "negate":
        return lift([evaluate(node.arg)], (v) => {
          const n = toNumber(v);
          return isError(n) ? n : -n;
        });
      case "binary":
        return lift([evaluate(node.left), evaluate(node.right)], (a, b) => binary(node.op, a, b));
      case "call": {
        const fn = FUNCTIONS[node.name];
        const [min, max] = fn.arity;
        if (node.args.length < min || node.args.length > max) {
          throw new FormulaError(`${node.name} takes ${min === max ? min : `${min}–${max}`} arguments, not ${node.args.length}`);
        }
        return fn.call(node.args, evaluate);
      }
    }
  };
  const result = evaluate(tree);
  if (isGrid(result)) {
    if (result.length === 1 && result[0].length === 1) return result[0][0] ?? 0;
    throw new FormulaError("The formula's result is an array (hyoka never relies on implicit intersection)");
  }
  return result ?? 0;
}

/** The functions the evaluator knows, for messages and tests. */
export const SUPPORTED_FUNCTIONS = Object.keys(FUNCTIONS);
