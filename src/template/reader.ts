import { FieldName, FieldSource, Item, NOT_APPLICABLE, RatingValue } from "../model";
import { isErrorValue, SheetGrid, WorkbookGrid } from "./grid";
import { afterItemNumber, HEADING_CLOSE, labelLength, Labels, REMARK_LEVEL_DEFAULT } from "./labels";
import { LabelledFieldName, resolveProfile, Scale, sectionOf, SectionName, TemplateProfile } from "./profile";
import { Form, FormGatherer, readSheetHeading } from "./forms";
import { parseTargets } from "./targets";
import { ParsedRating, parseNormalizedRating, parseRating, tickedChoice, vocabularyOf } from "./ratings";
import { Cell, normalizedText, SheetView } from "./sheet-view";
import { afterLabel, hasContent, normalize, tidy } from "./text";
import { FieldAnchor, key, Placed, Rows, ValueSearch } from "./value-search";

export type { Form, FormInfo } from "./forms";

export interface ReadResult {
  items: Item[];
  /** The forms the items belong to, in sheet order: one per ward in a book that gathers several. */
  forms: Form[];
}

/**
 * Turns a workbook's cell grids into forms and their 取組項目, each field with the cell it was read from. Sheets named
 * as the profile's ignoreSheets are left out, unless no other sheet holds an item: a ward that keeps its 取組 on
 * 「様式3」 is read. Never throws on content.
 */
export function readWorkbook(grid: WorkbookGrid, profile: TemplateProfile = resolveProfile()): ReadResult {
  const ignored = profile.ignoreSheets.map((pattern) => new RegExp(pattern, "u"));
  const isIgnored = (sheet: SheetGrid) => ignored.some((re) => re.test(sheet.name));
  const labels = new Labels(profile);
  const read = readSheets(grid.sheets.filter((sheet) => !isIgnored(sheet)), labels);
  const others = grid.sheets.filter(isIgnored);
  const fallback = read.items.length === 0 && others.length > 0 ? readSheets(others, labels) : null;
  return fallback && fallback.items.length > 0 ? fallback : read;
}

function readSheets(sheets: readonly SheetGrid[], labels: Labels): ReadResult {
  const { profile } = labels;
  const items: Item[] = [];
  const forms = new FormGatherer();
  for (const sheet of sheets) {
    const view = new SheetView(sheet);
    const blocks = findBlocks(view, labels);
    if (blocks.length === 0) {
      forms.addHeadingOnly(readSheetHeading(view, view.top + HEADING_ROWS));
      continue;
    }
    const form = forms.formFor(view.name, readSheetHeading(view, blocks[0].top - 1), blocks[0].no);
    const search = new ValueSearch(view, labels, profile);
    for (const block of blocks) {
      const item = readItem(view, block, search, form);
      items.push(item);
      forms.add(item);
    }
  }
  return { items, forms: forms.finish() };
}

const HEADING_ROWS = 10;

interface Block {
  no: number;
  anchor: Cell;
  /** The cell holding the number, where the heading prints it apart from its label (「取組項目」 | 「1」). */
  numberCell: Cell | null;
  /** The rest of the anchor cell after 取組項目 N (often the title). */
  anchorRest: string;
  top: number;
  bottom: number;
}

function findBlocks(view: SheetView, labels: Labels): Block[] {
  const anchors: { cell: Cell; no: number; numberCell: Cell | null }[] = [];
  const cells = view.allCells();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    // One item per row: a second match on the row is text, not a heading.
    if (anchors.length > 0 && anchors[anchors.length - 1].cell.row === cell.row) continue;
    const no = labels.itemNumber(cell);
    if (no !== null) anchors.push({ cell, no, numberCell: null });
    else {
      const beside = labels.itemNumberBeside(cell, cells[i + 1]);
      if (beside !== null) anchors.push({ cell, no: beside, numberCell: cells[i + 1] });
    }
  }
  const blocks: Block[] = [];
  anchors.forEach(({ cell, no, numberCell }, i) => {
    const nextTop = i + 1 < anchors.length ? anchors[i + 1].cell.row : view.bottom + 1;
    const anchorRest = numberCell ? "" : restAfterNumber(cell.text);
    const block = { no, anchor: cell, numberCell, anchorRest, top: cell.row, bottom: nextTop - 1 };
    if (hasFieldLabel(view, block, labels)) blocks.push(block);
  });
  return blocks;
}

