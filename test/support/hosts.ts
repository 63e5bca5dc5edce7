import { promises as fs } from "fs";
import { loadSimWorkbook } from "../../src/excel-sim/from-xlsx";
import { checkWorkbook } from "../../src/check";
import { readOpenWorkbook } from "../../src/excel/read-workbook";
import { createExcelHost, HostOptions } from "../../src/excel-sim/host";
import { cellKey } from "../../src/excel-sim/workbook";
import { computeSummary } from "../../src/summary/compute";
import { layoutSummary } from "../../src/summary/layout";
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

/**
 * The formulas in hyoka's sheets of the host are exactly those of the layout description for the same workbook:
 * no text taken from a cell was entered as a formula, and no formula was lost.
 */
export async function expectOnlyLayoutFormulas(host: ReturnType<typeof createExcelHost>, now: Date): Promise<void> {
  const grid = await readOpenWorkbook(host);
  const sheets = layoutSummary(computeSummary(grid.name, checkWorkbook(grid), now, { grid }));
  for (const sheet of sheets) {
    const sim = host.workbook.sheets.find((s) => s.name === sheet.name)!;
    const got = [...sim.cells].filter(([, c]) => c.formula !== undefined).map(([key, c]): [number, string] => [key, c.formula!]);
    const wanted = sheet.cells.filter((c) => c.formula).map((c): [number, string] => [cellKey(c.row, c.col), c.formula!]);
    expect(new Map(got)).toEqual(new Map(wanted));
  }
}

/** The in-memory Excel host holding a book of several forms (the wards' forms gathered in one workbook). */
export async function formsHost(forms: FormSpec[], layout?: LayoutOptions, options?: HostOptions) {
  const bytes = await buildFormsWorkbook(forms, layout).xlsx.writeBuffer();
  return createExcelHost(await loadSimWorkbook(bytes as ArrayBuffer, "test.xlsx"), options);
}
