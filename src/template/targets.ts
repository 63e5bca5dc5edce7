/**
 * The (目標) parts of the plan fields (取組の方針・目標内容, 当年度の取組内容) and the target phrases in them.
 *
 * A plan field reads 「(趣旨・目的) … (取組の概要) … (目標) …」. Everything after a (目標) marker up to the next
 * section marker — (取組の内容) and the like, the profile's targetSections — is target text. Target text is split into
 * phrases at line breaks, bullets (○ ● ◎ ◇ ■ …, ・ at the start of a line or after a space, ①②…, ⑴, (1) after a
 * space) and 【令和元年度】 year headings; a phrase holding several values separated by spaces
 * (「… 91.2% 介護保険料 … 98.0%」) is cut after each value; a bare value (「・63%」) is joined to the label before
 * it (「○ …区民の割合 【令和元年度】 ・63%」).
 *
 * Comparisons go through NFKC (全角 digits and brackets, ％, ㍻), but every `text` is the phrase as written.
 * Nothing here throws: text that cannot be read stays a phrase with value null.
 */
import type { PlanField, Target } from "../model/target";
import { fiscalYearFrom } from "./fiscal-year";
import { fold, Folded, sourceOffset } from "./fold";
import { stripTags, trimEdges } from "./markup";
import { defaultProfile, TemplateProfile } from "./profile";
import { allMatches, alternation, escapeRegExp, hasContent, isBlankUnit, normalize } from "./text";

export type Comparator = NonNullable<Target["comparator"]>;

/** The words of the profile the parse reads: markers, section markers, units, comparator words. */
export type TargetWords = Pick<TemplateProfile, "targetMarkers" | "targetSections" | "targetUnits" | "targetComparators">;

