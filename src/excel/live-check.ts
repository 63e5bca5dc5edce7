/**
 * Live re-check while the pane is open: Excel reports each change (onChanged of every sheet, ExcelApi 1.9; of each
 * visible sheet, 1.7); a change that can matter (entry/relevance.ts) marks its form's sheets; about 300 ms after the
 * last such change those sheets alone are read again — in 2 syncs — and checked together with the rest of the last
 * full read. Changes this add-in makes itself (ExcelApi 1.14 tells) are ignored; nothing here writes.
 */
import { checkWorkbook, CheckReport } from "../check";
import { indexForms, FormIndex, sheetsToRecheck } from "../entry/relevance";
import type { WorkbookGrid } from "../template/grid";
import { resolveProfile, TemplateProfile } from "../template/profile";
import { hasFeature } from "./capabilities";
import { Note, toHostError } from "./host-error";
import { OfficeApi, supports } from "./office-api";
import { readGrids } from "./read-workbook";

export const RECHECK_DELAY_MS = 300;
/** How often settled() looks whether a re-check still waits for its delay. */
const SETTLE_POLL_MS = 5;

export interface Recheck {
  grid: WorkbookGrid;
  report: CheckReport;
  /** The sheets read again. */
  sheets: string[];
  notes: Note[];
}

export interface LiveCheckOptions {
  onResult: (result: Recheck) => void;
  onError: (error: Error) => void;
  delayMs?: number;
  profile?: TemplateProfile;
}

export class LiveCheck {
  private base: { grid: WorkbookGrid; report: CheckReport; index: FormIndex } | null = null;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  private names = new Map<string, string>();
  private stopped = false;

  constructor(
    private readonly api: OfficeApi,
    private readonly options: LiveCheckOptions,
  ) {}

  /** Starts listening; false when this Excel cannot report changes (before ExcelApi 1.7). */
  async start(): Promise<boolean> {
    if (!hasFeature(this.api, "liveCheck")) return false;
    const handler = async (args: Excel.WorksheetChangedEventArgs) => this.changed(args);
    await this.api.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility");
      const all = supports(this.api, "WorksheetCollection.onChanged") ? context.workbook.worksheets.onChanged.add(handler) : null;
      await context.sync();
      this.names = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      if (all) this.handlers = [all];
      else {
        this.handlers = sheets.items.filter((ws) => ws.visibility === "Visible").map((ws) => ws.onChanged.add(handler));
        await context.sync();
      }
    });
    if (this.stopped) await this.stop();
    return true;
  }

  /** The last full read and its report: what a re-check starts from (after every 検証). */
  setBase(grid: WorkbookGrid, report: CheckReport): void {
    this.base = { grid, report, index: indexForms(report.items) };
  }

  /** Resolves once no re-check is waiting for its delay or running. */
  async settled(): Promise<void> {
    while (this.timer || this.running) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const handlers = this.handlers;
    this.handlers = [];
    for (const handler of handlers) handler.remove();
    if (handlers.length) await handlers[0].context.sync().catch(() => undefined);
  }

  private changed(args: Excel.WorksheetChangedEventArgs): void {
    if (this.stopped || !this.base || args.triggerSource === "ThisLocalAddin") return;
    const sheet = this.names.get(args.worksheetId);
    if (!sheet) return;
    const details = (args as { details?: { valueBefore?: unknown; valueAfter?: unknown } }).details;
    const sheets = sheetsToRecheck(this.base.index, { sheet, address: args.address, changeType: args.changeType, valueBefore: details?.valueBefore, valueAfter: details?.valueAfter }, this.profile);
    if (!sheets.length) return;
    for (const name of sheets) this.pending.add(name);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? RECHECK_DELAY_MS);
  }

  private get profile(): TemplateProfile {
    return this.options.profile ?? resolveProfile();
  }

  /** Re-checks the pending sheets; changes that come meanwhile wait for the next round. */
  private async flush(): Promise<void> {
    this.timer = null;
    if (this.running) {
      await this.running;
      if (!this.timer && this.pending.size) return this.flush();
      return;
    }
    if (!this.pending.size || !this.base) return;
    const sheets = [...this.pending];
    this.pending.clear();
    this.running = this.recheck(sheets).finally(() => (this.running = null));
    await this.running;
  }

  private async recheck(sheets: string[]): Promise<void> {
    const base = this.base!;
    try {
      const read = await this.api.Excel.run((context) => readGrids(this.api, context, {}, sheets));
      if (this.stopped) return;
      const fresh = new Map(read.grid.sheets.map((s) => [s.name.toLowerCase(), s]));
      const asked = new Set(sheets.map((s) => s.toLowerCase()));
      const grid: WorkbookGrid = {
        name: base.grid.name,
        sheets: base.grid.sheets.flatMap((s) => (asked.has(s.name.toLowerCase()) ? (fresh.has(s.name.toLowerCase()) ? [fresh.get(s.name.toLowerCase())!] : []) : [s])),
      };
      const report = checkWorkbook(grid, { phase: base.report.phase, profile: this.options.profile });
      this.setBase(grid, report);
      this.options.onResult({ grid, report, sheets, notes: read.notes });
    } catch (error) {
      // A sheet renamed or deleted since the last 検証: the next 検証 reads the workbook afresh.
      if (!this.stopped) this.options.onError(toHostError(error));
    }
  }
}
