/**
 * Text normalisation for matching labels and ratings. Values shown to people keep their own text;
 * only comparisons go through here.
 */

/** NFKC (全角→半角, ①→1, ⅱ→ii), no white space of any kind, lower case. */
export function normalize(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
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

/** Collapse runs of white space within a line and trim every line; drop blank edges. */
export function tidy(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u3000]+/g, " ").trim())
    .join("\n")
    .trim();
}
