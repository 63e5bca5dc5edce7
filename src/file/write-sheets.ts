import ExcelJS from "exceljs";
import { a1 } from "../template/grid";
import { CellWrite, freeSheetName, isGeneratedSheet, linkTarget, MARKER_CELL, NUMBER_FORMATS, SheetWrites, STYLE_LOOKS, StyleLook } from "../summary/sheet-writes";

const argb = (color: string) => `FF${color.slice(1).toUpperCase()}`;

/** A style's look in ExcelJS terms. */
function excelJsStyle({ bold, italic, size, color, fill }: StyleLook): Partial<ExcelJS.Style> {
  return {
    font: { ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(size ? { size } : {}), ...(color ? { color: { argb: argb(color) } } : {}) },
    ...(fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } } } : {}),
  };
}

/**
 * Adds hyoka's sheets to an ExcelJS workbook. A sheet of ours from an earlier run (it carries the marker) is
 * replaced; a user's sheet with the same name is left alone and ours becomes 「集計 (2)」. Returns the names used.
 */
export function addSheets(workbook: ExcelJS.Workbook, sheets: SheetWrites[]): string[] {
  return sheets.map((plan) => {
    const ours = (ws: ExcelJS.Worksheet | undefined) =>
      Boolean(ws && isGeneratedSheet(ws.getCell(MARKER_CELL.row + 1, MARKER_CELL.col + 1).value));
    const name = freeSheetName(plan.name, (n) => {
      const ws = workbook.getWorksheet(n);
      return Boolean(ws) && !ours(ws);
    });
    const previous = workbook.getWorksheet(name);
    if (previous) workbook.removeWorksheet(previous.id);
    render(workbook.addWorksheet(name), plan);
    return name;
  });
}

function render(ws: ExcelJS.Worksheet, plan: SheetWrites): void {
  plan.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const write of plan.cells) renderCell(ws.getCell(write.row + 1, write.col + 1), write, inTable(plan, write));
  const [table] = plan.tables;
  if (table) ws.autoFilter = `${a1(table.top, table.left)}:${a1(table.bottom, table.right)}`;
  if (plan.freezeRows) ws.views = [{ state: "frozen", ySplit: plan.freezeRows }];
}

/** Table text wraps; the lines above a table (title, marker, counts) stay one line each, spilling right. */
function inTable(plan: SheetWrites, { row, col }: CellWrite): boolean {
  return plan.tables.some((t) => row >= t.top && row <= t.bottom && col >= t.left && col <= t.right);
}

function renderCell(cell: ExcelJS.Cell, write: CellWrite, wrap: boolean): void {
  // A string is stored as a string cell (never a formula), which is what keeps "=…" user text inert.
  cell.value = write.link
    ? { text: String(write.value ?? ""), hyperlink: `#${linkTarget(write.link)}` }
    : write.value;
  cell.numFmt = NUMBER_FORMATS[write.format];
  // Header cells sit in the middle and wrap, like an Excel table's header row.
  cell.alignment = write.style === "header" ? { vertical: "middle", wrapText: true } : { vertical: "top", wrapText: wrap && write.format === "text" };
  if (write.style) Object.assign(cell, excelJsStyle(STYLE_LOOKS[write.style]));
  if (write.link) cell.font = { color: { argb: "FF0563C1" }, underline: true };
}
