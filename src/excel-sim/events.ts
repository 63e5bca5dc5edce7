/**
 * Worksheet change events of the in-memory host: Worksheet.onChanged (ExcelApi 1.7) and
 * WorksheetCollection.onChanged (1.9). As in Excel, a handler is registered by a queued command (it holds after
 * the sync), an event arrives after the change, asynchronously, for edits by the user, by undo and by the API
 * alike; `details` (1.9) only for a change of one cell, `triggerSource` (1.14) says whether this add-in caused it.
 */
import { EXCEL_API, ExcelMember, versionAtLeast } from "../excel/office-api";
import type { CellRange } from "../template/grid";
import { a1 } from "../template/grid";
import type { Context } from "./proxy";
import type { SimSheet, SimValue } from "./workbook";

/** Cells whose values changed; for one cell, its value and value type before and after. */
export interface CellChange {
  sheet: SimSheet;
  range: CellRange;
  detail?: { valueBefore: SimValue | string; valueAfter: SimValue | string; valueTypeBefore: string; valueTypeAfter: string };
}

/** WorksheetChangedEventArgs, as far as the host models it. */
export interface ChangedEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local";
  triggerSource?: "ThisLocalAddin" | "Unknown";
  details?: CellChange["detail"];
}

type Handler = (args: ChangedEventArgs) => unknown;

interface Registration {
  /** The sheet, or every sheet (WorksheetCollection.onChanged). */
  scope: SimSheet | null;
  handler: Handler;
}

export class ChangeEvents {
  private readonly registrations = new Set<Registration>();
  private deliveries: Promise<unknown>[] = [];

  constructor(
    private readonly apiVersion: () => string,
    private readonly sheetId: (sheet: SimSheet) => string,
  ) {}

  /** Handlers registered now. */
  get count(): number {
    return this.registrations.size;
  }

  add(registration: Registration): void {
    this.registrations.add(registration);
  }

  remove(registration: Registration): void {
    this.registrations.delete(registration);
  }

  /** Delivers one event per change, after the current task, to every handler of its sheet or of all sheets. */
  emit(changes: readonly CellChange[], trigger: "ThisLocalAddin" | "Unknown"): void {
    const version = this.apiVersion();
    for (const change of changes) {
      const { top, left, bottom, right } = change.range;
      const args: ChangedEventArgs = {
        type: "WorksheetChanged",
        worksheetId: this.sheetId(change.sheet),
        address: top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`,
        changeType: "RangeEdited",
        source: "Local",
        ...(versionAtLeast(version, EXCEL_API["WorksheetChangedEventArgs.triggerSource"]) ? { triggerSource: trigger } : {}),
        ...(change.detail && versionAtLeast(version, EXCEL_API["WorksheetChangedEventArgs.details"]) ? { details: change.detail } : {}),
      };
      for (const registration of this.registrations) {
        if (registration.scope !== null && registration.scope !== change.sheet) continue;
        this.deliveries.push(
          new Promise((resolve) => setTimeout(resolve, 0))
            .then(() => registration.handler(args))
            .catch(() => undefined),
        );
      }
    }
  }

  /** Resolves once every event emitted so far has been handled, and those its handlers caused in turn. */
  async settled(): Promise<void> {
    while (this.deliveries.length) {
      const pending = this.deliveries;
      this.deliveries = [];
      await Promise.all(pending);
    }
  }
}

/** `onChanged` of a worksheet (scope) or of the worksheet collection (null): add() queues the registration. */
export function changedEvent(ctx: Context, member: ExcelMember, scope: () => SimSheet | null) {
  return {
    add(handler: Handler) {
      const registration: Registration = { scope: null, handler };
      if (ctx.gate(member)) {
        ctx.push((tx) => {
          registration.scope = scope();
          tx.mutate(
            () => ctx.host.events.add(registration),
            () => ctx.host.events.remove(registration),
            "view",
          );
        });
      }
      return {
        context: ctx,
        remove() {
          ctx.push(() => ctx.host.events.remove(registration));
        },
      };
    },
  };
}
