/**
 * Folding is how every comparison sees text (NFKC, and for labels no white space and lower case), computed with fast
 * paths: units known to fold to themselves are copied, the rest go through NFKC a cluster at a time. These
 * properties hold the fast paths to the definitions they stand in for, on text mixing what forms contain with what
 * breaks naive folding (combining marks, half width dakuten, Hangul jamo, surrogate pairs and lone surrogates).
 */
import fc from "fast-check";
import { fold, Folded, sourceOffset } from "../../src/template/fold";
import { allMatches, hasContent, hasNonBlank, isBlankUnit, normalize, tidy } from "../../src/template/text";

const PIECES = [
  "a", "Z", "7", " ", "\t", "\n", "\u3000", "\u00a0", "(", ")", "（", "）", "１", "２", "Ａ", "％", "%", "目標", "令和元年度",
  "㍻", "①", "⑴", "㈱", "ｶ", "ﾞ", "ﾟ", "か", "\u3099", "e", "\u0301", "ᄀ", "ᅡ", "ᆨ", "가", "ㄱ", "ㅏ", "ㄳ", "ﾡ", "ￂ", "😀", "\ud800", "\udc00", "İ", "ﬁ", "Ω", "Ⅻ",
];
const text = (pieces: readonly string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((list) => list.join(""));
const SPEC_NORMALIZE = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();

/** Every offset of the folded text leads back into the source, in order, the end to the end. */
function expectOffsetsInOrder(folded: Folded, source: string): void {
  const offsets = Array.from({ length: folded.text.length + 1 }, (_, k) => sourceOffset(folded, k));
  expect(offsets.every((at, k) => at <= source.length && (k === 0 || at >= offsets[k - 1]))).toBe(true);
  expect(offsets[folded.text.length]).toBe(source.length);
}

test("fold(text, false) is NFKC of the whole text, and its offsets lead back into the source in order", () => {
  fc.assert(
    fc.property(text(PIECES), (s) => {
      const folded = fold(s, false);
      expect(folded.text).toBe(s.normalize("NFKC"));
      expectOffsetsInOrder(folded, s);
    }),
    { numRuns: 2000 },
  );
});

test("fold(text, true) is normalize(text): NFKC, no white space, lower case; offsets as above", () => {
  // Σ is left out: lower case is contextual there (final ς), and a fold compares cluster by cluster.
  fc.assert(
    fc.property(text([...PIECES, "   ", " \u3000\t"]), (s) => {
      const folded = fold(s, true);
      expect(folded.text).toBe(SPEC_NORMALIZE(s));
      expectOffsetsInOrder(folded, s);
    }),
    { numRuns: 2000 },
  );
  // A phrase found in the folded text is shown as written: 「目標」 in 「( 目 標 )」 is 「目 標」, and the white space
  // dropped after it (the next unit's offset leads past it).
  const folded = fold("( 目 標 ) 5件", true);
  const at = folded.text.indexOf("目標");
  expect("( 目 標 ) 5件".slice(sourceOffset(folded, at), sourceOffset(folded, at + 2))).toBe("目 標 ");
});

test("normalize(text) is NFKC without white space, lower-cased, also where a unit folds only in context", () => {
  fc.assert(
    fc.property(text([...PIECES, "Σ", "ΑΣ ", "ß"]), (s) => expect(normalize(s)).toBe(SPEC_NORMALIZE(s))),
    { numRuns: 2000 },
  );
  // A text of units that each fold to themselves is returned as it is, not copied.
  expect(normalize("取組項目1")).toBe("取組項目1");
});

test("allMatches gives what String.prototype.matchAll gives, empty matches and surrogate pairs included", () => {
  const expressions = [/\d+/g, /x*/g, /(?:)/gu, /[\u{1F600}]|./gu, /(令和|平成)(元|\d+)?/g];
  fc.assert(
    fc.property(text([...PIECES, "x", "xx", "12"]), fc.constantFrom(...expressions), (s, re) => {
      const want = [...s.matchAll(re)].map((m) => [m.index, ...m]);
      expect(allMatches(re, s).map((m) => [m.index, ...m])).toEqual(want);
      expect(re.lastIndex).toBe(0);
    }),
    { numRuns: 1000 },
  );
});

test("tidy(text) trims every line and collapses runs of blanks within it, as line by line would", () => {
  const byLine = (s: string) =>
    s
      .split(/\r?\n/)
      .map((line) => line.replace(/[ \t\u3000]+/g, " ").trim())
      .join("\n")
      .trim();
  fc.assert(
    fc.property(text([...PIECES, "\r", "\r\n", "  ", "\u2028", "\ufeff"]), (s) => expect(tidy(s)).toBe(byLine(s))),
    { numRuns: 2000 },
  );
});

test("the shortcuts for single characters agree with the expressions they stand in for, on every UTF-16 unit", () => {
  for (let c = 0; c <= 0xffff; c++) {
    const unit = String.fromCharCode(c);
    if (isBlankUnit(c) !== /\s/u.test(unit)) throw new Error(`isBlankUnit(U+${c.toString(16)})`);
    if (hasNonBlank(unit) !== /\S/.test(unit)) throw new Error(`hasNonBlank(U+${c.toString(16)})`);
    // The unit first and last: hasContent looks at the first unit before its expression.
    for (const text of [unit, `${unit}・`, `・${unit}`]) {
      if (hasContent(text) !== /[\p{L}\p{N}]/u.test(text)) throw new Error(`hasContent(${JSON.stringify(text)})`);
    }
  }
  expect(hasContent("")).toBe(false);
  expect(hasNonBlank(" \u3000\n")).toBe(false);
});
