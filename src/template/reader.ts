import { FieldName, FieldSource, Item, RatingValue } from "../model";
import { CellRange, isErrorValue, WorkbookGrid } from "./grid";
import { LabelledFieldName, Level, resolveProfile, sectionOf, SectionName, TemplateProfile } from "./profile";
import { fiscalYearOf } from "./fiscal-year";
import { parseTargets } from "./targets";
import { namedLevels, parseRating, vocabularyOf } from "./ratings";
import { Cell, SheetView } from "./sheet-view";
import { afterLabel, normalize, tidy } from "./text";

/** What the reader learns about the form itself, beside its items. */
export interface FormInfo {
  /** The plan the form is printed for: 「市政改革プラン2.0」. */
  plan: string | null;
  /** The fiscal year of the headings, as the Gregorian year it starts in (令和元年度 → 2019). */
  fiscalYear: number | null;
  /** The first printed 「※左記が「③」の場合は必須」 that names a rating the scale does not offer. */
  noteMismatch: { note: string; sheet: string; cell: string } | null;
}

export interface ReadResult {
  items: Item[];
  form: FormInfo;
}

/** Turns a workbook's cell grids into 取組項目, each field with the cell it was read from. Never throws on content. */
export function readWorkbook(grid: WorkbookGrid, profile: TemplateProfile = resolveProfile()): ReadResult {
  const ignored = profile.ignoreSheets.map((pattern) => new RegExp(pattern, "u"));
  const labels = new Labels(profile);
  const items: Item[] = [];
  const form: FormInfo = { plan: null, fiscalYear: null, noteMismatch: null };
  for (const sheet of grid.sheets) {
    if (ignored.some((re) => re.test(sheet.name))) continue;
    const view = new SheetView(sheet);
    const blocks = findBlocks(view, labels);
    readHeadings(view, blocks.length ? blocks[0].top - 1 : view.top + HEADING_ROWS, form);
    for (const block of blocks) items.push(readItem(view, block, labels, profile, form));
  }
  return { items, form };
}

const HEADING_ROWS = 10;
const PLAN_NAME = /市政改革プラン\s*\d+(?:\.\d+)?/u;

/** The plan name and fiscal year printed above the items (「市政改革プラン2.0」に基づく取組等, 令和元年度). */
function readHeadings(view: SheetView, bottom: number, form: FormInfo): void {
  for (const cell of view.cellsIn(view.top, bottom)) {
    const text = cell.text.normalize("NFKC");
    form.plan ??= PLAN_NAME.exec(text)?.[0].replace(/\s+/g, "") ?? null;
    form.fiscalYear ??= fiscalYearOf(text);
  }
}

interface Block {
  no: number;
  anchor: Cell;
  /** The rest of the anchor cell after 取組項目 N (often the title). */
  anchorRest: string;
  top: number;
  bottom: number;
}

type Rows = { top: number; bottom: number };

/** Recognises the form's labels in cells. */
class Labels {
  private readonly itemPattern: RegExp;
  private readonly sections: [SectionName, string[]][];
  private readonly fieldLabels: string[];

  constructor(readonly profile: TemplateProfile) {
    const alternatives = profile.itemLabels.map((l) => escapeRegExp(normalize(l))).join("|");
    this.itemPattern = new RegExp(`^(?:${alternatives})(\\d+)`, "u");
    this.sections = Object.entries(profile.sectionLabels).map(([s, ls]) => [s as SectionName, ls.map(normalize)]);
    this.fieldLabels = Object.values(profile.fields).flatMap((rule) => (rule.labels ?? []).map(normalize));
    const scales = Object.values(profile.scales);
    this.levelWords = scales.flatMap((scale) => scale.levels.flatMap((level) => level.words.map(normalize)));
    this.namesNone = scales.map(() => []);
  }

  itemNumber(cell: Cell): number | null {
    const m = this.itemPattern.exec(cell.head);
    return m ? Number(m[1]) : null;
  }

  section(cell: Cell): SectionName | null {
    return this.sections.find(([, ls]) => ls.includes(cell.head))?.[0] ?? null;
  }

  /** The field label `cell` starts with, if any. */
  fieldLabel(cell: Cell, candidates = this.fieldLabels): string | null {
    return candidates.find((l) => cell.head.startsWith(l)) ?? null;
  }

  /** Labels and legends: the cells that end a search for a field's value. */
  isStructural(cell: Cell): boolean {
    return this.section(cell) !== null || this.fieldLabel(cell) !== null || this.levelsNamed(cell).some((l) => l.length >= 2);
  }

  private readonly named = new WeakMap<Cell, Level["value"][][]>();
  /** Every level word of every scale: a cell naming none of them (most cells) names no level. */
  private readonly levelWords: string[];
  private readonly namesNone: Level["value"][][];