function hasFieldLabel(view: SheetView, block: Rows, labels: Labels): boolean {
  for (const cell of view.cellsIn(block.top, block.bottom)) if (labels.fieldLabel(cell)) return true;
  return false;
}

/**
 * "取組項目 1 1 【title】" → "【title】", "【取組項目1】★" → "★": drop the label and its digits, white space between them
 * included, and the brackets or colon that close the heading.
 */
function restAfterNumber(text: string): string {
  const rest = afterItemNumber(text);
  return rest === null ? "" : rest.replace(REST_START, "").trim();
}

/** White space after a heading's number, and one bracket or colon that closes it. */
const REST_START = new RegExp(`^\\s*(?:${HEADING_CLOSE}|[.．:：])?`, "u");

function readItem(view: SheetView, block: Block, search: ValueSearch, form: Form): Item {
  const { labels, profile } = search;
  const sections = splitSections(view, block, labels);
  const firstLabelRow = sections.plan.labelRow ?? sections.midyear.rows.top;
  const heading = readHeading(view, block, { top: block.top, bottom: firstLabelRow - 1 }, labels);
  const sources: Partial<Record<FieldName, FieldSource>> = {};
  if (heading.source) sources.title = heading.source;

  const anchors: Anchor[] = [];
  const cellsOf = new Map<SectionName, Cell[]>();
  for (const field of labels.fields) {
    const section = sectionOf(field);
    const { rows } = sections[section];
    let cells = cellsOf.get(section);
    if (!cells) cellsOf.set(section, (cells = view.cellsIn(rows.top, rows.bottom)));
    const anchor = findAnchor(field, rows, cells, search);
    if (anchor) anchors.push(anchor);
  }
  const claimed = new Set<number>();
  if (heading.cell) claimed.add(key(heading.cell));
  if (block.numberCell) claimed.add(key(block.numberCell));
  const placed = search.place(anchors, claimed);
  const readOf = (field: LabelledFieldName): FieldRead | null => {
    const i = anchors.findIndex((anchor) => anchor.field === field);
    return i < 0 ? null : readPlaced(view, anchors[i], placed[i]);
  };

  const remarkRequiredFor: Item["remarkRequiredFor"] = { midyear: REMARK_LEVEL_DEFAULT, final: REMARK_LEVEL_DEFAULT };
  for (const anchor of anchors) {
    if (!anchor.note || (anchor.field !== "midyear.remark" && anchor.field !== "final.remark")) continue;
    const level = labels.remarkLevel(anchor.note);
    if (level !== null) remarkRequiredFor[sectionOf(anchor.field) as "midyear" | "final"] = level;
    else form.noteMismatch ??= { note: anchor.note, sheet: view.name, cell: view.address(anchor.cell.row, anchor.cell.col) };
  }
  const text = (field: LabelledFieldName): string | null => {
    const read = readOf(field);
    if (!read) return null;
    sources[field] = read.source;
    return read.source.error ? null : emptyToNull(read.text, profile);
  };
  const rating = <T extends RatingValue>(field: LabelledFieldName): T | null => {
    let read = readOf(field);
    if (!read) return null;
    if (read.source.error || read.source.ambiguous) {
      sources[field] = read.source;
      return null;
    }
    const scaleName = profile.fields[field].scale!;
    const scale = profile.scales[scaleName];
    let parsed = read.cell ? parseNormalizedRating(normalizedText(read.cell), scale, profile) : parseRating(read.text, scale, profile);
    if (parsed.kind === "empty") {
      const anchor = anchors.find((a) => a.field === field)!;
      const ticked = anchor.legendAnchored
        ? tickedIn(anchor.cell, scale, profile)
        : tickedAfter(anchor.cell, cellsOf.get(sectionOf(field))!, scaleName, labels);
      if (ticked) {
        read = readCell(view, ticked.cell);
        read.source.ticked = true;
        parsed = ticked.parsed;
      }
    }
    sources[field] = read.source;
    if (parsed.kind === "invalid") read.source.invalid = true;
    return parsed.kind === "value" ? (parsed.value as T) : null;
  };

  const plan = { policy: text("plan.policy"), thisYear: text("plan.thisYear") };
  return {
    no: block.no,
    form: form.name,
    sheet: view.name,
    cell: view.address(block.anchor.row, block.anchor.col),
    ...(block.numberCell ? { numberCell: view.address(block.numberCell.row, block.numberCell.col) } : {}),
    title: heading.title,
    subtitle: heading.subtitle,
    starred: heading.starred,
    plan,
    midyear: {
      implementation: rating("midyear.implementation"),
      achievement: rating("midyear.achievement"),
      remark: text("midyear.remark"),
    },
    final: {
      result: text("final.result"),
      achievement: rating("final.achievement"),
      remark: text("final.remark"),
    },
    targets: [
      ...parseTargets("plan.policy", plan.policy ?? "", profile),
      ...parseTargets("plan.thisYear", plan.thisYear ?? "", profile),
    ],
    remarkRequiredFor,
    sources,
  };
}

