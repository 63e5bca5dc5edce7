import ExcelJS from "exceljs";

/**
 * 100,000 rows × 10 cells, text and numbers in turn, written by ExcelJS's streaming writer (inline strings): the
 * 1,000,000-cell workbook of the memory test and of the benchmark. It holds no 取組項目.
 */
export async function writeMillionCells(file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = writer.addWorksheet("データ");
  for (let r = 0; r < 100_000; r++) ws.addRow(Array.from({ length: 10 }, (_, c) => (c % 2 ? r * c : `値${r}-${c}`))).commit();
  ws.commit();
  await writer.commit();
}
