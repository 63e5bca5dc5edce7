import * as path from "path";
import { graftSheets, sheetNames } from "../file/graft";
import { InputError } from "../file/input-error";
import { newWorkbookBytes } from "../file/new-workbook";
import { prepareOutput } from "../file/write-xlsx";
import { XlsxError } from "../file/xlsx-error";
import { openXlsx, XlsxWorkbook } from "../file/xlsx-workbook";
import type { Phase } from "../model";
import { computeSummary } from "../summary/compute";
import { FileSummary, FINDINGS_SHEET, layoutAggregate, layoutSummary, SUMMARY_SHEET } from "../summary/layout";
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
  const extension = path.extname(opts.out).toLowerCase();
  if (!(files.length === 1 ? WORKBOOK_NAMES : [".xlsx"]).includes(extension)) {
    await output.discard();
    throw new InputError(`出力ファイルの名前は ${files.length === 1 ? ".xlsx（マクロ有効ブックは .xlsm）" : ".xlsx"}で終わるようにしてください: ${opts.out}`, opts.out);
  }
  try {
    const outcomes = await eachWithProgress(io, "集計中", files, (file) => checkFile(file, opts.phase, profile));
    for (const { error } of outcomes) if (error) warn(io, error);

    if (files.length === 1) {
      const [{ report, workbook, grid, error, file }] = outcomes;
      if (!report || !workbook || !grid || error) {
        await output.discard();
        return EXIT.unusable;
      }
      const refusal = refusalToGraft(workbook, opts.out);
      if (refusal) {
        await output.discard();
        warn(io, `${refusal}: ${file}`);
        return EXIT.unusable;
      }
      // The sheets' names in this workbook first (「集計 (2)」 beside a user's 集計): links within 集計 name its sheet.
      const bases = [SUMMARY_SHEET, FINDINGS_SHEET];
      const chosen = new Map((await sheetNames(workbook, bases)).map((name, i) => [bases[i], name]));
      const summary = computeSummary(path.basename(file), report, now, { grid, profile });
      const sheets = layoutSummary(summary, { sheetName: (base) => chosen.get(base) ?? base });
      const names = await write(output, workbook, sheets, now, file);
      io.stdout(`${opts.out} に ${names.join("・")} シートを書き出しました（取組項目 ${report.items.length} 件）。\n`);
      return EXIT.ok;
    }

    const labels = distinctNames(files);
    const summaries: FileSummary[] = outcomes.map(({ report, error }, i) => ({
      file: labels[i],
      summary: report && !error ? computeSummary(labels[i], report, now, { profile }) : undefined,
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

/** The names a copy of one workbook may have: Excel opens a package only under its own kind's extension. */
const WORKBOOK_NAMES = [".xlsx", ".xlsm", ".xltx", ".xltm"];

/**
 * Why the summary cannot be grafted into this workbook under OUT's name: a workbook whose structure is protected (as
 * the add-in, the CLI adds no sheets to it), or OUT's extension not the one Excel opens the package under (an .xlsm
 * written as .xlsx is refused by Excel). Null: it can.
 */
function refusalToGraft(workbook: XlsxWorkbook, out: string): string | null {
  if (workbook.structureLocked) return "ブックの構成が保護されているため、シートを追加できません（Excel の［校閲］→［ブックの保護］を解除してください）";
  const extension = workbook.extension();
  if (extension && path.extname(out).toLowerCase() !== extension) {
    return `出力ファイルの拡張子が入力の形式と合いません（${extension} の名前を指定してください: ${out}）`;
  }
  return null;
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
