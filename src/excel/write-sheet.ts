import { a1 } from "../template/grid";
import { charactersToPoints, linkTarget, NUMBER_FORMATS, SheetWrites, STYLE_LOOKS, StyleLook } from "../summary/sheet-writes";
import { jsonBytes, PAYLOAD } from "./office-api";
import { rangeA1, rowBlocks } from "./read-plan";

/** A planned sheet and the sheet of ours it replaces (by id), if any. */
export interface SheetWrite {
  name: string;
  plan: SheetWrites;
  replaces: string | null;
}

/** The values a sheet's plan puts in A1:…, row by row ("" for an empty cell), and the number formats. */
export function planGrid(plan: SheetWrites): { values: (string | number)[][]; formats: string[][] } {
  const rows = Math.max(0, ...plan.cells.map((c) => c.row)) + 1;
  const cols = Math.max(plan.columnWidths.length, ...plan.cells.map((c) => c.col + 1));
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const cell of plan.cells) {
    values[cell.row][cell.col] = cell.value ?? "";
    formats[cell.row][cell.col] = NUMBER_FORMATS[cell.format];
  }
  return { values, formats };
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
 * Writes the planned sheets: each replaced sheet of ours deleted and a new one added, then its number formats set
 * before its values (so that text stays text: "=1+1", "+1", "001" are not read as formulas or numbers), widths,
 * styles, links, tables, and the first sheet shown. The commands are packed into as few syncs as the 5 MB request
 * limit allows (one, for any form of a ward), and each block of values is loaded back in the same sync, so that
 * what Excel changed anyway is found and rewritten (see {@link keepTexts}).
 */
export async function writeSheets(
  context: Excel.RequestContext,
  writes: SheetWrite[],
  options: {
    links: boolean;
    /** Queued last, with the sync that shows the first sheet: it runs only once everything before it did. */
    last?: () => void;
  },
  progress: WriteProgress,
): Promise<Changed[]> {
  const worksheets = new Map<string, Excel.Worksheet>();
  const steps = writes.flatMap((write) => sheetSteps(context, write, worksheets, options));
  steps.push({
    sheet: writes[0].name,
    request: 2 * action,
    response: 0,
    queue: () => {
      worksheets.get(writes[0].name)!.activate();
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
  { name, plan, replaces }: SheetWrite,
  worksheets: Map<string, Excel.Worksheet>,
  options: { links: boolean },
): Step[] {
  const ws = () => worksheets.get(name)!;
  const { values, formats } = planGrid(plan);
  const cols = values[0]?.length ?? 1;
  const steps: Step[] = [
    {
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
    steps.push({
      sheet: name,
      request: 4 * action + jsonBytes(blockFormats) + bytes + 40,
      response: PAYLOAD.objectBytes + bytes,
      queue: () => {
        const range = ws().getRange(rangeA1(block));
        range.numberFormat = blockFormats;
        range.values = blockValues;
        range.load("values");
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
      for (const table of plan.tables) {
        const address = rangeA1(table);
        ws().getRange(address).format.wrapText = true;
        ws().tables.add(address, true).style = "TableStyleMedium7";
      }
    },
  });
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
