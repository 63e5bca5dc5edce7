/**
 * The (目標) parts of the plan fields (取組の方針・目標内容, 当年度の取組内容) and the target phrases in them.
 *
 * A plan field reads 「(趣旨・目的) … (取組の概要) … (目標) …」. Everything after a (目標) marker up to the next
 * section marker — (取組の内容) and the like, see SECTION_LABELS — is target text. Target text is split into
 * phrases at line breaks, bullets (○ ● ◎ ◇ ■ …, ・ at the start of a line or after a space, ①②…, ⑴, (1) after a
 * space) and 【令和元年度】 year headings; a phrase holding several values separated by spaces
 * (「… 91.2% 介護保険料 … 98.0%」) is cut after each value; a bare value (「・63%」) is joined to the label before
 * it (「○ …区民の割合 【令和元年度】 ・63%」).
 *
 * Comparisons go through NFKC (全角 digits and brackets, ％, ㍻), but every `text` is the phrase as written.
 * Nothing here throws: text that cannot be read stays a phrase with value null.
 */
import type { PlanField, Target } from "../model/target";
import { fiscalYearOf } from "./fiscal-year";
import { normalize } from "./text";

export type Comparator = NonNullable<Target["comparator"]>;

/** The marker the default profile uses; full width （目標） and inner spaces match too. */
export const DEFAULT_TARGET_MARKERS: readonly string[] = ["(目標)"];

/**
 * Section markers that end a (目標) part: 「(取組の内容)」 etc., compared like the markers (NFKC, no spaces).
 * Asides such as (25年度比), (令和元年度), (公表ベース) are not sections and stay inside the target text.
 */
export const SECTION_LABELS: readonly string[] = [
  "趣旨・目的", "趣旨", "目的", "取組の概要", "取組概要", "概要", "取組の内容", "取組内容", "取組の方針", "方針",
  "具体的取組", "具体的な取組", "取組実績", "実績", "成果", "参考", "備考", "課題", "改善策", "評価", "目標",
];

/**
 * The text after the (目標) marker(s), as written and trimmed, or null when the field has no marker. With several
 * markers the parts are joined with line breaks; a marker with nothing after it gives "" (the marker is there).
 */
export function extractTargetText(fieldText: string, markers: readonly string[] = DEFAULT_TARGET_MARKERS): string | null {
  try {
    const parts = targetParts(fieldText, markers);
    return parts === null ? null : parts.filter((p) => p !== "").join("\n");
  } catch {
    return null;
  }
}

