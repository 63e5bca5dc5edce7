import { createExcelHost, ExcelHost } from "../excel-sim/host";
import { loadSimWorkbook } from "../excel-sim/from-xlsx";
import { cellKey, getCell, sortedCells, SimCell, SimSheet } from "../excel-sim/workbook";
import { isMarkFormula, MARK_LOOKS } from "../entry/marks";
import { listItems } from "../excel-sim/validation";
import type { GridCell, GridModel, GridSheet } from "./GridView";

/** The in-memory host and the workbook it holds (the host changes that workbook in place). */
export type PreviewHost = ExcelHost;

/** .xlsx bytes → the in-memory Excel host holding them (read by the CLI's package reader; an XlsxError says why not). */
export async function openHost(bytes: ArrayBuffer, options: { displayLanguage?: string; name?: string } = {}): Promise<PreviewHost> {
  // ExcelApi 1.20: the preview shows everything the add-in does, one-step undo included.
  return createExcelHost(await loadSimWorkbook(bytes, options.name), { displayLanguage: options.displayLanguage, apiSets: { ExcelApi: "1.20" } });
}

/** Drawing a whole 1,048,576-row sheet is pointless in a preview: at most this much is drawn. */
const MAX_DRAWN_ROWS = 2000;
const MAX_DRAWN_COLS = 60;
const EXTRA_ROWS = 5;
const EXTRA_COLS = 2;
const POINTS_TO_PX = 4 / 3;

/** What the grid view draws: the visible sheets, the active one and its selection. */
export function gridModelOf(host: PreviewHost): GridModel {
  const sheets = host.workbook.sheets.filter((s) => s.visibility === "Visible").map(gridSheet);
  const active = host.activeSheet() ?? sheets[0]?.name ?? null;
  const selection = host.selection();
  return {
    sheets,
    active,
    selection: selection && active && selection.sheet.toLowerCase() === active.toLowerCase() ? selection.address : null,
  };
}

function gridSheet(sheet: SimSheet): GridSheet {
  let bottom = -1;
  let right = -1;
  for (const { row, col } of sortedCells(sheet)) {
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  for (const m of sheet.merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const rows = Math.min(MAX_DRAWN_ROWS, bottom + 1 + EXTRA_ROWS);
  const cols = Math.min(MAX_DRAWN_COLS, Math.max(right + 1 + EXTRA_COLS, 8));
  const merges = sheet.merges.filter((m) => m.top < rows && m.left < cols).map((m) => ({
    top: m.top,
    left: m.left,
    bottom: Math.min(m.bottom, rows - 1),
    right: Math.min(m.right, cols - 1),
  }));
  const colWidths = Array.from({ length: cols }, (_, c) => {
    const points = sheet.columnWidths?.get(c);
    return points === undefined ? undefined : Math.max(16, Math.round(points * POINTS_TO_PX));
  });
  return {
    name: sheet.name,
    rows,
    cols,
    merges,
    colWidths,
    cell: (row, col) => withRules(sheet, row, col, gridCell(getCell(sheet, row, col))),
  };
}

/**
 * A cell's data validation list and input message, and the look of a conditional format that applies. The preview
 * evaluates no formulas: it draws the add-in's own marks (whose formula always holds) and formulas that are TRUE.
 */
function withRules(sheet: SimSheet, row: number, col: number, cell: GridCell | null): GridCell | null {
  const dv = sheet.validations?.get(cellKey(row, col));
  const format = sheet.conditionalFormats?.find(
    (f) => row >= f.range.top && row <= f.range.bottom && col >= f.range.left && col <= f.range.right && (isMarkFormula(f.formula) || f.formula?.toUpperCase() === "=TRUE"),
  );
  if (!dv && !format) return cell;
  const drawn: GridCell = { ...(cell ?? { text: "" }) };
  const list = dv?.rule.list as { source?: string } | undefined;
  if (list?.source) drawn.list = listItems(list.source);
  if (dv?.prompt.showPrompt && (dv.prompt.title || dv.prompt.message)) drawn.prompt = { title: dv.prompt.title, message: dv.prompt.message };
  if (format) {
    const kind = format.formula?.includes("warning") ? "warning" : "error";
    drawn.mark = {
      kind: isMarkFormula(format.formula) ? kind : "other",
      fill: format.format.fill ?? drawn.fill,
      color: format.format.fontColor ?? drawn.color,
      border: format.format.borders?.EdgeTop ? `2px ${format.format.borders.EdgeTop.style === "Dash" ? "dashed" : "solid"} ${format.format.borders.EdgeTop.color ?? MARK_LOOKS[kind].border.color}` : undefined,
    };
  }
  return drawn;
}

function gridCell(cell: SimCell | undefined): GridCell | null {
  if (!cell) return null;
  const format = cell.format ?? {};
  const text = cell.error ?? displayText(cell);
  const align = format.horizontalAlignment?.toLowerCase();
  return {
    text,
    wrap: format.wrapText ?? false,
    bold: format.bold,
    fill: format.fill,
    color: format.color,
    align: align === "center" || align === "right" || align === "left" ? align : typeof cell.value === "number" ? "right" : undefined,
  };
}

/** What Excel shows for a value: the few number formats hyoka's own sheets use (0, 0.0%), else the value. */
function displayText({ value, numberFormat }: SimCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return value;
  const percent = /^0(?:\.(0+))?%$/.exec(numberFormat ?? "");
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  if (numberFormat === "0") return value.toFixed(0);
  return String(value);
}
