/**
 * Finds each field's value cell the way a person reads the form: around the field's label or legend, in the
 * profile's order of preference (left, right, above, below), across merged areas and over entirely blank spacer
 * rows and columns. A cell is taken only if it is not the form's own print (a label, a legend), not already the
 * source of another field of the item, and its content fits the field. When two cells both hold ratings, or no
 * cell fits, nothing is guessed: the candidates are returned for LAYOUT_AMBIGUOUS.
 *
 * The order of claims keeps every cell the source of one field at most:
 * 1. a text field takes the filled cell next to its label (the result text under 当年度の取組実績…);
 * 2. a rating field takes the one cell around it that holds a rating (or 対象外);
 * 3. a text field without a value takes the blank next to its label;
 * 4. a rating field without a rating takes what a person typed there instead (③, はい, an error, a pasted legend),
 *    else the blank where the rating belongs, each by preference.
 */
import { CellRange, isErrorValue } from "./grid";
import type { Labels } from "./labels";
import type { Direction, LabelledFieldName, Scale, TemplateProfile } from "./profile";
import { parseNormalizedRating } from "./ratings";
import { Cell, normalizedText, SheetView } from "./sheet-view";
import { normalize } from "./text";

export interface Rows {
  top: number;
  bottom: number;
}

export interface Position {
  row: number;
  col: number;
}

/** A field's anchor within its section, ready to be searched around. */
export interface FieldAnchor {
  field: LabelledFieldName;
  cell: Cell;
  /** The text after the label in the label's own cell (note removed); "" when there is none. */
  inline: string;
  /** The rows of the field's section: nothing outside them is its value. */
  rows: Rows;
  /** Rating fields: their scale; text fields: null. */
  scale: Scale | null;
  /** The anchor is a legend (the value stands beside the printed choices), not a label. */
  legendAnchored: boolean;
  placement: readonly Direction[];
}

/** Where a field's value was found. */
export type Placed =
  /** A cell holds the value (or something a person typed instead). */
  | { kind: "cell"; cell: Cell }
  /** The value follows the label within the label's own cell. */
  | { kind: "inline"; text: string }
  /** Nothing is written: the blank cell where the value belongs. */
  | { kind: "blank"; at: Position }
  /** Not read: several cells hold ratings, or none fits; the candidates, in order of preference. */
  | { kind: "ambiguous"; reason: "several" | "none"; candidates: Position[] };

/** What the search needs from the item: the sheet, the form's vocabulary, and spacer lines per section. */
export class ValueSearch {
  private readonly spacers = new Map<number, Spacers>();
  /** While an item is placed: its anchors, whose cells are the labels that are its print. */
  private anchors: readonly FieldAnchor[] | null = null;

  constructor(
    readonly view: SheetView,
    readonly labels: Labels,
    readonly profile: TemplateProfile,
  ) {}

  /**
   * Places every field of one item: the result for each anchor, in the same order. `claimed` holds the cells that
   * are already something (the title).
   */
  place(anchors: readonly FieldAnchor[], claimed: Set<number>): Placed[] {
    this.anchors = anchors;
    try {
      return this.placeAll(anchors, claimed);
    } finally {
      this.anchors = null;
    }
  }

