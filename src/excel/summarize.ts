import { checkWorkbook } from "../check";
import { SUMMARY_SETTING, stampOf, SummaryStamp } from "../entry/stamp";
import type { Phase } from "../model";
import { computeSummary } from "../summary/compute";
import { FileSummary, layoutAggregate, layoutSummary } from "../summary/layout";
import { freeSheetName, isGeneratedSheet, MARKER_CELL, SheetWrites } from "../summary/sheet-writes";
import { a1 } from "../template/grid";
import type { TemplateProfile } from "../template/profile";
import { runAction, undoableAtOnce } from "./capabilities";
import { HostError, Note, NOTES, toHostError } from "./host-error";
import { OfficeApi, supports } from "./office-api";
import { rangeA1 } from "./read-plan";
import { assertSupported, readGrids } from "./read-workbook";
import { planGrid, SheetWrite, WriteFeatures, writeSheets, WriteProgress } from "./write-sheet";

export interface SummarizeResult {
  /** The 集計 sheet written (「集計 (2)」 when a user's own sheet is called 集計). */
  sheet: string;
  items: number;
  /** What could not be read or written in full. */
  notes: Note[];
  /** What 集計 was made for, as kept in the workbook (entry/stamp.ts). */
  stamp: SummaryStamp;
}

export interface RollUpResult {
  /** The sheets written: 全体集計, ファイル別集計 (or 「… (2)」). */
  sheets: string[];
  notes: Note[];
}

const UNCHANGED = "ブックは変更していません。";

/** What the writer must know of each sheet of the open workbook. */
interface SheetState {
  name: string;
  id: string;
  ours: boolean;
  protected: boolean;
  tables: string[];
  /** Its charts' names: read only where a sheet of ours is emptied in place (ExcelApi 1.20, see below). */
  charts: string[];
  /** Hidden by the user: a sheet of ours emptied in place stays hidden, and is not shown (Excel cannot activate it). */
  hidden: boolean;
}

/**
 * What each sheet's read queues beside the cells: the marker cell, protection, id, table names and, where a sheet of
 * ours will be emptied in place, chart names.
 */
function sheetStateQueue(api: OfficeApi) {
  const charts = undoableAtOnce(api);
  return (ws: Excel.Worksheet) => ({
    marker: ws.getRange(a1(MARKER_CELL.row, MARKER_CELL.col)).load("values"),
    protection: ws.protection.load("protected"),
    id: ws.load("id,visibility"),
    tables: ws.tables.load("items/name"),
    charts: charts ? ws.charts.load("items/name") : null,
  });
}

function sheetState(name: string, extra: ReturnType<ReturnType<typeof sheetStateQueue>>): SheetState {
  return {
    name,
    id: extra.id.id,
    hidden: extra.id.visibility !== "Visible",
    ours: isGeneratedSheet(extra.marker.values[0][0]),
    protected: extra.protection.protected,
    tables: extra.tables.items.map((t) => t.name),
    charts: extra.charts?.items.map((c) => c.name) ?? [],
  };
}

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
  const workbookProtection = supports(api, "Workbook.protection", "WorkbookProtection.protected");
  return writeIntoOpenWorkbook(api, async (context) => {
    const { grid, sheets, extra: protection, notes } = await readGrids(api, context, {
      // Below ExcelApi 1.7 the workbook's protection cannot be asked: the first write is refused instead.
      workbook: (workbook) => (workbookProtection ? workbook.protection.load("protected") : null),
      sheet: sheetStateQueue(api),
    });
    const report = checkWorkbook(grid, { phase: options.phase, profile: options.profile });
    const now = options.now ?? new Date();
    const summary = computeSummary(grid.name, report, now, { grid, profile: options.profile });
    // What the pane compares its own result with, also after a reopen: written with the last write, so that a
    // 集計 refused or failed half-way leaves none.
    const stamp = stampOf(report, now);
    return {
      states: sheets.map((s) => sheetState(s.name, s.extra)),
      workbookProtected: Boolean(protection?.protected),
      notes,
      layout: (sheetName) => layoutSummary(summary, { sheetName }),
      last: () => context.workbook.settings.add(SUMMARY_SETTING, stamp),
      result: (names, more) => ({ sheet: names[0], items: report.items.length, notes: [...notes, ...more], stamp }),
    };
  });
}

