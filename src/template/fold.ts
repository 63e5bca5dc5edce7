/**
 * Folding text for comparison while keeping the way back to what was written: the offsets of an NFKC text map to
 * the source's, so that a phrase found in the folded text is shown as the user wrote it.
 */
import { normalize } from "./text";

/**
 * NFKC text and the way back to the source. Most units fold to themselves, so the map keeps only the points
 * where the offset between the two changes: from `foldedAt[i]` on, unit k came from `sourceAt[i] + (k - foldedAt[i])`.
 */
export interface Folded {
  text: string;
  foldedAt: number[];
  sourceAt: number[];
}

/** The source offset of the character unit `k` of the folded text came from (`text.length` → the source's length). */
export function sourceOffset({ foldedAt, sourceAt }: Folded, k: number): number {
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

/**
 * The text as NFKC (全角 digits and brackets, ％, ㍻ folded), with the way back to the source. `compact` also drops
 * white space and lower-cases, as normalize() does. Runs of units that fold to themselves are copied whole; the
 * rest goes through NFKC one cluster at a time.
 */
export function fold(source: string, compact: boolean): Folded {
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
