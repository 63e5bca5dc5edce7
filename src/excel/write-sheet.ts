import { a1, CellRange } from "../template/grid";
import { charactersToPoints, ChartWrite, linkTarget, NUMBER_FORMATS, PrintSetup, SheetWrites, STYLE_LOOKS, StyleLook } from "../summary/sheet-writes";
import { jsonBytes, PAYLOAD } from "./office-api";
import { rangeA1, rowBlocks } from "./read-plan";

/** A planned sheet, the sheet of ours it replaces (by id), if any, and the names its tables get in this workbook. */
export interface SheetWrite {
  name: string;
  sheet: SheetWrites;
  replaces: string | null;
  /**
   * The replaced sheet is cleared and written again in place, instead of deleted and added: Worksheet.delete does not
   * support undo (see writeIntoOpenWorkbook). Its tables and charts, by name, are deleted first. A sheet the user
   * hid stays hidden (making it visible again cannot be undone on Windows and Mac) and is not activated.
   */
  reuse: { tables: string[]; charts: string[]; hidden: boolean } | null;
  tableNames: string[];
}

/** What this Excel offers beyond ExcelApi 1.4 (each checked at run time, see README). */
export interface WriteFeatures {
  links: boolean;
  freeze: boolean;
  tableLook: boolean;
  pageLayout: boolean;
  /** Queued last, with the sync that shows the first sheet: it runs only once everything before it did. */
  last?: () => void;
}

/**
 * The values a sheet puts in A1:…, row by row ("" for an empty cell), and the number formats. A formula cell gets
 * "" here: its formula follows in the same sync, and its cached text ("=…" a source cell holds) must never be
 * entered through `values`, where Excel would read it as a formula.
 */
export function planGrid(sheet: SheetWrites): { values: (string | number)[][]; formats: string[][] } {
  const rows = sheet.cells.reduce((n, c) => Math.max(n, c.row), 0) + 1;
  const cols = sheet.cells.reduce((n, c) => Math.max(n, c.col + 1), sheet.columnWidths.length);
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const cell of sheet.cells) {
    values[cell.row][cell.col] = cell.formula ? "" : (cell.value ?? "");
    formats[cell.row][cell.col] = NUMBER_FORMATS[cell.format];
  }
  return { values, formats };
}

/** The formula cells of rows `top`..`bottom`, as runs down a column: one `formulas` write each. */
function formulaRuns(sheet: SheetWrites, top: number, bottom: number): { range: CellRange; formulas: string[][] }[] {
  const cells = sheet.cells.filter((c) => c.formula && c.row >= top && c.row <= bottom).sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { range: CellRange; formulas: string[][] }[] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && last.range.left === cell.col && last.range.bottom === cell.row - 1) {
      last.range.bottom = cell.row;
      last.formulas.push([cell.formula!]);
    } else runs.push({ range: { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col }, formulas: [[cell.formula!]] });
  }
  return runs;
}

/** A cell whose value Excel did not keep as written. */
export interface Changed {
  sheet: string;
  worksheet: Excel.Worksheet;
  row: number;
  col: number;
  text: string;
  got: unknown;
}

interface Step {
  sheet: string;
  request: number;
  response: number;
  /** Queues the step's commands; what it returns is checked after the sync. */
  queue(): (() => Changed[]) | void;
}

/** What the writer got done, for the message after a failure. */
export interface WriteProgress {
  /** Sheets whose every command ran in a sync that succeeded. */
  done: Set<string>;
}

/** Each sync is packed to this many bytes each way, a margin under Excel's 5 MB for the estimate's error. */
const SYNC_BUDGET = 4_000_000;
/** Cells of values per write command; a block's request stays a small part of a sync. */
const BLOCK_CELLS = 20_000;
const action = PAYLOAD.actionBytes;

/**
 * Writes the planned sheets: each replaced sheet of ours deleted and a new one added (or emptied in place, see
 * {@link SheetWrite.reuse}), then its number formats set
 * before its values (so that text stays text: "=1+1", "+1", "001" are not read as formulas or numbers), widths,
 * styles, links, tables, and the first sheet shown. The commands are packed into as few syncs as the 5 MB request
 * limit allows (one, for any form of a ward), and each block of values is loaded back in the same sync, so that
 * what Excel changed anyway is found and rewritten (see {@link keepTexts}).
 */
