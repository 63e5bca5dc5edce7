/**
 * How a read is cut to Excel's limits, as plain arithmetic on ranges (no Office.js): where a sheet's data is, the
 * blocks its values are read in, and the tiles its merged areas are asked for.
 */
import { a1, CellRange, parseRange } from "../template/grid";
import { LIMITS } from "./office-api";

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function rangeA1(r: CellRange): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** A used range this large is first narrowed: its quadrants' used ranges shrink to where the data is. */
export const NARROW_ABOVE = 500_000;
/** At most this many cells of a workbook are read: more than any form, and what a task pane can hold. */
export const READ_BUDGET = LIMITS.readCells;

/** The four quadrants of a range (fewer when it is one row or column thick). */
export function quadrants(r: CellRange): CellRange[] {
  const midRow = r.top + Math.floor((r.bottom - r.top) / 2);
  const midCol = r.left + Math.floor((r.right - r.left) / 2);
  const rows = r.top === r.bottom ? [[r.top, r.bottom]] : [[r.top, midRow], [midRow + 1, r.bottom]];
  const cols = r.left === r.right ? [[r.left, r.right]] : [[r.left, midCol], [midCol + 1, r.right]];
  return rows.flatMap(([top, bottom]) => cols.map(([left, right]) => ({ top, bottom, left, right })));
}

export function union(a: CellRange, b: CellRange): CellRange {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

/**
 * The one rectangle of a sheet to read, from the pieces its data was found in: the largest piece, grown by every
 * other piece that keeps it within `budget` cells. The pieces left out are far from the rest (a stray value at
 * XFD1048576): they are named to the user, never read.
 */
export function chooseRegion(pieces: CellRange[], budget: number): { region: CellRange | null; left: CellRange[] } {
  const sorted = [...pieces].sort((a, b) => cellCount(b) - cellCount(a));
  let region: CellRange | null = null;
  const left: CellRange[] = [];
  for (const piece of sorted) {
    const grown: CellRange = region ? union(region, piece) : piece;
    if (cellCount(grown) <= budget) region = grown;
    else left.push(piece);
  }
  return { region, left };
}

/** Row blocks of at most `cells` cells each (one row at least). */
export function rowBlocks(r: CellRange, cells: number): CellRange[] {
  const width = r.right - r.left + 1;
  const rows = Math.max(1, Math.floor(cells / width));
  const blocks: CellRange[] = [];
  for (let top = r.top; top <= r.bottom; top += rows) blocks.push({ ...r, top, bottom: Math.min(r.bottom, top + rows - 1) });
  return blocks;
}

/**
 * Tiles of at most 512 cells covering `r`, for getMergedAreasOrNullObject. Each cell is the top-left cell of at
 * most one merged area and lies in at most one, so no tile can hold more than 512 areas, whichever of the two
 * Excel counts (areas starting in the range, office-js issue #3611, or every area crossing it).
 */
export function mergeTiles(r: CellRange): CellRange[] {
  const width = r.right - r.left + 1;
  const tileCols = Math.min(width, LIMITS.mergedAreas);
  const tileRows = Math.max(1, Math.floor(LIMITS.mergedAreas / tileCols));
  const tiles: CellRange[] = [];
  for (let top = r.top; top <= r.bottom; top += tileRows) {
    for (let left = r.left; left <= r.right; left += tileCols) {
      tiles.push({ top, bottom: Math.min(r.bottom, top + tileRows - 1), left, right: Math.min(r.right, left + tileCols - 1) });
    }
  }
  return tiles;
}

/** "Sheet1!A1:B2, 'My, Sheet'!C3:D4" → ranges. A comma inside a quoted sheet name does not split. */
export function parseAreas(address: string): CellRange[] {
  const areas: CellRange[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (current.trim()) areas.push(parseRange(current.trim()));
      current = "";
    } else current += ch;
  }
  if (current.trim()) areas.push(parseRange(current.trim()));
  return areas;
}
