import { a1 } from "../template/grid";
import { charactersToPoints, linkTarget, NUMBER_FORMATS, SheetWrites, STYLE_LOOKS, StyleLook } from "../summary/sheet-writes";

/**
 * Queues the commands that draw one planned sheet; nothing is sent until the caller's sync. Number formats are
 * set before values, so text that starts with = + - @ is stored as text, never run as a formula.
 */
export function queueSheet(ws: Excel.Worksheet, plan: SheetWrites, options: { links: boolean }): void {
  const rows = Math.max(0, ...plan.cells.map((c) => c.row)) + 1;
  const cols = Math.max(plan.columnWidths.length, ...plan.cells.map((c) => c.col + 1));
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const cell of plan.cells) {
    values[cell.row][cell.col] = cell.value ?? "";
    formats[cell.row][cell.col] = NUMBER_FORMATS[cell.format];
  }

  const all = ws.getRange(`A1:${a1(rows - 1, cols - 1)}`);
  all.numberFormat = formats;
  all.values = values;

  plan.columnWidths.forEach((width, col) => (ws.getRange(a1(0, col)).format.columnWidth = charactersToPoints(width)));
  for (const cell of plan.cells) {
    if (cell.style) styleRange(ws.getRange(a1(cell.row, cell.col)), STYLE_LOOKS[cell.style]);
    if (cell.link && options.links) {
      ws.getRange(a1(cell.row, cell.col)).hyperlink = {
        documentReference: linkTarget(cell.link),
        textToDisplay: String(cell.value ?? ""),
      };
    }
  }
  for (const table of plan.tables) {
    const address = `${a1(table.top, table.left)}:${a1(table.bottom, table.right)}`;
    ws.getRange(address).format.wrapText = true;
    ws.tables.add(address, true).style = "TableStyleMedium7";
  }
}

function styleRange(range: Excel.Range, look: StyleLook): void {
  if (look.bold) range.format.font.bold = true;
  if (look.italic) range.format.font.italic = true;
  if (look.size) range.format.font.size = look.size;
  if (look.color) range.format.font.color = look.color;
  if (look.fill) range.format.fill.color = look.fill;
}
