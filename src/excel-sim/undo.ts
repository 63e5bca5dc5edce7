/**
 * Excel's undo stack, as far as an add-in can see it. Microsoft's "Undo support with the Excel JavaScript API"
 * (ExcelApi 1.20): actions of the API are saved in the user's undo stack; "When false, each context.sync() call
 * creates an undo record. When true, all context.sync() calls in a single Excel.run are merged into one undo
 * group" (RunOptions.mergeUndoGroup); "If an API within the group doesn't offer undo support, the UndoNotSupported
 * error is thrown"; "If you call an unsupported API in your add-in, the user's undo stack is cleared starting from
 * that API call". Before ExcelApi 1.20 a write through the API clears the stack: nothing before it can be undone,
 * and the write itself cannot be either.
 */
import type { CellChange } from "./events";

/** What one undo record puts back, and the cells whose values it changes back (for onChanged). */
export interface UndoStep {
  reverts: (() => void)[];
  changes: CellChange[];
}

export class UndoHistory {
  private readonly steps: UndoStep[] = [];

  /** `supported`: whether the host has undo support for the API (ExcelApi 1.20). */
  constructor(private readonly supported: () => boolean) {}

  /** Steps Ctrl+Z can take back. */
  get depth(): number {
    return this.steps.length;
  }

  clear(): void {
    this.steps.length = 0;
  }

  /** A user's own edit: always one step. */
  pushUser(step: UndoStep): void {
    if (step.reverts.length) this.steps.push(step);
  }

  /**
   * What one sync of the API changed. `group` is the step of the Excel.run when it merges its syncs (null for the
   * first sync that changes anything); returns the step the next sync of that run extends.
   */
  pushApi(step: UndoStep, group: UndoStep | null): UndoStep | null {
    if (!step.reverts.length) return group;
    if (!this.supported()) {
      this.clear();
      return null;
    }
    if (group && this.steps[this.steps.length - 1] === group) {
      group.reverts.push(...step.reverts);
      group.changes.push(...step.changes);
      return group;
    }
    this.steps.push(step);
    return step;
  }

  /** Ctrl+Z: the last step taken back, or null when there is nothing to undo. */
  undo(): UndoStep | null {
    const step = this.steps.pop();
    if (!step) return null;
    for (const revert of [...step.reverts].reverse()) revert();
    return step;
  }
}