  private placeAll(anchors: readonly FieldAnchor[], claimed: Set<number>): Placed[] {
    const fields = anchors.map((anchor) => new FieldLooks(this, anchor));
    const free = (spot: Spot | null): spot is Spot => spot !== null && !claimed.has(key(spot));
    const take = (field: FieldLooks, spot: Spot) => {
      field.placed = spotPlaced(spot);
      claimed.add(key(spot));
    };

    // 1. Text fields: the filled cell next to the label (or the rest of the label's own cell).
    for (const field of fields) {
      if (field.anchor.scale) continue;
      for (let i = 0; i < field.count; i++) {
        const near = field.look(i).near;
        if (near?.cell && free(near)) {
          take(field, near);
          break;
        }
      }
    }

    // 2. Rating fields: the one cell around them that holds a rating.
    for (const field of fields) {
      if (!field.anchor.scale) continue;
      const ratings: Spot[] = [];
      let near = 0;
      for (let i = 0; i < field.count; i++) {
        const look = field.look(i);
        for (const spot of [look.near, look.far]) {
          if (!free(spot) || field.fit(spot) !== "rating" || ratings.some((r) => key(r) === key(spot))) continue;
          ratings.push(spot);
          if (spot.near) near++;
        }
      }
      if (ratings.length === 1) take(field, ratings[0]);
      else if (near === 1) take(field, ratings.find((r) => r.near)!);
      else if (ratings.length > 1) field.placed = { kind: "ambiguous", reason: "several", candidates: ratings.map(position) };
    }

    // 3. Text fields without a value: the blank where it belongs (a spacer only when nothing else is there).
    for (const field of fields) {
      if (field.anchor.scale || field.placed) continue;
      const blank = field.first((look) => (look.near && !look.near.cell && free(look.near) ? look.near : null));
      if (blank) take(field, blank);
      else field.placed = field.nothingFits();
    }

    // 4. Rating fields without a rating: an entry that is not one (③, an error, a pasted legend), else the blank.
    for (const field of fields) {
      if (!field.anchor.scale || field.placed) continue;
      // After a label in its own cell only a rating is one (「目標の達成見込み ※いずれかを記入」 is print).
      const entry = (spot: Spot | null) => free(spot) && spot.cell !== undefined && spot.text === undefined && field.fit(spot) === "entry";
      const chosen =
        field.first(({ near, far }) => (entry(far) ? far : entry(near) ? near : null)) ??
        field.first(({ near }) => (free(near) && !near.cell ? near : null));
      if (chosen) take(field, chosen);
      else field.placed = field.nothingFits();
    }
    return fields.map((field) => field.placed!);
  }

  /**
   * The legend a legend-anchored field is read beside. A legend pasted into the value cell makes two: the printed
   * one is the one that has the other where its value belongs (above it, as the form prints it, before beside it).
   */
  chooseLegend(legends: readonly Cell[], rows: Rows, placement: readonly Direction[], scale: string): Cell {
    if (legends.length === 1) return legends[0];
    let best = legends[0];
    let bestRank = Infinity;
    for (const legend of legends) {
      placement.forEach((direction, rank) => {
        if (direction === "inline" || rank >= bestRank) return;
        const look = this.look(legend.extent, direction, rows);
        if (!look.near && look.stop && look.stop !== legend && this.labels.isLegendOf(look.stop, scale)) {
          best = legend;
          bestRank = rank;
        }
      });
    }
    return best;
  }

  /** Looks one way from a field's anchor. */
  lookFrom(anchor: FieldAnchor, direction: Direction): Look {
    if (direction === "inline") {
      const inline: Spot | null = anchor.inline ? { row: anchor.cell.row, col: anchor.cell.col, cell: anchor.cell, near: true, text: anchor.inline } : null;
      return { near: inline, far: null, stop: null, spacer: null };
    }
    const look = this.look(anchor.cell.extent, direction, anchor.rows);
    if (!look.near && look.stop && anchor.scale && this.isPastedLegend(anchor, look.stop, direction)) {
      look.near = { row: look.stop.row, col: look.stop.col, cell: look.stop, near: true };
    }
    if (!look.near) look.near = look.spacer;
    return look;
  }

  /**
   * A legend of the field's own scale where its value belongs is a legend pasted into the value cell (read, and
   * found invalid): beside a legend anchor, or before the printed legend beside a label.
   */
  private isPastedLegend(anchor: FieldAnchor, stop: Cell, direction: Side): boolean {
    const scaleName = this.profile.fields[anchor.field].scale!;
    if (!this.labels.isLegendOf(stop, scaleName)) return false;
    if (anchor.legendAnchored) return true;
    const beyond = this.look(stop.extent, direction, anchor.rows);
    return !beyond.near && beyond.stop !== null && this.labels.isLegendOf(beyond.stop, scaleName);
  }

