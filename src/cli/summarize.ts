import * as path from "path";
import { graftSheets } from "../file/graft";
import { InputError } from "../file/input-error";
import { newWorkbookBytes } from "../file/new-workbook";
import { prepareOutput } from "../file/write-xlsx";
import { XlsxError } from "../file/xlsx-error";
import { openXlsx, XlsxWorkbook } from "../file/xlsx-workbook";
import type { Phase } from "../model";
import { computeSummary } from "../summary/compute";
import { FileSummary, layoutAggregate, layoutSummary } from "../summary/layout";
import type { SheetWrites } from "../summary/sheet-writes";
import { checkFile, loadProfile } from "./inputs";
import { distinctNames, eachWithProgress, EXIT, Io, warn } from "./io";

export interface SummarizeOptions {
  out: string;
  phase?: Phase;
  profile?: string;
}

/**
 * `hyoka summarize`: one input → a copy of it with 集計 and 検証結果 grafted in; several → an aggregate workbook
 * (全体集計, ファイル別集計). Inputs are only read, never written. OUT is checked, and its temp file reserved,
 * before any input is read.
 */
export async function summarizeCommand(files: string[], opts: SummarizeOptions, io: Io, now = new Date()): Promise<number> {
  const profile = await loadProfile(opts.profile);
  const output = await prepareOutput(opts.out, files);
  try {
    const outcomes = await eachWithProgress(io, "集計中", files, (file) => checkFile(file, opts.phase, profile));
    for (const { error } of outcomes) if (error) warn(io, error);

    if (files.length === 1) {
      const [{ report, workbook, error, file }] = outcomes;
      if (!report || !workbook || error) {
        await output.discard();
        return EXIT.unusable;
      }
      const names = await write(output, workbook, layoutSummary(computeSummary(path.basename(file), report, now)), now, file);
      io.stdout(`${opts.out} に ${names.join("・")} シートを書き出しました（取組項目 ${report.items.length} 件）。\n`);
      return EXIT.ok;
    }

    const labels = distinctNames(files);
    const summaries: FileSummary[] = outcomes.map(({ report, error }, i) => ({
      file: labels[i],
      summary: report && !error ? computeSummary(labels[i], report, now) : undefined,
      error,
    }));
    const names = await write(output, openXlsx(newWorkbookBytes(now)), layoutAggregate(summaries, now), now);
    const failed = summaries.filter((s) => !s.summary).length;
    io.stdout(`${opts.out} に ${names.join("・")} シートを書き出しました（${files.length} ファイル中 ${files.length - failed} ファイルを集計）。\n`);
    return failed > 0 ? EXIT.findings : EXIT.ok;
  } catch (error) {
    await output.discard();
    throw error;
  }
}

async function write(output: Awaited<ReturnType<typeof prepareOutput>>, workbook: XlsxWorkbook, sheets: SheetWrites[], now: Date, input = ""): Promise<string[]> {
  let grafted;
  try {
    grafted = await graftSheets(workbook, sheets, now);
  } catch (error) {
    if (error instanceof XlsxError) throw new InputError(`${error.message}: ${input}`, input);
    throw error;
  }
  await output.commit(grafted.bytes);
  return grafted.names;
}
