/**
 * Text normalisation for matching labels and ratings. Values shown to people keep their own text;
 * only comparisons go through here.
 */

/** NFKC (全角→半角, ①→1, ⅱ→ii), no white space of any kind, lower case. */
export function normalize(text: string): string {
  if (isNormalized(text)) return text;
  return text.length > MAX_REMEMBERED_LENGTH ? normalizeOnce(text) : normalized(text);
}

/** The first `length` units of a text, normalised; the start of a longer text is its own, so it is not remembered. */
export function normalizeStart(text: string, length: number): string {
  if (text.length <= length) return normalize(text);
  const start = text.slice(0, length);
  return isNormalized(start) ? start : normalizeOnce(start);
}

/**
 * Short texts that normalising changes, remembered: a form prints the same labels and legends in every item
 * (「課題と改善策　※左記が「②」の場合は必須」) and people type the same ratings. Bounded.
 */
const normalized = rememberedByText(4096, (text) => normalizeOnce(text));
const MAX_REMEMBERED_LENGTH = 48;

/**
 * `compute` of short texts, remembered (at most `max`, forgotten all at once when full): forms repeat the same
 * labels, legends and ratings in every item. Each key is detached, and so is what is worked out from it.
 */
export function rememberedByText<V>(max: number, compute: (text: string) => V): (text: string) => V {
  const remembered = new Map<string, V>();
  return (text) => {
    let value = remembered.get(text);
    if (value === undefined) {
      const key = detached(text);
      value = compute(key);
      if (remembered.size >= max) remembered.clear();
      remembered.set(key, value);
    }
    return value;
  };
}

/**
 * A copy of a short text that keeps nothing else alive: a text cut from a longer one (a slice of a file's XML, a
 * regex's capture) shares that string in V8, and a remembered key would hold it for good. Joining forces a flat
 * copy; the slice of the copy holds only the copy.
 */
function detached(text: string): string {
  return (" " + text).slice(1);
}

function isNormalized(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!(unitClass(text.charCodeAt(i)) & COMPACT_SELF)) return false;
  return true;
}

function normalizeOnce(text: string): string {
  let folded = text;
  let nfkc = false;
  let blank = false;
  let cased = false;
  for (let i = 0; i < folded.length; i++) {
    const bits = unitClass(folded.charCodeAt(i));
    if (bits & BLANK) blank = true;
    else if (!(bits & COMPACT_SELF)) {
      if (!(bits & SELF) && !nfkc) {
        // Fold the whole text and look at what came out: only white space and case may be left.
        folded = text.normalize("NFKC");
        nfkc = true;
        blank = false;
        cased = false;
        i = -1;
      } else cased = true;
    }
  }
  const joined = blank ? folded.replace(/\s+/g, "") : folded;
  return cased ? joined.toLowerCase() : joined;
}

function normalizeUnits(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}

/**
 * Characters that join the one before them, so that NFKC composes as on the whole text: combining marks, half width
 * ﾞﾟ, Hangul's vowel and final jamo, and the compatibility and half width letters that fold to them: vowels (ㄱㅏ is
 * 가) and the consonant clusters that are only finals (가ㄳ is 갃).
 */
const JOINER = /[\p{M}\uFF9E\uFF9F\u1160-\u11FF\u314F-\u3163\uFFC2-\uFFDC\u3133\u3135\u3136\u313A-\u313F\uFFA3\uFFA5\uFFA6\uFFAA-\uFFAF]/u;

/**
 * unitClass bits: worked out (1); folds to itself under NFKC (2) and under normalize() (4); joins the unit before it
 * (8); white space (16); folds to one other unit under NFKC (32) and under normalize() (64), that unit in foldsTo().
 */
export const SELF = 2;
export const COMPACT_SELF = 4;
export const JOINS = 8;
/** White space (\s). */
export const BLANK = 16;
export const ONE = 32;
export const COMPACT_ONE = 64;
const classes = new Uint8Array(0x10000);
/** What a ONE unit folds to under NFKC, and a COMPACT_ONE unit under normalize(). */
const oneTo = new Map<number, string>();
const compactOneTo = new Map<number, string>();

