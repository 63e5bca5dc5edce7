import { a1, CellRange, CellValue, cellText, clipMergeRows, forEachPresent, isErrorValue, SheetGrid } from "./grid";
import type { SectionName } from "./profile";
import { hasNonBlank, normalize, normalizeStart } from "./text";

/** A non-empty cell that is not hidden under a merge. */
export interface Cell {
  row: number;
  col: number;
  /** The merged area it heads, or the cell alone. */
  extent: CellRange;
  value: CellValue;
  text: string;
  /** The start of the text, normalised, for label matching. Long cells are never labels. */
  head: string;
  /** What Labels worked out about the cell, made on first use (one field: a sheet of a million cells has a million). */
  known: { structural?: boolean; section?: SectionName | null; levels?: (1 | 2 | "i" | "ii")[][]; answer?: boolean } | undefined;
}

/** The whole text normalised: a short cell's head is that already. */
export function normalizedText(cell: Cell): string {
  return cell.text.length <= HEAD_LENGTH ? cell.head : normalize(cell.text);
}

const HEAD_LENGTH = 48;

/** As few fields as a cell needs: a sheet of a million cells makes a million of these. */
class IndexedCell implements Cell {
  known: Cell["known"] = undefined;

  constructor(
    readonly row: number,
    readonly col: number,
    private readonly merge: CellRange | undefined,
    readonly value: CellValue,
    readonly head: string,
  ) {}

  /** A text cell's own string; a number's or an error's text, made when asked. */
  get text(): string {
    return typeof this.value === "string" ? this.value : cellText(this.value);
  }

  /** Made when asked: a sheet of a million cells would otherwise keep a million one-cell ranges. */
  get extent(): CellRange {
    return this.merge ?? { top: this.row, left: this.col, bottom: this.row, right: this.col };
  }
}

/**
 * Index over one sheet's grid: non-empty cells in reading order, and the merged areas. Rows are found through offset
 * tables (typed arrays, one entry per row), not maps of lists: a form has thousands of rows and merged areas.
 */
export class SheetView {
  readonly name: string;
  /** Every cell in reading order: a row range is a slice. */
  private readonly cells: Cell[] = [];
  /** cells[cellStart[r - top]] is the first cell at or after row r, for r from top to the last row of values + 1. */
  private readonly cellStart: Int32Array;
  /**
   * The merged areas crossing each row, from mergeTop on: mergeList[mergeStart[r - mergeTop] … mergeStart[r - mergeTop + 1]),
   * each row's by left column. No two overlap, so a row's areas are searched by halves.
   */
  private readonly merges: CellRange[];
  private readonly mergeTop: number;
  private readonly mergeStart: Int32Array;
  private readonly mergeList: Int32Array;
  readonly top: number;
  readonly bottom: number;
  /** The used range's first and last columns. */
  readonly left: number;
  readonly right: number;

  constructor(grid: SheetGrid) {
    this.name = grid.name;
    this.top = grid.top;
    this.left = grid.left;
    // The sheet reaches as far down as its merged areas do (Excel's used range counts them), within bounds.
    const lastValueRow = grid.top + grid.values.length - 1;
    let merges: CellRange[] = [];
    for (const m of grid.merges) if (m.top <= lastValueRow) merges.push(clipMergeRows(m, lastValueRow));
    let index = indexByRow(merges);
    const overlapping = overlappingAreas(merges, index);
    if (overlapping.size > 0) {
      merges = merges.filter((_, i) => !overlapping.has(i));
      index = indexByRow(merges);
    }
    this.merges = merges;
    this.mergeTop = index.top;
    this.mergeStart = index.start;
    this.mergeList = index.list;
    let bottom = lastValueRow;
    let right = grid.left - 1;
    for (const m of merges) {
      if (m.bottom > bottom) bottom = m.bottom;
      if (m.right > right) right = m.right;
    }

    const cellStart = (this.cellStart = new Int32Array(grid.values.length + 1));
    let nextRow = 0;
    forEachPresent(grid.values, (line, i) => {
      const row = grid.top + i;
      if (line.length > 0 && grid.left + line.length - 1 > right) right = grid.left + line.length - 1;
      forEachPresent(line, (value, j) => {
        const col = grid.left + j;
        if (value === null || value === "" || this.coveringMerge(row, col)) return;
        const text = cellText(value);
        if (!isErrorValue(value) && !hasNonBlank(text)) return;
        for (; nextRow <= i; nextRow++) cellStart[nextRow] = this.cells.length;
        this.cells.push(new IndexedCell(row, col, this.headedMerge(row, col), value, normalizeStart(text, HEAD_LENGTH)));
      });
    });
    cellStart.fill(this.cells.length, nextRow);
    this.bottom = bottom;
    this.right = right;
  }