  /**
   * From an area outward: the first position that is not a spacer line (`near`, a cell or a blank), and, past a
   * blank, the first cell (`far`). The walk ends at the section's edge, the sheet's edge, or the form's own print
   * (`stop`). When only spacers stand between the anchor and the end, the last of them is where the value belongs
   * (`spacer`).
   */
  look(from: CellRange, direction: Side, rows: Rows): Look {
    const { view } = this;
    const horizontal = direction === "right" || direction === "left";
    const step = direction === "right" || direction === "below" ? 1 : -1;
    let row = direction === "below" ? from.bottom + 1 : direction === "above" ? from.top - 1 : from.top;
    let col = direction === "right" ? from.right + 1 : direction === "left" ? from.left - 1 : from.left;
    let near: Spot | null = null;
    let lastSpacer: Spot | null = null;
    while (row >= rows.top && row <= rows.bottom && col >= view.left && col <= view.right) {
      const merge = view.coveringMerge(row, col);
      const masterRow = merge ? merge.top : row;
      const masterCol = merge ? merge.left : col;
      if (masterRow < rows.top || masterRow > rows.bottom) break;
      const cell = view.cellAt(masterRow, masterCol) ?? (horizontal ? undefined : this.underSpan(from, row));
      if (cell) {
        if (this.isPrint(cell, horizontal)) return { near, far: null, stop: cell, spacer: near ? null : lastSpacer };
        const spot: Spot = { row: cell.row, col: cell.col, cell, near: !near };
        return near ? { near, far: spot, stop: null, spacer: null } : { near: spot, far: null, stop: null, spacer: null };
      }
      const area = merge ?? view.extent(row, col);
      const alone = area.bottom === area.top && area.right === area.left;
      if (!near && alone && this.spacersOf(rows).isSpacer(horizontal ? col : row, horizontal)) {
        // A run of spacer columns at once: past the last used column, one reaches as far as the sheet's widest row.
        if (horizontal) col = this.spacersOf(rows).lastSpacerColumn(col, step, step > 0 ? view.right : view.left);
        lastSpacer = { row, col, cell: undefined, near: true, spacer: true };
        if (horizontal) col += step;
        else row += step;
        continue;
      }
      near ??= { row: masterRow, col: masterCol, cell: undefined, near: true };
      // Past the blank area, at least one step.
      if (horizontal) {
        col = step > 0 ? Math.max(col, area.right) + 1 : Math.min(col, area.left) - 1;
        // Past a blank only a cell or a merged area ends the walk: straight to the next one in the row.
        col = view.nextInRow(row, col - step, step) ?? (step > 0 ? view.right + 1 : view.left - 1);
      } else row = step > 0 ? Math.max(row, area.bottom) + 1 : Math.min(row, area.top) - 1;
    }
    return { near, far: null, stop: null, spacer: near ? null : lastSpacer };
  }

  /** Under a label wider than one column, a value may start in any of its columns. */
  private underSpan(from: CellRange, row: number): Cell | undefined {
    if (from.right === from.left) return undefined;
    return this.view.cellsIn(row, row).find((c) => c.col > from.left && c.col <= from.right);
  }

  /** The form's own print: labels, whole legends, and one half of a legend split over two cells. */
  private isPrint(cell: Cell, horizontal: boolean): boolean {
    if (this.labels.isStructural(cell)) return !this.isAnswerWithLabel(cell);
    if (!this.labels.levelsNamed(cell).some((levels) => levels.length === 1)) return false;
    const next = horizontal ? this.view.master(cell.row, cell.extent.right + 1) : this.view.master(cell.extent.bottom + 1, cell.col);
    return this.labels.isHalfLegend(cell, this.view.cellAt(next.row, next.col));
  }