  /** A field's labels, as written and normalised once. */
  readonly labelsOf = memo((field: LabelledFieldName) =>
    (this.profile.fields[field].labels ?? []).map((label) => ({ label, norm: normalize(label) })),
  );

  private readonly scaleIndex = memo((scale: string) => Object.keys(this.profile.scales).indexOf(scale));

  /** The cell is a legend of the named scale (「①:達成見込み ②:達成できない見込み」). */
  isLegendOf(cell: Cell, scale: string): boolean {
    return (this.levelsNamed(cell)[this.scaleIndex(scale)]?.length ?? 0) >= 2;
  }

  /** For each scale, the levels the cell's words name. Legends are short: the head is enough. */
  levelsNamed(cell: Cell): Level["value"][][] {
    if (!this.levelWords.some((word) => cell.head.includes(word))) return this.namesNone;
    let levels = this.named.get(cell);
    if (!levels) {
      levels = Object.keys(this.profile.scales).map((scale) => namedLevels(cell.head, this.profile.scales[scale]));
      this.named.set(cell, levels);
    }
    return levels;
  }

  /**
   * "whole": the cell is a legend; "half": with the next cell it makes one, split over two cells
   * (「①:達成見込み」「②:達成できない見込み」); null: not a legend.
   */
  legendKind(cell: Cell, next?: Cell): "whole" | "half" | null {
    const here = this.levelsNamed(cell);
    if (here.some((levels) => levels.length >= 2)) return "whole";
    const there = next ? this.levelsNamed(next) : [];
    const half = here.some((levels, scale) => levels.length === 1 && there[scale]?.length === 1 && there[scale][0] !== levels[0]);
    return half ? "half" : null;
  }

  /** Labels that belong to one section only, so that their row tells where that section starts. */
  readonly sectionMarkers = memo((section: SectionName): string[] => {
    const own = (s: SectionName) =>
      (Object.entries(this.profile.fields) as [LabelledFieldName, { labels?: string[] }][])
        .filter(([f]) => sectionOf(f) === s)
        .flatMap(([, rule]) => (rule.labels ?? []).map(normalize));
    const others = (["plan", "midyear", "final"] as SectionName[]).filter((s) => s !== section).flatMap(own);
    return own(section).filter((l) => !others.includes(l));
  });
}

function findBlocks(view: SheetView, labels: Labels): Block[] {
  const anchors: { cell: Cell; no: number }[] = [];
  for (const row of view.rowNumbers) {
    for (const cell of view.rows.get(row)!) {
      const no = labels.itemNumber(cell);
      if (no !== null) {
        anchors.push({ cell, no });
        break; // one item per row: a second match on the row is text, not a heading
      }
    }
  }
  return anchors
    .map(({ cell, no }, i): Block => {
      const nextTop = i + 1 < anchors.length ? anchors[i + 1].cell.row : view.bottom + 1;
      return { no, anchor: cell, anchorRest: restAfterNumber(cell.text), top: cell.row, bottom: nextTop - 1 };
    })
    .filter((block) => hasFieldLabel(view, block, labels));
}

function hasFieldLabel(view: SheetView, block: Rows, labels: Labels): boolean {
  for (const cell of view.cellsIn(block.top, block.bottom)) if (labels.fieldLabel(cell)) return true;
  return false;
}

/** "取組項目 1 1 【title】" → "【title】": drop the label and its digits, white space between them included. */
function restAfterNumber(text: string): string {
  const m = /^[^0-9０-９]*[0-9０-９\s\u3000]+/u.exec(text);
  return m ? text.slice(m[0].length).trim() : "";
}

