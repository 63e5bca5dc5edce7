import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { WorkbookGrid } from "../template/grid";
import { InputError } from "./input-error";
import { gridFromWorkbook } from "./xlsx-grid";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream name an encrypted OOXML file keeps inside its OLE container, in UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/** Reads an .xlsx file into the reader's grids, or throws an InputError that says in Japanese what is wrong. */
export async function readXlsxGrid(file: string): Promise<WorkbookGrid> {
  return (await loadXlsx(file)).grid;
}

/** The ExcelJS workbook (to add sheets to) and its grids. */
export async function loadXlsx(file: string): Promise<{ workbook: ExcelJS.Workbook; grid: WorkbookGrid }> {
  const bytes = await readBytes(file);
  assertXlsx(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new InputError(`.xlsx ファイルが壊れているため読み込めません（${briefly(error)}）: ${file}`, file);
  }
  if (workbook.worksheets.length === 0) throw new InputError(`シートが 1 枚もないブックです: ${file}`, file);
  return { workbook, grid: gridFromWorkbook(workbook, path.basename(file)) };
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new InputError(`フォルダーです。.xlsx ファイルを指定してください: ${file}`, file);
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`ファイルが見つかりません: ${file}`, file);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`ファイルを読む権限がありません: ${file}`, file);
    throw new InputError(`ファイルを読み込めません（${briefly(error)}）: ${file}`, file);
  }
}

function assertXlsx(bytes: Buffer, file: string): void {
  if (bytes.length === 0) throw new InputError(`空のファイルです（0 バイト）: ${file}`, file);
  if (bytes.subarray(0, OLE.length).equals(OLE)) {
    throw new InputError(
      bytes.includes(ENCRYPTED_PACKAGE)
        ? `パスワードで保護（暗号化）されたブックは読み込めません。Excel でパスワードを解除して保存し直してください: ${file}`
        : `古い Excel 形式（.xls）は読み込めません。Excel で「Excel ブック (*.xlsx)」として保存し直してください: ${file}`,
      file,
    );
  }
  if (!bytes.subarray(0, ZIP.length).equals(ZIP)) {
    throw new InputError(`.xlsx ファイルではありません（Excel ブックとして読めない内容です）: ${file}`, file);
  }
}

function briefly(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].slice(0, 120);
}