interface Section {
  rows: Rows;
  /** The first row holding one of the section's own labels. */
  labelRow: number | null;
}

/**
 * Splits a block into 計画 / 中間振り返り / 自己評価 by the first row of each section's own labels, so that
 * a missing section heading or a label printed out of order (自己 評価 below its header row) still works.
 */
function splitSections(view: SheetView, block: Block, labels: Labels): Record<SectionName, Section> {
  const cells = view.cellsIn(block.top + 1, block.bottom);
  const firstRow = (section: SectionName): number | null => {
    const markers = labels.sectionMarkers(section);
    for (const cell of cells) {
      if (labels.section(cell) === section || labels.fieldLabel(cell, markers)) return cell.row;
    }
    return null;
  };
  const plan = firstRow("plan");
  const midyear = firstRow("midyear");
  const final = firstRow("final");
  const end = block.bottom + 1;
  const finalTop = final ?? end;
  const midTop = Math.min(midyear ?? finalTop, finalTop);
  return {
    plan: { rows: { top: block.top, bottom: midTop - 1 }, labelRow: plan },
    midyear: { rows: { top: midTop, bottom: finalTop - 1 }, labelRow: midyear },
    final: { rows: { top: finalTop, bottom: block.bottom }, labelRow: final },
  };
}

interface Heading {
  title: string | null;
  subtitle: string | null;
  starred: boolean;
  source: FieldSource | null;
  /** The cell the title was read from: never another field's value. */
  cell: Cell | null;
}

/** 【title】, ★ and the optional sub-title line, from the anchor cell and the rows before the first label. */
function readHeading(view: SheetView, block: Block, rows: Rows, labels: Labels): Heading {
  const { profile } = labels;
  const { star } = profile.title;
  const lines: { text: string; cell: Cell }[] = [];
  const line = (text: string, cell: Cell) => {
    // A title label (「取組名」) is print: the title is what follows it, in its cell or the next.
    const rest = labels.afterTitleLabel(text);
    if (rest !== "") lines.push({ text: rest ?? text, cell });
  };
  if (block.anchorRest) line(block.anchorRest, block.anchor);
  for (const cell of view.cellsIn(rows.top, rows.bottom)) if (cell !== block.anchor && cell !== block.numberCell) line(cell.text, cell);

  // The form's 【】, else the first other pair a line opens (「［歳出の削減］」).
  const pairs: [string, string][] = [[profile.title.open, profile.title.close], ...profile.title.otherBrackets];
  const [open, close] = pairs.find(([o]) => lines.some((l) => l.text.includes(o))) ?? pairs[0];
  const at = lines.findIndex((l) => l.text.includes(open));
  const starred = lines.some((l) => outside(l.text, open, close).includes(star));
  if (at < 0) return bareTitle(view, lines, star, starred);

  const { text, cell } = lines[at];
  const start = text.indexOf(open) + open.length;
  const end = text.lastIndexOf(close);
  const inner = joinLines(text.slice(start, end >= start ? end : undefined));
  // 「【★歳出の削減】」: the ★ printed inside the brackets, at either end.
  const starInside = star !== "" && (inner.startsWith(star) || inner.endsWith(star));
  const title = starInside ? stripStar(inner, star) : inner;
  const after = end >= start ? stripStar(text.slice(end + close.length), star) : "";
  const nextLine = lines.slice(at + 1).find((l) => stripStar(l.text, star) !== "");
  const subtitle = after || (nextLine ? stripStar(nextLine.text, star) : "");
  return {
    title: title || null,
    subtitle: subtitle ? tidy(subtitle) : null,
    starred: starred || starInside,
    source: sourceOf(view, cell.row, cell.col, text),
    cell,
  };
}