function readItem(view: SheetView, block: Block, labels: Labels, profile: TemplateProfile, form: FormInfo): Item {
  const sections = splitSections(view, block, labels);
  const firstLabelRow = sections.plan.labelRow ?? sections.midyear.rows.top;
  const heading = readHeading(view, block, { top: block.top, bottom: firstLabelRow - 1 }, profile);
  const sources: Partial<Record<FieldName, FieldSource>> = {};
  if (heading.source) sources.title = heading.source;

  const remarkRequiredFor: Item["remarkRequiredFor"] = { midyear: REMARK_LEVEL_DEFAULT, final: REMARK_LEVEL_DEFAULT };
  const text = (field: LabelledFieldName): string | null => {
    const read = readField(view, field, sections[sectionOf(field)].rows, labels, profile);
    if (!read) return null;
    sources[field] = read.source;
    if (read.note && (field === "midyear.remark" || field === "final.remark")) {
      const level = noteLevel(read.note.text, profile);
      if (level !== null) remarkRequiredFor[sectionOf(field) as "midyear" | "final"] = level;
      else form.noteMismatch ??= { note: read.note.text, sheet: view.name, cell: read.note.cell };
    }
    return read.source.error ? null : emptyToNull(read.text, profile);
  };
  const rating = <T extends RatingValue>(field: LabelledFieldName): T | null => {
    const read = readField(view, field, sections[sectionOf(field)].rows, labels, profile);
    if (!read) return null;
    sources[field] = read.source;
    if (read.source.error) return null;
    const parsed = parseRating(read.text, profile.scales[profile.fields[field].scale!], profile);
    if (parsed.kind === "invalid") read.source.invalid = true;
    return parsed.kind === "value" ? (parsed.value as T) : null;
  };

  const plan = { policy: text("plan.policy"), thisYear: text("plan.thisYear") };
  return {
    no: block.no,
    sheet: view.name,
    cell: view.address(block.anchor.row, block.anchor.col),
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
  const firstRow = (section: SectionName): number | null => {
    const markers = labels.sectionMarkers(section);
    for (const cell of view.cellsIn(block.top + 1, block.bottom)) {
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
}

/** 【title】, ★ and the optional sub-title line, from the anchor cell and the rows before the first label. */
function readHeading(view: SheetView, block: Block, rows: Rows, profile: TemplateProfile): Heading {
  const { open, close, star } = profile.title;
  const lines: { text: string; cell: Cell }[] = [];
  if (block.anchorRest) lines.push({ text: block.anchorRest, cell: block.anchor });
  for (const cell of view.cellsIn(rows.top, rows.bottom)) if (cell !== block.anchor) lines.push({ text: cell.text, cell });

  const at = lines.findIndex((l) => l.text.includes(open));
  const starred = lines.some((l) => outside(l.text, open, close).includes(star));
  if (at < 0) return { title: null, subtitle: null, starred, source: null };

  const { text, cell } = lines[at];
  const start = text.indexOf(open) + open.length;
  const end = text.lastIndexOf(close);
  const title = joinLines(text.slice(start, end > start ? end : undefined));
  const after = end > start ? stripStar(text.slice(end + close.length), star) : "";
  const nextLine = lines.slice(at + 1).find((l) => stripStar(l.text, star) !== "");
  const subtitle = after || (nextLine ? stripStar(nextLine.text, star) : "");
  return {
    title: title || null,
    subtitle: subtitle ? tidy(subtitle) : null,
    starred,
    source: sourceOf(view, cell.row, cell.col, text),
  };
}

function outside(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start < 0 ? text : text.slice(0, start) + (end > start ? text.slice(end + close.length) : "");
}

function stripStar(text: string, star: string): string {
  return text.split(star).join("").trim();
}

/** Japanese titles wrapped over lines are one phrase: join without a space. */
function joinLines(text: string): string {
  return text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, "").trim();
}

interface FieldRead {
  text: string;
  source: FieldSource;
  /** The printed note after the label (※左記が「②」の場合は必須), where there is one. */
  note?: { text: string; cell: string };
}

/** A field's anchor (label or legend) within its section, then its value cell by the rule's placement. */
function readField(
  view: SheetView,
  field: LabelledFieldName,
  rows: Rows,
  labels: Labels,
  profile: TemplateProfile,
): FieldRead | null {
  const rule = profile.fields[field];
  const anchor = findAnchor(view, rows, labels, field);
  if (!anchor) return null;

  switch (rule.placement) {
    case "inline-or-below": {
      const { note, rest } = splitNote(afterLabel(anchor.cell.text, anchor.label!) ?? "", profile);
      const noted = note ? { note: { text: note, cell: view.address(anchor.cell.row, anchor.cell.col) } } : {};
      if (rest) return { text: rest, source: sourceOf(view, anchor.cell.row, anchor.cell.col, rest), ...noted };
      return { ...below(view, anchor.cell.extent, rows, labels), ...noted };
    }
    case "right":
      return valueRightOf(view, anchor.cell, labels);
    case "above": {
      // A legend pasted into the value cell stands right above the printed one: it is the value, and invalid.
      const under = view.cellAt(anchor.cell.extent.bottom + 1, anchor.cell.extent.left);
      if (rule.legendOf && under && under.row <= rows.bottom && labels.isLegendOf(under, rule.legendOf)) {
        return read(view, anchor.cell);
      }
      const up = view.above(anchor.cell.extent);
      if (up.row < rows.top) return atAnchor(view, anchor.cell);
      const cell = view.cellAt(up.row, up.col);
      if (!cell) return blank(view, up);
      return labels.isStructural(cell) ? atAnchor(view, anchor.cell) : read(view, cell);
    }
  }
}

function findAnchor(view: SheetView, rows: Rows, labels: Labels, field: LabelledFieldName): { cell: Cell; label?: string } | null {
  const wanted = labels.labelsOf(field);
  const legendOf = labels.profile.fields[field].legendOf;
  for (const cell of view.cellsIn(rows.top, rows.bottom)) {
    const hit = wanted.find((w) => cell.head.startsWith(w.norm));
    if (hit) return { cell, label: hit.label };
    if (legendOf && labels.isLegendOf(cell, legendOf)) return { cell };
  }
  return null;
}

/**
 * The value beside a label: the first non-empty cell between the label and the row's legend (before the next
 * label). An empty value cell is empty, never the legend beside it; a legend pasted into the value cell (a
 * second legend before the printed one) is read, and found invalid.
 */
function valueRightOf(view: SheetView, label: Cell, labels: Labels): FieldRead {
  const row = (view.rows.get(label.row) ?? []).filter((c) => c.col > label.extent.right);
  const stop = row.findIndex((c) => labels.fieldLabel(c) !== null || labels.section(c) !== null);
  const segment = stop < 0 ? row : row.slice(0, stop);
  const legends = legendGroups(segment, labels);
  const firstLegend = legends.length ? legends[0] : segment.length;
  if (firstLegend > 0 || legends.length >= 2) return read(view, segment[0]);
  const before = segment.length ? segment[0].extent.left - 1 : label.extent.right + 1;
  return blank(view, view.master(label.row, Math.max(before, label.extent.right + 1)));
}

/** Where each legend starts in a row: a whole legend cell, or the first of two cells that split one. */
function legendGroups(segment: Cell[], labels: Labels): number[] {
  const starts: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    const kind = labels.legendKind(segment[i], segment[i + 1]);
    if (kind === "whole") starts.push(i);
    if (kind === "half") starts.push(i++);
  }
  return starts;
}

/** The first non-empty cell under the label, within its columns and section, before any other label. */
function below(view: SheetView, label: CellRange, rows: Rows, labels: Labels): FieldRead {
  for (const cell of view.cellsIn(label.bottom + 1, rows.bottom)) {
    if (cell.col < label.left || cell.col > label.right) continue;
    if (labels.isStructural(cell)) break;
    return read(view, cell);
  }
  const under = view.master(label.bottom + 1, label.left);
  return under.row <= rows.bottom ? blank(view, under) : blank(view, { row: label.top, col: label.left });
}

function read(view: SheetView, cell: Cell): FieldRead {
  return { text: cell.text, source: sourceOf(view, cell.row, cell.col, cell.text, cell) };
}

function blank(view: SheetView, at: { row: number; col: number }): FieldRead {
  return { text: "", source: sourceOf(view, at.row, at.col, "") };
}

/** No value cell in the layout: point at the label itself, with nothing read. */
function atAnchor(view: SheetView, cell: Cell): FieldRead {
  return blank(view, cell);
}

function sourceOf(view: SheetView, row: number, col: number, text: string, cell?: Cell): FieldSource {
  const error = cell && isErrorValue(cell.value) ? cell.value.error : null;
  return { sheet: view.name, cell: view.address(row, col), text, error };
}

/** Splits the printed note off the text after a label: "※左記が「②」の場合は必須 本文" → note, 本文. */
function splitNote(text: string, profile: TemplateProfile): { note: string | null; rest: string } {
  const { start, end } = profile.remarkNote;
  if (!text.startsWith(start)) return { note: null, rest: text };
  const at = text.indexOf(end);
  if (at < 0) return { note: text, rest: "" };
  return { note: text.slice(0, at + end.length), rest: text.slice(at + end.length).trim() };
}

const REMARK_LEVEL_DEFAULT: 1 | 2 = 2;

/** The achievement level a note names (「②」 → 2); null when it names none the scale offers (「③」). */
function noteLevel(note: string, profile: TemplateProfile): 1 | 2 | null {
  const named = /「([^」]*)」/.exec(note)?.[1];
  if (named === undefined) return REMARK_LEVEL_DEFAULT;
  const parsed = parseRating(named, profile.scales[profile.fields["final.achievement"].scale!], profile);
  return parsed.kind === "value" && (parsed.value === 1 || parsed.value === 2) ? parsed.value : null;
}

/** Blank or a dash (—, ー) is no text. The markers are a character or two: long text is never one. */
function emptyToNull(text: string, profile: TemplateProfile): string | null {
  const clean = tidy(text);
  if (clean.length > EMPTY_MARKER_MAX) return clean;
  return vocabularyOf(profile).empty.has(normalize(clean)) ? null : clean;
}

const EMPTY_MARKER_MAX = 8;

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
