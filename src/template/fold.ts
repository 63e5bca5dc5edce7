/**
 * Folding text for comparison while keeping the way back to what was written: the offsets of an NFKC text map to
 * the source's, so that a phrase found in the folded text is shown as the user wrote it.
 */
import { BLANK, COMPACT_SELF, JOINS, normalize, SELF, unitClass } from "./text";

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
 * white space and lower-cases, as normalize() does. Runs of units that fold to themselves are copied whole; the
 * rest goes through NFKC one cluster (a character and the marks joining it) at a time.
 */
export function fold(source: string, compact: boolean): Folded {
  const self = compact ? COMPACT_SELF : SELF;
  const length = source.length;
  let i = 0;
  while (i < length && unitClass(source.charCodeAt(i)) & self) i++;
  if (i === length) return { text: source, foldedAt: [0], sourceAt: [0] };
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
  while (i < length) {
    const bits = unitClass(source.charCodeAt(i));
    if (bits & self) {
      i++;
      continue;
    }
    if (compact && bits & BLANK) {
      // A run of white space goes at once, unless its last unit carries a mark (then that one is a cluster).
      let end = i + 1;
      while (end < length && unitClass(source.charCodeAt(end)) & BLANK) end++;
      if (end < length && unitClass(source.charCodeAt(end)) & JOINS) end--;
      if (end > i) {
        text += source.slice(copied, i);
        mark(text.length, end);
        copied = i = end;
        continue;
      }
    }
    // A mark joins the unit before it, which was left to be copied as folding to itself.
    const start = bits & JOINS && i > copied ? i - 1 : i;
    const c = source.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < length && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    while (i < length && unitClass(source.charCodeAt(i)) & JOINS) i++;
    const piece = foldCluster(source.slice(start, i), compact);
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
