import { a1, CellRange, CellValue, cellText, clipMergeRows, forEachPresent, isErrorValue, SheetGrid } from "./grid";
import { normalize, normalizeStart } from "./text";

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
  known: { structural?: boolean; levels?: (1 | 2 | "i" | "ii")[][] } | undefined;
}

/** The whole text normalised: a short cell's head is that already. */
export function normalizedText(cell: Cell): string {
  return cell.text.length <= HEAD_LENGTH ? cell.head : normalize(cell.text);
}

const HEAD_LENGTH = 48;
const NON_BLANK = /\S/;

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

/** Index over one sheet's grid: non-empty cells by row and in reading order, and the merged areas. */
export class SheetView {
  readonly name: string;
  /** Row → its cells, left to right. */
  readonly rows = new Map<number, Cell[]>();
  readonly rowNumbers: number[];
  /** Every cell in reading order: a row range is a slice. */
  private readonly cells: Cell[] = [];
  private readonly mergeAt = new Map<number, CellRange>();
  /** Row → the merged areas crossing it (a row list, not a cell map: a form's merges cover many cells). */
  private readonly mergesByRow = new Map<number, CellRange[]>();
  readonly top: number;
  readonly bottom: number;
  /** The used range's first and last columns. */
  readonly left: number;
  readonly right: number;

  constructor(private readonly grid: SheetGrid) {
    this.name = grid.name;
    // The sheet reaches as far down as its merged areas do (Excel's used range counts them), within bounds.
    const lastValueRow = grid.top + grid.values.length - 1;
    const merges = grid.merges.filter((m) => m.top <= lastValueRow).map((m) => clipMergeRows(m, lastValueRow));
    for (const m of merges) {
      this.mergeAt.set(key(m.top, m.left), m);
      for (let r = m.top; r <= m.bottom; r++) {
        let list = this.mergesByRow.get(r);
        if (!list) this.mergesByRow.set(r, (list = []));
        list.push(m);
      }
    }
    forEachPresent(grid.values, (line, i) => {
      const row = grid.top + i;
      let list: Cell[] | undefined;
      forEachPresent(line, (value, j) => {
        const col = grid.left + j;
        if (value === null || value === "" || this.coveringMerge(row, col)) return;
        const text = cellText(value);
        if (!isErrorValue(value) && !NON_BLANK.test(text)) return;
        const cell = new IndexedCell(row, col, this.mergeAt.get(key(row, col)), value, normalizeStart(text, HEAD_LENGTH));
        if (!list) this.rows.set(row, (list = []));
        list.push(cell);
        this.cells.push(cell);
      });
    });
    this.rowNumbers = [...this.rows.keys()].sort((a, b) => a - b);
    this.top = grid.top;
    this.bottom = merges.reduce((most, m) => Math.max(most, m.bottom), lastValueRow);
    this.left = grid.left;
    const width = grid.values.reduce((most, line) => Math.max(most, line.length), 0);
    this.right = merges.reduce((most, m) => Math.max(most, m.right), grid.left + width - 1);
  }

  /** The merged area that (row, col) heads, or the cell alone. */
  extent(row: number, col: number): CellRange {
    return this.mergeAt.get(key(row, col)) ?? { top: row, left: col, bottom: row, right: col };
  }

  /** The cell heading the merged area that covers (row, col), or (row, col) itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.coveringMerge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The merged area that hides (row, col) under its top-left cell, if any. */
  coveringMerge(row: number, col: number): CellRange | undefined {
    const merges = this.mergesByRow.get(row);
    if (merges) for (const m of merges) if (col >= m.left && col <= m.right && (row !== m.top || col !== m.left)) return m;
    return undefined;
  }

  cellAt(row: number, col: number): Cell | undefined {
    const cells = this.rows.get(row);
    if (cells) for (const cell of cells) if (cell.col === col) return cell;
    return undefined;
  }

  /** Non-empty cells in reading order, rows `top`..`bottom`. */
  cellsIn(top: number, bottom: number): Cell[] {
    return this.cells.slice(this.firstCellAtOrAfter(top), this.firstCellAtOrAfter(bottom + 1));
  }

  private firstCellAtOrAfter(row: number): number {
    let lo = 0;
    let hi = this.cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cells[mid].row < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The merged areas crossing rows `top`..`bottom`. */
  mergesIn(top: number, bottom: number): Set<CellRange> {
    const found = new Set<CellRange>();
    for (let row = top; row <= bottom; row++) for (const m of this.mergesByRow.get(row) ?? []) found.add(m);
    return found;
  }

  address(row: number, col: number): string {
    return a1(row, col);
  }
}

/** Excel has at most 16,384 columns: a number per cell, cheaper than a string key. */
function key(row: number, col: number): number {
  return row * 16384 + col;
}
