import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../template/grid";
import { parseRange } from "../template/grid";
import { errorCode, Note, NOTES, toHostError, unsupported } from "./host-error";
import { jsonBytes, MIN_EXCEL_API, OfficeApi, PAYLOAD, supports } from "./office-api";
import { cellCount, chooseRegion, mergeTiles, NARROW_ABOVE, parseAreas, quadrants, rangeA1, READ_BUDGET, rowBlocks, union } from "./read-plan";

/** The open workbook's grids, and what could not be read of it. */
export interface WorkbookRead extends WorkbookGrid {
  notes: Note[];
}

/** Reads the open workbook's grids. Never writes. */
export async function readOpenWorkbook(api: OfficeApi): Promise<WorkbookRead> {
  assertSupported(api);
  try {
    return await api.Excel.run(async (context) => {
      const read = await readGrids(api, context);
      return { ...read.grid, notes: read.notes };
    });
  } catch (error) {
    throw toHostError(error);
  }
}

export function assertSupported(api: OfficeApi): void {
  if (!api.Office.context.requirements.isSetSupported("ExcelApi", MIN_EXCEL_API)) throw unsupported(`ExcelApi ${MIN_EXCEL_API}`);
}

/** Sheets one chained survey reaches; a workbook with more visible sheets is surveyed on from the last one. */
export const CHAINED_SHEETS = 128;
/** Hosts (their `Excel` namespace) where the chained survey failed once: they are not asked again. */
const chainFailed = new WeakSet<object>();

/** What a caller queues beside the read. */
export interface AlsoRead<W, S> {
  /** Queued with the first sync. */
  workbook?: (workbook: Excel.Workbook) => W;
  /** Queued for every sheet, hidden ones too, with the first sync that reads values. */
  sheet?: (worksheet: Excel.Worksheet) => S;
}

export interface GridRead<W, S> {
  grid: WorkbookGrid;
  notes: Note[];
  /** With `also.sheet`: every sheet in order, hidden ones too, with what it queued. */
  sheets: { name: string; extra: S }[];
  extra: W;
}

/**
 * Reads the visible sheets within Excel's limits, in as few syncs as the data allows:
 * 1. survey: every visible sheet's name and used range (values only) in ONE sync, reached without listing the
 *    sheets, by chaining getFirst(true).getNextOrNullObject(true)… {@link CHAINED_SHEETS} times while the same sync
 *    counts them; where that fails (an Excel that refuses methods on null objects), the sheets are listed, then
 *    surveyed, and that host is surveyed so from then on;
 * 2. narrowing, only for a used range of more than {@link NARROW_ABOVE} cells: its quadrants' used ranges show where
 *    the data really is, so that a stray value at XFD1048576 costs one sync, not a read of 17 billion cells;
 * 3. values, error cells and merged areas of each sheet's region, in blocks packed into syncs whose request and
 *    response stay under 5 MB (fetch). Hidden sheets are never read.
 * The forms of a ward (up to a few hundred items) take two syncs.
 */
export async function readGrids<W = undefined, S = undefined>(
  api: OfficeApi,
  context: Excel.RequestContext,
  also: AlsoRead<W, S> = {},
  /** Only these sheets (by name; a hidden one is skipped): the survey asks for them by name, in one sync. */
  only?: readonly string[],
): Promise<GridRead<W, S>> {
  const notes: Note[] = [];
  const survey = only ? await surveyNamed(context, only, also) : await surveySheets(api, context, also);
  const regions = await locateData(context, survey.visible, notes);
  const sheets = await fetchRegions(api, context, regions, notes, survey.all && also.sheet ? { sheets: survey.all, queue: also.sheet } : null);
  return {
    grid: { name: survey.workbookName || "ブック", sheets: sheets.grids },
    notes,
    sheets: sheets.extras,
    extra: survey.extra,
  };
}

interface SurveyedSheet {
  name: string;
  worksheet: Excel.Worksheet;
  used: CellRange | null;
}

