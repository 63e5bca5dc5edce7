/**
 * Japanese fiscal years as the Gregorian year they start in: 令和元年度 = 令和1年度 = R1 = 平成31年度 = 2019.
 */
import { allMatches } from "./text";

/** The year before each era's first (令和元年 = 2019, 平成元年 = 1989). */
const REIWA = 2018;
const HEISEI = 1988;

const YEAR = /((?:19|20)\d{2})\s*年度|(令和|平成|(?<![a-z])r|(?<![a-z])h)\s*(元|\d{1,2})\s*(?:年度?)?|(元|\d{1,2})\s*年度/giu;

/**
 * The first fiscal year named in the text, or null. Without an era, 元年度 and small numbers are 令和, larger
 * ones 平成 (「25年度比」 in a 令和元年度 form is 平成25年度).
 */
export function fiscalYearOf(text: string): number | null {
  for (const m of allMatches(YEAR, text.normalize("NFKC"))) {
    const year = fiscalYearFrom(m);
    if (year !== null) return year;
  }
  return null;
}

/**
 * The year a match of an expression shaped as YEAR names (groups: a Gregorian year; or an era and its year; or a
 * year without an era), or null (令和0年度).
 */
export function fiscalYearFrom(m: RegExpExecArray): number | null {
  if (m[1]) return Number(m[1]);
  const era = m[2];
  const number = m[3] ?? m[4];
  const n = number === "元" ? 1 : Number(number);
  if (n < 1) return null;
  // Compared, not looked up: a property lookup by a matched (not interned) string costs a string-table search.
  const reiwa = era ? era === "令和" || era === "r" || era === "R" : n <= 15;
  return (reiwa ? REIWA : HEISEI) + n;
}
