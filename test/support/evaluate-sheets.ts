import { evaluateFormula } from "../../src/excel-sim/formula";
import type { SheetWrites } from "../../src/summary/sheet-writes";
import type { CellValue, WorkbookGrid } from "../../src/template/grid";

/**
 * Evaluates every formula of the summary sheets over the workbook's cells and the sheets themselves, as Excel
 * would after a recalculation: "sheet!row,col" → value. A formula cell refers to other formula cells freely.
 */
export function evaluateSheets(grid: WorkbookGrid, sheets: SheetWrites[]): Map<string, CellValue> {
  const key = (sheet: string, row: number, col: number) => `${sheet.toLowerCase()}!${row},${col}`;
  const constants = new Map<string, CellValue>();
  const formulas = new Map<string, { sheet: string; formula: string }>();
  for (const s of grid.sheets) {
    s.values.forEach((line, i) => line.forEach((v, j) => constants.set(key(s.name, s.top + i, s.left + j), v === "" ? null : v)));
  }
  const names = new Set([...grid.sheets.map((s) => s.name), ...sheets.map((s) => s.name)].map((n) => n.toLowerCase()));
  for (const s of sheets) {
    for (const c of s.cells) {
      if (c.formula) formulas.set(key(s.name, c.row, c.col), { sheet: s.name, formula: c.formula });
      else constants.set(key(s.name, c.row, c.col), c.value === "" ? null : c.value);
    }
  }
  const results = new Map<string, CellValue>();
  const visiting = new Set<string>();
  const cell = (sheet: string, row: number, col: number): CellValue => {
    if (!names.has(sheet.toLowerCase())) return { error: "#REF!" };
    const k = key(sheet, row, col);
    if (results.has(k)) return results.get(k)!;
    const f = formulas.get(k);
    if (!f) return constants.get(k) ?? null;
    if (visiting.has(k)) throw new Error(`circular reference at ${k}`);
    visiting.add(k);
    const value = evaluateFormula(f.formula, { sheet: f.sheet, cell });
    visiting.delete(k);
    results.set(k, value);
    return value;
  };
  for (const [k, f] of formulas) {
    const [, at] = k.split("!");
    const [row, col] = at.split(",").map(Number);
    cell(f.sheet, row, col);
  }
  return results;
}

/** What a cell of the sheets shows after evaluation: a formula's result, else its value. */
export function shown(results: Map<string, CellValue>, sheet: SheetWrites, row: number, col: number): CellValue | undefined {
  const k = `${sheet.name.toLowerCase()}!${row},${col}`;
  if (results.has(k)) return results.get(k);
  return sheet.cells.find((c) => c.row === row && c.col === col)?.value;
}