interface Survey<W> {
  workbookName: string;
  visible: SurveyedSheet[];
  /** Every sheet, when asked for (also.sheet). */
  all: Excel.Worksheet[] | null;
  extra: W;
}

async function surveySheets<W, S>(api: OfficeApi, context: Excel.RequestContext, also: AlsoRead<W, S>): Promise<Survey<W>> {
  const queueFirst = () => ({
    workbook: supports(api, "Workbook.name") ? context.workbook.load("name") : null,
    listing: also.sheet ? context.workbook.worksheets.load("items/name,items/visibility") : null,
    extra: also.workbook?.(context.workbook) as W,
  });
  const done = (first: ReturnType<typeof queueFirst>, visible: SurveyedSheet[]): Survey<W> => ({
    workbookName: first.workbook?.name ?? "",
    visible,
    all: first.listing?.items ?? null,
    extra: first.extra,
  });

  let chainBroke = false;
  if (supports(api, "WorksheetCollection.getFirst", "Worksheet.getNextOrNullObject") && !chainFailed.has(api.Excel)) {
    const first = queueFirst();
    try {
      return done(first, await surveyChained(context));
    } catch (error) {
      if (errorCode(error) === "InvalidOperationInCellEditMode") throw error;
      chainBroke = true; // the listed survey below tells the real reason, if there is one
    }
  }
  const first = queueFirst();
  const listing = first.listing ?? context.workbook.worksheets.load("items/name,items/visibility");
  await context.sync();
  const visible = listing.items.filter((ws) => ws.visibility === "Visible");
  const used = visible.map((ws) => ws.getUsedRangeOrNullObject(true).load("address"));
  await context.sync();
  if (chainBroke) chainFailed.add(api.Excel);
  return done(first, visible.map((worksheet, i) => ({ name: worksheet.name, worksheet, used: used[i].isNullObject ? null : parseRange(used[i].address) })));
}

/** The named sheets that are visible, and their used ranges, in one sync (a sheet that is gone fails the read). */
async function surveyNamed<W, S>(context: Excel.RequestContext, names: readonly string[], also: AlsoRead<W, S>): Promise<Survey<W>> {
  const extra = also.workbook?.(context.workbook) as W;
  const asked = names.map((name) => {
    const worksheet = context.workbook.worksheets.getItem(name).load("name,visibility");
    return { worksheet, used: worksheet.getUsedRangeOrNullObject(true).load("address") };
  });
  await context.sync();
  const visible = asked.filter(({ worksheet }) => worksheet.visibility === "Visible");
  return {
    workbookName: "",
    visible: visible.map(({ worksheet, used }) => ({ name: worksheet.name, worksheet, used: used.isNullObject ? null : parseRange(used.address) })),
    all: null,
    extra,
  };
}

/**
 * The visible sheets and their used ranges, CHAINED_SHEETS a sync from the first one on. A chain that ends before
 * the count says (an Excel that answers methods on null objects otherwise) throws: the caller lists instead.
 */
async function surveyChained(context: Excel.RequestContext): Promise<SurveyedSheet[]> {
  const count = context.workbook.worksheets.getCount(true);
  const surveyFrom = async (start: Excel.Worksheet, found: SurveyedSheet[]): Promise<SurveyedSheet[]> => {
    const links: { worksheet: Excel.Worksheet; used: Excel.Range }[] = [];
    let sheet = start;
    for (;;) {
      links.push({ worksheet: sheet.load("name"), used: sheet.getUsedRangeOrNullObject(true).load("address") });
      if (links.length === CHAINED_SHEETS) break;
      sheet = sheet.getNextOrNullObject(true);
    }
    await context.sync();
    const reached = links.filter((link) => !link.worksheet.isNullObject);
    for (const { worksheet, used } of reached) found.push({ name: worksheet.name, worksheet, used: used.isNullObject ? null : parseRange(used.address) });
    // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by the sync, no load()
    const total = count.value;
    if (found.length >= total) return found;
    if (reached.length < CHAINED_SHEETS) throw new Error(`The chain reached ${found.length} of ${total} visible sheets.`);
    return surveyFrom(found[found.length - 1].worksheet.getNextOrNullObject(true), found);
  };
  return surveyFrom(context.workbook.worksheets.getFirst(true), []);
}