  /** The merged area that (row, col) heads, or the cell alone. */
  extent(row: number, col: number): CellRange {
    return this.headedMerge(row, col) ?? { top: row, left: col, bottom: row, right: col };
  }

  /** The cell heading the merged area that covers (row, col), or (row, col) itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.coveringMerge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The merged area that hides (row, col) under its top-left cell, if any. */
  coveringMerge(row: number, col: number): CellRange | undefined {
    const m = this.mergeOver(row, col);
    return m && (row !== m.top || col !== m.left) ? m : undefined;
  }

  /** The merged area (row, col) heads. */
  private headedMerge(row: number, col: number): CellRange | undefined {
    const m = this.mergeOver(row, col);
    return m && row === m.top && col === m.left ? m : undefined;
  }

  /** The merged area over (row, col), its top-left cell included. */
  private mergeOver(row: number, col: number): CellRange | undefined {
    const at = this.mergeRow(row);
    const k = at < 0 ? -1 : this.lastMergeFrom(at, col);
    const m = k < 0 ? undefined : this.merges[this.mergeList[k]];
    return m && col <= m.right ? m : undefined;
  }

  /** The index of `row` in mergeStart, -1 outside the rows merged areas cross. */
  private mergeRow(row: number): number {
    const at = row - this.mergeTop;
    return at < 0 || at + 1 >= this.mergeStart.length ? -1 : at;
  }

  /** In the row's list of areas (by left column), the last that starts at or before `col`; -1: none does. */
  private lastMergeFrom(at: number, col: number): number {
    let lo = this.mergeStart[at];
    let hi = this.mergeStart[at + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.merges[this.mergeList[mid]].left <= col) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= this.mergeStart[at] ? hi : -1;
  }

  cellAt(row: number, col: number): Cell | undefined {
    const k = this.lastCellFrom(row, col);
    return k >= 0 && this.cells[k].col === col ? this.cells[k] : undefined;
  }

  /** Among the row's cells (by column), the last at or before `col`; -1: none is. */
  private lastCellFrom(row: number, col: number): number {
    const first = this.firstCellAtOrAfter(row);
    let lo = first;
    let hi = this.firstCellAtOrAfter(row + 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.cells[mid].col <= col) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= first ? hi : -1;
  }

  /** The nearest column past `col` (`step` 1: to the right, -1: to the left) where `row` has a cell or a merged area. */
  nextInRow(row: number, col: number, step: 1 | -1): number | null {
    const cell = this.nextCellInRow(row, col, step);
    const merge = this.nextMergeInRow(row, col, step);
    if (cell === null || merge === null) return cell ?? merge;
    return step > 0 ? Math.min(cell, merge) : Math.max(cell, merge);
  }

  private nextCellInRow(row: number, col: number, step: 1 | -1): number | null {
    if (step < 0) {
      const k = this.lastCellFrom(row, col - 1);
      return k < 0 ? null : this.cells[k].col;
    }
    const k = this.lastCellFrom(row, col);
    const next = k < 0 ? this.firstCellAtOrAfter(row) : k + 1;
    return next < this.firstCellAtOrAfter(row + 1) ? this.cells[next].col : null;
  }

