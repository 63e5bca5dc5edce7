import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../template/grid";
import { parseRange } from "../template/grid";
import { toHostError, unsupported } from "./host-error";

/** The parts of Office.js the port uses, so tests and the preview can hand in the in-memory host. */
export interface OfficeApi {
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };
}

/** The global Office.js objects, when running inside Office. */
export function globalOfficeApi(): OfficeApi {
  return { Excel: globalThis.Excel as OfficeApi["Excel"], Office: globalThis.Office };
}

const MIN_API = "1.4"; // getUsedRangeOrNullObject
const MERGES_API = "1.13"; // getMergedAreasOrNullObject

const NAME_API = "1.7"; // workbook.name

/** Reads the open workbook's grids. Never writes. */
export async function readOpenWorkbook(api: OfficeApi): Promise<WorkbookGrid> {
  assertSupported(api);
  try {
    return await api.Excel.run(async (context) => (await readGrids(api, context)).grid);
  } catch (error) {
    throw toHostError(error);
  }
}

/** Whether the host offers the ExcelApi requirement set `version` (or later). */
export function supportsExcelApi(api: OfficeApi, version: string): boolean {
  return api.Office.context.requirements.isSetSupported("ExcelApi", version);
}

export function assertSupported(api: OfficeApi): void {
  if (!supportsExcelApi(api, MIN_API)) throw unsupported(`ExcelApi ${MIN_API}`);
}

const CHAIN_API = "1.5"; // worksheet.getNextOrNullObject
/** Sheets the one-sync read reaches; a workbook with more is read the two-sync way. */
export const CHAINED_SHEETS = 40;
/** Hosts (their `Excel` namespace) where the chained read failed once: they are not asked again. */
const chainFailed = new WeakSet<object>();

/** What a caller queues beside the grids, loaded by the same sync. */
export interface AlsoLoad<W, S> {
  workbook?: (workbook: Excel.Workbook) => W;
  /** Called for every sheet, hidden ones too. */
  sheet?: (worksheet: Excel.Worksheet) => S;
}

export interface GridRead<W, S> {
  grid: WorkbookGrid;
  /** Every sheet in order, hidden ones too, with what `also.sheet` queued for it. */
  sheets: { name: string; extra: S }[];
  extra: W;
}

interface QueuedSheet<S> {
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  extra: S;
}

/**
 * Reads every visible sheet's used range (values, value types, merged areas) in ONE sync, whatever the number
 * of items: the sheets are reached without listing them first, by chaining getFirst().getNextOrNullObject()…
 * {@link CHAINED_SHEETS} times, and the same sync counts them. If that read is not complete (more sheets than
 * the chain, or a host that treats methods on null objects otherwise) or fails, the sheets are listed in one
 * sync and read in one more; a host where it failed is read that way from then on.
 */
export async function readGrids<W = undefined, S = undefined>(
  api: OfficeApi,
  context: Excel.RequestContext,
  also: AlsoLoad<W, S> = {},
): Promise<GridRead<W, S>> {
  const queue = queueReads(api, context, also);
  let failed = false;
  if (supportsExcelApi(api, CHAIN_API) && !chainFailed.has(api.Excel)) {
    try {
      const read = await readChained(context, queue);
      if (read) return read;
    } catch {
      failed = true; // the listed read below tells the real reason if there is one
    }
  }
  const read = await readListed(context, queue);
  if (failed) chainFailed.add(api.Excel); // only the chain failed, not Excel (busy, in cell-edit mode…)
  return read;
}

type QueueReads<W, S> = (worksheets: Excel.Worksheet[]) => { workbookName: Excel.Workbook | null; sheets: QueuedSheet<S>[]; extra: W };

function queueReads<W, S>(api: OfficeApi, context: Excel.RequestContext, also: AlsoLoad<W, S>): QueueReads<W, S> {
  const withMerges = supportsExcelApi(api, MERGES_API);
  const withName = supportsExcelApi(api, NAME_API);
  return (worksheets) => ({
    workbookName: withName ? context.workbook.load("name") : null,
    sheets: worksheets.map((worksheet) => ({
      worksheet,
      used: worksheet.getUsedRangeOrNullObject(true).load("address,values,valueTypes"),
      merged: withMerges ? worksheet.getRange().getMergedAreasOrNullObject().load("address") : null,
      extra: also.sheet?.(worksheet) as S,
    })),
    extra: also.workbook?.(context.workbook) as W,
  });
}

async function readChained<W, S>(context: Excel.RequestContext, queue: QueueReads<W, S>): Promise<GridRead<W, S> | null> {
  const collection = context.workbook.worksheets;
  const count = collection.getCount();
  const chain = [collection.getFirst().load("name,visibility")];
  while (chain.length < CHAINED_SHEETS) chain.push(chain[chain.length - 1].getNextOrNullObject().load("name,visibility"));
  const queued = queue(chain);
  await context.sync();

  const sheets = queued.sheets.filter((s) => !s.worksheet.isNullObject);
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by the sync, no load()
  return sheets.length === count.value ? gridRead({ ...queued, sheets }) : null;
}

async function readListed<W, S>(context: Excel.RequestContext, queue: QueueReads<W, S>): Promise<GridRead<W, S>> {
  const collection = context.workbook.worksheets.load("items/name,items/visibility");
  await context.sync();
  const queued = queue(collection.items);
  await context.sync();
  return gridRead(queued);
}

function gridRead<W, S>({ workbookName, sheets, extra }: ReturnType<QueueReads<W, S>>): GridRead<W, S> {
  return {
    grid: {
      name: workbookName?.name || "ブック",
      sheets: sheets
        .filter((s) => s.worksheet.visibility === "Visible")
        .map(({ worksheet, used, merged }) =>
          used.isNullObject
            ? { name: worksheet.name, top: 0, left: 0, values: [], merges: [] }
            : sheetGrid(worksheet.name, used, merged && !merged.isNullObject ? merged.address : ""),
        ),
    },
    sheets: sheets.map((s) => ({ name: s.worksheet.name, extra: s.extra })),
    extra,
  };
}

function sheetGrid(name: string, used: Excel.Range, mergedAddress: string): SheetGrid {
  const origin = parseRange(used.address);
  const values = used.values.map((row, r) =>
    row.map((value, c): CellValue => {
      if (used.valueTypes[r][c] === "Error") return { error: String(value) };
      return value === "" || value === null || value === undefined ? null : (value as CellValue);
    }),
  );
  return { name, top: origin.top, left: origin.left, values, merges: parseAreas(mergedAddress) };
}

/** "Sheet1!A1:B2, 'My, Sheet'!C3:D4" → ranges. A comma inside a quoted sheet name does not split. */
export function parseAreas(address: string): CellRange[] {
  const areas: CellRange[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (current.trim()) areas.push(parseRange(current.trim()));
      current = "";
    } else current += ch;
  }
  if (current.trim()) areas.push(parseRange(current.trim()));
  return areas;
}
