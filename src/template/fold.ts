/**
 * Folding text for comparison while keeping the way back to what was written: the offsets of an NFKC text map to
 * the source's, so that a phrase found in the folded text is shown as the user wrote it.
 */
import { BLANK, COMPACT_ONE, COMPACT_SELF, foldsTo, JOINS, normalize, ONE, SELF, unitClass } from "./text";

/**
 * NFKC text and the way back to the source. Most units fold to themselves, so the map keeps only the points
 * where the offset between the two changes: from `foldedAt[i]` on, unit k came from `sourceAt[i] + (k - foldedAt[i])`.
 */
export interface Folded {
  text: string;
  foldedAt: readonly number[];
  sourceAt: readonly number[];
}

/** The map of a text that folds to itself: shared, as most texts do. */
const SAME: readonly number[] = [0];

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

/** Clusters folded by NFKC, remembered: NFKC per call is slow (normalize() remembers the compact ones itself). */
const foldedClusters = new Map<string, string>();
const MAX_REMEMBERED = 1 << 16;

/** Longer clusters (a character under a pile of marks) are folded each time: they are rare, and a key would be large. */
const MAX_CLUSTER = 8;

function foldCluster(cluster: string, compact: boolean): string {
  if (compact) return normalize(cluster);
  if (cluster.length > MAX_CLUSTER) return cluster.normalize("NFKC");
  let piece = foldedClusters.get(cluster);
  if (piece === undefined) {
    piece = cluster.normalize("NFKC");
    if (foldedClusters.size >= MAX_REMEMBERED) foldedClusters.clear();
    foldedClusters.set(cluster, piece);
  }
  return piece;
}

/**
 * The text as NFKC (全角 digits and brackets, ％, ㍻ folded), with the way back to the source. `compact` also drops
 * white space and lower-cases, as normalize() does. Runs of units that fold to themselves are copied whole, a unit
 * that folds to one other unit (全角 brackets and spaces) is looked up, the rest goes through NFKC one cluster (a
 * character and the marks joining it) at a time. The map back gets a point only where the offsets shift.
 */
export function fold(source: string, compact: boolean): Folded {
  const self = compact ? COMPACT_SELF : SELF;
  const one = compact ? COMPACT_ONE : ONE;
  const length = source.length;
  let i = 0;
  while (i < length && unitClass(source.charCodeAt(i)) & self) i++;
  if (i === length) return { text: source, foldedAt: SAME, sourceAt: SAME };
  const map = { text: "", foldedAt: [0], sourceAt: [0] };
  let text = "";
  let copied = 0;
  /** The last unit looked up as folding to one other, which a mark after it would join after all. */
  let lookedUp = -1;
  while (i < length) {
    const c = source.charCodeAt(i);
    const bits = unitClass(c);
    if (bits & self) {
      i++;
      continue;
    }
    if (bits & one) {
      text += source.slice(copied, i) + foldsTo(c, compact);
      lookedUp = i;
      copied = ++i;
      continue;
    }
    if (compact && bits & BLANK) {
      // A run of white space goes at once, unless its last unit carries a mark (then that one is a cluster).
      let end = i + 1;
      while (end < length && unitClass(source.charCodeAt(end)) & BLANK) end++;
      if (end < length && unitClass(source.charCodeAt(end)) & JOINS) end--;
      if (end > i) {
        text += source.slice(copied, i);
        mark(map, text.length, end);
        copied = i = end;
        continue;
      }
    }
    // A mark joins the unit before it: one left to be copied, or one looked up (taken back).
    let start = i;
    if (bits & JOINS && i > 0) {
      if (i > copied) start = i - 1;
      else if (lookedUp === i - 1) {
        text = text.slice(0, -1);
        start = i - 1;
      }
    }
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < length && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    while (i < length && unitClass(source.charCodeAt(i)) & JOINS) i++;
    const piece = foldCluster(source.slice(start, i), compact);
    text += source.slice(copied, start);
    // Every unit of the piece points at the start of its cluster; the text after it resumes one for one.
    for (let k = 0; k < piece.length; k++) mark(map, text.length + k, start);
    text += piece;
    mark(map, text.length, i);
    copied = i;
  }
  map.text = text + source.slice(copied);
  return map;
}

/** From folded unit `f` on, units come from source unit `from` on: a point only where that shifts the offsets. */
function mark({ foldedAt, sourceAt }: { foldedAt: number[]; sourceAt: number[] }, f: number, from: number): void {
  const last = foldedAt.length - 1;
  if (sourceAt[last] + (f - foldedAt[last]) === from) return;
  if (foldedAt[last] === f) sourceAt[last] = from;
  else {
    foldedAt.push(f);
    sourceAt.push(from);
  }
}
