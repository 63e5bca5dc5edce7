import { cellCount, chooseRegion, mergeTiles, parseAreas, quadrants, rowBlocks } from "../../src/excel/read-plan";
import type { CellRange } from "../../src/template/grid";

const r = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** Every cell of `range` lies in exactly one of `parts`. */
function partitions(parts: CellRange[], range: CellRange): boolean {
  const seen = new Set<string>();
  for (const p of parts) {
    for (let row = p.top; row <= p.bottom; row++) {
      for (let col = p.left; col <= p.right; col++) {
        if (row < range.top || row > range.bottom || col < range.left || col > range.right || seen.has(`${row},${col}`)) return false;
        seen.add(`${row},${col}`);
      }
    }
  }
  return seen.size === cellCount(range);
}

describe("merge tiles: 'if the merged areas count in this range is more than 512, then this method will fail'", () => {
  test.each([r(0, 0, 194, 4), r(0, 0, 4082, 14), r(5, 3, 5, 3), r(0, 0, 2, 1999), r(0, 0, 0, 16_383)])("%j: tiles of at most 512 cells covering it once", (range) => {
    const tiles = mergeTiles(range);
    expect(Math.max(...tiles.map(cellCount))).toBeLessThanOrEqual(512);
    expect(partitions(tiles, range)).toBe(true);
  });
});

test("row blocks: at most the given cells, a row at least, covering the range once", () => {
  const range = r(10, 2, 4092, 16);
  const blocks = rowBlocks(range, 50_000);
  expect(Math.max(...blocks.map(cellCount))).toBeLessThanOrEqual(50_000);
  expect(partitions(blocks, range)).toBe(true);
  expect(rowBlocks(r(0, 0, 3, 16_383), 1000)).toHaveLength(4);
});

test("quadrants of the whole sheet, of a row, of a cell", () => {
  expect(quadrants(r(0, 0, 1_048_575, 16_383))).toEqual([r(0, 0, 524_287, 8191), r(0, 8192, 524_287, 16_383), r(524_288, 0, 1_048_575, 8191), r(524_288, 8192, 1_048_575, 16_383)]);
  expect(quadrants(r(0, 0, 0, 9))).toEqual([r(0, 0, 0, 4), r(0, 5, 0, 9)]);
  expect(quadrants(r(3, 3, 3, 3))).toEqual([r(3, 3, 3, 3)]);
});

test("the region to read: the largest piece, grown by pieces that keep it within the budget", () => {
  const form = r(0, 0, 194, 4);
  const near = r(300, 6, 300, 6);
  const stray = r(1_048_575, 16_383, 1_048_575, 16_383);
  expect(chooseRegion([stray, form, near], 5_000_000)).toEqual({ region: r(0, 0, 300, 6), left: [stray] });
  expect(chooseRegion([form], 100)).toEqual({ region: null, left: [form] });
});

test("areas: a comma inside a quoted sheet name does not split", () => {
  expect(parseAreas("'My, Sheet'!A1:B2, 'My, Sheet'!C3")).toEqual([r(0, 0, 1, 1), r(2, 2, 2, 2)]);
});