  /**
   * A cell that starts with a field's label but is no anchor of the item's fields, and goes on with words of its
   * own (「課題と改善策：人員不足のため…」, 「当年度の取組内容の見直しが必要。」): an answer, not the form's print.
   */
  private isAnswerWithLabel(cell: Cell): boolean {
    if (!this.anchors || this.anchors.some((anchor) => anchor.cell === cell)) return false;
    return this.labels.answerAfterLabel(cell);
  }

  /** How a cell fits the field: a rating, an entry typed instead of one, a blank, or text that is no rating at all. */
  fitOf(anchor: FieldAnchor, spot: Spot): Fit {
    if (!anchor.scale) return spot.cell ? "entry" : "blank";
    const { cell } = spot;
    if (!cell) return "blank";
    if (isErrorValue(cell.value)) return "entry";
    const text = spot.text ?? cell.text;
    if (text.length > ENTRY_MAX_SOURCE || text.trim().includes("\n")) return "unfit";
    const n = spot.text === undefined ? normalizedText(cell) : normalize(text);
    const parsed = parseNormalizedRating(n, anchor.scale, this.profile);
    if (parsed.kind === "value") return "rating";
    if (parsed.kind === "empty" || this.labels.isStructural(cell)) return "entry";
    return n.length <= ENTRY_MAX ? "entry" : "unfit";
  }

  private spacersOf(rows: Rows): Spacers {
    let spacers = this.spacers.get(rows.top);
    if (!spacers || spacers.bottom !== rows.bottom) this.spacers.set(rows.top, (spacers = new Spacers(this.view, rows)));
    return spacers;
  }
}

/** The directions that look at other cells. */
type Side = Exclude<Direction, "inline">;

/** How a cell fits a field. */
type Fit = "rating" | "entry" | "blank" | "unfit";

/** Longer than this (normalised), or over several lines, text is not something typed into a rating cell. */
const ENTRY_MAX = 16;
const ENTRY_MAX_SOURCE = 48;

interface Spot extends Position {
  cell: Cell | undefined;
  /** Adjacent to the anchor (over spacers only), not reached over a blank. */
  near: boolean;
  /** Inline: the text after the label. */
  text?: string;
  /** A blank spacer line, standing in for the value's cell when nothing else does. */
  spacer?: boolean;
}

interface Look {
  near: Spot | null;
  far: Spot | null;
  /** The label or legend the walk ended at. */
  stop: Cell | null;
  /** Only spacers stood between the anchor and the end: the last of them. */
  spacer: Spot | null;
}

/** One field's looks around its anchor, each worked out when first needed. */
class FieldLooks {
  readonly count: number;
  placed: Placed | null = null;
  private readonly looks: (Look | undefined)[];
  /** Made on first use: text fields never ask. */
  private fits: Map<number, Fit> | undefined;

  constructor(
    private readonly search: ValueSearch,
    readonly anchor: FieldAnchor,
  ) {
    this.count = anchor.placement.length;
    this.looks = new Array(this.count);
  }

  look(i: number): Look {
    return (this.looks[i] ??= this.search.lookFrom(this.anchor, this.anchor.placement[i]));
  }

  /**
   * The first spot `pick` takes from the looks, in order of preference; a spacer stands in for the value's cell only
   * when no look offers anything else (a label beside its legend with a spacer between, the value under the label).
   */
  first(pick: (look: Look) => Spot | null): Spot | null {
    let spacer: Spot | null = null;
    for (let i = 0; i < this.count; i++) {
      const spot = pick(this.look(i));
      if (spot && !spot.spacer) return spot;
      spacer ??= spot;
    }
    return spacer;
  }

  fit(spot: Spot): Fit {
    this.fits ??= new Map();
    let fit = this.fits.get(key(spot));
    if (fit === undefined) this.fits.set(key(spot), (fit = this.search.fitOf(this.anchor, spot)));
    return fit;
  }

