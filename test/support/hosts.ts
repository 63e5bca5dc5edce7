import { promises as fs } from "fs";
import { loadSimWorkbook } from "../../src/excel-sim/from-xlsx";
import { createExcelHost, HostOptions } from "../../src/excel-sim/host";
import { buildFormsWorkbook, buildFormWorkbook, FormItem, FormSpec, LayoutOptions } from "../../tools/form/builder";
import { SAMPLE } from "./workbooks";

/** The in-memory Excel host holding the sample workbook. */
export async function sampleHost(options?: HostOptions) {
  return createExcelHost(await loadSimWorkbook(await fs.readFile(SAMPLE), "tennoji.xlsx"), options);
}

/** The in-memory Excel host holding a built form workbook (round-tripped through .xlsx bytes). */
export async function formHost(items: FormItem[], layout?: LayoutOptions, options?: HostOptions) {
  const bytes = await buildFormWorkbook(items, layout).xlsx.writeBuffer();
  return createExcelHost(await loadSimWorkbook(bytes as ArrayBuffer, "test.xlsx"), options);
}

/** The in-memory Excel host holding a book of several forms (the wards' forms gathered in one workbook). */
export async function formsHost(forms: FormSpec[], layout?: LayoutOptions, options?: HostOptions) {
  const bytes = await buildFormsWorkbook(forms, layout).xlsx.writeBuffer();
  return createExcelHost(await loadSimWorkbook(bytes as ArrayBuffer, "test.xlsx"), options);
}
