/**
 * What the user does in the in-memory host's workbook, apart from the add-in: type into a cell (read as Excel
 * reads typing, checked against the cell's data validation), press Ctrl+Z. Both go on the undo stack and raise
 * onChanged, as in Excel; neither counts as a request of the add-in (no sync, no payload).
 */
import { readEntry, storeEntry } from "./entry";
import type { CellChange } from "./events";
import type { HostState } from "./proxy";
import { SimOfficeError } from "./proxy";
import { parseAddress } from "./range-ref";
import { isValid } from "./validation";
import { cellKey, displayValue, SimCell, SimDataValidation, valueType } from "./workbook";

export interface TypedResult {
  /** False when the cell's validation stops the entry (alert style Stop): nothing changed. */
  accepted: boolean;
  /** The alert Excel shows for a value outside the cell's list (Warning and Information let it in). */
  alert: SimDataValidation["errorAlert"] | null;
}

/** The user types `text` into a cell (into a merged area's top-left cell, as Excel does) and presses Enter. */
export function typeIntoCell(state: HostState, sheetName: string, address: string, text: string): TypedResult {
  const sheet = state.workbook.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) throw new SimOfficeError("ItemNotFound", `The worksheet '${sheetName}' doesn't exist.`);
  if (sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
  const at = parseAddress(address);
  const merge = sheet.merges.find((m) => at.top >= m.top && at.top <= m.bottom && at.left >= m.left && at.left <= m.right);
  const row = merge?.top ?? at.top;
  const col = merge?.left ?? at.left;
  const key = cellKey(row, col);

  const dv = sheet.validations?.get(key);
  const alert = dv?.errorAlert.showAlert && !isValid(dv, text) ? { ...dv.errorAlert } : null;
  if (alert?.style === "Stop") return { accepted: false, alert };

  const before = sheet.cells.get(key);
  const cell: SimCell = before ? { ...before } : { value: null };
  storeEntry(cell, readEntry(text, cell.numberFormat, { apostropheInTextCells: state.options.apostropheInTextCells ?? "literal" }), cell.numberFormat);
  sheet.cells.set(key, cell);
  const change: CellChange = {
    sheet,
    range: { top: row, left: col, bottom: row, right: col },
    detail: { valueBefore: displayValue(before), valueAfter: displayValue(cell), valueTypeBefore: valueType(before), valueTypeAfter: valueType(cell) },
  };
  state.undo.pushUser({ reverts: [() => (before ? sheet.cells.set(key, before) : sheet.cells.delete(key))], changes: [change] });
  state.events.emit([change], "Unknown");
  return { accepted: true, alert };
}

/** Ctrl+Z: the last step taken back (its value changes reported to onChanged); false when there was none. */
export function undoLast(state: HostState): boolean {
  const step = state.undo.undo();
  if (!step) return false;
  const changes = step.changes.map((change) => ({
    ...change,
    detail: change.detail && {
      valueBefore: change.detail.valueAfter,
      valueAfter: change.detail.valueBefore,
      valueTypeBefore: change.detail.valueTypeAfter,
      valueTypeAfter: change.detail.valueTypeBefore,
    },
  }));
  state.events.emit(changes.reverse(), "Unknown");
  return true;
}