/**
 * 「複数のブックを集計」: writes 全体集計 and ファイル別集計 of the workbooks already read (values only) into the open
 * workbook, replacing only hyoka's own sheets: two syncs to list the sheets, one more to write.
 */
export async function writeRollUp(api: OfficeApi, files: FileSummary[], now: Date): Promise<RollUpResult> {
  assertSupported(api);
  const workbookProtection = supports(api, "Workbook.protection", "WorkbookProtection.protected");
  return writeIntoOpenWorkbook(api, async (context) => {
    const listing = context.workbook.worksheets.load("items/name");
    const protection = workbookProtection ? context.workbook.protection.load("protected") : null;
    await context.sync();
    const queueSheetState = sheetStateQueue(api);
    const extras = listing.items.map((ws) => ({ name: ws.name, extra: queueSheetState(ws) }));
    await context.sync();
    return {
      states: extras.map((s) => sheetState(s.name, s.extra)),
      workbookProtected: Boolean(protection?.protected),
      notes: [],
      layout: () => layoutAggregate(files, now),
      result: (names, more) => ({ sheets: names, notes: more }),
    };
  });
}

/** What a caller has read before the write, and how it lays out and reports its sheets. */
interface Prepared<R> {
  states: SheetState[];
  workbookProtected: boolean;
  notes: Note[];
  /** The sheets, given the name each will have ("集計 (2)" when a user's sheet is called 集計). */
  layout: (sheetName: (base: string) => string) => SheetWrites[];
  /** Queued with the last write (writeSheets' options.last). */
  last?: () => void;
  result: (names: string[], notes: Note[]) => R;
}

/**
 * The write both commands share: refuses a protected workbook or a protected sheet of ours before writing, names
 * the sheets and their tables so that no user's sheet or table is touched, writes in as few syncs as the payload
 * allows, and after a failure says what the workbook holds now.
 *
 * Where Excel undoes what the API writes (ExcelApi 1.20) the writes are one undo group (runAction), and a sheet of
 * ours is emptied and written again in place: Worksheet.delete does not support undo (it would throw UndoNotSupported
 * in the group). Before 1.20 nothing can be undone anyway, and the sheet is deleted and added anew, as it needs fewer
 * requirement sets.
 */
