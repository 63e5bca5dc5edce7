/**
 * A faithful in-memory Excel host: the subset of the Excel JavaScript API that hyoka uses, over a SimWorkbook,
 * at least as strict as Microsoft's documentation.
 * - Proxy rules: a property is readable only after load() AND the sync that follows; writes and methods are
 *   queued and run at sync, in order; every sync is counted.
 * - Requirement sets: a member above the host's ExcelApi version fails the batch with ApiNotFound (EXCEL_API).
 * - Limits: 5 MB per request and per response (estimated as PAYLOAD says); cell-level reads of more than
 *   5,000,000 cells or of whole rows/columns give null; more than 512 merged areas fail getMergedAreasOrNullObject.
 * - Batches are not atomic: a failing command rejects the sync and the commands before it stay applied.
 * - Strings written through `values` are read as Excel reads them (entry.ts).
 * What the documentation leaves open is an option, so that the add-in is tested both ways (tools/excel-probe
 * finds out which way a real Excel goes).
 */
import { EXCEL_API, ExcelMember, jsonBytes, LIMITS, PAYLOAD, versionAtLeast } from "../excel/office-api";
import { a1, CellRange, parseRange } from "../template/grid";
import { readEntry } from "./entry";
import { cellKey, cellPosition, hasContent, MAX_COLUMNS, newSheet, SimCell, SimSheet, SimWorkbook } from "./workbook";

export class SimOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HostOptions {
  /** Requirement sets the host claims, e.g. { ExcelApi: "1.13" }. Default ExcelApi 1.17. */
  apiSets?: Record<string, string>;
  /** Excel is busy in cell-edit mode: every sync rejects, as Office does. */
  editMode?: boolean;
  /**
   * A method or navigation called on a null object fails the whole batch, instead of giving another null
   * object. Office.js does not document which of the two Excel does; the add-in must be right on both.
   */
  strictNullObjects?: boolean;
  /**
   * Whether a text format ("@") set earlier in the same batch already holds when `values` are written (default
   * true). Undocumented; with false, the values are read with the format the cell had before the batch.
   */
  textFormatInBatch?: boolean;
  /** A leading apostrophe written into a text-formatted cell: kept (default) or taken as the quote prefix. */
  apostropheInTextCells?: "literal" | "prefix";
  /**
   * Which merged areas getMergedAreasOrNullObject returns: those whose top-left cell is in the range (default;
   * what Excel does, office-js issue #3611) or every one that intersects it.
   */
  mergedAreas?: "top-left" | "intersecting";
  /** A read of more than 5,000,000 cells: "null" (default) or "error" — the documentation allows both. */
  oversizedReads?: "null" | "error";
  /** Cells a read may have before it gives null (or the error): 5,000,000 as documented; lower to test more reads. */
  readCellLimit?: number;
  /** Undo a failed batch's earlier commands (Excel promises no such thing; only for testing both ways). */
  atomicBatches?: boolean;
  displayLanguage?: string;
  theme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
}

const MAX_ROWS = 1_048_576;

interface Tx {
  /** Apply a change now; `undo` puts it back if a later command fails and the host plays atomic batches. */
  mutate(apply: () => void, undo: () => void): void;
  /** Make loaded values visible once the whole sync succeeded. */
  stage(commit: () => void): void;
  /** Count bytes of the response. */
  respond(bytes: number): void;
  /** Number formats set by this batch so far, by cell, with the format before (see textFormatInBatch). */
  formatBefore: Map<SimCell, string | undefined>;
}
type Command = (tx: Tx) => void;

/** One sync's estimated payload, in bytes, and the error code if it failed. */
export interface SyncPayload {
  request: number;
  response: number;
  failed?: string;
}

interface HostState {
  workbook: SimWorkbook;
  options: HostOptions;
  apiSets: Record<string, string>;
  stats: { runs: number; syncs: number; loads: number; payloads: SyncPayload[] };
  selection: { sheet: string; address: string } | null;
  active: string | null;
}

class Context {
  private queue: Command[] = [];
  private requestBytes = 0;
  readonly workbook: WorkbookProxy;

