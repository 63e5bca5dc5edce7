import { columnName, parseRange } from "../template/grid";

/**
 * A shared formula's text for one of its dependents: the master's relative references moved by the dependent's
 * offset, as Excel does (`A2+B2` in C2 reads `A3+B3` in C3). Absolute parts ($A$1) stay; text in quotes and
 * quoted sheet names are left alone.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(
    /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g,
    (match, colAbs: string | undefined, col: string | undefined, rowAbs: string, row: string) => {
      if (col === undefined) return match;
      const at = parseRange(`${col}${row}`);
      const c = colAbs ? at.left : at.left + cols;
      const r = rowAbs ? at.top : at.top + rows;
      if (c < 0 || r < 0) return "#REF!";
      return `${colAbs}${columnName(c)}${rowAbs}${r + 1}`;
    },
  );
}

