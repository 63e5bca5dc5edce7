/**
 * How a workbook writes the levels of a rating scale — (i)/(ii) or (ⅰ)/(ⅱ) or （ⅰ）/（ⅱ）; ①/② or 1/2 — found
 * from its filled rating cells (and, where none is filled, from its legends), so that a dropdown offers the
 * levels as the staff already write them. Pure.
 */
import type { RatingValue } from "../model";
import { parseRating } from "../template/ratings";
import type { Scale, TemplateProfile } from "../template/profile";

/** A way of writing a level's token ("ii"): its characters, and what stands around them. */
interface Style {
  form: "ascii" | "upper" | "fullwidth" | "circled" | "romanSmall" | "romanCapital";
  wrap: "" | "()" | "（）";
}

const FORMS: Style["form"][] = ["circled", "ascii", "romanSmall", "fullwidth", "upper", "romanCapital"];
const WRAPS: Style["wrap"][] = ["()", "", "（）"];
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

/** The token written in a style, or null when the style has no such character (② for "ii"). */
function render(token: string, { form, wrap }: Style): string | null {
  let body: string | null;
  const number = /^\d+$/.test(token) ? Number(token) : null;
  const roman = ROMAN.indexOf(token);
  switch (form) {
    case "ascii":
      body = token;
      break;
    case "upper":
      body = /[a-z]/.test(token) ? token.toUpperCase() : null;
      break;
    case "fullwidth":
      body = token.replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      break;
    case "circled":
      body = number !== null && number >= 1 && number <= 20 ? String.fromCodePoint(0x2460 + number - 1) : null;
      break;
    case "romanSmall":
      body = roman >= 0 ? String.fromCodePoint(0x2170 + roman) : null;
      break;
    case "romanCapital":
      body = roman >= 0 ? String.fromCodePoint(0x2160 + roman) : null;
      break;
  }
  if (body === null) return null;
  return wrap === "" ? body : `${wrap[0]}${body}${wrap[1]}`;
}

const STYLES: Style[] = FORMS.flatMap((form) => WRAPS.map((wrap) => ({ form, wrap })));

/** The style every level of the scale can be written in; first the way formatRating shows it (①, (i)). */
function usable(scale: Scale): Style[] {
  const ok = STYLES.filter((style) => scale.levels.every((level) => render(level.tokens[0], style) !== null));
  const preferred = (s: Style) => (s.form === "circled" && s.wrap === "") || (s.form === "ascii" && s.wrap === "()");
  return [...ok.filter(preferred), ...ok.filter((s) => !preferred(s))];
}

/**
 * The texts of the scale's levels as the workbook writes them. `cells`: what its rating cells of this scale hold;
 * `legends`: texts of its legends of this scale («(i)実施見込み (ii)実施できない見込み»), used when no cell
 * says. The style most cells use wins; with none, the one every legend writes; else ① / (i).
 */
export function levelTexts(scale: Scale, profile: TemplateProfile, cells: readonly string[], legends: readonly string[] = []): Map<RatingValue, string> {
  const styles = usable(scale);
  const votes = new Map<Style, number>();
  for (const raw of cells) {
    const text = raw.trim();
    const parsed = parseRating(text, scale, profile);
    if (parsed.kind !== "value") continue;
    const level = scale.levels.find((l) => l.value === parsed.value);
    if (!level) continue;
    for (const style of styles) if (render(level.tokens[0], style) === text) votes.set(style, (votes.get(style) ?? 0) + 1);
  }
  let chosen: Style | undefined = [...votes].sort((a, b) => b[1] - a[1] || styles.indexOf(a[0]) - styles.indexOf(b[0]))[0]?.[0];
  if (!chosen && legends.length) {
    chosen = styles.find((style) => legends.every((legend) => scale.levels.every((level) => legend.includes(render(level.tokens[0], style)!))));
  }
  const style = chosen ?? styles[0];
  return new Map(scale.levels.map((level) => [level.value, render(level.tokens[0], style)!]));
}
