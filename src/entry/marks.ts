/**
 * 強調表示, the plan: which cells to mark and how. A mark is a conditional format of its own on one cell of a
 * finding — the cell's own format is never touched — whose formula always holds and names the add-in
 * (="hyoka:error"<>""), so that 解除 finds exactly its own marks by their formula, in this session or after the
 * workbook was saved and reopened (conditional format ids do not survive that). The looks are Excel's own
 * presets (light red fill with dark red text; yellow fill with dark yellow text) plus a border, solid for an error
 * and dashed for a warning, so that a mark reads without colour too; fill and text colour are both set, so it
 * reads the same whatever the Office theme. Pure.
 */
import { isBlocking, Phase } from "../model";
import type { Finding } from "../model";
import { z } from "zod";

export type MarkKind = "error" | "warning";

export const MARK_LOOKS: Record<MarkKind, { fill: string; font: string; border: { style: "Continuous" | "Dash"; color: string } }> = {
  error: { fill: "#FFC7CE", font: "#9C0006", border: { style: "Continuous", color: "#9C0006" } },
  warning: { fill: "#FFEB9C", font: "#9C5700", border: { style: "Dash", color: "#9C5700" } },
};

const MARKER = "hyoka:";

/** The formula of a mark: always TRUE, and says whose it is. */
export function markFormula(kind: MarkKind): string {
  return `="${MARKER}${kind}"<>""`;
}

/** A conditional format's formula is one of our marks (Excel may space or case it differently; the string stays). */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${MARKER}`);
}

export interface Mark {
  sheet: string;
  cell: string;
  kind: MarkKind;
}

/** One mark per cell of the findings that have one; an error and a warning on the same cell mark it as an error. */
export function marksOf(findings: readonly Finding[]): Mark[] {
  const marks = new Map<string, Mark>();
  for (const finding of findings) {
    if (!finding.sheet || !finding.cell) continue;
    const key = `${finding.sheet}\u0000${finding.cell}`;
    const kind: MarkKind = isBlocking(finding) ? "error" : "warning";
    const known = marks.get(key);
    if (!known || (known.kind === "warning" && kind === "error")) marks.set(key, { sheet: finding.sheet, cell: finding.cell, kind });
  }
  return [...marks.values()];
}

/** Where the add-in keeps, inside the workbook (Workbook.settings), what it marked and for which result. */
export const HIGHLIGHT_SETTING = "hyoka.highlight";

export const HighlightRecord = z.object({
  at: z.string(),
  phase: Phase,
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type HighlightRecord = z.infer<typeof HighlightRecord>;
