import type { OfficeApi } from "../excel/office-api";
import { writeRollUp } from "../excel/summarize";
import { distinctFileNames, summarizeWorkbooks } from "../summary/files";
import type { WorkbookGrid } from "../template/grid";
import type { RunRollUp } from "./RollUpPanel";

/** Reads a workbook file's bytes into the reader's grids; rejects with a one-line reason (in Japanese). */
export type ReadWorkbookBytes = (bytes: Uint8Array, name: string) => Promise<WorkbookGrid>;

/**
 * The CLI's package reader (src/file), loaded when a roll-up first needs it so that the task pane's own bundle
 * stays small; its refusals (not an .xlsx, broken, too large) are the reasons listed.
 */
export const readWorkbookFile: ReadWorkbookBytes = async (bytes, name) => {
  const { readWorkbookBytes } = await import(/* webpackChunkName: "xlsx-reader" */ "../file/read-bytes");
  return (await readWorkbookBytes(bytes, name)).grid;
};

/**
 * 「複数のブックを集計」 in the task pane: each file read in the browser (nothing leaves the machine) and summarised
 * as the CLI does, then 全体集計 and ファイル別集計 written into the open workbook in one Excel.run. Cancelling
 * stops before the next file; nothing is written then.
 */
export function rollUpRunner(api: OfficeApi, read: ReadWorkbookBytes = readWorkbookFile, now: () => Date = () => new Date()): RunRollUp {
  return async (files, { signal, onProgress, profile }) => {
    const at = now();
    const names = distinctFileNames(files.map((f) => f.name));
    const summaries = await summarizeWorkbooks(
      files.map((file, i) => ({ name: names[i], read: async () => read(new Uint8Array(await file.arrayBuffer()), names[i]) })),
      { now: at, signal, onProgress, profile },
    );
    signal.throwIfAborted();
    const { sheets } = await writeRollUp(api, summaries, at);
    return { sheets, summarised: summaries.filter((s) => s.summary).length };
  };
}
