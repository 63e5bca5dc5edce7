import type { WorkbookGrid } from "../template/grid";
import { gridFromXlsx } from "./xlsx-grid";
import { XlsxError } from "./xlsx-error";
import { openXlsx, XlsxWorkbook } from "./xlsx-workbook";

/**
 * .xlsx bytes as the package (to graft sheets into) and the reader's grids: what the CLI reads from a file and the
 * browser from a chosen file, the same way. A workbook that cannot be read throws an XlsxError saying why.
 */
export async function readWorkbookBytes(bytes: Uint8Array, name: string): Promise<{ workbook: XlsxWorkbook; grid: WorkbookGrid }> {
  const workbook = openXlsx(bytes);
  if (workbook.worksheets.length === 0) throw new XlsxError("シートが 1 枚もないブックです");
  return { workbook, grid: await gridFromXlsx(workbook, name) };
}
