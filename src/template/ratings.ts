import { NOT_APPLICABLE, RatingValue } from "../model";
import { normalize } from "./text";
import type { Level, Scale, TemplateProfile } from "./profile";

export type ParsedRating =
  | { kind: "empty" }
  | { kind: "value"; value: RatingValue }
  | { kind: "invalid" };

const TOKEN_THEN_REST = /^\(?([0-9a-z]+)\)?[:.、,]?(.*)$/;

/**
 * Reads a rating cell: ①, 1, １, (1), （１）, "①:達成見込み", "達成見込み" → 1; blank, "—" → empty;
 * 対象外 → not applicable; anything else (③, はい, a legend naming both levels) → invalid.
 */
export function parseRating(text: string, scale: Scale, profile: TemplateProfile): ParsedRating {
  const n = normalize(text);
  if (profile.emptyValues.some((v) => normalize(v) === n)) return { kind: "empty" };
  if (profile.notApplicableValues.some((v) => normalize(v) === n)) return { kind: "value", value: NOT_APPLICABLE };

  const byWord = scale.levels.find((level) => level.words.some((w) => normalize(w) === n));
  if (byWord) return { kind: "value", value: byWord.value };

  const m = TOKEN_THEN_REST.exec(n);
  if (m) {
    const [, token, rest] = m;
    const level = scale.levels.find((l) => l.tokens.some((t) => normalize(t) === token));
    if (level && (rest === "" || level.words.some((w) => normalize(w) === rest))) {
      return { kind: "value", value: level.value };
    }
  }
  return { kind: "invalid" };
}

/** A legend names two or more levels of the scale in one cell: "①:達成見込み ②:達成できない見込み". */
export function isLegend(text: string, scale: Scale): boolean {
  return namedLevels(text, scale).length >= 2;
}

/** The levels whose words occur in the text. */
export function namedLevels(text: string, scale: Scale): Level["value"][] {
  const n = normalize(text);
  return scale.levels.filter((level) => level.words.some((w) => containsWord(n, normalize(w), scale))).map((l) => l.value);
}

/** `word` occurs in `n` and is not just part of a longer word of the scale (目標達成 inside 目標未達成 is not). */
function containsWord(n: string, word: string, scale: Scale): boolean {
  const longer = scale.levels.flatMap((l) => l.words.map(normalize)).filter((w) => w !== word && w.includes(word));
  const masked = longer.reduce((text, w) => text.split(w).join("\u0000"), n);
  return masked.includes(word);
}
