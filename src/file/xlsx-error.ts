/**
 * A package that cannot be read: broken, hostile or beyond a documented limit. The message is one Japanese line
 * without the file name (the caller adds it: the same reader runs on files and on bytes in the browser).
 */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}

const MB = 1024 * 1024;

/**
 * What a workbook may cost to read. Real workbooks stay far below: the sheet XML of a 1,000,000-cell workbook is
 * 42 MB and compresses 7:1; a bomb compresses 1,000:1. Only the parts the reader needs count.
 */
export const LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 256 * MB,
  /** Entries in the zip directory (what a zip without zip64 can list). */
  entries: 65_535,
  /** One part, inflated. */
  partBytes: 256 * MB,
  /**
   * A part read whole as text rather than streamed: the workbook, relationships, styles, and the shared strings
   * when summarize appends to them.
   */
  wholePartBytes: 32 * MB,
  /** All the parts read, inflated. */
  totalBytes: 1024 * MB,
  /** Inflated bytes per compressed byte, beyond the first `ratioAllowance` bytes, per part and in all. */
  ratio: 100,
  ratioAllowance: 1 * MB,
  /** Rows covered by merged areas, summed over the areas (after clipping them to the cells that hold values). */
  mergedRows: 1_000_000,
} as const;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}
