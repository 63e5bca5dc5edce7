import * as React from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { a1, columnName, parseRange } from "../template/grid";
import type { CellRange } from "../template/grid";

/** One cell as the preview draws it. */
export interface GridCell {
  text: string;
  wrap?: boolean;
  bold?: boolean;
  /** "#rrggbb" */
  fill?: string;
  /** "#rrggbb" */
  color?: string;
  align?: "left" | "center" | "right";
  /** Data validation: the cell's list (drawn as a dropdown arrow) and its input message. */
  list?: string[];
  prompt?: { title: string; message: string };
  /** A conditional format that applies: the add-in's mark ("error" | "warning") or another. */
  mark?: { kind: "error" | "warning" | "other"; fill?: string; color?: string; border?: string };
}

export interface GridSheet {
  name: string;
  /** Number of rows and columns to draw (0-based cells 0..rows-1, 0..cols-1). */
  rows: number;
  cols: number;
  cell(row: number, col: number): GridCell | null;
  merges: readonly CellRange[];
  /** Column widths and row heights in CSS pixels, where the workbook sets them. */
  colWidths?: readonly (number | undefined)[];
  rowHeights?: readonly (number | undefined)[];
}

export interface GridModel {
  sheets: readonly GridSheet[];
  active: string | null;
  /** The selected range (A1, "B10" or "B10:C11") on the active sheet. */
  selection: string | null;
}

const DEFAULT_COL_WIDTH = 72;
const ROW_HEADER_WIDTH = 40;
const MIN_ROW_HEIGHT = 20;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%" },
  scroller: {
    flex: "1 1 auto",
    minHeight: 0,
    overflow: "auto",
    backgroundColor: "#ffffff",
    ...shorthands.border("1px", "solid", "#c8c6c4"),
    ":focus-visible": { ...shorthands.outline("2px", "solid", tokens.colorStrokeFocus2), outlineOffset: "-2px" },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: '"Yu Gothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", system-ui, sans-serif',
    fontSize: "12px",
    color: "#000000",
  },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3 },
  colHeader: { position: "sticky", top: 0, zIndex: 2 },
  rowHeader: { position: "sticky", left: 0, zIndex: 1, width: "40px", minWidth: "40px" },
  header: {
    backgroundColor: "#f3f2f1",
    color: "#323130",
    fontWeight: "normal",
    textAlign: "center",
    ...shorthands.borderRight("1px", "solid", "#c8c6c4"),
    ...shorthands.borderBottom("1px", "solid", "#c8c6c4"),
    padding: "2px 4px",
    userSelect: "none",
  },
  headerCurrent: { backgroundColor: "#d2e7d9", color: "#0b5a2a", fontWeight: "bold" },
  cell: {
    ...shorthands.borderRight("1px", "solid", "#e1dfdd"),
    ...shorthands.borderBottom("1px", "solid", "#e1dfdd"),
    padding: "2px 4px",
    verticalAlign: "top",
    whiteSpace: "pre",
    overflow: "hidden",
    textOverflow: "clip",
    backgroundColor: "#ffffff",
  },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  selected: {
    outline: "2px solid #107c41",
    outlineOffset: "-2px",
    backgroundColor: "#e6f2ea",
    position: "relative",
    zIndex: 0,
  },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: "2px",
    backgroundColor: "#f3f2f1",
    padding: "0 4px",
    ...shorthands.borderLeft("1px", "solid", "#c8c6c4"),
    ...shorthands.borderRight("1px", "solid", "#c8c6c4"),
    ...shorthands.borderBottom("1px", "solid", "#c8c6c4"),
  },
  tab: {
    font: "inherit",
    fontSize: "13px",
    color: "#323130",
    backgroundColor: "transparent",
    ...shorthands.border("0"),
    ...shorthands.borderBottom("3px", "solid", "transparent"),
    padding: "6px 12px 3px",
    cursor: "pointer",
    ":hover": { backgroundColor: "#e1dfdd" },
    ":focus-visible": { ...shorthands.outline("2px", "solid", tokens.colorStrokeFocus2), outlineOffset: "-2px" },
  },
  tabActive: {
    backgroundColor: "#ffffff",
    color: "#0b5a2a",
    fontWeight: "bold",
    ...shorthands.borderBottom("3px", "solid", "#107c41"),
  },
  empty: { padding: "16px", color: "#605e5c" },
  listCell: { position: "relative", paddingRight: "14px" },
  dropdown: { position: "absolute", right: "1px", top: "1px", fontSize: "10px", lineHeight: "12px", color: "#605e5c", backgroundColor: "#f3f2f1", padding: "0 2px" },
});

export interface GridViewProps {
  model: GridModel;
  onActivate?: (sheet: string) => void;
  /** The user clicked a cell (its A1 address; a merged area's top-left cell). */
  onSelectCell?: (address: string) => void;
  /** Accessible name of the scrollable grid. */
  label: string;
  sheetTabsLabel: string;
  emptyText: string;
}

/**
 * The active sheet of the workbook as a table: column letters, row numbers, merged cells as rowSpan/colSpan,
 * wrapped text; the selection outlined and scrolled into view; sheet tabs below, as in Excel.
 */
