/**
 * Recalculation for the in-memory host: every formula cell of the workbook gets the value its formula gives now,
 * through the evaluator (formula.ts). A formula the evaluator does not know keeps the value it had (a file's
 * cached value) and is reported, so that the host can refuse it where it must rather than pretend.
 */
import type { CellValue } from "../template/grid";
import { evaluateFormula, FormulaContext, FormulaError, FormulaNode, parseFormula } from "./formula";
import { cellKey, cellPosition, SimCell, SimWorkbook } from "./workbook";

export interface Unevaluated {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  reason: string;
}

/** Parsed formulas by their text: a sheet of items repeats a few shapes, and recalculation runs after every batch. */
const parsed = new Map<string, FormulaNode>();

function parse(formula: string): FormulaNode {
  let tree = parsed.get(formula);
  if (!tree) {
    tree = parseFormula(formula);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(formula, tree);
  }
  return tree;
}

/** Recomputes every formula cell; returns those it could not evaluate (their values are left as they were). */
export function recalculate(workbook: SimWorkbook): Unevaluated[] {
  const sheets = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s]));
  const done = new Map<SimCell, CellValue>();
  const evaluating = new Set<SimCell>();
  const unevaluated: Unevaluated[] = [];

  const valueOf = (cell: SimCell | undefined): CellValue => {
    if (!cell) return null;
    if (cell.formula === undefined) return cell.error ? { error: cell.error } : cell.value === "" ? null : cell.value;
    if (done.has(cell)) return done.get(cell)!;
    if (evaluating.has(cell)) throw new FormulaError("A circular reference (the host does not iterate)");
    return cell.error ? { error: cell.error } : cell.value;
  };

  const cellOf = (name: string, row: number, col: number): CellValue => {
    const sheet = sheets.get(name.toLowerCase());
    if (!sheet) return { error: "#REF!" };
    const target = sheet.cells.get(cellKey(row, col));
    return target?.formula !== undefined && !done.has(target) && !evaluating.has(target) ? evaluate(sheet.name, target) : valueOf(target);
  };
  // A range is read once per recalculation (the judgement tables are read by every row): its cells' values are final
  // when read, formulas among them evaluated first.
  const ranges = new Map<string, CellValue[][]>();
  const rangeOf: FormulaContext["range"] = (name, ref) => {
    const id = `${name.toLowerCase()}!${ref.top},${ref.left},${ref.bottom},${ref.right}`;
    let values = ranges.get(id);
    if (!values) {
      values = [];
      for (let r = ref.top; r <= ref.bottom; r++) {
        const row: CellValue[] = [];
        for (let c = ref.left; c <= ref.right; c++) row.push(cellOf(name, r, c));
        values.push(row);
      }
      ranges.set(id, values);
    }
    return values;
  };

  const evaluate = (sheetName: string, cell: SimCell): CellValue => {
    if (done.has(cell)) return done.get(cell)!;
    evaluating.add(cell);
    try {
      const value = evaluateFormula(parse(cell.formula!), { sheet: sheetName, cell: cellOf, range: rangeOf });
      done.set(cell, value);
      return value;
    } finally {
      evaluating.delete(cell);
    }
  };

  for (const sheet of workbook.sheets) {
    for (const [key, cell] of sheet.cells) {
      if (cell.formula === undefined || done.has(cell)) continue;
      try {
        evaluate(sheet.name, cell);
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        const { row, col } = cellPosition(key);
        unevaluated.push({ sheet: sheet.name, row, col, formula: cell.formula, reason: error.message });
        done.set(cell, valueOf({ ...cell, formula: undefined }));
      }
    }
  }
  for (const [cell, value] of done) {
    if (value !== null && typeof value === "object") {
      cell.value = null;
      cell.error = value.error;
    } else {
      cell.value = value;
      delete cell.error;
    }
  }
  return unevaluated;
}
