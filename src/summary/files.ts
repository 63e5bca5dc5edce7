import { checkWorkbook } from "../check";
import type { Phase } from "../model";
import type { WorkbookGrid } from "../template/grid";
import type { TemplateProfile } from "../template/profile";
import { computeSummary } from "./compute";
import type { FileSummary } from "./layout";

/** One workbook to roll up: its name as the roll-up shows it, and how to read its cells (rejects with the reason). */
export interface WorkbookSource {
  name: string;
  read(): Promise<WorkbookGrid>;
}

export type FileStatus =
  | { state: "waiting" }
  | { state: "reading" }
  | { state: "done"; items: number }
  | { state: "failed"; reason: string };

export interface RollUpOptions {
  phase?: Phase;
  profile?: TemplateProfile;
  now: Date;
  /** Stops before the next workbook; the run then rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (index: number, status: FileStatus) => void;
}

/**
 * Reads, checks and summarises several workbooks in turn, each as the CLI does: a workbook that cannot be read,
 * or holds no 取組項目, is listed with its reason and the others are still summarised.
 */
export async function summarizeWorkbooks(sources: WorkbookSource[], options: RollUpOptions): Promise<FileSummary[]> {
  const results: FileSummary[] = [];
  for (const [index, source] of sources.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.(index, { state: "reading" });
    let grid: WorkbookGrid;
    try {
      grid = await source.read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      results.push({ file: source.name, error: reason });
      options.onProgress?.(index, { state: "failed", reason });
      continue;
    }
    const report = checkWorkbook(grid, { phase: options.phase, profile: options.profile });
    const fatal = report.findings.find((f) => f.severity === "fatal");
    if (fatal) {
      results.push({ file: source.name, error: fatal.message });
      options.onProgress?.(index, { state: "failed", reason: fatal.message });
      continue;
    }
    results.push({ file: source.name, summary: computeSummary(source.name, report, options.now, { profile: options.profile }) });
    options.onProgress?.(index, { state: "done", items: report.items.length });
    // Let the page draw the progress between workbooks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return results;
}

/** Names that tell the workbooks apart: a name given twice gets 「 (2)」, 「 (3)」… (a browser gives no folders). */
export function distinctFileNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
