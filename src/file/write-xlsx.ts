import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { InputError } from "./input-error";

const REASONS: Record<string, string> = {
  ENOENT: "出力先のフォルダーがありません",
  ENOTDIR: "出力先のフォルダーがありません",
  EISDIR: "出力先がフォルダーです。ファイル名を指定してください",
  EACCES: "書き込む権限がありません",
  EPERM: "書き込む権限がありません",
  EROFS: "読み取り専用の場所です",
  ENOSPC: "ディスクの空きが足りません",
  EBUSY: "ファイルが他のアプリで開かれています",
};

/**
 * Writes next to the target first, then renames: a failure never leaves a half-written OUT. A file marked
 * read-only is refused: the rename would replace it (it needs only the folder to be writable).
 */
export async function writeXlsx(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  const existing = await fs.stat(out).catch(() => null);
  if (existing?.isFile() && (existing.mode & 0o222) === 0) {
    throw new InputError(`出力ファイルを書き込めません（読み取り専用のファイルです）: ${out}`, out);
  }
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, out);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = REASONS[code] ?? `${code || (error as Error).message}`;
    throw new InputError(`出力ファイルを書き込めません（${reason}）: ${out}`, out);
  }
}
