import { createExcelHost } from "../excel-sim/host";
import { loadSimWorkbook } from "../excel-sim/from-xlsx";
import { getCell, sortedCells, SimCell, SimSheet, SimWorkbook } from "../excel-sim/workbook";
import type { GridCell, GridModel, GridSheet } from "./GridView";

/** The in-memory host and the workbook it holds (the host changes that workbook in place). */
export interface PreviewHost {
  Excel: ReturnType<typeof createExcelHost>["Excel"];
  Office: ReturnType<typeof createExcelHost>["Office"];
  selection(): unknown;
  activeSheet(): unknown;
  workbook: SimWorkbook;
}

/** .xlsx bytes → the in-memory Excel host holding them. */
export async function openHost(bytes: ArrayBuffer, options: { displayLanguage?: string; name?: string } = {}): Promise<PreviewHost> {
  const workbook = await loadSimWorkbook(bytes, options.name);
  const host = createExcelHost(workbook, { displayLanguage: options.displayLanguage });
  return {
    Excel: host.Excel,
    Office: host.Office,
    selection: () => host.selection(),
    activeSheet: () => host.activeSheet(),
    workbook,
  };
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
  const active = nameOf(host.activeSheet()) ?? sheets[0]?.name ?? null;
  const selection = selectionOf(host.selection());
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
    cell: (row, col) => gridCell(getCell(sheet, row, col)),
  };
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

function nameOf(active: unknown): string | null {
  if (typeof active === "string") return active;
  if (active && typeof active === "object" && "name" in active) return String((active as { name: unknown }).name);
  return null;
}

/** host.selection() as { sheet, address }, whether it answers an object or "Sheet!A1". */
function selectionOf(selection: unknown): { sheet: string; address: string } | null {
  if (!selection) return null;
  if (typeof selection === "string") {
    const bang = selection.lastIndexOf("!");
    if (bang < 0) return null;
    return { sheet: selection.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"), address: selection.slice(bang + 1) };
  }
  const s = selection as { sheet?: unknown; address?: unknown };
  if (typeof s.address !== "string") return null;
  const address = s.address.includes("!") ? s.address.slice(s.address.lastIndexOf("!") + 1) : s.address;
  const sheet = typeof s.sheet === "string" ? s.sheet : nameOf(s.sheet);
  return sheet ? { sheet, address } : null;
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
