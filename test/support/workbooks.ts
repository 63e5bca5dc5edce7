import * as path from "path";
import { buildFormBook, buildFormWorkbook, FormItem, FormSpec, LayoutOptions, WrittenField } from "../../tools/form/builder";
import { gridFromXlsx } from "../../src/file/xlsx-grid";
import { openXlsx } from "../../src/file/xlsx-workbook";
import { loadXlsx } from "../../src/file/read-xlsx";
import type { WorkbookGrid } from "../../src/template/grid";

export const SAMPLE = path.resolve(__dirname, "../../assets/sample/tennoji-r1-shisei-kaikaku-2.0.xlsx");

/** Builds a form workbook, writes it as real .xlsx bytes, reads them back: the same path as a user's file. */
export async function gridOf(items: FormItem[], options?: LayoutOptions): Promise<WorkbookGrid> {
  const bytes = await buildFormWorkbook(items, options).xlsx.writeBuffer();
  return await gridFromXlsx(openXlsx(new Uint8Array(bytes as ArrayBuffer)), "test.xlsx");
}

/** Several forms in one book, through real .xlsx bytes, with where the builder wrote each field. */
export async function bookOf(forms: FormSpec[], options?: LayoutOptions): Promise<{ grid: WorkbookGrid; written: WrittenField[] }> {
  const { workbook, written } = buildFormBook(forms, options);
  const bytes = await workbook.xlsx.writeBuffer();
  return { grid: await gridFromXlsx(openXlsx(new Uint8Array(bytes as ArrayBuffer)), "test.xlsx"), written };
}

export async function sampleGrid(): Promise<WorkbookGrid> {
  return (await loadXlsx(SAMPLE)).grid;
}

/** A short valid item for tests. */
export function formItem(no: number, extra: Partial<FormItem> = {}): FormItem {
  return {
    no,
    title: `取組${no}`,
    policy: `(趣旨・目的) 目的${no} (目標) ${no}件`,
    thisYear: `(取組の内容) 内容${no} (目標) 年${no}回`,
    midyear: { implementation: "(i)", achievement: "①" },
    ...extra,
  };
}
