import { attribute, parseXml } from "./xml";
import { isTrue } from "./xlsx-workbook";

/** What a cell's style shows, in the in-memory host's terms (fill "#RRGGBB"). */
export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
}

/** Per cell style (the `s` index of a cell, into cellXfs): its number format, whether that shows a date, its look. */
export interface Styles {
  numberFormats: string[];
  dates: boolean[];
  looks: (CellLook | undefined)[];
}

/**
 * Excel's built-in number formats by id, as Japanese Excel shows them (ECMA-376 Part 1, 18.8.30). 14–22, 27–36,
 * 45–47 and 50–58 are dates and times; 27–36 and 50–58 are the East Asian ones (和暦 ge.m.d and the like).
 */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm",
  27: '[$-411]ge.m.d', 28: '[$-411]ggge"年"m"月"d"日"', 29: '[$-411]ggge"年"m"月"d"日"', 30: "m/d/yy", 31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"', 33: 'h"時"mm"分"ss"秒"', 34: 'yyyy"年"m"月"', 35: 'm"月"d"日"', 36: '[$-411]ge.m.d',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
  50: '[$-411]ge.m.d', 51: '[$-411]ggge"年"m"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"', 56: 'm"月"d"日"', 57: '[$-411]ge.m.d', 58: '[$-411]ggge"年"m"月"d"日"',
};
const DATE_IDS = /^(1[4-9]|2[0-2]|2[7-9]|3[0-6]|4[5-7]|5[0-8])$/;

/** A format shows a date or time when a date/time code remains outside quotes, escapes, colours and locales. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\.|[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/General/gi, "");
  return /[ymdhs]/i.test(bare);
}

/** Reads styles.xml (or its absence: every cell General). */
export function readStyles(xml: string | undefined, part: string, looks: boolean): Styles {
  const styles: Styles = { numberFormats: [], dates: [], looks: [] };
  if (xml === undefined) return styles;
  const custom = new Map<number, string>();
  const fonts: CellLook[] = [];
  const fills: (string | undefined)[] = [];
  const xfs: { numFmtId: number; fontId: number; fillId: number; alignment?: CellLook }[] = [];
  let section = "";
  let font: CellLook | null = null;
  let fill: string | undefined;
  let inFill = false;
  let solid = false;
  parseXml(part, xml, {
    open(name, a) {
      switch (name) {
        case "numFmt":
          custom.set(Number(attribute(a, "numFmtId")), attribute(a, "formatCode") ?? "General");
          break;
        case "fonts":
        case "fills":
        case "cellXfs":
        case "cellStyleXfs":
        case "dxfs":
          section = name;
          break;
        case "font":
          if (section === "fonts") font = {};
          break;
        case "b":
        case "i":
          if (font) font[name === "b" ? "bold" : "italic"] = attribute(a, "val") === undefined || isTrue(attribute(a, "val"));
          break;
        case "fill":
          if (section === "fills") [inFill, fill, solid] = [true, undefined, false];
          break;
        case "patternFill":
          solid = inFill && attribute(a, "patternType") === "solid";
          break;
        case "fgColor":
          if (solid && attribute(a, "rgb")) fill = rgb(attribute(a, "rgb"));
          break;
        case "xf":
          if (section === "cellXfs") {
            xfs.push({ numFmtId: Number(attribute(a, "numFmtId") ?? 0), fontId: Number(attribute(a, "fontId") ?? 0), fillId: Number(attribute(a, "fillId") ?? 0) });
          }
          break;
        case "alignment":
          if (section === "cellXfs" && xfs.length) {
            const wrap = isTrue(attribute(a, "wrapText"));
            const horizontal = attribute(a, "horizontal");
            xfs[xfs.length - 1].alignment = { ...(wrap ? { wrapText: true } : {}), ...(horizontal && horizontal !== "general" ? { horizontalAlignment: capitalise(horizontal) } : {}) };
          }
          break;
      }
    },
    close(name) {
      if (name === "font" && font) {
        fonts.push(font);
        font = null;
      } else if (name === "fill" && inFill) {
        fills.push(fill);
        inFill = false;
      } else if (name === section) section = "";
    },
  });
  for (const xf of xfs) {
    const code = custom.get(xf.numFmtId) ?? BUILT_IN[xf.numFmtId] ?? "General";
    styles.numberFormats.push(code);
    styles.dates.push(custom.has(xf.numFmtId) ? isDateFormat(code) : DATE_IDS.test(String(xf.numFmtId)));
    if (looks) styles.looks.push(lookOf(fonts[xf.fontId], fills[xf.fillId], xf.alignment));
  }
  return styles;
}

function lookOf(font: CellLook | undefined, fill: string | undefined, alignment: CellLook | undefined): CellLook | undefined {
  const look: CellLook = { ...alignment };
  if (font?.bold) look.bold = true;
  if (font?.italic) look.italic = true;
  if (fill) look.fill = fill;
  return Object.keys(look).length ? look : undefined;
}

/** "FF2E7D32" → "#2E7D32". */
function rgb(argb: string | undefined): string | undefined {
  return argb && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

/** Office.js spells alignments "Center", "Left"… */
function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
