import { isBlankUnit } from "./text";

/** HTML markup in text pasted into cells from web pages (the seed's <p>, CO<sub>2</sub>). */

const TAG = /<\s{0,20}(\/?)\s{0,20}([a-z][a-z0-9]{0,10})(?=[\s/>])[^<>]{0,200}>/gi;
const BLOCK_TAGS = new Set(["p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** Trims blank space and HTML tags (<p>, </p>, the seed's markup) off both ends, without a regex anchored at the end. */
export function trimEdges(s: string): string {
  let start = 0;
  let end = s.length;
  for (;;) {
    while (start < end && isBlankUnit(s.charCodeAt(start))) start++;
    if (s[start] !== "<") break;
    const close = s.indexOf(">", start);
    if (close < 0 || close - start > 240 || !isTag(s.slice(start, close + 1))) break;
    start = close + 1;
  }
  for (;;) {
    while (end > start && isBlankUnit(s.charCodeAt(end - 1))) end--;
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
export function stripTags(s: string): string {
  if (!s.includes("<")) return s;
  return s.replace(TAG, (_tag, _slash: string, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? "\n" : ""));
}