/** Rounds of narrowing at most: a stray value needs one; data spread to every corner of a quadrant, more. */
const NARROWING_ROUNDS = 3;

interface SheetRegion {
  name: string;
  worksheet: Excel.Worksheet;
  region: CellRange | null;
}

/** Each visible sheet's region to read: its used range, narrowed where it is huge, within the read budget. */
async function locateData(context: Excel.RequestContext, sheets: SurveyedSheet[], notes: Note[]): Promise<SheetRegion[]> {
  const pieces = sheets.map((s) => ({ sheet: s, pieces: s.used ? [{ range: s.used, settled: false }] : [] }));
  const narrow = async (round: number): Promise<void> => {
    const asked = pieces.flatMap(({ sheet, pieces: list }) =>
      list
        .filter((p) => !p.settled && cellCount(p.range) > NARROW_ABOVE)
        .map((piece) => ({
          sheet,
          piece,
          parts: quadrants(piece.range).map((q) => ({ q, used: sheet.worksheet.getRange(rangeA1(q)).getUsedRangeOrNullObject(true).load("address") })),
        })),
    );
    if (!asked.length || round >= NARROWING_ROUNDS) return;
    await context.sync();
    for (const { sheet, piece, parts } of asked) {
      const entry = pieces.find((p) => p.sheet === sheet)!;
      const found = parts
        .filter((p) => !p.used.isNullObject)
        .map((p) => {
          const range = parseRange(p.used.address);
          // A quadrant used to its corners shrinks no more by splitting it the same way.
          return { range, settled: cellCount(range) === cellCount(p.q) };
        });
      entry.pieces.splice(entry.pieces.indexOf(piece), 1, ...found);
    }
    return narrow(round + 1);
  };
  await narrow(0);

  let budget = READ_BUDGET;
  return pieces.map(({ sheet, pieces: list }) => {
    if (!list.length) return { name: sheet.name, worksheet: sheet.worksheet, region: null };
    const { region, left } = chooseRegion(
      list.map((p) => p.range),
      budget,
    );
    if (!region) {
      const all = list.map((p) => p.range).reduce(union);
      notes.push(NOTES.sheetTooLarge(sheet.name, rangeA1(all), cellCount(all)));
    } else {
      budget -= cellCount(region);
      if (left.length) notes.push(NOTES.farValues(sheet.name, left.map(rangeA1)));
    }
    return { name: sheet.name, worksheet: sheet.worksheet, region };
  });
}

/** Cells per block of values: a block's answer is a fraction of the 5 MB, whatever the cells hold on average. */
const BLOCK_CELLS = 50_000;
/** Each sync is packed to this many bytes each way, a margin under the 5 MB limit for the estimate's error. */
const SYNC_BUDGET = 4_000_000;
/**
 * Bytes a cell is guessed to cost in a response until a first answer shows the real figure. A form's used range
 * is a few columns of long Japanese text: about 50 bytes a cell on the bench's forms, merged areas included.
 */
const FIRST_GUESS_BYTES_PER_CELL = 64;

interface Block {
  sheet: SheetRegion;
  range: CellRange;
  merges: boolean;
}