/**
 * What a UTF-16 unit does under folding, worked out on first sight (a workbook repeats the same few thousand
 * characters). A unit that folds to itself (or to one other unit) and is not followed by a joiner needs no NFKC;
 * surrogates always do.
 */
export function unitClass(c: number): number {
  let bits = classes[c];
  if (bits === 0) {
    bits = 1;
    const unit = String.fromCharCode(c);
    if (/\s/.test(unit)) bits |= BLANK;
    if (JOINER.test(unit)) bits |= JOINS;
    else if (c < 0xd800 || c > 0xdfff) {
      const nfkc = unit.normalize("NFKC");
      const compact = normalizeUnits(unit);
      if (nfkc === unit) bits |= SELF;
      else if (nfkc.length === 1) {
        bits |= ONE;
        oneTo.set(c, nfkc);
      }
      if (compact === unit) bits |= COMPACT_SELF;
      else if (compact.length === 1) {
        bits |= COMPACT_ONE;
        compactOneTo.set(c, compact);
      }
    }
    classes[c] = bits;
  }
  return bits;
}

/** The UTF-16 unit is white space (\s): a table lookup, where a regular expression per character costs a call. */
export function isBlankUnit(c: number): boolean {
  return (unitClass(c) & BLANK) !== 0;
}

/** The text has something other than white space (\S): most texts start so. */
export function hasNonBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isBlankUnit(text.charCodeAt(i))) return true;
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The text has a letter or a digit (\p{L}, \p{N}), not only punctuation and space. Most texts start with a kanji,
 * かな or an ASCII letter or digit: the first unit is looked at before a regular expression is.
 */
export function hasContent(text: string): boolean {
  const c = text.charCodeAt(0);
  const lower = c | 0x20;
  if ((c >= 0x4e00 && c <= 0x9fef) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7a)) {
    return true;
  }
  return LETTER_OR_DIGIT.test(text);
}

/** What a ONE (`compact`: COMPACT_ONE) unit folds to. */
export function foldsTo(c: number, compact: boolean): string {
  return (compact ? compactOneTo : oneTo).get(c)!;
}

/**
 * If `text` begins with `label` (compared normalised, so "中間 振り返り" begins with "中間振り返り"),
 * the rest of `text` after it, trimmed; otherwise null.
 */
export function afterLabel(text: string, label: string): string | null {
  if (text.startsWith(label)) return text.slice(label.length).trim();
  const want = normalize(label);
  let matched = 0;
  let i = 0;
  const chars = Array.from(text);
  for (; i < chars.length && matched < want.length; i++) {
    const piece = normalize(chars[i]);
    if (!piece) continue;
    if (!want.startsWith(piece, matched)) return null;
    matched += piece.length;
  }
  return matched === want.length ? chars.slice(i).join("").trim() : null;
}

/**
 * What tidy() may change inside a text: a tab or 全角 space, two spaces, white space at a line's edge. A text of clean
 * lines (most cells written over several lines) is returned as it is, without splitting it.
 */
const UNTIDY = /[\t\u3000]| {2}|\s\n|\n\s/;

/** Collapse runs of white space within a line and trim every line; drop blank edges. */
export function tidy(text: string): string {
  if (text === "" || (!isBlankUnit(text.charCodeAt(0)) && !isBlankUnit(text.charCodeAt(text.length - 1)) && !UNTIDY.test(text))) return text;
  const collapsed = text.replace(/[ \t\u3000]+/g, " ");
  if (!collapsed.includes("\n")) return collapsed.trim();
  // Each line trimmed (its \r of \r\n too).
  return collapsed
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

/**
 * Every match of a global expression, as String.prototype.matchAll gives them, without the copy of the expression
 * matchAll makes on each call (most of its cost on short texts).
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    if (m[0] === "") re.lastIndex += re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return found;
}

/** The text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The words as one alternative of an expression, longest first, each once and none empty; "(?!)" (never) for none. */
export function alternation(words: readonly string[], pattern: (word: string) => string = escapeRegExp): string {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  return list.length ? list.map(pattern).join("|") : "(?!)";
}