  constructor(readonly host: HostState) {
    this.workbook = new WorkbookProxy(this);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Counts an action in the request: what Office.js would send for it, `args` included. */
  cost(args?: unknown): void {
    this.requestBytes += PAYLOAD.actionBytes + (args === undefined ? 0 : jsonBytes(args));
  }

  /** Queues a command; `args` are what Office.js would send with it. */
  push(command: Command, args?: unknown): void {
    this.cost(args);
    this.queue.push(command);
  }

  /** Queues ApiNotFound when the host's ExcelApi lacks `member`; true when it has it. */
  gate(member: ExcelMember): boolean {
    const version = EXCEL_API[member];
    if (!version) throw new Error(`${member} is not in EXCEL_API`);
    if (versionAtLeast(this.host.apiSets.ExcelApi ?? "0", version)) return true;
    this.push(() => {
      throw new SimOfficeError("ApiNotFound", `The API you are trying to use could not be found (${member}, ExcelApi ${version}).`);
    });
    return false;
  }

  async sync(): Promise<void> {
    const { host } = this;
    host.stats.syncs++;
    const commands = this.queue.splice(0);
    const payload: SyncPayload = { request: this.requestBytes, response: 0 };
    this.requestBytes = 0;
    host.stats.payloads.push(payload);
    await Promise.resolve();
    try {
      this.run(commands, payload);
    } catch (error) {
      payload.failed = (error as { code?: string }).code ?? "Unknown";
      throw error;
    }
  }

  private run(commands: Command[], payload: SyncPayload): void {
    const { host } = this;
    if (host.options.editMode) {
      throw new SimOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    if (payload.request > LIMITS.payloadBytes) {
      throw new SimOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    const undo: (() => void)[] = [];
    const commits: (() => void)[] = [];
    const tx: Tx = {
      mutate: (apply, revert) => {
        apply();
        if (host.options.atomicBatches) undo.push(revert);
      },
      stage: (commit) => commits.push(commit),
      respond: (bytes) => (payload.response += bytes),
      formatBefore: new Map(),
    };
    try {
      for (const command of commands) command(tx);
    } catch (error) {
      for (const revert of undo.reverse()) revert();
      throw error;
    }
    // The commands ran; only their answer is too large to come back.
    if (payload.response > LIMITS.payloadBytes) {
      throw new SimOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    for (const commit of commits) commit();
  }
}

function notLoaded(name: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(props?: string | string[] | { select?: string | string[] }): string[] | null {
  if (props === undefined) return null;
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props;
  return parseLoad(props.select);
}

/** A proxy: loaded values appear only after a successful sync; a null object knows it is null after sync. */
abstract class Proxy<T> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  /** What the object path came to in the sync under way: Excel evaluates it once per batch. */
  private resolved: { sync: number; target: T | null } | undefined;
  /** The class name in EXCEL_API ("Range"). */
  protected abstract readonly kind: string;

  constructor(
    protected readonly ctx: Context,
    private readonly resolveTarget: () => T | null,
    orNullObject = false,
  ) {
    if (orNullObject) {
      ctx.push((tx) => {
        const isNull = this.resolver() === null;
        tx.respond(PAYLOAD.objectBytes);
        tx.stage(() => (this.nullState = isNull));
      });
    }
  }

  get context(): Context {
    return this.ctx;
  }

  private resolver(): T | null {
    const sync = this.ctx.host.stats.syncs;
    if (this.resolved?.sync !== sync) this.resolved = { sync, target: this.resolveTarget() };
    return this.resolved.target;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  protected abstract readonly scalars: readonly string[];
  protected abstract read(target: T, name: string): unknown;

  protected member(name: string): ExcelMember {
    return `${this.kind}.${name}` as ExcelMember;
  }

  load(props?: string | string[] | { select?: string | string[] }): this {
    const names = parseLoad(props) ?? this.scalars.filter((name) => versionAtLeast(this.ctx.host.apiSets.ExcelApi ?? "0", EXCEL_API[this.member(name)]));
    this.ctx.host.stats.loads++;
    if (!names.every((name) => this.ctx.gate(this.member(name)))) return this;
    this.ctx.push((tx) => {
      const target = this.resolver();
      const values = target === null ? [] : names.map((name) => [name, this.read(target, name)] as const);
      tx.respond(PAYLOAD.objectBytes + jsonBytes(Object.fromEntries(values)));
      tx.stage(() => {
        if (this.nullState === undefined) this.nullState = target === null;
        for (const [name, value] of values) this.loaded.set(name, value);
      });
    }, names);
    return this;
  }

  /** Values a parent's load handed down (collection items). */
  preload(values: [string, unknown][]): void {
    for (const [name, value] of values) this.loaded.set(name, value);
    this.nullState = false;
  }

  protected value<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  protected target(): T {
    const target = this.resolver();
    if (target === null) throw new SimOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return target;
  }

  /** Queues a method or property set, gated by its member. */
  protected command(name: string, run: (target: T, tx: Tx) => void, args?: unknown): void {
    if (this.ctx.gate(this.member(name))) this.ctx.push((tx) => run(this.target(), tx), args);
  }

  /** The target for a child proxy: null when this object is null (the batch fails on a strict host). */
  protected resolveOrNull(): T | null {
    const target = this.resolver();
    if (target === null && this.ctx.host.options.strictNullObjects) {
      throw new SimOfficeError("InvalidArgument", "A method was called on a null object.");
    }
    return target;
  }

  /** A child object got through a method: gated, and counted in the request. */
  protected navigate(name: string, args?: unknown): void {
    if (this.ctx.gate(this.member(name))) this.ctx.cost(args);
  }
}

class WorkbookProxy extends Proxy<SimWorkbook> {
  protected readonly kind = "Workbook";
  protected readonly scalars = ["name"] as const;
  readonly worksheets: WorksheetCollectionProxy;

  constructor(ctx: Context) {
    super(ctx, () => ctx.host.workbook);
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }

  get protection(): ProtectionProxy {
    this.navigate("protection");
    return new ProtectionProxy(this.ctx, "WorkbookProtection", () => ({ protected: this.ctx.host.workbook.protected }));
  }

  get name(): string {
    return this.value("name");
  }

  protected read(target: SimWorkbook, name: string): unknown {
    if (name === "name") return target.name;
    throw new SimOfficeError("InvalidArgument", `Workbook has no property ${name}.`);
  }
}

class ProtectionProxy extends Proxy<{ protected: boolean }> {
  protected readonly scalars = ["protected"] as const;
  constructor(
    ctx: Context,
    protected readonly kind: "WorkbookProtection" | "WorksheetProtection",
    resolver: () => { protected: boolean } | null,
  ) {
    super(ctx, resolver);
  }
  get protected(): boolean {
    return this.value("protected");
  }
  protected read(target: { protected: boolean }, name: string): unknown {
    if (name === "protected") return target.protected;
    throw new SimOfficeError("InvalidArgument", `Protection has no property ${name}.`);
  }
}

const SHEET_SCALARS = ["name", "visibility", "position", "id"] as const;

function visibleOnlyFilter(visibleOnly: boolean | undefined): (sheet: SimSheet) => boolean {
  return (sheet) => !visibleOnly || sheet.visibility === "Visible";
}

class WorksheetCollectionProxy {
  private loadedItems: WorksheetProxy[] | undefined;

  constructor(private readonly ctx: Context) {}

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  load(props?: string | string[] | { select?: string | string[] }): this {
    const names = (parseLoad(props) ?? ["items"]).flatMap((p) =>
      p === "items" ? [...SHEET_SCALARS] : p.startsWith("items/") ? [p.slice("items/".length)] : [],
    );
    this.ctx.host.stats.loads++;
    if (![`WorksheetCollection.items`, ...names.map((n) => `Worksheet.${n}`)].every((m) => this.ctx.gate(m as ExcelMember))) return this;
    this.ctx.push((tx) => {
      const sheets = [...this.ctx.host.workbook.sheets];
      const items = sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.ctx, sheetResolver(this.ctx, sheet));
        const values = names.map((name) => [name, readSheet(this.ctx.host.workbook, sheet, name)] as [string, unknown]);
        tx.respond(PAYLOAD.objectBytes + jsonBytes(Object.fromEntries(values)));
        proxy.preload(values);
        return proxy;
      });
      tx.stage(() => (this.loadedItems = items));
    }, names);
    return this;
  }

  getItem(name: string): WorksheetProxy {
    this.ctx.gate("WorksheetCollection.getItem");
    return new WorksheetProxy(this.ctx, () => {
      const sheet = findSheet(this.ctx, name);
      if (!sheet) throw new SimOfficeError("ItemNotFound", `The worksheet '${name}' doesn't exist.`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.gate("WorksheetCollection.getItemOrNullObject");
    return new WorksheetProxy(this.ctx, () => findSheet(this.ctx, name) ?? null, true);
  }

  getFirst(visibleOnly?: boolean): WorksheetProxy {
    this.ctx.gate("WorksheetCollection.getFirst");
    return new WorksheetProxy(this.ctx, () => this.ctx.host.workbook.sheets.find(visibleOnlyFilter(visibleOnly)) ?? null);
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    const result = new ClientResult<number>();
    if (!this.ctx.gate("WorksheetCollection.getCount")) return result;
    this.ctx.push((tx) => {
      const count = this.ctx.host.workbook.sheets.filter(visibleOnlyFilter(visibleOnly)).length;
      tx.respond(PAYLOAD.objectBytes);
      tx.stage(() => result.set(count));
    });
    return result;
  }

  getActiveWorksheet(): WorksheetProxy {
    this.ctx.gate("WorksheetCollection.getActiveWorksheet");
    return new WorksheetProxy(this.ctx, () => findSheet(this.ctx, this.ctx.host.active ?? "") ?? this.ctx.host.workbook.sheets[0]);
  }

  add(name: string): WorksheetProxy {
    let created: SimSheet | null = null;
    if (this.ctx.gate("WorksheetCollection.add")) {
      this.ctx.push((tx) => {
        const { workbook } = this.ctx.host;
        if (workbook.protected) throw new SimOfficeError("AccessDenied", "The workbook is protected.");
        if (findSheet(this.ctx, name)) throw new SimOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
        if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new SimOfficeError("InvalidArgument", `'${name}' is not a valid sheet name.`);
        const sheet = newSheet(name);
        tx.mutate(
          () => {
            workbook.sheets.push(sheet);
            created = sheet;
          },
          () => workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1),
        );
      }, [name]);
    }
    return new WorksheetProxy(this.ctx, () => created && sheetResolver(this.ctx, created)());
  }
}

/** A method's result, readable only after the sync that runs the method. */
class ClientResult<V> {
  private result: { value: V } | undefined;
  get value(): V {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }
  set(value: V): void {
    this.result = { value };
  }
}

function findSheet(ctx: Context, name: string): SimSheet | undefined {
  return ctx.host.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function sheetResolver(ctx: Context, sheet: SimSheet): () => SimSheet {
  return () => {
    if (!ctx.host.workbook.sheets.includes(sheet)) throw new SimOfficeError("ItemNotFound", `The worksheet '${sheet.name}' was deleted.`);
    return sheet;
  };
}

function readSheet(workbook: SimWorkbook, sheet: SimSheet, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "visibility":
      return sheet.visibility;
    case "position":
      return workbook.sheets.indexOf(sheet);
    case "id":
      return `{sheet-${workbook.sheets.indexOf(sheet)}}`;
    default:
      throw new SimOfficeError("InvalidArgument", `Worksheet has no property ${name}.`);
  }
}

class WorksheetProxy extends Proxy<SimSheet> {
  protected readonly kind = "Worksheet";
  protected readonly scalars = SHEET_SCALARS;

  get protection(): ProtectionProxy {
    this.navigate("protection");
    return new ProtectionProxy(this.ctx, "WorksheetProtection", () => {
      const sheet = this.resolveOrNull();
      return sheet && { protected: sheet.protected };
    });
  }

  get tables(): TableCollectionProxy {
    this.navigate("tables");
    return new TableCollectionProxy(this.ctx, () => this.target());
  }

  get freezePanes(): { freezeRows: (count: number) => void } {
    this.navigate("freezePanes");
    return {
      freezeRows: (count) => {
        if (!this.ctx.gate("WorksheetFreezePanes.freezeRows")) return;
        this.ctx.push(() => {
          const sheet = this.target();
          sheet.frozenRows = count;
        }, [count]);
      },
    };
  }

  get name(): string {
    return this.value("name");
  }
  get visibility(): string {
    return this.value("visibility");
  }
  get position(): number {
    return this.value("position");
  }
  get id(): string {
    return this.value("id");
  }

  protected read(sheet: SimSheet, name: string): unknown {
    return readSheet(this.ctx.host.workbook, sheet, name);
  }

  getRange(address?: string): RangeProxy {
    this.navigate("getRange", address === undefined ? [] : [address]);
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolveOrNull();
      if (!sheet) return null;
      return { sheet, ...(address ? parseAddress(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1, unbounded: true }) };
    });
  }

  getCell(row: number, col: number): RangeProxy {
    this.navigate("getCell", [row, col]);
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolveOrNull();
      return sheet && { sheet, top: row, left: col, bottom: row, right: col };
    });
  }