interface Queued {
  block: Block;
  values: Excel.Range;
  errors: Excel.RangeAreas[];
  tiles: Excel.RangeAreas[];
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/**
 * Reads the regions' values, error cells and merged areas. Blocks are packed into syncs by the payload estimate
 * (request: actions and their arguments; response: cells at the bytes per cell seen so far). A sync that still
 * exceeds a limit, or a block whose values come back null, is retried in halves; a sync that fails for another
 * reason is retried without merged areas, so that their failure costs only merges, never the read. The number of
 * syncs grows with the data's size in bytes only, never with the number of items or sheets.
 */
async function fetchRegions<S>(
  api: OfficeApi,
  context: Excel.RequestContext,
  regions: SheetRegion[],
  notes: Note[],
  extras: { sheets: Excel.Worksheet[]; queue: (worksheet: Excel.Worksheet) => S } | null,
): Promise<{ grids: SheetGrid[]; extras: { name: string; extra: S }[] }> {
  const withMerges = supports(api, "Range.getMergedAreasOrNullObject", "RangeAreas.address");
  const errorsBySpecialCells = supports(api, "Range.getSpecialCellsOrNullObject", "RangeAreas.address");
  if (!withMerges) notes.push(NOTES.mergesUnsupported());

  const grids = new Map(
    regions.map((s) => [
      s,
      {
        values: s.region ? Array.from({ length: s.region.bottom - s.region.top + 1 }, () => Array<CellValue>(s.region!.right - s.region!.left + 1).fill(null)) : [],
        merges: new Map<string, CellRange>(),
        unread: [] as string[],
      },
    ]),
  );
  const pending: Block[] = regions.flatMap((sheet) => (sheet.region ? rowBlocks(sheet.region, BLOCK_CELLS).map((range) => ({ sheet, range, merges: withMerges })) : []));
  // Bytes per cell in a response, by sheet as seen so far; a sheet not seen yet is guessed as the densest seen.
  const density = new Map<SheetRegion, number>();
  let guess = FIRST_GUESS_BYTES_PER_CELL;
  const bytesPerCell = (sheet: SheetRegion) => density.get(sheet) ?? guess;
  let extrasRead: { name: string; extra: S }[] | null = extras ? null : [];
  const mergesLost = new Set<string>();

  const queueBlock = (block: Block): Queued => {
    const values = block.sheet.worksheet.getRange(rangeA1(block.range)).load(errorsBySpecialCells ? "values" : "values,valueTypes");
    const errors = errorsBySpecialCells
      ? (["Constants", "Formulas"] as const).map((type) => values.getSpecialCellsOrNullObject(type as Excel.SpecialCellType, "Errors" as Excel.SpecialCellValueType).load("address"))
      : [];
    const tiles = block.merges ? mergeTiles(block.range).map((t) => block.sheet.worksheet.getRange(rangeA1(t)).getMergedAreasOrNullObject().load("address")) : [];
    return { block, values, errors, tiles };
  };
  const estimate = (block: Block) => {
    const cells = cellCount(block.range);
    const tiles = block.merges ? mergeTiles(block.range).length : 0;
    return {
      request: PAYLOAD.actionBytes * (3 + (errorsBySpecialCells ? 6 : 0) + 4 * tiles) + 40 * (1 + tiles),
      response: cells * (bytesPerCell(block.sheet) + (errorsBySpecialCells ? 0 : 8)) + PAYLOAD.objectBytes * (3 + 2 * tiles),
    };
  };

  const round = async (): Promise<void> => {
    if (!pending.length && extrasRead) return;
    const batch: Block[] = [];
    let request = 0;
    let response = 0;
    while (pending.length) {
      const cost = estimate(pending[0]);
      // A block that alone would exceed a sync's budget is halved first (a block of one row goes as it is).
      if (!batch.length && cost.response > SYNC_BUDGET && pending[0].range.top < pending[0].range.bottom) {
        pending.unshift(...halves(pending.shift()!));
        continue;
      }
      if (batch.length && (request + cost.request > SYNC_BUDGET || response + cost.response > SYNC_BUDGET)) break;
      batch.push(pending.shift()!);
      request += cost.request;
      response += cost.response;
    }
    const queued = batch.map(queueBlock);
    const extraQueued = extrasRead ? null : extras!.sheets.map((ws) => ({ ws, extra: extras!.queue(ws) }));
    try {
      await context.sync();
    } catch (error) {
      const code = errorCode(error);
      if (code === "InvalidOperationInCellEditMode") throw error;
      if (PAYLOAD_CODES.has(code) && batch.some((b) => b.range.top < b.range.bottom)) {
        for (const b of batch) density.set(b.sheet, bytesPerCell(b.sheet) * 2);
        pending.unshift(...batch.flatMap((b) => halves(b)));
      } else if (batch.some((b) => b.merges)) {
        for (const b of batch) if (b.merges) mergesLost.add(b.sheet.name);
        pending.unshift(...batch.map((b) => ({ ...b, merges: false })));
      } else throw error;
      return round();
    }
    if (extraQueued) extrasRead = extraQueued.map(({ ws, extra }) => ({ name: ws.name, extra }));
    const seen = new Map<SheetRegion, { bytes: number; cells: number }>();
    for (const q of queued) {
      const grid = grids.get(q.block.sheet)!;
      const values = q.values.values as unknown[][] | null;
      if (!values) {
        // "When a get operation using Range.values exceeds the five-million-cell limit … Range.values returns null"
        if (q.block.range.top < q.block.range.bottom) pending.unshift(...halves(q.block));
        else grid.unread.push(rangeA1(q.block.range));
        continue;
      }
      const errorCells = new Set(
        q.errors.filter((e) => !e.isNullObject).flatMap((e) => parseAreas(e.address).flatMap((a) => cellsOf(a).map(([r, c]) => `${r},${c}`))),
      );
      const types = errorsBySpecialCells ? null : (q.values.valueTypes as string[][]);
      const { region } = q.block.sheet;
      values.forEach((row, i) =>
        row.forEach((value, j) => {
          const r = q.block.range.top + i;
          const c = q.block.range.left + j;
          const isError = types ? types[i][j] === "Error" : errorCells.has(`${r},${c}`);
          grid.values[r - region!.top][c - region!.left] = isError ? { error: String(value) } : value === "" || value === null || value === undefined ? null : (value as CellValue);
        }),
      );
      const sheet = seen.get(q.block.sheet) ?? { bytes: 0, cells: 0 };
      for (const tile of q.tiles) {
        if (tile.isNullObject) continue;
        sheet.bytes += jsonBytes(tile.address);
        for (const area of parseAreas(tile.address)) grid.merges.set(rangeA1(area), area);
      }
      sheet.bytes += jsonBytes(values) + (types ? jsonBytes(types) : 0);
      sheet.cells += cellCount(q.block.range);
      seen.set(q.block.sheet, sheet);
    }
    // The next syncs are packed by what this answer really cost per cell, with a margin.
    for (const [sheet, { bytes, cells }] of seen) {
      density.set(sheet, Math.max(1, (bytes / cells) * 1.2));
      guess = Math.max(guess, density.get(sheet)!);
    }
    return round();
  };
  await round();

  if (mergesLost.size) notes.push(NOTES.mergesUnread([...mergesLost]));
  return {
    grids: regions.map((s) => {
      const grid = grids.get(s)!;
      if (grid.unread.length) notes.push(NOTES.rowsUnread(s.name, grid.unread));
      if (mergesLost.has(s.name)) grid.merges.clear();
      return s.region
        ? { name: s.name, top: s.region.top, left: s.region.left, values: grid.values, merges: [...grid.merges.values()] }
        : { name: s.name, top: 0, left: 0, values: [], merges: [] };
    }),
    extras: extrasRead ?? [],
  };
}

function halves(block: Block): Block[] {
  const mid = block.range.top + Math.floor((block.range.bottom - block.range.top) / 2);
  return [
    { ...block, range: { ...block.range, bottom: mid } },
    { ...block, range: { ...block.range, top: mid + 1 } },
  ];
}

function cellsOf(r: CellRange): [number, number][] {
  const cells: [number, number][] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push([row, col]);
  return cells;
}