export async function writeSheets(
  context: Excel.RequestContext,
  writes: SheetWrite[],
  options: WriteFeatures,
  progress: WriteProgress,
): Promise<Changed[]> {
  const worksheets = new Map<string, Excel.Worksheet>();
  const steps = writes.flatMap((write) => sheetSteps(context, write, worksheets, options));
  steps.push({
    sheet: writes[0].name,
    request: 2 * action,
    response: 0,
    queue: () => {
      // A hidden worksheet cannot be the active one.
      if (!writes[0].reuse?.hidden) worksheets.get(writes[0].name)!.activate();
      options.last?.();
    },
  });

  const changed: Changed[] = [];
  const run = async (from: number): Promise<void> => {
    if (from >= steps.length) return;
    let to = from;
    let request = 0;
    let response = 0;
    while (to < steps.length && (to === from || (request + steps[to].request <= SYNC_BUDGET && response + steps[to].response <= SYNC_BUDGET))) {
      request += steps[to].request;
      response += steps[to].response;
      to++;
    }
    const batch = steps.slice(from, to);
    const checks = batch.map((step) => step.queue()).filter((check): check is () => Changed[] => Boolean(check));
    await context.sync();
    for (const check of checks) changed.push(...check());
    const later = new Set(steps.slice(to).map((s) => s.sheet));
    for (const step of batch) if (!later.has(step.sheet)) progress.done.add(step.sheet);
    return run(to);
  };
  await run(0);
  return keepTexts(context, changed);
}

function sheetSteps(
  context: Excel.RequestContext,
  { name, sheet: plan, replaces, reuse, tableNames }: SheetWrite,
  worksheets: Map<string, Excel.Worksheet>,
  options: WriteFeatures,
): Step[] {
  const ws = () => worksheets.get(name)!;
  const { values, formats } = planGrid(plan);
  const cols = values[0]?.length ?? 1;
  const steps: Step[] = [
    reuse
      ? {
          sheet: name,
          request: (6 + 2 * (reuse.tables.length + reuse.charts.length)) * action + jsonBytes(name) + jsonBytes(reuse),
          response: 0,
          queue: () => {
            worksheets.set(name, emptied(context.workbook.worksheets.getItem(name), reuse, options));
          },
        }
      : {
          sheet: name,
          request: 4 * action + 2 * jsonBytes(name),
          response: 0,
          queue: () => {
            if (replaces) context.workbook.worksheets.getItem(name).delete();
            worksheets.set(name, context.workbook.worksheets.add(name));
          },
        },
  ];

  for (const block of rowBlocks({ top: 0, left: 0, bottom: values.length - 1, right: cols - 1 }, BLOCK_CELLS)) {
    const blockValues = values.slice(block.top, block.bottom + 1);
    const blockFormats = formats.slice(block.top, block.bottom + 1);
    const bytes = jsonBytes(blockValues);
    const runs = formulaRuns(plan, block.top, block.bottom);
    steps.push({
      sheet: name,
      request: 4 * action + jsonBytes(blockFormats) + bytes + 40 + runs.reduce((n, run) => n + 3 * action + jsonBytes(run.formulas), 0),
      response: PAYLOAD.objectBytes + bytes,
      queue: () => {
        const range = ws().getRange(rangeA1(block));
        range.numberFormat = blockFormats;
        range.values = blockValues;
        range.load("values");
        // The formulas after the values (and after the General format of their cells): never entered as text.
        for (const run of runs) ws().getRange(rangeA1(run.range)).formulas = run.formulas;
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- writeSheets calls the check after the sync
        return () => compare(name, ws(), block.top, blockValues, range.values, blockFormats);
      },
    });
  }

  const styled = plan.cells.filter((c) => c.style);
  const links = options.links ? plan.cells.filter((c) => c.link) : [];
  steps.push({
    sheet: name,
    request: plan.columnWidths.length * 4 * action + styled.length * 8 * action + plan.tables.length * 8 * action,
    response: 0,
    queue: () => {
      plan.columnWidths.forEach((width, col) => (ws().getRange(a1(0, col)).format.columnWidth = charactersToPoints(width)));
      for (const cell of styled) styleRange(ws().getRange(a1(cell.row, cell.col)), STYLE_LOOKS[cell.style!]);
      plan.tables.forEach((table, i) => {
        const range = ws().getRange(rangeA1(table));
        range.format.wrapText = true;
        const added = ws().tables.add(rangeA1(table), true);
        added.name = tableNames[i];
        added.style = table.style;
        if (options.tableLook) {
          added.showBandedRows = table.bandedRows;
          added.showFilterButton = table.filterButtons;
        }
        // Excel measures the wrapped text; a file gets the layout's estimate instead (rowHeights).
        range.format.autofitRows();
      });
      if (options.freeze && plan.freezeRows) ws().freezePanes.freezeRows(plan.freezeRows);
    },
  });
  if (options.pageLayout) steps.push({ sheet: name, request: 12 * action, response: 0, queue: () => queuePrint(ws(), plan.print) });
  for (const chart of plan.charts) {
    steps.push({ sheet: name, request: 6 * action + jsonBytes(chart.title), response: 0, queue: () => queueChart(ws(), chart) });
  }
  // Links after the tables, as before: a link is a cell's format and value, and a table keeps them.
  const linkBytes = (cell: (typeof links)[number]) => 3 * action + jsonBytes(linkTarget(cell.link!)) + jsonBytes(cell.value);
  for (let i = 0; i < links.length; ) {
    const chunk: typeof links = [];
    let bytes = 0;
    while (i < links.length && (chunk.length === 0 || bytes + linkBytes(links[i]) <= SYNC_BUDGET / 4)) {
      bytes += linkBytes(links[i]);
      chunk.push(links[i++]);
    }
    steps.push({
      sheet: name,
      request: bytes,
      response: 0,
      queue: () => {
        for (const cell of chunk) {
          ws().getRange(a1(cell.row, cell.col)).hyperlink = { documentReference: linkTarget(cell.link!), textToDisplay: String(cell.value ?? "") };
        }
      },
    });
  }
  return steps;
}

