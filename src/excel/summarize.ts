import { checkWorkbook } from "../check";
import { SUMMARY_SETTING, stampOf, SummaryStamp } from "../entry/stamp";
import type { Phase } from "../model";
import { computeSummary } from "../summary/compute";
import { layoutSummary } from "../summary/layout";
import { freeSheetName, isGeneratedSheet, MARKER_CELL } from "../summary/sheet-writes";
import { a1 } from "../template/grid";
import type { TemplateProfile } from "../template/profile";
import { HostError, Note, NOTES, toHostError } from "./host-error";
import { OfficeApi, supports } from "./office-api";
import { rangeA1 } from "./read-plan";
import { assertSupported, readGrids } from "./read-workbook";
import { planGrid, SheetWrite, writeSheets, WriteProgress } from "./write-sheet";

export interface SummarizeResult {
  /** The 集計 sheet written (「集計 (2)」 when a user's own sheet is called 集計). */
  sheet: string;
  items: number;
  /** What could not be read or written in full. */
  notes: Note[];
  /** What 集計 was made for, as kept in the workbook (entry/stamp.ts). */
  stamp: SummaryStamp;
}

const UNCHANGED = "ブックは変更していません。";

/**
 * Writes 集計 and 検証結果 into the open workbook and shows 集計: the read of {@link readGrids}, then the writes in
 * one more sync (more only for data beyond 5 MB). Only hyoka's own sheets are replaced; a protected workbook or
 * an earlier summary sheet someone protected is refused before any write. Excel does not undo a batch that fails
 * half-way, so after a failed write the workbook is read back and the message says what was and was not written.
 */
export async function summarizeOpenWorkbook(
  api: OfficeApi,
  options: { phase?: Phase; now?: Date; profile?: TemplateProfile } = {},
): Promise<SummarizeResult> {
  assertSupported(api);
  const links = supports(api, "Range.hyperlink");
  const workbookProtection = supports(api, "Workbook.protection", "WorkbookProtection.protected");
  let writing: { writes: SheetWrite[]; progress: WriteProgress } | null = null;
  try {
    return await api.Excel.run(async (context) => {
      const { grid, sheets, extra: protection, notes } = await readGrids(api, context, {
        // Below ExcelApi 1.7 the workbook's protection cannot be asked: the first write is refused instead.
        workbook: (workbook) => (workbookProtection ? workbook.protection.load("protected") : null),
        sheet: (ws) => ({
          marker: ws.getRange(a1(MARKER_CELL.row, MARKER_CELL.col)).load("values"),
          protection: ws.protection.load("protected"),
          id: ws.load("id"),
        }),
      });
      if (protection?.protected) {
        throw new HostError(`ブックの構成が保護されているため、集計シートを追加できません。ブックの保護を解除してから、もう一度お試しください。${UNCHANGED}`, "AccessDenied");
      }

      const report = checkWorkbook(grid, { phase: options.phase, profile: options.profile });
      const now = options.now ?? new Date();
      const plans = layoutSummary(computeSummary(grid.name, report, now));
      const ours = new Set(sheets.filter((s) => isGeneratedSheet(s.extra.marker.values[0][0])).map((s) => s.name));
      const locked = sheets.find((s) => ours.has(s.name) && s.extra.protection.protected);
      if (locked) {
        throw new HostError(`以前に作成した「${locked.name}」シートが保護されているため、置き換えられません。シートの保護を解除してから、もう一度お試しください。${UNCHANGED}`, "AccessDenied");
      }
      const taken = new Set(sheets.map((s) => s.name).filter((name) => !ours.has(name)));
      const ids = new Map(sheets.map((s) => [s.name, s.extra.id.id]));
      const writes = plans.map((plan) => {
        const name = freeSheetName(plan.name, (n) => taken.has(n));
        return { name, plan, replaces: ours.has(name) ? (ids.get(name) ?? null) : null };
      });
      writing = { writes, progress: { done: new Set() } };
      // What the pane compares its own result with, also after a reopen: written with the last write, so that a
      // 集計 refused or failed half-way leaves none.
      const stamp = stampOf(report, now);
      const changed = await writeSheets(context, writes, { links, last: () => context.workbook.settings.add(SUMMARY_SETTING, stamp) }, writing.progress);
      return {
        sheet: writes[0].name,
        items: report.items.length,
        notes: [...notes, ...(links ? [] : [NOTES.linksUnsupported()]), ...(changed.length ? [NOTES.textsChanged(changed.map((c) => `${c.sheet}!${a1(c.row, c.col)}`))] : [])],
        stamp,
      };
    });
  } catch (error) {
    if (!writing) throw toHostError(error);
    throw await afterFailedWrite(api, toHostError(error), writing);
  }
}

/** Content checks after a failure read at most this many cells of a sheet back. */
const READ_BACK_CELLS = 200_000;

/**
 * The failure's message, with what the workbook holds now: which planned sheets are there and complete (their
 * values read back), there in part, or absent, and which old sheets of ours are gone.
 */
async function afterFailedWrite(api: OfficeApi, error: HostError, { writes, progress }: { writes: SheetWrite[]; progress: WriteProgress }): Promise<HostError> {
  let state: string;
  try {
    state = await api.Excel.run(async (context) => {
      const listing = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      const now = new Map(listing.items.map((ws) => [ws.name, ws]));
      const checks = writes.map((write) => {
        const ws = now.get(write.name);
        const isNew = ws !== undefined && ws.id !== write.replaces;
        const { values } = planGrid(write.plan);
        const cells = values.length * (values[0]?.length ?? 0);
        const range =
          isNew && !progress.done.has(write.name) && cells <= READ_BACK_CELLS
            ? ws.getRange(rangeA1({ top: 0, left: 0, bottom: values.length - 1, right: (values[0]?.length ?? 1) - 1 })).load("values")
            : null;
        return { write, ws, isNew, values, range };
      });
      await context.sync();
      const lines: string[] = [];
      for (const { write, ws, isNew, values, range } of checks) {
        const complete = progress.done.has(write.name) || (range !== null && sameValues(values, range.values));
        if (isNew) lines.push(complete ? `「${write.name}」シートは作成されました。` : `「${write.name}」シートは途中まで書き込まれています。`);
        else if (ws && write.replaces) lines.push(`以前の「${write.name}」シートはそのまま残っています。`);
        else lines.push(`「${write.name}」シートは作成されていません${write.replaces ? "（以前の同名のシートは削除されました）" : ""}。`);
      }
      const changed = checks.some((c) => c.isNew || (c.write.replaces && !c.ws));
      return changed ? `確認したところ、${lines.join("")}もう一度「集計」を実行すると作り直せます。` : "確認したところ、ブックは変更されていません。";
    });
  } catch {
    state = "ブックがどこまで変更されたかは確認できませんでした。シートの一覧をご確認ください。";
  }
  return new HostError(`${error.message} ${state}`, error.code);
}

function sameValues(wanted: (string | number)[][], got: unknown[][]): boolean {
  return wanted.every((row, r) => row.every((value, c) => got[r]?.[c] === value || (value === "" && got[r]?.[c] == null)));
}