/**
 * A title printed without brackets (「取組項目1 歳出の削減」, or 「歳出の削減」 on the line below the heading): the first
 * line with words, the next one its sub-title.
 */
function bareTitle(view: SheetView, lines: readonly { text: string; cell: Cell }[], star: string, starred: boolean): Heading {
  const worded = lines.filter((l) => hasContent(stripStar(l.text, star)));
  if (worded.length === 0) return { title: null, subtitle: null, starred, source: null, cell: null };
  const [{ text, cell }, next] = worded;
  return {
    title: joinLines(stripStar(text, star)),
    subtitle: next ? tidy(stripStar(next.text, star)) : null,
    starred,
    source: sourceOf(view, cell.row, cell.col, text),
    cell,
  };
}

function outside(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start < 0 ? text : text.slice(0, start) + (end > start ? text.slice(end + close.length) : "");
}

function stripStar(text: string, star: string): string {
  return (text.includes(star) ? text.split(star).join("") : text).trim();
}

/** Japanese titles wrapped over lines are one phrase: join without a space. */
function joinLines(text: string): string {
  return text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, "").trim();
}

interface FieldRead {
  text: string;
  source: FieldSource;
  /** The cell read, when a cell was. */
  cell?: Cell;
}

type Anchor = FieldAnchor & {
  /** The printed note after the label (※左記が「②」の場合は必須), where there is one. */
  note: string | null;
};

/**
 * A field's anchor within its section (`cells`, in reading order): the first cell starting with one of its labels,
 * or its legend.
 */
function findAnchor(field: LabelledFieldName, rows: Rows, cells: readonly Cell[], search: ValueSearch): Anchor | null {
  const { labels, profile } = search;
  const rule = profile.fields[field];
  const scale = rule.scale ? profile.scales[rule.scale] : null;
  // Object literals, not spreads: this runs for every field of every item.
  if (rule.legendOf) {
    const legends = cells.filter((cell) => labels.isLegendOf(cell, rule.legendOf!));
    if (legends.length === 0) return scale && typedOverLegend(field, rows, cells, scale, search);
    const cell = search.chooseLegend(legends, rows, rule.placement, rule.legendOf);
    return { field, rows, scale, placement: rule.placement, cell, inline: "", legendAnchored: true, note: null };
  }
  const wanted = labels.labelsOf(field);
  for (const cell of cells) {
    if (!labels.mayStartLabel(cell.head)) continue;
    for (const hit of wanted) {
      const length = labelLength(cell.head, hit.norm);
      if (length < 0) continue;
      // The label as printed, its bullet or brackets included (normalised: afterLabel compares so).
      const printed = length === hit.norm.length ? hit.label : cell.head.slice(0, length);
      const { note, rest } = splitNote(afterLabel(cell.text, printed) ?? "", profile);
      return { field, rows, scale, placement: rule.placement, cell, inline: inlineValue(rest), legendAnchored: false, note };
    }
  }
  return null;
}

/**
 * A rating typed over its legend (the legend's cell now 「②」 or 「②:目標未達成」): the one cell of the section that
 * holds a level of the scale, read where it stands; null where none or several do.
 */
function typedOverLegend(field: LabelledFieldName, rows: Rows, cells: readonly Cell[], scale: Scale, search: ValueSearch): Anchor | null {
  let typed: Cell | null = null;
  for (const cell of cells) {
    if (search.labels.isStructural(cell)) continue;
    const parsed = parseNormalizedRating(normalizedText(cell), scale, search.profile);
    if (parsed.kind !== "value" || parsed.value === NOT_APPLICABLE) continue;
    if (typed) return null;
    typed = cell;
  }
  return typed && { field, rows, scale, placement: ["inline"], cell: typed, inline: typed.text, legendAnchored: false, note: null };
}

