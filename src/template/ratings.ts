import { NOT_APPLICABLE, RatingValue } from "../model";
import { alternation, normalize, rememberedByText } from "./text";
import type { Level, Scale, TemplateProfile } from "./profile";

export type ParsedRating =
  | { kind: "empty" }
  | { kind: "value"; value: RatingValue }
  | { kind: "invalid" };

const TOKEN_THEN_REST = /^\(?([0-9a-z]+)\)?[:.、,]?(.*)$/;
/** What TOKEN_THEN_REST allows around a token, spelled out for {@link acceptedSpellings}. */
const TOKEN_OPENINGS = ["", "("];
const TOKEN_CLOSINGS = ["", ")"];
const TOKEN_SEPARATORS = ["", ":", ".", "、", ","];

/**
 * Reads a rating cell: ①, 1, １, (1), （１）, "①:達成見込み", "①（達成見込み）", "達成見込み" → 1; blank, "—" → empty;
 * 対象外 → not applicable; anything else (③, はい, a legend naming both levels) → invalid.
 */
export function parseRating(text: string, scale: Scale, profile: TemplateProfile): ParsedRating {
  return parseNormalizedRating(normalize(text), scale, profile);
}

/**
 * Ratings read, per profile and scale: a form's rating cells hold the same few short texts over and over. Bounded;
 * the results are shared, never changed.
 */
const parsedRatings = new WeakMap<TemplateProfile, WeakMap<Scale, (n: string) => ParsedRating>>();
const MAX_REMEMBERED_LENGTH = 48;

/** parseRating of a text already normalised (a short cell's head). */
export function parseNormalizedRating(n: string, scale: Scale, profile: TemplateProfile): ParsedRating {
  if (n.length > MAX_REMEMBERED_LENGTH) return parseOnce(n, scale, profile);
  let byScale = parsedRatings.get(profile);
  if (!byScale) parsedRatings.set(profile, (byScale = new WeakMap()));
  let parsed = byScale.get(scale);
  if (!parsed) byScale.set(scale, (parsed = rememberedByText(1024, (text) => parseOnce(text, scale, profile))));
  return parsed(n);
}

function parseOnce(n: string, scale: Scale, profile: TemplateProfile): ParsedRating {
  const { empty, notApplicable } = vocabularyOf(profile);
  if (empty.has(n)) return { kind: "empty" };
  if (notApplicable.has(n)) return { kind: "value", value: NOT_APPLICABLE };

  const levels = wordsOf(scale);
  const byWord = levels.find((level) => level.words.some((w) => w.word === n));
  if (byWord) return { kind: "value", value: byWord.value };

  const m = TOKEN_THEN_REST.exec(n);
  if (m) {
    const [, token, written] = m;
    // 「①（目標達成）」: the word in brackets of its own.
    const rest = written.length > 2 && written.startsWith("(") && written.endsWith(")") ? written.slice(1, -1) : written;
    const level = levels.find((l) => l.tokens.includes(token));
    if (level && (rest === "" || level.words.some((w) => w.word === rest))) {
      return { kind: "value", value: level.value };
    }
  }
  return tickedChoice(n, scale, profile) ?? { kind: "invalid" };
}

/**
 * The option a legend ticks (「☑①目標達成 ☐②目標未達成」, 「■(i)実施見込み □(ii)実施できない見込み」, a ✓ before one
 * level's word), `n` normalised: the level where the ticked options name one; invalid where they name several; null
 * where the text ticks nothing.
 */
export function tickedChoice(n: string, scale: Scale, profile: TemplateProfile): ParsedRating | null {
  const { options, ticked } = optionsOf(scale, profile);
  if (!ticked.some((mark) => n.includes(mark))) return null;
  let chosen: Level["value"] | null = null;
  for (const [, mark, token, word, wordAlone] of n.matchAll(options)) {
    const level = mark !== undefined && ticked.includes(mark) ? levelOf(scale, token, word ?? wordAlone) : null;
    if (level === null || level === chosen) continue;
    if (chosen !== null) return { kind: "invalid" };
    chosen = level;
  }
  return chosen === null ? null : { kind: "value", value: chosen };
}

/** The level a legend option names by its token, its word or both (null where they disagree or it names none). */
function levelOf(scale: Scale, token: string | undefined, word: string | undefined): Level["value"] | null {
  const byToken = token === undefined ? null : (wordsOf(scale).find((l) => l.tokens.includes(token))?.value ?? null);
  const byWord = word === undefined ? null : (wordsOf(scale).find((l) => l.words.some((w) => w.word === word))?.value ?? null);
  if (token !== undefined && word !== undefined) return byToken === byWord ? byToken : null;
  return byToken ?? byWord;
}

