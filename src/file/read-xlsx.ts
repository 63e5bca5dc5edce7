import { constants, promises as fs } from "fs";
import * as path from "path";
import type { WorkbookGrid } from "../template/grid";
import { InputError } from "./input-error";
import { gridFromXlsx } from "./xlsx-grid";
import { LIMITS, megabytes, XlsxError } from "./xlsx-error";
import { openXlsx, XlsxWorkbook } from "./xlsx-workbook";

/** Reads an .xlsx file into the reader's grids, or throws an InputError that says in Japanese what is wrong. */
export async function readXlsxGrid(file: string): Promise<WorkbookGrid> {
  return (await loadXlsx(file)).grid;
}

/** The package (to graft sheets into) and its grids. */
export async function loadXlsx(file: string): Promise<{ workbook: XlsxWorkbook; grid: WorkbookGrid }> {
  const bytes = await readRegularFile(file, LIMITS.fileBytes, ".xlsx ファイル");
  try {
    const workbook = openXlsx(bytes);
    if (workbook.worksheets.length === 0) throw new XlsxError("シートが 1 枚もないブックです");
    return { workbook, grid: await gridFromXlsx(workbook, path.basename(file)) };
  } catch (error) {
    if (error instanceof XlsxError) throw new InputError(`${error.message}: ${file}`, file);
    throw error;
  }
}

/**
 * A regular file's bytes. A FIFO, a device (/dev/zero) or a folder is refused before anything is read: it is
 * opened without blocking and checked on the open descriptor, so nothing can be swapped in between.
 */
export async function readRegularFile(file: string, maxBytes: number, what = "ファイル"): Promise<Buffer> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError(`フォルダーです。${what}を指定してください: ${file}`, file);
    if (!stat.isFile()) throw new InputError(`通常のファイルではありません（パイプやデバイスは読み込めません）: ${file}`, file);
    if (stat.size > maxBytes) throw new InputError(`ファイルが大きすぎます（${megabytes(maxBytes)} まで）: ${file}`, file);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw new InputError(`ファイルが大きすぎます（${megabytes(maxBytes)} まで）: ${file}`, file);
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputError(`${what}が見つかりません: ${file}`, file);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`${what}を読む権限がありません: ${file}`, file);
    if (code === "EISDIR") throw new InputError(`フォルダーです。${what}を指定してください: ${file}`, file);
    throw new InputError(`${what}を読み込めません（${briefly(error)}）: ${file}`, file);
  } finally {
    await handle?.close();
  }
}

function briefly(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].slice(0, 120);
}