function readPlaced(view: SheetView, anchor: Anchor, placed: Placed): FieldRead {
  switch (placed.kind) {
    case "cell":
      return readCell(view, placed.cell);
    case "inline":
      return { text: placed.text, source: sourceOf(view, anchor.cell.row, anchor.cell.col, placed.text) };
    case "blank":
      return blank(view, placed.at);
    case "ambiguous": {
      const at = placed.candidates[0] ?? anchor.cell;
      const source = sourceOf(view, at.row, at.col, "");
      const cells = placed.candidates.map((c) => view.address(c.row, c.col));
      return { text: "", source: { ...source, ambiguous: { reason: placed.reason, cells } } };
    }
  }
}

interface Ticked {
  cell: Cell;
  parsed: ParsedRating;
}

function tickedIn(legend: Cell, scale: Scale, profile: TemplateProfile): Ticked | null {
  const parsed = tickedChoice(normalizedText(legend), scale, profile);
  return parsed && { cell: legend, parsed };
}

/**
 * The option ticked in the legend after a rating's label (in reading order within its section), printed in one cell
 * or an option a cell (「☑①:達成見込み」 | 「☐②:達成できない見込み」); invalid, at the first, where options of two
 * levels are ticked; null where none is.
 */
function tickedAfter(label: Cell, cells: readonly Cell[], scaleName: string, labels: Labels): Ticked | null {
  const scale = labels.profile.scales[scaleName];
  let found: Ticked | null = null;
  for (const cell of cells) {
    const after = cell.row > label.row || (cell.row === label.row && cell.col > label.col);
    const ticked = after && labels.namesLevelOf(cell, scaleName) ? tickedIn(cell, scale, labels.profile) : null;
    if (!ticked) continue;
    if (!found) found = ticked;
    else if (ticked.parsed.kind !== "value" || found.parsed.kind !== "value" || ticked.parsed.value !== found.parsed.value) return { cell: found.cell, parsed: { kind: "invalid" } };
  }
  return found;
}

function readCell(view: SheetView, cell: Cell): FieldRead {
  return { text: cell.text, source: sourceOf(view, cell.row, cell.col, cell.text, cell), cell };
}

function blank(view: SheetView, at: { row: number; col: number }): FieldRead {
  return { text: "", source: sourceOf(view, at.row, at.col, "") };
}

function sourceOf(view: SheetView, row: number, col: number, text: string, cell?: Cell): FieldSource {
  const error = cell && isErrorValue(cell.value) ? cell.value.error : null;
  return { sheet: view.name, cell: view.address(row, col), text, error };
}

/**
 * A colon after a label (「課題と改善策：」) and an annotation in brackets on its own (「（必須）」) are print, not a value;
 * a dash is (「—」: nothing to write).
 */
const LABEL_SEPARATOR = /^[\s:：]+/u;
const ANNOTATION = /^(?:\([^()]*\)|（[^（）]*）|\[[^[\]]*\]|［[^［］]*］|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|＜[^＜＞]*＞)$/u;

/** The value written after a label in the label's own cell, without the separator; "" when there is only print. */
function inlineValue(rest: string): string {
  if (rest === "") return rest;
  const value = rest.replace(LABEL_SEPARATOR, "");
  return ANNOTATION.test(value.trim()) ? "" : value;
}

/** Splits the printed note off the text after a label: "※左記が「②」の場合は必須 本文" → note, 本文. */
function splitNote(text: string, profile: TemplateProfile): { note: string | null; rest: string } {
  const { start, end } = profile.remarkNote;
  if (!text.startsWith(start)) return { note: null, rest: text };
  const at = text.indexOf(end);
  if (at < 0) return { note: text, rest: "" };
  return { note: text.slice(0, at + end.length), rest: text.slice(at + end.length).trim() };
}

/** Blank or a dash (—, ー) is no text. The markers are a character or two: long text is never one. */
function emptyToNull(text: string, profile: TemplateProfile): string | null {
  const clean = tidy(text);
  if (clean.length > EMPTY_MARKER_MAX) return clean;
  return vocabularyOf(profile).empty.has(normalize(clean)) ? null : clean;
}

const EMPTY_MARKER_MAX = 8;