/** The target phrases of one plan field, parsed where they are numeric; [] when there is no (目標) marker. */
export function parseTargets(field: PlanField, fieldText: string, markers: readonly string[] = DEFAULT_TARGET_MARKERS): Target[] {
  const targets: Target[] = [];
  try {
    for (const part of targetParts(fieldText, markers) ?? []) targets.push(...parsePart(field, part));
  } catch {
    // Never throw on a workbook's text: what was parsed so far stands.
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the (目標) parts

/**
 * NFKC text and the way back to the source. Most units fold to themselves, so the map keeps only the points
 * where the offset between the two changes: from `foldedAt[i]` on, unit k came from `sourceAt[i] + (k - foldedAt[i])`.
 */
interface Folded {
  text: string;
  foldedAt: number[];
  sourceAt: number[];
}

/** The source offset of the character unit `k` of the folded text came from (`text.length` → the source's length). */
function sourceOffset({ foldedAt, sourceAt }: Folded, k: number): number {
  let lo = 0;
  let hi = foldedAt.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (foldedAt[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return sourceAt[lo] + (k - foldedAt[lo]);
}

/** What joins the character before it: combining marks and half width ﾞﾟ, so NFKC composes as on the whole text. */
const JOINER = /[\p{M}\uFF9E\uFF9F]/u;

/** Folded clusters, remembered: a workbook repeats the same few thousand characters, and NFKC per call is slow. */
const foldedClusters = [new Map<string, string>(), new Map<string, string>()];
const MAX_REMEMBERED = 1 << 16;

function foldCluster(cluster: string, compact: boolean): string {
  const cache = foldedClusters[compact ? 1 : 0];
  let piece = cache.get(cluster);
  if (piece === undefined) {
    piece = compact ? normalize(cluster) : cluster.normalize("NFKC");
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    cache.set(cluster, piece);
  }
  return piece;
}

/** Kana and kanji are never marks: most units of the text skip the regex. */
function mayJoin(c: number): boolean {
  return c >= 0x300 && !isStableCjk(c);
}

function isStableCjk(c: number): boolean {
  // 、。「」【】〜 and the like, hiragana, katakana with ・ and ー, unified kanji: no NFKC mapping, no case.
  return (c >= 0x3001 && c <= 0x3029) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fc) || (c >= 0x4e00 && c <= 0x9fff);
}

/** A UTF-16 unit that folds to itself (unless a mark joins it): most of a form's text. */
function foldsToItself(c: number, compact: boolean): boolean {
  if (c < 0x80) return !compact || !(c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x41 && c <= 0x5a));
  return isStableCjk(c);
}

/** One UTF-16 unit that does not fold to itself. */
function foldUnit(source: string, at: number, compact: boolean): string {
  const c = source.charCodeAt(at);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 0x20) : "";
  return foldCluster(source[at], compact);
}

/** Runs of units that fold to themselves are copied whole; the rest goes through NFKC one cluster at a time. */
function fold(source: string, compact: boolean): Folded {
  let text = "";
  const foldedAt = [0];
  const sourceAt = [0];
  const mark = (f: number, from: number) => {
    if (foldedAt[foldedAt.length - 1] === f) sourceAt[sourceAt.length - 1] = from;
    else {
      foldedAt.push(f);
      sourceAt.push(from);
    }
  };
  let copied = 0;
  for (let i = 0; i < source.length; ) {
    const start = i;
    const c = source.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && source.codePointAt(start)! > 0xffff ? 2 : 1;
    while (i < source.length && mayJoin(source.charCodeAt(i)) && JOINER.test(source[i])) i++;
    if (i - start === 1 && foldsToItself(c, compact)) continue;
    const piece = i - start === 1 ? foldUnit(source, start, compact) : foldCluster(source.slice(start, i), compact);
    text += source.slice(copied, start);
    // Every unit of the piece points at the start of its cluster; the text after it resumes one for one.
    for (let k = 0; k < piece.length; k++) mark(text.length + k, start);
    text += piece;
    mark(text.length, i);
    copied = i;
  }
  text += source.slice(copied);
  return { text, foldedAt, sourceAt };
}

const alternation = (words: string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

/** Every section key, in one pass: each starts with ( and ends at its first ), so no two can overlap. */
const SECTION_KEYS = new RegExp(alternation(SECTION_LABELS.map((label) => normalize(`(${label})`))), "g");

/** Every non-overlapping occurrence of `key` in `text`. */
function occurrences(text: string, key: string): number[] {
  const at: number[] = [];
  if (!key) return at;
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length)) at.push(i);
  return at;
}

const markerKeyCache = new WeakMap<readonly unknown[], string[]>();

/** The markers as compared (NFKC, no white space, lower case), distinct, worked out once per list. */
function markerKeysOf(markers: unknown): string[] {
  const list: readonly unknown[] = Array.isArray(markers) ? markers : DEFAULT_TARGET_MARKERS;
  let keys = markerKeyCache.get(list);
  if (!keys) {
    keys = [...new Set(list.filter((m): m is string => typeof m === "string").map(normalize).filter(Boolean))];
    markerKeyCache.set(list, keys);
  }
  return keys;
}