  /** No cell fits: the cells looked at, or nothing at all around a text field's label (read as blank there). */
  nothingFits(): Placed {
    const seen: Spot[] = [];
    for (let i = 0; i < this.count; i++) {
      for (const spot of [this.look(i).near, this.look(i).far]) {
        if (spot?.cell && spot.cell !== this.anchor.cell && !seen.some((s) => key(s) === key(spot))) seen.push(spot);
      }
    }
    if (seen.length === 0 && !this.anchor.scale) return { kind: "blank", at: { row: this.anchor.cell.row, col: this.anchor.cell.col } };
    return { kind: "ambiguous", reason: "none", candidates: seen.map(position) };
  }
}

/**
 * Rows and columns of a section with nothing in them, no value and no merged area: spacers people leave in a
 * layout, stepped over when looking for a value. The columns taken are kept as spans by column (a merged area may
 * reach column XFD, and a row may hold thousands), searched by halves.
 */
class Spacers {
  readonly bottom: number;
  private rows: Set<number> | null = null;
  /** The columns taken, as disjoint spans in order: left, right, left, right… Worked out when first asked. */
  private spans: number[] | null = null;

  constructor(
    private readonly view: SheetView,
    private readonly section: Rows,
  ) {
    this.bottom = section.bottom;
  }

  private usedRows(): Set<number> {
    if (this.rows) return this.rows;
    const { top, bottom } = this.section;
    const rows = (this.rows = new Set<number>());
    // A merged cell's area is among the merged areas crossing the rows: the cell itself is enough here.
    for (const cell of this.view.cellsIn(top, bottom)) rows.add(cell.row);
    for (const area of this.view.mergesIn(top, bottom)) for (let r = Math.max(area.top, top); r <= Math.min(area.bottom, bottom); r++) rows.add(r);
    return rows;
  }

  private usedColumns(): number[] {
    if (this.spans) return this.spans;
    const { top, bottom } = this.section;
    // Each taken span as one number, left then right (Excel has 16,384 columns), sorted as numbers.
    const taken: number[] = [];
    for (const cell of this.view.cellsIn(top, bottom)) taken.push(cell.col * 16384 + cell.col);
    for (const area of this.view.mergesIn(top, bottom)) taken.push(area.left * 16384 + area.right);
    const sorted = Float64Array.from(taken).sort();
    const spans: number[] = (this.spans = []);
    for (const span of sorted) {
      const left = Math.floor(span / 16384);
      const right = span % 16384;
      const last = spans.length - 1;
      if (last > 0 && left <= spans[last] + 1) spans[last] = Math.max(spans[last], right);
      else spans.push(left, right);
    }
    return spans;
  }

  isSpacer(line: number, column: boolean): boolean {
    if (!column) return !this.usedRows().has(line);
    const k = this.lastSpanFrom(line);
    return k < 0 || this.usedColumns()[k + 1] < line;
  }

  /** The last spacer column of the run `col` (a spacer) is in, going `step`, not past `bound`. */
  lastSpacerColumn(col: number, step: 1 | -1, bound: number): number {
    const k = this.lastSpanFrom(col);
    const spans = this.usedColumns();
    // The span before `col` ends before it; the one after starts after it.
    const used = step > 0 ? (k + 2 < spans.length ? spans[k + 2] : Infinity) : k >= 0 ? spans[k + 1] : -Infinity;
    return (step > 0 ? Math.min(used, bound + 1) : Math.max(used, bound - 1)) - step;
  }

  /** The index of the last span starting at or before `col` (its left edge in `spans`); -2: none does. */
  private lastSpanFrom(col: number): number {
    const spans = this.usedColumns();
    let lo = 0;
    let hi = spans.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[2 * mid] <= col) lo = mid + 1;
      else hi = mid - 1;
    }
    return 2 * hi;
  }
}

function spotPlaced(spot: Spot): Placed {
  if (spot.text !== undefined) return { kind: "inline", text: spot.text };
  return spot.cell ? { kind: "cell", cell: spot.cell } : { kind: "blank", at: position(spot) };
}

function position({ row, col }: Position): Position {
  return { row, col };
}

/** Excel has at most 16,384 columns: a number per cell. */
export function key({ row, col }: Position): number {
  return row * 16384 + col;
}
