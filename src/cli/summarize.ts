import * as path from "path";
import ExcelJS from "exceljs";
import { InputError } from "../file/input-error";
import { addSheets } from "../file/write-sheets";
import { writeXlsx } from "../file/write-xlsx";
import type { Phase } from "../model";
import { computeSummary } from "../summary/compute";
import { FileSummary, layoutAggregate, layoutSummary } from "../summary/layout";
import { checkFile, loadProfile } from "./inputs";
import { eachWithProgress, EXIT, Io } from "./io";

export interface SummarizeOptions {
  out: string;
  phase?: Phase;
  profile?: string;
}

/**
 * `hyoka summarize`: one input → a copy of it with 集計 and 検証結果 added; several → an aggregate workbook
 * (全体集計, ファイル別集計). Inputs are only read, never written.
 */
export async function summarizeCommand(files: string[], opts: SummarizeOptions, io: Io, now = new Date()): Promise<number> {
  const out = path.resolve(opts.out);
  if (files.some((file) => path.resolve(file) === out)) {
    throw new InputError(`出力先に入力ファイルと同じファイルは指定できません（入力は変更しません）: ${opts.out}`, opts.out);
  }
  const profile = await loadProfile(opts.profile);
  const outcomes = await eachWithProgress(io, "集計中", files, (file) => checkFile(file, opts.phase, profile));
  for (const { error } of outcomes) if (error) io.stderr(`hyoka: ${error}\n`);

  if (files.length === 1) {
    const [{ report, workbook, error, file }] = outcomes;
    if (!report || !workbook || error) return EXIT.unusable;
    const names = addSheets(workbook, layoutSummary(computeSummary(path.basename(file), report, now)));
    await writeXlsx(workbook, out);
    io.stdout(`${opts.out} に ${names.join("・")} シートを書き出しました（取組項目 ${report.items.length} 件）。\n`);
    return EXIT.ok;
  }

  const summaries: FileSummary[] = outcomes.map(({ file, report, error }) => ({
    file: path.basename(file),
    summary: report && !error ? computeSummary(path.basename(file), report, now) : undefined,
    error,
  }));
  const aggregate = new ExcelJS.Workbook();
  aggregate.creator = "hyoka";
  const names = addSheets(aggregate, layoutAggregate(summaries, now));
  await writeXlsx(aggregate, out);
  const failed = summaries.filter((s) => !s.summary).length;
  io.stdout(
    `${opts.out} に ${names.join("・")} シートを書き出しました（${files.length} ファイル中 ${files.length - failed} ファイルを集計）。\n`,
  );
  return failed > 0 ? EXIT.findings : EXIT.ok;
}