/** The raw (目標) parts, as written and trimmed of blank space and stray HTML tags at their edges; null without a marker. */
function targetParts(fieldText: unknown, markers: unknown): string[] | null {
  if (typeof fieldText !== "string" || fieldText === "") return null;
  const markerKeys = markerKeysOf(markers);
  const folded = fold(fieldText, true);
  const marks: { at: number; end: number; target: boolean }[] = [];
  for (const key of markerKeys) for (const at of occurrences(folded.text, key)) marks.push({ at, end: at + key.length, target: true });
  if (marks.length === 0) return null;
  for (const { 0: key, index: at } of folded.text.matchAll(SECTION_KEYS)) {
    if (!markerKeys.includes(key)) marks.push({ at, end: at + key.length, target: false });
  }
  marks.sort((a, b) => a.at - b.at || Number(b.target) - Number(a.target));
  const parts: string[] = [];
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i];
    if (!mark.target) continue;
    let next = i + 1;
    while (next < marks.length && marks[next].at < mark.end) next++;
    const start = sourceOffset(folded, mark.end);
    const end = next < marks.length ? sourceOffset(folded, marks[next].at) : fieldText.length;
    parts.push(trimEdges(fieldText.slice(start, Math.max(start, end))));
  }
  return parts;
}

const TAG = /<\s{0,20}(\/?)\s{0,20}([a-z][a-z0-9]{0,10})(?=[\s/>])[^<>]{0,200}>/gi;
const BLOCK_TAGS = new Set(["p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** Trims blank space and HTML tags (<p>, </p>, the seed's markup) off both ends, without a regex anchored at the end. */
function trimEdges(s: string): string {
  let start = 0;
  let end = s.length;
  for (;;) {
    while (start < end && /\s/u.test(s[start])) start++;
    if (s[start] !== "<") break;
    const close = s.indexOf(">", start);
    if (close < 0 || close - start > 240 || !isTag(s.slice(start, close + 1))) break;
    start = close + 1;
  }
  for (;;) {
    while (end > start && /\s/u.test(s[end - 1])) end--;
    if (s[end - 1] !== ">") break;
    const open = s.lastIndexOf("<", end - 1);
    if (open < start || end - open > 240 || !isTag(s.slice(open, end))) break;
    end = open;
  }
  return s.slice(start, end);
}

function isTag(s: string): boolean {
  TAG.lastIndex = 0;
  const m = TAG.exec(s);
  return m !== null && m.index === 0 && m[0].length === s.length;
}

/** HTML markup in pasted text: block tags become line breaks, the rest (<sub>…) disappears. */
function stripTags(s: string): string {
  if (!s.includes("<")) return s;
  return s.replace(TAG, (_tag, _slash: string, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? "\n" : ""));
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting a part into phrases

/**
 * Phrase boundaries: line breaks, bullets, circled and bracketed numbers, 【…】 (a heading only when it names a year),
 * ・ only where it starts a line or follows a space or 】 (「コピー代・用紙等」 is one phrase), (1) only after a space.
 */
const DELIMITER = new RegExp(
  [
    String.raw`\r\n|[\r\n\u2028\u2029]`,
    "[○◯●◎◇◆■□▼▽▶►•\u2460-\u2473\u24EA-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF\u2474-\u249B]",
    String.raw`(?<=^|[\s】:：])[・･](?![・･])`,
    String.raw`(?<=^|[\r\n])[-－‐](?=[ \t\u3000])`,
    String.raw`(?<=^|\s)[(（][0-9０-９]{1,2}[)）]`,
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

function parsePart(field: PlanField, rawPart: string): Target[] {
  const part = stripTags(rawPart);
  const phrases: Phrase[] = [];
  let headingYear: number | null = null;
  let cursor = 0;
  const segment = (start: number, end: number) => {
    for (const piece of splitSegment(part, start, end, headingYear)) {
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
          analysis: analyse(part.slice(prev.start, piece.end)),
          merged: true,
        };
      } else phrases.push({ ...piece, analysis, merged: false });
    }
  };
  for (const m of part.matchAll(DELIMITER)) {
    const at = m.index ?? 0;
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

const LEADING_JUNK = /^[\s:：、,，。.・･]+/u;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/**
 * One segment between delimiters, trimmed, cut after each value when it holds several
 * (「… 91.2% 介護保険料 … 98.0%」). A segment that is only a year (「令和元年度」 on its own line) is a heading.
 */
function splitSegment(
  part: string,
  segStart: number,
  segEnd: number,
  headingYear: number | null,
): (Piece & ({ headingOnly: number } | { headingOnly: null; analysis: Analysis }))[] {
  const raw = part.slice(segStart, segEnd);
  const lead = LEADING_JUNK.exec(raw)?.[0].length ?? 0;
  const text = raw.slice(lead).trimEnd();
  if (!HAS_CONTENT.test(text)) return [];
  const start = segStart + lead;
  const whole = analyse(text);
  if (whole.yearOnly !== null) return [{ start, end: start + text.length, headingYear, siblingYear: null, headingOnly: whole.yearOnly }];
  const cuts = valueCuts(whole);
  if (cuts.length === 0) return [{ start, end: start + text.length, headingYear, siblingYear: null, headingOnly: null, analysis: whole }];
  const pieces: (Piece & { headingOnly: null; analysis: Analysis })[] = [];
  let from = 0;
  let siblingYear: number | null = null;
  for (const cut of [...cuts, text.length]) {
    const slice = text.slice(from, cut);
    const skip = LEADING_JUNK.exec(slice)?.[0].length ?? 0;
    const body = slice.slice(skip).trimEnd();
    if (HAS_CONTENT.test(body)) {
      const analysis = analyse(body);
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

/** Units as NFKC writes them, the canonical name after the arrow. */
const UNITS: Record<string, string> = {
  "%": "%", パーセント: "%", ポイント: "ポイント", pt: "ポイント", 円: "円", 回: "回", 件: "件", 人: "人", 名: "名",
  人日: "人日", か所: "か所", カ所: "か所", ヵ所: "か所", ヶ所: "か所", ケ所: "か所", 箇所: "か所", 個所: "か所",
  校: "校", 団体: "団体", 世帯: "世帯", 社: "社", 事業: "事業", 施設: "施設", 地域: "地域", 店舗: "店舗", 日間: "日間",
  時間: "時間", 冊: "冊", 枚: "枚", 台: "台", 戸: "戸", 割: "割", 倍: "倍", 組: "組", 項目: "項目", 講座: "講座",
  トン: "t", t: "t", kg: "kg", kwh: "kWh", kWh: "kWh", m2: "m2", km: "km",
};

/** Words right after a value. */
const COMPARATOR_WORDS: Record<string, Comparator | null> = {
  以上: "gte", 超え: "gte", 超: "gte", を超える: "gte", を上回る: "gte",
  以下: "lte", 未満: "lte", 以内: "lte", を下回る: "lte",
  削減: "decrease", 減少: "decrease", 縮減: "decrease", 減: "decrease",
  増加: "increase", 増: "increase", 向上: "increase", アップ: "increase",
};

/** A value with its unit: no digit, letter, point or 第 before it (CO2, P68, 第2回, 1.5 are not read from their middle). */
const MEASURE = new RegExp(
  String.raw`(?<![A-Za-z0-9.,第兆億万千])(${AMOUNT})\s?(${alternation(Object.keys(UNITS))})(?:\s?(${alternation(Object.keys(COMPARATOR_WORDS))}))?`,
  "gu",
);
/** A phrase that is a number and nothing else (「63」, 「25以上」). */
const BARE = new RegExp(String.raw`^\s*(${AMOUNT})\s?(${alternation(Object.keys(COMPARATOR_WORDS))})?\s*$`, "u");

/** The fiscal-year expressions of ./fiscal-year, found everywhere in the text. */
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度|(令和|平成|(?<![a-z])r|(?<![a-z])h)\s*(元|\d{1,2})(?!\d)\s*(?:年度?)?|(?<![\d.])(元|\d{1,2})\s*年度/giu;
/** A year that is a baseline, not the year of the target: 「25年度比」, 「平成30年度決算額以下」. */
const BASELINE = /^\s*の?\s*(?:比|対比|比較|決算|実績|水準|並)/u;
/** What may stand beside a year in a year heading: 「令和元年度目標」, 「令和元年度末まで」. */
const YEAR_WORDS = /目標|まで|末|時点|中|[\s,、.。~～〜・:：\-]/gu;

/** Nothing but years and the words that may stand beside them (a heading 「令和元年度目標」, an aside 「(令和元年度)」). */
function onlyYearWords(text: string): boolean {
  return !HAS_CONTENT.test(text.replace(YEAR, "").replace(YEAR_WORDS, ""));
}

const ZERO = /ゼロ|零/u;
const BOUND: [RegExp, Comparator][] = [
  [/以上|上回|超え|を超/u, "gte"],
  [/以下|未満|以内|下回/u, "lte"],
];
const DIRECTION: [RegExp, Comparator][] = [
  [/削減|減少|縮減|低減|軽減|抑制|(?:^|[\s比%\d])減/u, "decrease"],
  [/増加|増大|向上|拡大|上昇|アップ|(?:^|[\s比%\d])増/u, "increase"],
];

function analyse(text: string): Analysis {
  const folded = fold(text, false);
  const norm = folded.text;
  const blanked = asides(norm);
  const mask = masked(norm, blanked);
  const measures: Measure[] = [];
  for (const m of mask.matchAll(MEASURE)) {
    const value = amount(m[1]);
    if (value === null) continue;
    const start = m.index ?? 0;
    measures.push({ start, end: start + m[0].length, value, unit: UNITS[m[2]] ?? m[2], comparator: m[3] ? COMPARATOR_WORDS[m[3]] ?? null : null });
  }
  let chosen: Pick<Measure, "value" | "unit" | "comparator"> | null = measures[measures.length - 1] ?? null;
  let valueOnly = false;
  if (chosen && measures.length === 1) {
    const { start, end } = measures[0];
    valueOnly = !HAS_CONTENT.test(mask.slice(0, start) + mask.slice(end));
  }
  if (!chosen) {
    const bare = BARE.exec(mask.length > 200 ? "" : mask);
    const value = bare ? amount(bare[1]) : null;
    if (bare && value !== null) {
      chosen = { value, unit: null, comparator: bare[2] ? COMPARATOR_WORDS[bare[2]] ?? null : null };
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
    comparator: chosen ? (chosen.comparator ?? "eq") : wordComparator(mask),
    year,
    valueOnly,
    yearOnly: yearOnly ? year : null,
  };
}

/** A comparator for a phrase without a value: ゼロ first, then 以上/以下, then 減/増, each the first one written. */
function wordComparator(mask: string): Comparator | null {
  if (ZERO.test(mask)) return "zero";
  for (const group of [BOUND, DIRECTION]) {
    let best: { at: number; comparator: Comparator } | null = null;
    for (const [re, comparator] of group) {
      const m = re.exec(mask);
      if (m && (best === null || m.index < best.at)) best = { at: m.index, comparator };
    }
    if (best) return best.comparator;
  }
  return null;
}

const MULTIPLIER: Record<string, number> = { 千: 1e3, 万: 1e4, 億: 1e8, 兆: 1e12 };
/** Most values: digits and perhaps decimals, few enough that the toPrecision(15) below would change nothing. */
const PLAIN_NUMBER = /^\d{1,9}(?:\.\d{1,5})?$/;

/** 「1,200万」 → 12000000, 「1億2,000万」 → 120000000, 「5千万」 → 50000000, 「91.2」 → 91.2. */
function amount(s: string): number | null {
  if (PLAIN_NUMBER.test(s)) return Number(s);
  let total = 0;
  let group = 0;
  let pending: number | null = null;
  for (const token of s.match(/[\d,.]+|[兆億万千]/gu) ?? []) {
    if (token === "千") {
      group += (pending ?? 1) * 1e3;
      pending = null;
    } else if (token in MULTIPLIER) {
      group += pending ?? 0;
      total += (group || 1) * MULTIPLIER[token];
      group = 0;
      pending = null;
    } else pending = Number(token.replace(/,/g, ""));
  }
  const value = Number((total + group + (pending ?? 0)).toPrecision(15));
  return Number.isFinite(value) ? value : null;
}

/** The fiscal years named outside baselines, in order, as Gregorian start years. */
function yearsIn(mask: string): number[] {
  const years: number[] = [];
  for (const m of mask.matchAll(YEAR)) {
    const end = (m.index ?? 0) + m[0].length;
    if (BASELINE.test(mask.slice(end, end + 12))) continue;
    const year = fiscalYearOf(m[0]);
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
