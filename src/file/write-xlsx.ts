import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { InputError } from "./input-error";

/** Writes next to the target first, then renames: a failure never leaves a half-written OUT. */
export async function writeXlsx(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, out);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`出力ファイルを書き込めません（${code ?? (error as Error).message}）: ${out}`, out);
  }
}