/** The target phrases of one plan field, parsed where they are numeric; [] when there is no (目標) marker. */
export function parseTargets(field: PlanField, fieldText: string, words: TargetWords = defaultProfile): Target[] {
  const targets: Target[] = [];
  try {
    const grammar = grammarOf(words);
    for (const part of targetParts(fieldText, grammar) ?? []) targets.push(...parsePart(field, part, grammar));
  } catch {
    // Never throw on a workbook's text: what was parsed so far stands.
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------------------------
// The profile's words, as the expressions that find them

interface Grammar {
  /**
   * Markers and section keys are compared as normalize() compares (NFKC, no white space, lower case). When none has
   * a letter with case, they are looked for in the field's NFKC fold, white space allowed between their characters:
   * most fields fold to themselves, so nothing is built. Otherwise in the compact fold.
   */
  compact: boolean;
  /**
   * The keys written as one bracketed word (「(目標)」, 「(取組の内容)」: a ( and a ) at their ends, no other bracket),
   * each true for a marker: found by looking at each ( of the field, not by an expression per key.
   */
  bracketed: ReadonlyMap<string, boolean>;
  longestBracketed: number;
  /** Markers of any other shape, each distinct. */
  markers: RegExp[];
  /** Section keys of any other shape, in one pass; null: none. */
  sections: RegExp | null;
  /**
   * The bracketed markers and section keys printed as headings without brackets, at a line's start: 「目標：…」, 「■目標」
   * alone on its line. Null in the compact fold, which keeps no lines.
   */
  lineMarkers: RegExp | null;
  lineSections: RegExp | null;
  units: Record<string, string>;
  afterValue: Record<string, Comparator>;
  /** A value with its unit: no digit, letter, point or 第 before it (CO2, P68, 第2回, 1.5 are not read from their middle). */
  measure: RegExp;
  /** A phrase that is a number and nothing else (「63」, 「25以上」). */
  bare: RegExp;
  /** A decrease or increase word after a value, also after の (「8.1%の削減」): results are written so. */
  directionAfter: RegExp;
  zero: RegExp;
  bound: [RegExp, Comparator][];
  direction: [RegExp, Comparator][];
  /** Any of the words of zero, bound and direction: most phrases without a value have none (one call, not five). */
  anyWord: RegExp;
}

const grammars = new WeakMap<object, Grammar>();

function grammarOf(words: TargetWords): Grammar {
  let grammar = grammars.get(words);
  if (!grammar) {
    grammar = buildGrammar(words);
    grammars.set(words, grammar);
  }
  return grammar;
}

/** Markers that are not a list of text (a hand-written profile) fall back to the default's. */
function wordList(value: unknown, fallback: readonly string[]): string[] {
  return (Array.isArray(value) ? value : fallback).filter((w): w is string => typeof w === "string" && w !== "");
}

function buildGrammar(words: TargetWords): Grammar {
  const markerKeys = [...new Set(wordList(words.targetMarkers, defaultProfile.targetMarkers).map(normalize).filter(Boolean))];
  const sectionKeys = wordList(words.targetSections, defaultProfile.targetSections)
    .map((label) => normalize(`(${label})`))
    .filter((key) => !markerKeys.includes(key));
  const compact = ![...markerKeys, ...sectionKeys].every(isCaseless);
  const keyPattern = (key: string) => (compact ? escapeRegExp(key) : Array.from(key, escapeRegExp).join(String.raw`\s*`));
  const bracketed = new Map<string, boolean>();
  for (const key of sectionKeys) if (isBracketedWord(key)) bracketed.set(key, false);
  for (const key of markerKeys) if (isBracketedWord(key)) bracketed.set(key, true);
  const otherSections = sectionKeys.filter((key) => !isBracketedWord(key));
  const lineHeadings = (keys: string[]) => {
    const headings = keys.filter(isBracketedWord).map((key) => key.slice(1, -1));
    return compact || headings.length === 0
      ? null
      : new RegExp(String.raw`(?:^|[
  ])[^\S
]*(?:${LINE_BULLET}[^\S
]*)?(?:${alternation(headings, keyPattern)})[^\S
]*(?::|(?=[
  ]|$))`, "g");
  };
  const units = words.targetUnits ?? defaultProfile.targetUnits;
  const { afterValue: after, inPhrase } = words.targetComparators ?? defaultProfile.targetComparators;
  const afterValue: Record<string, Comparator> = {};
  for (const comparator of ["gte", "lte", "decrease", "increase"] as const) for (const word of after[comparator]) afterValue[word] = comparator;
  const afterWords = alternation(Object.keys(afterValue));
  // 減 or 増 alone is a direction only at the start or after a space, 比, % or a digit (「点灯箇所減」 is not).
  const directionWords = (list: readonly string[]) =>
    [...list.filter((w) => w.length > 1).map(escapeRegExp), ...list.filter((w) => w.length === 1).map((w) => String.raw`(?:^|[\s比%\d])${escapeRegExp(w)}`)].join("|") || "(?!)";
  const zero = new RegExp(alternation(inPhrase.zero), "u");
  const bound: [RegExp, Comparator][] = [
    [new RegExp(alternation(inPhrase.gte), "u"), "gte"],
    [new RegExp(alternation(inPhrase.lte), "u"), "lte"],
  ];
  const direction: [RegExp, Comparator][] = [
    [new RegExp(directionWords(inPhrase.decrease), "u"), "decrease"],
    [new RegExp(directionWords(inPhrase.increase), "u"), "increase"],
  ];
  return {
    compact,
    bracketed,
    longestBracketed: Math.max(0, ...[...bracketed.keys()].map((key) => key.length)),
    markers: markerKeys.filter((key) => !isBracketedWord(key)).map((key) => new RegExp(keyPattern(key), "g")),
    sections: otherSections.length ? new RegExp(alternation(otherSections, keyPattern), "g") : null,
    lineMarkers: lineHeadings(markerKeys),
    lineSections: lineHeadings(sectionKeys),
    units,
    afterValue,
    measure: new RegExp(String.raw`(?<![A-Za-z0-9.,第兆億万千])(${AMOUNT})\s?(${alternation(Object.keys(units))})(?:\s?(${afterWords}))?`, "gu"),
    bare: new RegExp(String.raw`^\s*(${AMOUNT})\s?(${afterWords})?\s*$`, "u"),
    directionAfter: new RegExp(String.raw`^\s?の?\s?(${afterWords})`, "u"),
    zero,
    bound,
    direction,
    anyWord: new RegExp([zero, ...[...bound, ...direction].map(([re]) => re)].map((re) => `(?:${re.source})`).join("|"), "u"),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the (目標) parts

/**
 * No letter with case, and none that lower-casing makes (İ is i and U+0307): such a key's characters stand the same in
 * the NFKC fold as in the compact one, with only white space between them there.
 */
function isCaseless(key: string): boolean {
  return Array.from(key).every((c) => c !== "\u0307" && c.toLowerCase() === c && c.toUpperCase() === c);
}

/** 「(…)」 with no other bracket in it: two such words never overlap, so each ( of a text starts at most one. */
function isBracketedWord(key: string): boolean {
  return key.length > 2 && key.startsWith("(") && key.indexOf(")") === key.length - 1 && key.lastIndexOf("(") === 0;
}

interface Mark {
  at: number;
  end: number;
  target: boolean;
}

/** The raw (目標) parts, as written and trimmed of blank space and stray HTML tags at their edges; null without a marker. */
function targetParts(fieldText: unknown, grammar: Grammar): string[] | null {
  if (typeof fieldText !== "string" || fieldText === "") return null;
  const folded = fold(fieldText, grammar.compact);
  const marks = bracketedMarks(folded.text, grammar);
  /** Found in order; marks of other shapes are sorted in among them. */
  const inOrder = marks.length;
  const find = (re: RegExp, target: boolean) => {
    for (const { 0: key, index: at } of allMatches(re, folded.text)) marks.push({ at, end: at + key.length, target });
  };
  for (const marker of grammar.markers) find(marker, true);
  if (grammar.lineMarkers) find(grammar.lineMarkers, true);
  if (!marks.some((mark) => mark.target)) return null;
  if (grammar.sections) find(grammar.sections, false);
  if (grammar.lineSections) find(grammar.lineSections, false);
  if (marks.length > inOrder) marks.sort((a, b) => a.at - b.at || Number(b.target) - Number(a.target));
  const parts: string[] = [];
  let markerEnd = -1;
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i];
    // A marker found twice (「〈目標〉」 as itself and as (目標)) starts one part.
    if (!mark.target || mark.at < markerEnd) continue;
    markerEnd = mark.end;
    let next = i + 1;
    while (next < marks.length && marks[next].at < mark.end) next++;
    const start = sourceOffset(folded, mark.end);
    const end = next < marks.length ? sourceOffset(folded, marks[next].at) : fieldText.length;
    parts.push(trimEdges(fieldText.slice(start, Math.max(start, end))));
  }
  return parts;
}

/** The bullets a target list and a heading may start with (○ 5件, ■目標). */
const BULLETS = "○●◎◇◆■□▼▽▶►•";
/** A bullet a heading may start with (「■目標」). */
const LINE_BULLET = `[${BULLETS}・･]`;

/**
 * The brackets a form prints its markers in, as the fold writes them, each with its closing one: 「【目標】」, 「［目標］」,
 * 「〔目標〕」, 「＜目標＞」 are 「(目標)」.
 */
const OPENERS = "(【[〔<〈《≪";
const CLOSERS = ")】]〕>〉》≫";
const OPENING = /[(【[〔<〈《≪]/g;

/** The bracketed keys in a text, in order: each opening bracket with the units up to the first closing one after it, looked up. */
function bracketedMarks(text: string, { bracketed, longestBracketed }: Grammar): Mark[] {
  const marks: Mark[] = [];
  /** For each kind of bracket, the first closing one after the last opening one looked at; -1: none follows. */
  const closes: number[] = [];
  for (const { index: at, 0: open } of allMatches(OPENING, text)) {
    const kind = OPENERS.indexOf(open);
    // Found once for a run of openings before it: 「((((…」 is not searched again for each.
    let close = closes[kind];
    if (close === undefined || (close >= 0 && close < at)) closes[kind] = close = text.indexOf(CLOSERS[kind], at + 1);
    if (close < 0) continue;
    const span = compactSpan(text, at, close + 1, longestBracketed);
    const key = span === null || kind === 0 ? span : `(${span.slice(1, -1)})`;
    const target = key === null ? undefined : bracketed.get(key);
    if (target !== undefined) marks.push({ at, end: close + 1, target });
  }
  return marks;
}

/**
 * The units from `from` to `to` with white space left out (as the keys' expressions allowed it between their
 * characters); null when more than `max` units are left, looking no further than that.
 */
function compactSpan(text: string, from: number, to: number, max: number): string | null {
  let units = 0;
  let blank = false;
  for (let i = from; i < to; i++) {
    if (isBlankUnit(text.charCodeAt(i))) blank = true;
    else if (++units > max) return null;
  }
  const span = text.slice(from, to);
  return blank ? span.replace(/\s+/g, "") : span;
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting a part into phrases

/**
 * Phrase boundaries: line breaks, bullets, circled and bracketed numbers, 【…】 (a heading only when it names a year),
 * ・ only where it starts a line or follows a space or 】 (「コピー代・用紙等」 is one phrase), (1) only after a space.
 * Each alternative starts with the character it matches, its look-behind after it: an expression whose
 * alternatives all start with a character is scanned twice as fast.
 */
const DELIMITER = new RegExp(
  [
    String.raw`\r\n|[\r\n\u2028\u2029]`,
    `[${BULLETS}◯\u2460-\u2473\u24EA-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF\u2474-\u249B]`,
    String.raw`[・･](?<=(?:^|[\s】:：])[・･])(?![・･])`,
    String.raw`[-－‐](?<=(?:^|[\r\n])[-－‐])(?=[ \t\u3000])`,
    String.raw`[(（](?<=(?:^|\s)[(（])[0-9０-９]{1,2}[)）]`,
    "【[^【】\r\n]{0,60}】",
  ].join("|"),
  "gu",
);

interface Piece {
  /** Offsets in the part's text. */
  start: number;
  end: number;
  /** The year of the nearest 【…年度】 heading before it. */
  headingYear: number | null;
  /** The year of an earlier value in the same bullet (「令和元年度目標徴収率 現年度73.6% 過年度10.0%」). */
  siblingYear: number | null;
}

interface Phrase extends Piece {
  analysis: Analysis;
  merged: boolean;
}

function parsePart(field: PlanField, rawPart: string, grammar: Grammar): Target[] {
  const part = stripTags(rawPart);
  const phrases: Phrase[] = [];
  let headingYear: number | null = null;
  let cursor = 0;
  const segment = (start: number, end: number) => {
    for (const piece of splitSegment(part, start, end, headingYear, grammar)) {
      if (piece.headingOnly !== null) {
        headingYear = piece.headingOnly;
        continue;
      }
      const { analysis } = piece;
      const prev = phrases[phrases.length - 1];
      if (analysis.valueOnly && prev && !prev.merged && prev.analysis.value === null) {
        // 「○ …区民の割合 【令和元年度】 ・63%」: the label and its value are one target.
        phrases[phrases.length - 1] = {
          start: prev.start,
          end: piece.end,
          headingYear: piece.headingYear ?? prev.headingYear,
          siblingYear: piece.siblingYear,
          analysis: analyse(part.slice(prev.start, piece.end), grammar),
          merged: true,
        };
      } else {
        // An object literal, not a spread of the piece: this runs for every phrase.
        phrases.push({ start: piece.start, end: piece.end, headingYear: piece.headingYear, siblingYear: piece.siblingYear, analysis, merged: false });
      }
    }
  };
  for (const m of allMatches(DELIMITER, part)) {
    const at = m.index;
    const token = m[0];
    if (token.startsWith("【")) {
      const year = lastYear(token.slice(1, -1).normalize("NFKC"));
      if (year === null) continue; // 【参考】 and the like are words of the phrase
      segment(cursor, at);
      headingYear = year;
    } else segment(cursor, at);
    cursor = at + token.length;
  }
  segment(cursor, part.length);
  return phrases.map((p) => ({
    field,
    text: part.slice(p.start, p.end).trim(),
    value: p.analysis.value,
    unit: p.analysis.unit,
    comparator: p.analysis.comparator,
    year: p.analysis.year ?? p.siblingYear ?? p.headingYear,
  }));
}

const JUNK = ":：、,，。.・･";

/** How many units of blank space and punctuation a phrase starts with (「・」, 「：」). */
function leadingJunk(text: string): number {
  let i = 0;
  while (i < text.length && (isBlankUnit(text.charCodeAt(i)) || JUNK.includes(text[i]))) i++;
  return i;
}

/**
 * One segment between delimiters, trimmed, cut after each value when it holds several
 * (「… 91.2% 介護保険料 … 98.0%」). A segment that is only a year (「令和元年度」 on its own line) is a heading.
 */
function splitSegment(
  part: string,
  segStart: number,
  segEnd: number,
  headingYear: number | null,
  grammar: Grammar,
): (Piece & ({ headingOnly: number } | { headingOnly: null; analysis: Analysis }))[] {
  const raw = part.slice(segStart, segEnd);
  const lead = leadingJunk(raw);
  const text = raw.slice(lead).trimEnd();
  if (!hasContent(text)) return [];
  const start = segStart + lead;
  const whole = analyse(text, grammar);
  if (whole.yearOnly !== null) return [{ start, end: start + text.length, headingYear, siblingYear: null, headingOnly: whole.yearOnly }];
  const cuts = valueCuts(whole);
  if (cuts.length === 0) return [{ start, end: start + text.length, headingYear, siblingYear: null, headingOnly: null, analysis: whole }];
  const pieces: (Piece & { headingOnly: null; analysis: Analysis })[] = [];
  let from = 0;
  let siblingYear: number | null = null;
  for (const cut of [...cuts, text.length]) {
    const slice = text.slice(from, cut);
    const skip = leadingJunk(slice);
    const body = slice.slice(skip).trimEnd();
    if (hasContent(body)) {
      const analysis = analyse(body, grammar);
      pieces.push({ start: start + from + skip, end: start + from + skip + body.length, headingYear, siblingYear, headingOnly: null, analysis });
      siblingYear = analysis.year ?? siblingYear;
    }
    from = cut;
  }
  return pieces;
}

const SEPARATOR = /[\s、,，;；・･/]/u;

/** Offsets in the segment's own text where it is cut: the first separator after each value but the last. */
function valueCuts(a: Analysis): number[] {
  const cuts: number[] = [];
  for (let i = 0; i + 1 < a.measures.length; i++) {
    const { end } = a.measures[i];
    const limit = a.measures[i + 1].start;
    for (let p = end; p < limit; p++) {
      if (!a.blanked?.[p] && SEPARATOR.test(a.norm[p])) {
        cuts.push(sourceOffset(a.folded, p));
        break;
      }
    }
  }
  return cuts;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading one phrase

interface Measure {
  /** Offsets in the NFKC text. */
  start: number;
  end: number;
  value: number;
  unit: string | null;
  comparator: Comparator | null;
}

interface Analysis {
  folded: Folded;
  /** NFKC text, white space as written. */
  norm: string;
  /** Units of `norm` inside an aside such as (25年度比) or (平成30年度 2件), which say nothing about the target; null: none. */
  blanked: boolean[] | null;
  measures: Measure[];
  value: number | null;
  unit: string | null;
  comparator: Comparator | null;
  year: number | null;
  /** The phrase is nothing but a value (「・63%」). */
  valueOnly: boolean;
  /** The phrase is nothing but a year (「令和元年度」, 「令和元年度目標」): the year, else null. */
  yearOnly: number | null;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const AMOUNT = String.raw`${NUM}(?:[兆億万千](?:${NUM})?)*`;

/** The fiscal-year expressions of ./fiscal-year, found everywhere in the text. */
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度|(令和|平成|(?<![a-z])r|(?<![a-z])h)\s*(元|\d{1,2})(?!\d)\s*(?:年度?)?|(?<![\d.])(元|\d{1,2})\s*年度/giu;
/** A year that is a baseline, not the year of the target: 「25年度比」, 「平成30年度決算額以下」. */
const BASELINE = /^\s*の?\s*(?:比|対比|比較|決算|実績|水準|並)/u;
/** What may stand beside a year in a year heading: 「令和元年度目標」, 「令和元年度末まで」. */
const YEAR_WORDS = /目標|まで|末|時点|中|[\s,、.。~～〜・:：\-]/gu;

/** Nothing but years and the words that may stand beside them (a heading 「令和元年度目標」, an aside 「(令和元年度)」). */
function onlyYearWords(text: string): boolean {
  return !hasContent(text.replace(YEAR, "").replace(YEAR_WORDS, ""));
}

function analyse(text: string, grammar: Grammar): Analysis {
  const folded = fold(text, false);
  const norm = folded.text;
  const blanked = asides(norm);
  const mask = masked(norm, blanked);
  const measures: Measure[] = [];
  for (const m of allMatches(grammar.measure, mask)) {
    const value = amount(m[1]);
    if (value === null) continue;
    const start = m.index;
    measures.push({ start, end: start + m[0].length, value, unit: grammar.units[m[2]] ?? m[2], comparator: m[3] ? grammar.afterValue[m[3]] ?? null : null });
  }
  let chosen: Pick<Measure, "value" | "unit" | "comparator"> | null = measures[measures.length - 1] ?? null;
  let valueOnly = false;
  if (chosen && measures.length === 1) {
    const { start, end } = measures[0];
    valueOnly = !hasContent(mask.slice(0, start) + mask.slice(end));
  }
  if (!chosen) {
    const bare = grammar.bare.exec(mask.length > 200 ? "" : mask);
    const value = bare ? amount(bare[1]) : null;
    if (bare && value !== null) {
      chosen = { value, unit: null, comparator: bare[2] ? grammar.afterValue[bare[2]] ?? null : null };
      valueOnly = true;
    }
  }
  const years = yearsIn(mask);
  const year = years.length ? years[years.length - 1] : null;
  const yearOnly = year !== null && measures.length === 0 && onlyYearWords(mask);
  return {
    folded,
    norm,
    blanked,
    measures,
    value: chosen ? chosen.value : null,
    unit: chosen ? chosen.unit : null,
    comparator: chosen ? (chosen.comparator ?? "eq") : wordComparator(mask, grammar),
    year,
    valueOnly,
    yearOnly: yearOnly ? year : null,
  };
}

/** A comparator for a phrase without a value: ゼロ first, then 以上/以下, then 減/増, each the first one written. */
function wordComparator(mask: string, { zero, bound, direction, anyWord }: Grammar): Comparator | null {
  if (!anyWord.test(mask)) return null;
  if (zero.test(mask)) return "zero";
  for (const group of [bound, direction]) {
    let best: { at: number; comparator: Comparator } | null = null;
    for (const [re, comparator] of group) {
      const m = re.exec(mask);
      if (m && (best === null || m.index < best.at)) best = { at: m.index, comparator };
    }
    if (best) return best.comparator;
  }
  return null;
}

/** 万, 億 and 兆 by character code (千 is read apart: it multiplies within a group); 0 for any other unit. */
function multiplierOf(c: number): number {
  return c === 0x4e07 ? 1e4 : c === 0x5104 ? 1e8 : c === 0x5146 ? 1e12 : 0;
}

/**
 * 「1,200万」 → 12000000, 「1億2,000万」 → 120000000, 「5千万」 → 50000000, 「91.2」 → 91.2: `s` is an AMOUNT, numbers
 * (digits, commas, points) and the multipliers. Rounded to 15 significant digits (1.2万 is 12000, not 12000.000000000002)
 * unless that could change nothing: integers below 1e15, or one number of at most 15 digits.
 */
function amount(s: string): number | null {
  let total = 0;
  let group = 0;
  let pending: number | null = null;
  let numbers = 0;
  let fraction = false;
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : -1;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const token = s.slice(start, i);
      pending = Number(token.includes(",") ? token.replace(/,/g, "") : token);
      fraction ||= token.includes(".");
      numbers++;
      start = -1;
    }
    if (c === 0x5343) {
      group += (pending ?? 1) * 1e3;
      pending = null;
    } else if (multiplierOf(c) > 0) {
      group += pending ?? 0;
      total += (group || 1) * multiplierOf(c);
      group = 0;
      pending = null;
    }
  }
  const sum = total + group + (pending ?? 0);
  const exact = (!fraction && Math.abs(sum) < 1e15) || (numbers === 1 && sum === pending && s.length <= 15);
  const value = exact ? sum : Number(sum.toPrecision(15));
  return Number.isFinite(value) ? value : null;
}

/** The fiscal years named outside baselines, in order, as Gregorian start years. */
function yearsIn(mask: string): number[] {
  const years: number[] = [];
  for (const m of allMatches(YEAR, mask)) {
    const end = m.index + m[0].length;
    if (BASELINE.test(mask.slice(end, end + 12))) continue;
    const year = fiscalYearFrom(m);
    if (year !== null && year >= 1900 && year <= 2200) years.push(year);
  }
  return years;
}

function lastYear(text: string): number | null {
  const years = yearsIn(text);
  return years.length ? years[years.length - 1] : null;
}

/** The text with its asides blanked out, unit for unit (offsets stay those of `norm`). */
function masked(norm: string, blanked: boolean[] | null): string {
  if (!blanked) return norm;
  let out = "";
  for (let i = 0; i < norm.length; i++) out += blanked[i] ? " " : norm[i];
  return out;
}

/**
 * Which units of `norm` lie in an aside: an outermost (…) pair, unless it holds only a year (「1,200万円の確保(令和元年度)」
 * names the target's year). Unmatched brackets are left alone. Null: no aside.
 */
function asides(norm: string): boolean[] | null {
  if (!norm.includes("(")) return null;
  let blanked: boolean[] | null = null;
  const pairs: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < norm.length; i++) {
    if (norm[i] === "(") stack.push(i);
    else if (norm[i] === ")" && stack.length) pairs.push([stack.pop() as number, i]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let covered = -1;
  for (const [open, close] of pairs) {
    if (open <= covered) continue;
    covered = close;
    const inner = norm.slice(open + 1, close);
    const yearOnly = yearsIn(inner).length > 0 && onlyYearWords(inner);
    if (!yearOnly) (blanked ??= new Array<boolean>(norm.length).fill(false)).fill(true, open, close + 1);
  }
  return blanked;
}

// ---------------------------------------------------------------------------------------------------------------
// The values a result text states

/** A value with its unit as a text states it: 「91.5%」, 「1,350万円」, 「8.1%減」, 「▲3.2%」. */
export interface StatedValue {
  value: number;
  /** The canonical unit (万円 → 円). */
  unit: string;
  /** 以上/以下 after the value; 減/増 after it (also 「の削減」) or ▲/△ before it. Null: a plain value. */
  comparator: Exclude<Comparator, "eq" | "zero"> | null;
  /** The value as written, its unit and comparator word included. */
  written: string;
  /** The words that lead to the value: NFKC, from the end of the value before it (or the sentence's start). */
  label: string;
  /** NFKC, the sentence the value stands in, asides left out. */
  sentence: string;
  /** The fiscal years the label names, baselines (「25年度比」) left out, as Gregorian start years. */
  years: number[];
}

/** What ends a sentence of a result: 。, a line break, a bullet. */
const SENTENCE_END = "。\n\r○●◎◇◆■□▼▽▶►•・";
const MINUS_BEFORE = /(?:[▲△−-]|マイナス)\s?$/u;

/**
 * Every value with a unit the text states outside asides (「(目標 91.2%)」 and 「(平成30年度 2件)」 say nothing about
 * the result), in order. Never throws: an unreadable text states nothing.
 */
export function statedValues(text: string, words: TargetWords = defaultProfile): StatedValue[] {
  if (typeof text !== "string" || text === "") return [];
  try {
    const source = stripTags(text);
    const folded = fold(source, false);
    const mask = masked(folded.text, asides(folded.text));
    const values: StatedValue[] = [];
    let sentenceStart = 0;
    /** Where the sentence holding the current value ends: found once per sentence, not per value. */
    let sentenceStop = -1;
    let previousEnd = 0;
    const grammar = grammarOf(words);
    for (const m of allMatches(grammar.measure, mask)) {
      const value = amount(m[1]);
      let start = m.index;
      let end = start + m[0].length;
      for (let i = previousEnd; i < start; i++) if (SENTENCE_END.includes(mask[i])) sentenceStart = i + 1;
      const labelStart = Math.max(sentenceStart, previousEnd);
      let comparator = m[3] ? grammar.afterValue[m[3]] ?? null : null;
      const after = m[3] ? null : grammar.directionAfter.exec(mask.slice(end, end + 8));
      const afterComparator = after ? grammar.afterValue[after[1]] : null;
      if (after && (afterComparator === "decrease" || afterComparator === "increase")) {
        comparator = afterComparator;
        end += after[0].length;
      }
      const minus = comparator === null ? MINUS_BEFORE.exec(mask.slice(labelStart, start)) : null;
      const label = mask.slice(labelStart, minus ? start - minus[0].length : start);
      if (minus) {
        comparator = "decrease";
        start -= minus[0].length;
      }
      previousEnd = end;
      if (value === null) continue;
      values.push({
        value,
        unit: grammar.units[m[2]] ?? m[2],
        comparator: comparator === "eq" || comparator === "zero" ? null : comparator,
        written: source.slice(sourceOffset(folded, start), sourceOffset(folded, end)).trim(),
        label,
        sentence: mask.slice(sentenceStart, sentenceStop >= end ? sentenceStop : (sentenceStop = sentenceEnd(mask, end))),
        years: yearsIn(label),
      });
    }
    return values;
  } catch {
    return [];
  }
}

function sentenceEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !SENTENCE_END.includes(text[i])) i++;
  return i;
}
