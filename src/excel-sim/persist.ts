/**
 * Saving a workbook of the in-memory host and opening it again, as a user closes and reopens a file: what Excel
 * keeps in the file survives (cells, formats, merges, data validation, conditional formats, the add-in's
 * settings); what belongs to the session does not (worksheet and conditional format ids, the undo stack, event
 * handlers, the selection): a host made from the reopened workbook starts without them.
 */
import type { SimSheet, SimWorkbook } from "./workbook";

interface SavedSheet extends Omit<SimSheet, "cells" | "columnWidths" | "validations"> {
  cells: [number, unknown][];
  columnWidths: [number, number][];
  validations: [number, unknown][];
}

interface SavedWorkbook {
  name?: string;
  protected: boolean;
  settings: [string, string][];
  sheets: SavedSheet[];
}

/** The workbook as a file would hold it (JSON text). */
export function saveWorkbook(workbook: SimWorkbook): string {
  const saved: SavedWorkbook = {
    name: workbook.name,
    protected: workbook.protected,
    settings: [...(workbook.settings ?? [])],
    sheets: workbook.sheets.map((sheet) => ({
      ...sheet,
      cells: [...sheet.cells],
      columnWidths: [...sheet.columnWidths],
      validations: [...(sheet.validations ?? [])],
    })),
  };
  return JSON.stringify(saved);
}

/** A saved workbook opened again: new objects throughout, so nothing of the session that saved it carries over. */
export function reopenWorkbook(text: string): SimWorkbook {
  const saved = JSON.parse(text) as SavedWorkbook;
  return {
    name: saved.name,
    protected: saved.protected,
    settings: new Map(saved.settings),
    sheets: saved.sheets.map((sheet) => ({
      ...sheet,
      cells: new Map(sheet.cells) as SimSheet["cells"],
      columnWidths: new Map(sheet.columnWidths),
      validations: new Map(sheet.validations) as SimSheet["validations"],
    })),
  };
}