export function GridView({ model, onActivate, onSelectCell, label, sheetTabsLabel, emptyText }: GridViewProps) {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const sheet = model.sheets.find((s) => s.name === model.active) ?? model.sheets[0] ?? null;
  const selection = React.useMemo(() => {
    if (!model.selection) return null;
    try {
      return parseRange(model.selection);
    } catch {
      return null;
    }
  }, [model.selection]);

  React.useLayoutEffect(() => {
    if (!selection || !scroller.current) return;
    const target = scroller.current.querySelector<HTMLElement>(`[data-address="${a1(selection.top, selection.left)}"]`);
    if (target && typeof target.scrollIntoView === "function") target.scrollIntoView({ block: "center", inline: "nearest" });
  }, [selection, sheet]);

  const body = sheet ? <SheetTable sheet={sheet} selection={selection} styles={styles} onSelectCell={onSelectCell} /> : null;
  return (
    <div className={styles.root}>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        onKeyDown={(event) => {
          // Arrow keys move the selection, as in Excel (the grid itself has the focus).
          const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
          if (!step || !selection || !onSelectCell || event.target !== event.currentTarget) return;
          event.preventDefault();
          onSelectCell(a1(Math.max(0, selection.top + step[0]), Math.max(0, selection.left + step[1])));
        }}
        aria-label={sheet ? `${label}: ${sheet.name}` : label}
        data-sheet={sheet?.name}
      >
        {body ?? <p className={styles.empty}>{emptyText}</p>}
      </div>
      <div role="tablist" aria-label={sheetTabsLabel} className={styles.tabs}>
        {model.sheets.map((s) => {
          const active = s === sheet;
          return (
            <button
              key={s.name}
              type="button"
              role="tab"
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              className={mergeClasses(styles.tab, active && styles.tabActive)}
              data-sheet-tab={s.name}
              onClick={() => onActivate?.(s.name)}
              onKeyDown={(event) => {
                const i = model.sheets.indexOf(s);
                const next =
                  event.key === "ArrowRight" ? model.sheets[i + 1] : event.key === "ArrowLeft" ? model.sheets[i - 1] : undefined;
                if (next) {
                  event.preventDefault();
                  onActivate?.(next.name);
                  const tabs = (event.currentTarget.parentElement?.children ?? []) as HTMLCollection;
                  (tabs[model.sheets.indexOf(next)] as HTMLElement | undefined)?.focus();
                }
              }}
            >
              {s.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}

function SheetTable({
  sheet,
  selection,
  styles,
  onSelectCell,
}: {
  sheet: GridSheet;
  selection: CellRange | null;
  styles: ReturnType<typeof useStyles>;
  onSelectCell?: (address: string) => void;
}) {
  // Cells covered by a merge other than its top-left one are not drawn.
  const { anchors, covered } = React.useMemo(() => {
    const anchors = new Map<string, CellRange>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      anchors.set(`${m.top},${m.left}`, m);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    return { anchors, covered };
  }, [sheet]);

  const inSelection = (r: number, c: number) =>
    !!selection && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right;
  const cols = Array.from({ length: sheet.cols }, (_, c) => c);
  const rows = Array.from({ length: sheet.rows }, (_, r) => r);
  const widths = cols.map((c) => sheet.colWidths?.[c] ?? DEFAULT_COL_WIDTH);

  return (
    // A fixed layout needs the table's own width; then long unwrapped text is clipped, never widening a column.
    <table className={styles.table} data-sheet={sheet.name} style={{ width: ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0) }}>
      <colgroup>
        <col style={{ width: ROW_HEADER_WIDTH }} />
        {widths.map((width, c) => (
          <col key={c} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <td className={mergeClasses(styles.header, styles.corner)} />
          {cols.map((c) => (
            <th
              key={c}
              scope="col"
              className={mergeClasses(styles.header, styles.colHeader, !!selection && c >= selection.left && c <= selection.right && styles.headerCurrent)}
            >
              {columnName(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r} style={{ height: Math.max(MIN_ROW_HEIGHT, sheet.rowHeights?.[r] ?? MIN_ROW_HEIGHT) }}>
            <th
              scope="row"
              className={mergeClasses(styles.header, styles.rowHeader, !!selection && r >= selection.top && r <= selection.bottom && styles.headerCurrent)}
            >
              {r + 1}
            </th>
            {cols.map((c) => {
              const key = `${r},${c}`;
              if (covered.has(key)) return null;
              const merge = anchors.get(key);
              const cell = sheet.cell(r, c);
              const selected = inSelection(r, c);
              return (
                <td
                  key={c}
                  data-address={a1(r, c)}
                  data-selected={selected ? "true" : undefined}
                  rowSpan={merge ? merge.bottom - merge.top + 1 : undefined}
                  colSpan={merge ? merge.right - merge.left + 1 : undefined}
                  data-mark={cell?.mark?.kind}
                  data-list={cell?.list?.join(",")}
                  className={mergeClasses(styles.cell, cell?.wrap && styles.wrap, selected && styles.selected, cell?.list && styles.listCell)}
                  style={cellStyle(cell)}
                  onClick={() => onSelectCell?.(a1(r, c))}
                >
                  {cell?.text}
                  {cell?.list && (
                    <span className={styles.dropdown} aria-hidden="true">
                      ▾
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cellStyle(cell: GridCell | null): React.CSSProperties | undefined {
  if (!cell) return undefined;
  const style: React.CSSProperties = {};
  if (cell.bold) style.fontWeight = "bold";
  if (cell.fill) style.backgroundColor = cell.fill;
  if (cell.color) style.color = cell.color;
  if (cell.align) style.textAlign = cell.align;
  if (cell.mark?.fill) style.backgroundColor = cell.mark.fill;
  if (cell.mark?.color) style.color = cell.mark.color;
  if (cell.mark?.border) style.border = cell.mark.border;
  return style;
}