  /** Without valuesOnly (or false), formatting counts too, as the reference says. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    this.navigate("getUsedRange", valuesOnly === undefined ? [] : [valuesOnly]);
    if (valuesOnly !== undefined) this.ctx.gate("Worksheet.getUsedRange(valuesOnly)");
    return new RangeProxy(this.ctx, () => {
      const sheet = this.target();
      return usedRange(sheet, wholeSheet(sheet), Boolean(valuesOnly)) ?? { sheet, top: 0, left: 0, bottom: 0, right: 0 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.navigate("getUsedRangeOrNullObject", valuesOnly === undefined ? [] : [valuesOnly]);
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.resolveOrNull();
        return sheet && usedRange(sheet, wholeSheet(sheet), Boolean(valuesOnly));
      },
      true,
    );
  }

  getNextOrNullObject(visibleOnly?: boolean): WorksheetProxy {
    this.navigate("getNextOrNullObject", visibleOnly === undefined ? [] : [visibleOnly]);
    return new WorksheetProxy(
      this.ctx,
      () => {
        const sheet = this.resolveOrNull();
        const { sheets } = this.ctx.host.workbook;
        return sheet && (sheets.slice(sheets.indexOf(sheet) + 1).find(visibleOnlyFilter(visibleOnly)) ?? null);
      },
      true,
    );
  }

  activate(): void {
    this.command("activate", (sheet, tx) => {
      const before = this.ctx.host.active;
      tx.mutate(() => (this.ctx.host.active = sheet.name), () => (this.ctx.host.active = before));
    });
  }

  delete(): void {
    this.command("delete", (sheet, tx) => {
      const { workbook } = this.ctx.host;
      if (workbook.protected) throw new SimOfficeError("AccessDenied", "The workbook is protected.");
      if (workbook.sheets.filter((s) => s.visibility === "Visible").length === 1 && sheet.visibility === "Visible") {
        throw new SimOfficeError("InvalidOperation", "A workbook must keep at least one visible worksheet.");
      }
      const at = workbook.sheets.indexOf(sheet);
      const wasActive = this.ctx.host.active;
      tx.mutate(
        () => {
          workbook.sheets.splice(at, 1);
          if (wasActive === sheet.name) this.ctx.host.active = workbook.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
        },
        () => {
          workbook.sheets.splice(at, 0, sheet);
          this.ctx.host.active = wasActive;
        },
      );
    });
  }
}

function wholeSheet(sheet: SimSheet): RangeRef {
  return { sheet, top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
}

/** The smallest range holding every used cell of `within`: values only, or formatting too. */
function usedRange(sheet: SimSheet, within: CellRange, valuesOnly: boolean): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const use = (row: number, col: number, cell: SimCell | undefined) => {
    if (!cell || (valuesOnly && !hasContent(cell))) return;
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  };
  // Whichever is fewer: the range's cells, or the sheet's.
  if (cellsOf(within) < sheet.cells.size) {
    for (let row = within.top; row <= within.bottom; row++) for (let col = within.left; col <= within.right; col++) use(row, col, sheet.cells.get(cellKey(row, col)));
  } else {
    for (const [key, cell] of sheet.cells) {
      const { row, col } = cellPosition(key);
      if (row >= within.top && row <= within.bottom && col >= within.left && col <= within.right) use(row, col, cell);
    }
  }
  return bottom < 0 ? null : { sheet, top, left, bottom, right };
}

