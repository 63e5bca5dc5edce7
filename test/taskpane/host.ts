import ExcelJS from "exceljs";
import { buildFormWorkbook, FormItem, LayoutOptions } from "../../tools/form/builder";
import { gridFromWorkbook } from "../../src/file/xlsx-grid";
import { interimHost } from "./interim-host";

export type HostOptions = { editMode?: boolean; displayLanguage?: string };

/** An in-memory Excel host holding a form workbook built from `items`, as real .xlsx bytes read back. */
export async function hostOf(items: FormItem[], options: HostOptions = {}, layout?: LayoutOptions) {
  const bytes = await buildFormWorkbook(items, layout).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return interimHost(gridFromWorkbook(wb, "test.xlsx"), { ...options, delay: 5 });
}
