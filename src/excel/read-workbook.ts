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

export interface GridRead<T> {
  grid: WorkbookGrid;
  /** Every sheet's name, hidden ones too. */
  sheetNames: string[];
  /** What `alsoLoad` queued, loaded by the same sync as the grids. */
  extra: T;
}

/**
 * One sync lists the sheets; ONE more loads every visible sheet's used range (values, value types, merged
 * areas) at once, whatever the number of sheets and items, together with whatever `alsoLoad` queues.
 */
export async function readGrids<T = undefined>(
  api: OfficeApi,
  context: Excel.RequestContext,
  alsoLoad?: (sheets: Excel.Worksheet[]) => T,
): Promise<GridRead<T>> {
  const withMerges = supportsExcelApi(api, MERGES_API);
  const workbook = supportsExcelApi(api, NAME_API) ? context.workbook.load("name") : null;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();

  const reads = worksheets.items
    .filter((ws) => ws.visibility === "Visible")
    .map((ws) => ({
      name: ws.name,
      used: ws.getUsedRangeOrNullObject(true).load("address,values,valueTypes"),
      merged: withMerges ? ws.getRange().getMergedAreasOrNullObject().load("address") : null,
    }));
  const extra = alsoLoad ? alsoLoad(worksheets.items) : (undefined as T);
  await context.sync();

  return {
    grid: {
      name: workbook?.name || "ブック",
      sheets: reads.map(({ name: sheet, used, merged }) =>
        used.isNullObject
          ? { name: sheet, top: 0, left: 0, values: [], merges: [] }
          : sheetGrid(sheet, used, merged && !merged.isNullObject ? merged.address : ""),
      ),
    },
    sheetNames: worksheets.items.map((ws) => ws.name),
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