  /** The nearest column past `col` that a merged area of the row covers. */
  private nextMergeInRow(row: number, col: number, step: 1 | -1): number | null {
    const at = this.mergeRow(row);
    if (at < 0) return null;
    // Areas that do not overlap stand in order of both edges: the one over the next column, else the next one.
    const k = this.lastMergeFrom(at, col + step);
    if (k < 0 && step < 0) return null;
    const from = k < 0 ? this.mergeStart[at] : k;
    const to = Math.min(this.mergeStart[at + 1], from + (step > 0 ? 2 : 1));
    let next: number | null = null;
    for (let k = from; k < to; k++) {
      const m = this.merges[this.mergeList[k]];
      if (step > 0 ? m.right <= col : m.left >= col) continue;
      const edge = step > 0 ? Math.max(m.left, col + 1) : Math.min(m.right, col - 1);
      if (next === null || (step > 0 ? edge < next : edge > next)) next = edge;
    }
    return next;
  }

  /** Non-empty cells in reading order, rows `top`..`bottom`. */
  cellsIn(top: number, bottom: number): Cell[] {
    return this.cells.slice(this.firstCellAtOrAfter(top), this.firstCellAtOrAfter(bottom + 1));
  }

  /** Every non-empty cell in reading order. */
  allCells(): readonly Cell[] {
    return this.cells;
  }

  private firstCellAtOrAfter(row: number): number {
    const at = row - this.top;
    if (at <= 0) return 0;
    return at < this.cellStart.length ? this.cellStart[at] : this.cells.length;
  }

  /** The merged areas crossing rows `top`..`bottom`. */
  mergesIn(top: number, bottom: number): Set<CellRange> {
    const found = new Set<CellRange>();
    const from = Math.max(top - this.mergeTop, 0);
    const to = Math.min(bottom - this.mergeTop + 1, this.mergeStart.length - 1);
    if (from < to) for (let k = this.mergeStart[from]; k < this.mergeStart[to]; k++) found.add(this.merges[this.mergeList[k]]);
    return found;
  }

  address(row: number, col: number): string {
    return a1(row, col);
  }
}

interface MergeIndex {
  /** The first row any area crosses. */
  top: number;
  /** Where each row's list starts in `list`, and where the last one ends. */
  start: Int32Array;
  /** Indexes of the areas, row by row, each row's by left column (then as listed). */
  list: Int32Array;
}

/** The areas crossing each row: a counting sort of (row, area) pairs; a row listed out of column order is sorted. */
function indexByRow(merges: readonly CellRange[]): MergeIndex {
  let top = Infinity;
  let bottom = -1;
  for (const m of merges) {
    if (m.top < top) top = m.top;
    if (m.bottom > bottom) bottom = m.bottom;
  }
  if (bottom < 0) return { top: 0, start: new Int32Array(1), list: new Int32Array(0) };
  const start = new Int32Array(bottom - top + 2);
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) start[r - top + 1]++;
  for (let r = 1; r < start.length; r++) start[r] += start[r - 1];
  const list = new Int32Array(start[start.length - 1]);
  const filled = start.slice(0, -1);
  merges.forEach((m, index) => {
    for (let r = m.top; r <= m.bottom; r++) list[filled[r - top]++] = index;
  });
  const leftOf = (k: number) => merges[list[k]].left;
  for (let r = 0; r + 1 < start.length; r++) {
    // Files list areas row by row, left to right: most rows are in order already.
    let k = start[r] + 1;
    while (k < start[r + 1] && leftOf(k) >= leftOf(k - 1)) k++;
    if (k < start[r + 1]) list.subarray(start[r], start[r + 1]).sort((a, b) => merges[a].left - merges[b].left || a - b);
  }
  return { top, start, list };
}

/**
 * The areas that share a cell with another: a broken file (Excel's merge command refuses to make them, and Excel repairs
 * such a file by dropping merged areas). They are left out, each cell under them read as it stands; one sweep a row.
 */
function overlappingAreas(merges: readonly CellRange[], { start, list }: MergeIndex): Set<number> {
  const found = new Set<number>();
  for (let r = 0; r + 1 < start.length; r++) {
    let reach = -1;
    let owner = -1;
    for (let k = start[r]; k < start[r + 1]; k++) {
      const m = merges[list[k]];
      if (owner >= 0 && m.left <= reach) found.add(owner).add(list[k]);
      if (m.right > reach) {
        reach = m.right;
        owner = list[k];
      }
    }
  }
  return found;
}