/**
 * A sheet of ours made empty for writing again: its charts and tables deleted, panes unfrozen, and every cell's
 * contents, formats and links cleared (Range.clear's "All", over the whole sheet). Column widths stay: the layout
 * sets those of its columns.
 */
function emptied(ws: Excel.Worksheet, { tables, charts }: NonNullable<SheetWrite["reuse"]>, options: WriteFeatures): Excel.Worksheet {
  for (const chart of charts) ws.charts.getItem(chart).delete();
  for (const table of tables) ws.tables.getItem(table).delete();
  if (options.freeze) ws.freezePanes.unfreeze();
  ws.getRange().clear();
  return ws;
}

/** A4, landscape, one page wide, the title rows on every page, what prints, the footer (ExcelApi 1.9). */
function queuePrint(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = print.paper;
  // Width only: "zoom = { horizontalFitToPages: 1 }" is Excel's 「横 1 ページ」 with the height automatic.
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
  if (print.area) layout.setPrintArea(rangeA1(print.area));
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = print.footer.left;
  footer.centerFooter = print.footer.center;
  footer.rightFooter = print.footer.right;
}

/** One of Excel's own charts over the sheet's cells, placed over the cells the layout gives it. */
function queueChart(ws: Excel.Worksheet, chart: ChartWrite): void {
  const added = ws.charts.add("BarStacked100", ws.getRange(rangeA1(chart.data)), chart.seriesBy === "rows" ? "Rows" : "Columns");
  added.title.text = chart.title;
  added.setPosition(a1(chart.anchor.top, chart.anchor.left), a1(chart.anchor.bottom, chart.anchor.right));
}

function styleRange(range: Excel.Range, look: StyleLook): void {
  if (look.bold) range.format.font.bold = true;
  if (look.italic) range.format.font.italic = true;
  if (look.size) range.format.font.size = look.size;
  if (look.color) range.format.font.color = look.color;
  if (look.fill) range.format.fill.color = look.fill;
}

/** The cells of a block that did not come back as written. */
function compare(sheet: string, worksheet: Excel.Worksheet, top: number, wanted: (string | number)[][], got: unknown[][], formats: string[][]): Changed[] {
  const changed: Changed[] = [];
  wanted.forEach((row, r) =>
    row.forEach((value, col) => {
      const back = got[r][col];
      if (back === value || (value === "" && (back === null || back === undefined))) return;
      if (typeof value === "string" && formats[r][col] === "@") changed.push({ sheet, worksheet, row: top + r, col, text: value, got: back });
    }),
  );
  return changed;
}

/** Rounds of rewriting at most; each takes one or two syncs, and only where Excel changed a text. */
const KEEP_TEXT_ROUNDS = 3;

/**
 * Rewrites the texts Excel did not keep, whichever way the Excel at hand reads them (the documentation leaves both
 * open; tools/excel-probe tells): a text format that a batch set too late for its own values (the format is set
 * again in a sync of its own, then the text), or a leading apostrophe taken as the quote prefix even in a text cell
 * (then one more apostrophe). Returns the cells still changed.
 */
async function keepTexts(context: Excel.RequestContext, changed: Changed[], round = 1): Promise<Changed[]> {
  if (!changed.length || round > KEEP_TEXT_ROUNDS) return changed;
  const address = (c: Changed) => a1(c.row, c.col);
  const prefixTaken = (c: Changed) => c.text.startsWith("'") && c.got === c.text.slice(1);
  const prefixKept = (c: Changed) => c.got === `'${c.text}`;
  const reformat = changed.filter((c) => !prefixTaken(c) && !prefixKept(c));
  for (const c of reformat) c.worksheet.getRange(address(c)).numberFormat = [["@"]];
  if (reformat.length) await context.sync();
  const checks = changed.map((c) => {
    const range = c.worksheet.getRange(address(c));
    range.values = [[prefixTaken(c) ? `'${c.text}` : c.text]];
    return { c, range: range.load("values") };
  });
  await context.sync();
  const still = checks.filter(({ c, range }) => range.values[0][0] !== c.text).map(({ c, range }) => ({ ...c, got: range.values[0][0] }));
  return keepTexts(context, still, round + 1);
}