async function writeIntoOpenWorkbook<R>(api: OfficeApi, prepare: (context: Excel.RequestContext) => Promise<Prepared<R>>): Promise<R> {
  const features: WriteFeatures = {
    links: supports(api, "Range.hyperlink"),
    freeze: supports(api, "Worksheet.freezePanes", "WorksheetFreezePanes.freezeRows"),
    tableLook: supports(api, "Table.showBandedRows", "Table.showFilterButton"),
    pageLayout: supports(api, "Worksheet.pageLayout", "PageLayout.setPrintTitleRows", "HeaderFooter.centerFooter"),
  };
  const reuse = undoableAtOnce(api);
  let writing: { writes: SheetWrite[]; progress: WriteProgress } | null = null;
  try {
    return await runAction(api, async (context) => {
      const { states, workbookProtected, layout, last, result } = await prepare(context);
      if (workbookProtected) {
        throw new HostError(`ブックの構成が保護されているため、集計シートを追加できません。ブックの保護を解除してから、もう一度お試しください。${UNCHANGED}`, "AccessDenied");
      }
      const ours = new Set(states.filter((s) => s.ours).map((s) => s.name));
      const locked = states.find((s) => s.ours && s.protected);
      if (locked) {
        throw new HostError(`以前に作成した「${locked.name}」シートが保護されているため、置き換えられません。シートの保護を解除してから、もう一度お試しください。${UNCHANGED}`, "AccessDenied");
      }
      const taken = new Set(states.map((s) => s.name).filter((name) => !ours.has(name)));
      const sheets = layout((base) => freeSheetName(base, (n) => taken.has(n)));
      // Table names are unique in a workbook: a user's table keeps its name, ours get a free one.
      const tablesTaken = new Set(states.filter((s) => !ours.has(s.name)).flatMap((s) => s.tables.map((t) => t.toLowerCase())));
      const tableName = (base: string) => {
        const name = freeSheetName(base, (n) => tablesTaken.has(n.toLowerCase())).replace(/ \((\d+)\)$/, "_$1");
        tablesTaken.add(name.toLowerCase());
        return name;
      };
      const byName = new Map(states.map((s) => [s.name, s]));
      const writes = sheets.map((sheet): SheetWrite => {
        const replaced = ours.has(sheet.name) ? byName.get(sheet.name) : undefined;
        return {
          name: sheet.name,
          sheet,
          replaces: replaced?.id ?? null,
          reuse: replaced && reuse ? { tables: replaced.tables, charts: replaced.charts, hidden: replaced.hidden } : null,
          tableNames: sheet.tables.map((t) => tableName(t.name)),
        };
      });
      writing = { writes, progress: { done: new Set() } };
      const changed = await writeSheets(context, writes, { ...features, last }, writing.progress);
      return result(
        writes.map((w) => w.name),
        [
          ...(features.links ? [] : [NOTES.linksUnsupported()]),
          ...(features.pageLayout ? [] : [NOTES.printUnsupported()]),
          ...(changed.length ? [NOTES.textsChanged(changed.map((c) => `${c.sheet}!${a1(c.row, c.col)}`))] : []),
        ],
      );
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
        // A sheet emptied in place keeps its id: it may be anything from untouched to written in full.
        const rewritten = ws !== undefined && write.reuse !== null && !isNew;
        const { values } = planGrid(write.sheet);
        const cells = values.length * (values[0]?.length ?? 0);
        const range =
          (isNew || rewritten) && !progress.done.has(write.name) && cells <= READ_BACK_CELLS
            ? ws.getRange(rangeA1({ top: 0, left: 0, bottom: values.length - 1, right: (values[0]?.length ?? 1) - 1 })).load("values")
            : null;
        return { write, ws, isNew, rewritten, values, range };
      });
      await context.sync();
      const lines: string[] = [];
      for (const { write, ws, isNew, rewritten, values, range } of checks) {
        const complete = progress.done.has(write.name) || (range !== null && sameValues(values, range.values, write.sheet));
        if (isNew) lines.push(complete ? `「${write.name}」シートは作成されました。` : `「${write.name}」シートは途中まで書き込まれています。`);
        else if (rewritten) lines.push(complete ? `「${write.name}」シートは作り直されました。` : `「${write.name}」シートは書き換えの途中で止まっている可能性があります。`);
        else if (ws && write.replaces) lines.push(`以前の「${write.name}」シートはそのまま残っています。`);
        else lines.push(`「${write.name}」シートは作成されていません${write.replaces ? "（以前の同名のシートは削除されました）" : ""}。`);
      }
      const changed = checks.some((c) => c.isNew || c.rewritten || (c.write.replaces && !c.ws));
      return changed ? `確認したところ、${lines.join("")}もう一度「集計」を実行すると作り直せます。` : "確認したところ、ブックは変更されていません。";
    });
  } catch {
    state = "ブックがどこまで変更されたかは確認できませんでした。シートの一覧をご確認ください。";
  }
  return new HostError(`${error.message} ${state}`, error.code);
}

/** Whether the cells read back are those written (a formula's cell shows its result: only its presence counts). */
function sameValues(wanted: (string | number)[][], got: unknown[][], sheet: SheetWrites): boolean {
  const formulas = new Set(sheet.cells.filter((c) => c.formula).map((c) => `${c.row},${c.col}`));
  return wanted.every((row, r) =>
    row.every((value, c) => (formulas.has(`${r},${c}`) ? got[r]?.[c] != null : got[r]?.[c] === value || (value === "" && got[r]?.[c] == null))),
  );
}