const legendOptions = new WeakMap<TemplateProfile, WeakMap<Scale, { options: RegExp; ticked: string[] }>>();

/**
 * A legend's options, each with the mark before it: a mark, then a token (in brackets or not, a separator after it)
 * with or without one of the scale's words, or a word alone. Built once per profile and scale.
 */
function optionsOf(scale: Scale, profile: TemplateProfile): { options: RegExp; ticked: string[] } {
  let byScale = legendOptions.get(profile);
  if (!byScale) legendOptions.set(profile, (byScale = new WeakMap()));
  let built = byScale.get(scale);
  if (!built) {
    const levels = wordsOf(scale);
    const tokens = alternation(levels.flatMap((l) => l.tokens));
    const words = alternation(levels.flatMap((l) => l.words.map((w) => w.word)));
    const ticked = profile.checkMarks.ticked.map(normalize);
    const marks = alternation([...ticked, ...profile.checkMarks.open.map(normalize)]);
    const options = new RegExp(`(${marks})?(?:\\(?(${tokens})\\)?(?![0-9a-z])[:.、,]?(${words})?|(${words}))`, "gu");
    byScale.set(scale, (built = { options, ticked }));
  }
  return built;
}

const vocabularies = new WeakMap<TemplateProfile, { empty: Set<string>; notApplicable: Set<string> }>();

/** The profile's "nothing written" and 対象外 texts, normalised once per profile. */
export function vocabularyOf(profile: TemplateProfile): { empty: Set<string>; notApplicable: Set<string> } {
  let vocabulary = vocabularies.get(profile);
  if (!vocabulary) {
    vocabulary = {
      empty: new Set(profile.emptyValues.map(normalize)),
      notApplicable: new Set(profile.notApplicableValues.map(normalize)),
    };
    vocabularies.set(profile, vocabulary);
  }
  return vocabulary;
}

/** The levels whose words occur in `n`, text already normalised (a cell's head). */
export function namedLevels(n: string, scale: Scale): Level["value"][] {
  return wordsOf(scale)
    .filter(({ words }) => words.some((w) => containsWord(n, w)))
    .map(({ value }) => value);
}

interface ScaleWords {
  value: Level["value"];
  tokens: string[];
  words: { word: string; longer: string[] }[];
}

const scaleWords = new WeakMap<Scale, ScaleWords[]>();

/** Each level's tokens and words, normalised once per scale, with the scale's longer words that contain them. */
function wordsOf(scale: Scale): ScaleWords[] {
  let cached = scaleWords.get(scale);
  if (!cached) {
    const all = scale.levels.flatMap((l) => l.words.map(normalize));
    cached = scale.levels.map((level) => ({
      value: level.value,
      tokens: level.tokens.map(normalize),
      words: level.words.map(normalize).map((word) => ({ word, longer: all.filter((w) => w !== word && w.includes(word)) })),
    }));
    scaleWords.set(scale, cached);
  }
  return cached;
}

/** The word occurs in `n` and not just as part of a longer word of the scale (達成 inside 未達成 is not). */
function containsWord(n: string, { word, longer }: { word: string; longer: string[] }): boolean {
  if (!n.includes(word)) return false;
  const masked = longer.reduce((text, w) => text.split(w).join("\u0000"), n);
  return masked.includes(word);
}

/**
 * Every normalised text (see normalize) that parseRating reads as a value or as empty with this scale: the
 * vocabulary the live 集計 formulas look up. Finite: a token, optionally in brackets, optionally followed by a
 * separator and one of its level's words (in brackets or not); a word alone; the 対象外 and empty texts.
 */
export function acceptedSpellings(scale: Scale, profile: TemplateProfile): { text: string; parsed: ParsedRating }[] {
  const { empty, notApplicable } = vocabularyOf(profile);
  const candidates = new Set<string>([...empty, ...notApplicable]);
  for (const level of wordsOf(scale)) {
    const words = level.words.map((w) => w.word);
    for (const word of words) candidates.add(word);
    for (const token of level.tokens) {
      for (const open of TOKEN_OPENINGS)
        for (const close of TOKEN_CLOSINGS)
          for (const separator of TOKEN_SEPARATORS)
            for (const rest of ["", ...words, ...words.map((word) => `(${word})`)]) candidates.add(`${open}${token}${close}${separator}${rest}`);
    }
  }
  return [...candidates]
    .map((text) => ({ text, parsed: parseRating(text, scale, profile) }))
    .filter(({ parsed }) => parsed.kind !== "invalid");
}
