/**
 * How a rating cell is counted, as data a formula can use: the normalised spellings a scale accepts (a table
 * written on the 集計 sheet for everyone to see) and the characters read as others before the lookup. Both are
 * generated from the profile and parseRating itself, so the live counts read a cell the way the reader does.
 */
import { formatRating } from "../model";
import type { Scale, TemplateProfile } from "../template/profile";
import { acceptedSpellings, parseRating } from "../template/ratings";
import { normalize } from "../template/text";

/** What a judged cell shows for a cell that is not a rating (③, はい, a legend, an error). */
export const CHECK_LABEL = "要確認";
/** The table's label for the spellings that mean "nothing written" (—, ー); the judged cell shows "". */
export const EMPTY_LABEL = "未入力";

/** A rating cell's text as the 集計 shows it: ①, (ii), 対象外; "" for nothing written; 要確認 otherwise. */
export function judgedLabel(text: string, scale: Scale, profile: TemplateProfile): string {
  const parsed = parseRating(text, scale, profile);
  if (parsed.kind === "value") return formatRating(parsed.value);
  return parsed.kind === "empty" ? "" : CHECK_LABEL;
}

export interface Judgement {
  /** Normalised spelling → what it counts as (①, 対象外, 未入力); the key "" stands for a blank cell. */
  entries: { key: string; label: string }[];
  /** Characters read as another text before the lookup (１ → 1, ⑴ → (1), ⅱ → ii); to "" for white space. */
  folds: { from: string; to: string }[];
}

/**
 * The Unicode blocks whose characters people type for ratings: Number Forms (ⅰ Ⅱ), Enclosed Alphanumerics
 * (① ⑴ ⒈) and Halfwidth and Fullwidth Forms (１ （ ： Ｉ). Other compatibility characters (superscripts,
 * mathematical letters) are left out to keep the formula short: the live count calls them 要確認.
 */
const FOLD_BLOCKS: [number, number][] = [
  [0x2150, 0x218f],
  [0x2460, 0x24ff],
  [0xff00, 0xffef],
];
/** White space removed before the lookup: the spaces and line breaks cells hold in practice. */
export const WHITE_SPACE = [" ", "\u3000", "\t", "\n", "\r", "\u00a0"];

const cache = new WeakMap<TemplateProfile, WeakMap<Scale, Judgement>>();

/** The judgement of one scale under one profile (computed once per profile and scale). */
export function judgementOf(scale: Scale, profile: TemplateProfile): Judgement {
  let byScale = cache.get(profile);
  if (!byScale) cache.set(profile, (byScale = new WeakMap()));
  let judgement = byScale.get(scale);
  if (!judgement) byScale.set(scale, (judgement = buildJudgement(scale, profile)));
  return judgement;
}

function buildJudgement(scale: Scale, profile: TemplateProfile): Judgement {
  const spellings = acceptedSpellings(scale, profile);
  const order = [...scale.levels.map((l) => formatRating(l.value)), formatRating("na"), EMPTY_LABEL];
  const entries = spellings
    .map(({ text, parsed }) => ({ key: text, label: parsed.kind === "value" ? formatRating(parsed.value) : EMPTY_LABEL }))
    .sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label) || a.key.length - b.key.length || (a.key < b.key ? -1 : 1));

  const folds: Judgement["folds"] = WHITE_SPACE.map((from) => ({ from, to: "" }));
  for (const [first, last] of FOLD_BLOCKS) {
    for (let code = first; code <= last; code++) {
      const from = String.fromCharCode(code);
      const to = normalize(from);
      if (to !== from && to !== "" && spellings.some(({ text }) => text.includes(to))) folds.push({ from, to });
    }
  }
  return { entries, folds };
}

/** The key the judge formula looks up for a cell's text: white space removed, characters folded, lower case. */
export function formulaKey(text: string, judgement: Judgement): string {
  return judgement.folds.reduce((t, { from, to }) => t.split(from).join(to), text).toLowerCase();
}

/**
 * The judgement with a row for each of `texts` (the rating cells as they are now) that the reader accepts but
 * whose key the table lacks (a spelling with rarer characters, 𝟏 or ⁽1⁾), so that when the 集計 is made its
 * formulas count exactly what hyoka counted. Texts the reader does not accept need no row: not found is 要確認.
 */
export function extendedJudgement(scale: Scale, profile: TemplateProfile, texts: string[]): Judgement {
  const base = judgementOf(scale, profile);
  const known = new Set(base.entries.map((e) => e.key));
  const extra: Judgement["entries"] = [];
  for (const text of new Set(texts)) {
    const key = formulaKey(text, base);
    const label = judgedLabel(text, scale, profile);
    if (known.has(key) || label === CHECK_LABEL) continue;
    known.add(key);
    extra.push({ key, label: label || EMPTY_LABEL });
  }
  return extra.length ? { ...base, entries: [...base.entries, ...extra] } : base;
}