/** "B2", "B2:D5", "A:C", "3:5", with or without a sheet prefix. Whole columns or rows are unbounded. */
function parseAddress(address: string): CellRange & { unbounded?: boolean } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (columns) {
    const range = parseRange(`${columns[1]}1:${columns[2]}1`);
    return { ...range, top: 0, bottom: MAX_ROWS - 1, unbounded: true };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLUMNS - 1, unbounded: true };
  let range: CellRange;
  try {
    range = parseRange(local);
  } catch {
    throw new SimOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  }
  if (range.bottom >= MAX_ROWS || range.right >= MAX_COLUMNS || range.top > range.bottom || range.left > range.right) {
    throw new SimOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  }
  return range;
}

interface RangeRef extends CellRange {
  sheet: SimSheet;
  /** Whole rows or columns: "Cell-level properties … come back as null for unbounded reads" and can't be set. */
  unbounded?: boolean;
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rangeAddress({ sheet, top, left, bottom, right }: RangeRef): string {
  const local = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  return `${quoteSheet(sheet.name)}!${local}`;
}

function cellsOf(ref: CellRange): number {
  return (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
}

function displayValue(cell: SimCell | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.error) return cell.error;
  return cell.value ?? "";
}

function valueType(cell: SimCell | undefined): string {
  if (!cell || !hasContent(cell)) return "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

const CELL_PROPERTIES: Record<string, (cell: SimCell | undefined) => unknown> = {
  values: displayValue,
  valueTypes: valueType,
  formulas: (c) => c?.formula ?? displayValue(c),
  numberFormat: (c) => c?.numberFormat ?? "General",
  text: (c) => String(displayValue(c)),
};

type Matrix<V> = V | V[][];

class RangeProxy extends Proxy<RangeRef> {
  protected readonly kind = "Range";
  protected readonly scalars = ["address", "values", "valueTypes", "formulas", "numberFormat", "text", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount"] as const;

  get format(): RangeFormat {
    this.navigate("format");
    return new RangeFormat(this.ctx, (name, run, args) => this.write(name, run, args));
  }

  get address(): string {
    return this.value("address");
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set values(values: Matrix<unknown>) {
    this.enter("values", values);
  }
  get valueTypes(): string[][] {
    return this.value("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  set formulas(formulas: Matrix<unknown>) {
    this.enter("formulas", formulas);
  }
  get numberFormat(): string[][] {
    return this.value("numberFormat");
  }
  set numberFormat(formats: Matrix<string>) {
    this.write(
      "numberFormat",
      (ref, tx) =>
        eachCell(ref, formats, tx, (cell, value) => {
          if (!tx.formatBefore.has(cell)) tx.formatBefore.set(cell, cell.numberFormat);
          cell.numberFormat = String(value);
        }),
      formats,
    );
  }
  get text(): string[][] {
    return this.value("text");
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }
  set hyperlink(link: SimCell["hyperlink"]) {
    this.write("hyperlink", (ref, tx) => eachCell(ref, link, tx, (cell) => (cell.hyperlink = { ...link }), false), link);
  }

  /** Strings are read as typed (entry.ts), with the number format that holds at that point of the batch. */
  private enter(name: "values" | "formulas", input: Matrix<unknown>): void {
    const { options } = this.ctx.host;
    this.write(
      name,
      (ref, tx) =>
        eachCell(ref, input, tx, (cell, value) => {
          const format = options.textFormatInBatch === false && tx.formatBefore.has(cell) ? tx.formatBefore.get(cell) : cell.numberFormat;
          const entry = readEntry(value, format, { apostropheInTextCells: options.apostropheInTextCells ?? "literal" });
          delete cell.formula;
          delete cell.error;
          delete cell.quotePrefix;
          cell.value = null;
          if (entry.kind === "value") {
            cell.value = entry.value;
            if (entry.quotePrefix) cell.quotePrefix = true;
            if (entry.numberFormat && (format ?? "General") === "General") cell.numberFormat = entry.numberFormat;
          } else if (entry.kind === "formula") cell.formula = entry.formula;
          else if (entry.kind === "error") cell.error = entry.error;
        }),
      input,
    );
  }

  protected read(ref: RangeRef, name: string): unknown {
    const cellProperty = CELL_PROPERTIES[name];
    if (cellProperty) {
      if (ref.unbounded) return null;
      const limit = this.ctx.host.options.readCellLimit ?? LIMITS.readCells;
      if (cellsOf(ref) > limit) {
        if (this.ctx.host.options.oversizedReads === "error") {
          throw new SimOfficeError("ResponsePayloadSizeLimitExceeded", `A read of ${cellsOf(ref)} cells exceeds the limit of ${limit}.`);
        }
        return null;
      }
      return Array.from({ length: ref.bottom - ref.top + 1 }, (_, r) =>
        Array.from({ length: ref.right - ref.left + 1 }, (_, c) => cellProperty(ref.sheet.cells.get(cellKey(ref.top + r, ref.left + c)))),
      );
    }
    switch (name) {
      case "address":
        return rangeAddress(ref);
      case "rowIndex":
        return ref.top;
      case "columnIndex":
        return ref.left;
      case "rowCount":
        return ref.bottom - ref.top + 1;
      case "columnCount":
        return ref.right - ref.left + 1;
      case "cellCount":
        return cellsOf(ref);
      default:
        throw new SimOfficeError("InvalidArgument", `Range has no property ${name}.`);
    }
  }

  /** A cell-level write: refused on a protected sheet and on whole rows or columns, as Excel does. */
  write(member: string, run: (ref: RangeRef, tx: Tx) => void, args?: unknown): void {
    this.command(
      member,
      (ref, tx) => {
        if (ref.sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${ref.sheet.name}' is protected.`);
        if (ref.unbounded && member !== "format") throw new SimOfficeError("InvalidArgument", "Cell-level properties can't be set on an unbounded range.");
        run(ref, tx);
      },
      args,
    );
  }

  select(): void {
    this.command("select", (ref, tx) => {
      const before = { selection: this.ctx.host.selection, active: this.ctx.host.active };
      tx.mutate(
        () => {
          this.ctx.host.selection = { sheet: ref.sheet.name, address: rangeAddress(ref).split("!")[1] };
          this.ctx.host.active = ref.sheet.name;
        },
        () => Object.assign(this.ctx.host, before),
      );
    });
  }

  getCell(row: number, col: number): RangeProxy {
    return this.derive("getCell", [row, col], (ref) => ({ sheet: ref.sheet, top: ref.top + row, left: ref.left + col, bottom: ref.top + row, right: ref.left + col }));
  }

  getOffsetRange(rows: number, cols: number): RangeProxy {
    return this.derive("getOffsetRange", [rows, cols], (ref) => ({ ...ref, top: ref.top + rows, bottom: ref.bottom + rows, left: ref.left + cols, right: ref.right + cols }));
  }

  getResizedRange(rows: number, cols: number): RangeProxy {
    return this.derive("getResizedRange", [rows, cols], (ref) => ({ ...ref, bottom: ref.bottom + rows, right: ref.right + cols }));
  }

  /** The used cells inside this range (valuesOnly: values only), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.navigate("getUsedRangeOrNullObject", valuesOnly === undefined ? [] : [valuesOnly]);
    return new RangeProxy(
      this.ctx,
      () => {
        const ref = this.resolveOrNull();
        return ref && usedRange(ref.sheet, ref, Boolean(valuesOnly));
      },
      true,
    );
  }

  /**
   * "If the merged areas count in this range is more than 512, then this method will fail to return the result"
   * (reference). Which areas count follows `mergedAreas`.
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.navigate("getMergedAreasOrNullObject");
    const intersecting = this.ctx.host.options.mergedAreas === "intersecting";
    return new RangeAreasProxy(this.ctx, () => {
      const ref = this.resolveOrNull();
      if (!ref) return null;
      const areas = ref.sheet.merges.filter((m) =>
        intersecting
          ? m.top <= ref.bottom && m.bottom >= ref.top && m.left <= ref.right && m.right >= ref.left
          : m.top >= ref.top && m.top <= ref.bottom && m.left >= ref.left && m.left <= ref.right,
      );
      if (areas.length > LIMITS.mergedAreas) {
        throw new SimOfficeError("GeneralException", `getMergedAreasOrNullObject: ${areas.length} merged areas, more than ${LIMITS.mergedAreas}.`);
      }
      return areas.length ? areas.map((m) => ({ sheet: ref.sheet, ...m })) : null;
    });
  }

  /** Cells of a kind ("Constants", "Formulas") and value type ("Errors", "LogicalNumbers"…) as areas. */
  getSpecialCellsOrNullObject(cellType: string, valueType = "All"): RangeAreasProxy {
    this.navigate("getSpecialCellsOrNullObject", [cellType, valueType]);
    return new RangeAreasProxy(this.ctx, () => {
      const ref = this.resolveOrNull();
      if (!ref) return null;
      const wanted = (cell: SimCell | undefined): boolean => {
        const kind = cell?.error ? "Error" : typeof cell?.value === "number" ? "Number" : typeof cell?.value === "boolean" ? "Logical" : "Text";
        const typed = valueType === "All" || valueType.includes(kind);
        switch (cellType) {
          case "Constants":
            return Boolean(cell && hasContent(cell) && cell.formula === undefined && typed);
          case "Formulas":
            return Boolean(cell?.formula !== undefined && typed);
          default:
            throw new SimOfficeError("InvalidArgument", `Special cell type ${cellType} is not modelled.`);
        }
      };
      // Hits in reading order, from whichever is fewer: the range's cells or the sheet's.
      const hits: number[] = [];
      if (cellsOf(ref) < ref.sheet.cells.size) {
        for (let row = ref.top; row <= ref.bottom; row++) {
          for (let col = ref.left; col <= ref.right; col++) if (wanted(ref.sheet.cells.get(cellKey(row, col)))) hits.push(cellKey(row, col));
        }
      } else {
        for (const [key, cell] of ref.sheet.cells) {
          const { row, col } = cellPosition(key);
          if (row >= ref.top && row <= ref.bottom && col >= ref.left && col <= ref.right && wanted(cell)) hits.push(key);
        }
        hits.sort((x, y) => x - y);
      }
      // Each run of hits along a row is one area.
      const areas: RangeRef[] = [];
      for (const key of hits) {
        const { row, col } = cellPosition(key);
        const last = areas[areas.length - 1];
        if (last && last.top === row && last.right === col - 1) last.right = col;
        else areas.push({ sheet: ref.sheet, top: row, left: col, bottom: row, right: col });
      }
      return areas.length ? areas : null;
    }, true);
  }

  merge(): void {
    this.write("merge", (ref, tx) => {
      const area = { top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right };
      tx.mutate(() => ref.sheet.merges.push(area), () => ref.sheet.merges.splice(ref.sheet.merges.indexOf(area), 1));
    });
  }

  clear(): void {
    this.write("clear", (ref, tx) =>
      eachCell(ref, null, tx, (cell) => Object.assign(cell, { value: null, formula: undefined, error: undefined, quotePrefix: undefined }), false),
    );
  }

  private derive(name: string, args: unknown[], shift: (ref: RangeRef) => RangeRef): RangeProxy {
    this.navigate(name, args);
    return new RangeProxy(this.ctx, () => {
      const ref = this.resolveOrNull();
      return ref && shift(ref);
    });
  }
}

/** Applies `set` to every cell of the range: a matrix of the range's size, or one value for all. */
function eachCell<V>(ref: RangeRef, input: Matrix<V> | unknown, tx: Tx, set: (cell: SimCell, value: V) => void, matrix = true): void {
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  if (matrix && Array.isArray(input) && (input.length !== rows || (input as unknown[][]).some((row) => !Array.isArray(row) || row.length !== cols))) {
    throw new SimOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const key = cellKey(ref.top + r, ref.left + c);
      // The cell object is changed in place: later commands of the batch know it by identity (formatBefore).
      const before = ref.sheet.cells.get(key);
      const cell: SimCell = before ?? { value: null };
      const copy = before && { ...before };
      set(cell, (matrix && Array.isArray(input) ? (input as V[][])[r][c] : input) as V);
      tx.mutate(
        () => ref.sheet.cells.set(key, cell),
        () => (copy ? ref.sheet.cells.set(key, copy) : ref.sheet.cells.delete(key)),
      );
    }
  }
}

class RangeFormat {
  readonly font: { bold?: boolean; italic?: boolean; color?: string; size?: number };
  readonly fill: { color?: string };

  constructor(
    private readonly ctx: Context,
    private readonly write: (member: string, run: (ref: RangeRef, tx: Tx) => void, args?: unknown) => void,
  ) {
    const style = (member: ExcelMember, key: keyof NonNullable<SimCell["format"]>) => (value: unknown) => {
      if (this.ctx.gate(member)) this.write("format", (ref, tx) => eachCell(ref, value, tx, (cell) => (cell.format = { ...cell.format, [key]: value }), false), value);
    };
    this.font = setters(ctx, "RangeFormat.font", {
      bold: style("RangeFont.bold", "bold"),
      italic: style("RangeFont.italic", "italic"),
      color: style("RangeFont.color", "color"),
      size: style("RangeFont.size", "size"),
    }) as RangeFormat["font"];
    this.fill = setters(ctx, "RangeFormat.fill", { color: style("RangeFill.color", "fill") }) as RangeFormat["fill"];
  }

  set wrapText(wrap: boolean) {
    if (this.ctx.gate("RangeFormat.wrapText")) {
      this.write("format", (ref, tx) => eachCell(ref, wrap, tx, (cell) => (cell.format = { ...cell.format, wrapText: wrap }), false), wrap);
    }
  }

  set columnWidth(width: number) {
    if (!this.ctx.gate("RangeFormat.columnWidth")) return;
    this.write(
      "format",
      (ref, tx) => {
        for (let col = ref.left; col <= ref.right; col++) {
          const before = ref.sheet.columnWidths.get(col);
          tx.mutate(
            () => ref.sheet.columnWidths.set(col, width),
            () => (before === undefined ? ref.sheet.columnWidths.delete(col) : ref.sheet.columnWidths.set(col, before)),
          );
        }
      },
      width,
    );
  }

  autofitColumns(): void {
    if (this.ctx.gate("RangeFormat.autofitColumns")) this.write("format", () => undefined);
  }
}

/** An object whose property assignments queue commands (format.font.bold = true); reaching it is gated. */
function setters<T extends Record<string, (value: unknown) => void>>(ctx: Context, member: ExcelMember, handlers: T): { [K in keyof T]?: unknown } {
  const target = {};
  for (const [key, handler] of Object.entries(handlers)) {
    Object.defineProperty(target, key, {
      set: (value: unknown) => {
        if (ctx.gate(member)) handler(value);
      },
      get: () => {
        throw notLoaded(key);
      },
    });
  }
  return target;
}

class RangeAreasProxy extends Proxy<RangeRef[]> {
  protected readonly kind = "RangeAreas";
  protected readonly scalars = ["address", "areaCount"] as const;

  constructor(ctx: Context, resolver: () => RangeRef[] | null, orNullObject = true) {
    super(ctx, resolver, orNullObject);
  }

  get address(): string {
    return this.value("address");
  }
  get areaCount(): number {
    return this.value("areaCount");
  }
  protected read(areas: RangeRef[], name: string): unknown {
    if (name === "address") return areas.map(rangeAddress).join(", ");
    if (name === "areaCount") return areas.length;
    throw new SimOfficeError("InvalidArgument", `RangeAreas has no property ${name}.`);
  }
}

class TableCollectionProxy {
  constructor(
    private readonly ctx: Context,
    private readonly sheet: () => SimSheet,
  ) {}

  add(address: string, hasHeaders: boolean): TableProxy {
    let table: SimSheet["tables"][number] | null = null;
    if (this.ctx.gate("TableCollection.add")) {
      this.ctx.push((tx) => {
        const sheet = this.sheet();
        if (sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
        const taken = new Set(this.ctx.host.workbook.sheets.flatMap((s) => s.tables.map((t) => t.name)));
        let n = 1;
        while (taken.has(`Table${n}`)) n++;
        const created = { name: `Table${n}`, address: rangeAddress({ sheet, ...parseAddress(address) }), style: "TableStyleMedium2" };
        tx.mutate(
          () => {
            sheet.tables.push(created);
            table = created;
          },
          () => sheet.tables.splice(sheet.tables.indexOf(created), 1),
        );
      }, [address, hasHeaders]);
    }
    return new TableProxy(this.ctx, () => table);
  }
}

class TableProxy extends Proxy<SimSheet["tables"][number]> {
  protected readonly kind = "Table";
  protected readonly scalars = ["name", "style"] as const;
  get name(): string {
    return this.value("name");
  }
  set name(name: string) {
    this.command("name", (table, tx) => {
      const before = table.name;
      tx.mutate(() => (table.name = name), () => (table.name = before));
    }, name);
  }
  get style(): string {
    return this.value("style");
  }
  set style(style: string) {
    this.command("style", (table, tx) => {
      const before = table.style;
      tx.mutate(() => (table.style = style), () => (table.style = before));
    }, style);
  }
  protected read(table: SimSheet["tables"][number], name: string): unknown {
    if (name === "name") return table.name;
    if (name === "style") return table.style;
    throw new SimOfficeError("InvalidArgument", `Table has no property ${name}.`);
  }
}

export type ExcelHost = ReturnType<typeof createExcelHost>;

/** An in-memory Excel with the `Excel` and `Office` objects the add-in's code calls. */
export function createExcelHost(workbook: SimWorkbook, options: HostOptions = {}) {
  const apiSets = options.apiSets ?? { ExcelApi: "1.17" };
  const state: HostState = {
    workbook,
    options,
    apiSets,
    stats: { runs: 0, syncs: 0, loads: 0, payloads: [] },
    selection: null,
    active: workbook.sheets.find((s) => s.visibility === "Visible")?.name ?? null,
  };
  const listeners = new Set<() => void>();

  const Excel = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      state.stats.runs++;
      const context = new Context(state);
      try {
        const result = await batch(context as unknown as Excel.RequestContext);
        if (context.pending) await context.sync();
        return result;
      } finally {
        for (const listener of listeners) listener();
      }
    },
  };

  const Office = {
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: options.displayLanguage ?? "ja-JP",
      officeTheme: options.theme ?? {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
      },
      requirements: {
        isSetSupported: (name: string, version = "1.1") => name in apiSets && versionAtLeast(apiSets[name], version),
      },
    },
    actions: { associate: () => undefined },
  };

  return {
    Excel,
    Office,
    stats: state.stats,
    workbook,
    selection: () => state.selection,
    activeSheet: () => state.active,
    /** Called after every Excel.run, e.g. to redraw a grid view. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
