/**
 * The machinery of the in-memory Excel host, apart from the objects it models (host.ts and its neighbours): the
 * request context that queues commands and runs them at sync, the proxy base class (load, sync, null objects,
 * requirement sets), and the small helpers every modelled object uses.
 */
import type { Unevaluated } from "./recalc";
import { EXCEL_API, ExcelMember, jsonBytes, LIMITS, PAYLOAD, versionAtLeast } from "../excel/office-api";
import type { CellChange, ChangeEvents } from "./events";
import type { UndoHistory, UndoStep } from "./undo";
import type { SimCell, SimWorkbook } from "./workbook";

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

export interface Tx {
  /**
   * Apply a change now; `undo` puts it back when the user undoes it, or when a later command fails and the host
   * plays atomic batches. A "view" change (selection, active sheet, event handlers) is not undone by Ctrl+Z.
   */
  mutate(apply: () => void, undo: () => void, kind?: "view"): void;
  /** Cell values changed: onChanged reports them after the sync. */
  changed(change: CellChange): void;
  /** A command Excel cannot undo (UndoNotSupported inside an undo group; otherwise it clears the undo stack). */
  notUndoable(member: string): void;
  /** Make loaded values visible once the whole sync succeeded. */
  stage(commit: () => void): void;
  /** Count bytes of the response. */
  respond(bytes: number): void;
  /** Number formats set by this batch so far, by cell, with the format before (see textFormatInBatch). */
  formatBefore: Map<SimCell, string | undefined>;
}
export type Command = (tx: Tx) => void;

/** One sync's estimated payload, in bytes, and the error code if it failed. */
export interface SyncPayload {
  request: number;
  response: number;
  failed?: string;
}

export interface HostState {
  workbook: SimWorkbook;
  /** Cells changed since the last calculation; what the last calculation could not evaluate (recalc.ts). */
  calc: { dirty: boolean; unevaluated: Unevaluated[] };
  options: HostOptions;
  apiSets: Record<string, string>;
  stats: { runs: number; syncs: number; loads: number; payloads: SyncPayload[] };
  selection: { sheet: string; address: string } | null;
  active: string | null;
  undo: UndoHistory;
  events: ChangeEvents;
}

/** Excel.run's options (RunOptions); mergeUndoGroup holds from ExcelApi 1.20 (undo.ts). */
export interface RunOptions {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

export class Context {
  private queue: Command[] = [];
  private requestBytes = 0;
  /** context.workbook: the model's root object, made for this context. */
  readonly workbook: object;

  /** The undo record this Excel.run's syncs go into, when it merges them into one. */
  private group: UndoStep | null = null;

  constructor(
    readonly host: HostState,
    workbook: (context: Context) => object,
    private readonly options: RunOptions = {},
  ) {
    this.workbook = workbook(this);
  }

  /** Whether this run's syncs make one undo record (asked with mergeUndoGroup, on a host with undo support). */
  private get grouped(): boolean {
    return Boolean(this.options.mergeUndoGroup) && versionAtLeast(this.host.apiSets.ExcelApi ?? "0", EXCEL_API["RunOptions.mergeUndoGroup"]);
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
    const rollback: (() => void)[] = [];
    const step: UndoStep = { reverts: [], changes: [] };
    const commits: (() => void)[] = [];
    /** The command under way cannot be undone: its changes go on no undo record. */
    let undoable = true;
    const tx: Tx = {
      mutate: (apply, revert, kind) => {
        apply();
        host.calc.dirty = true;
        if (host.options.atomicBatches) rollback.push(revert);
        if (kind !== "view" && undoable) step.reverts.push(revert);
      },
      changed: (change) => step.changes.push(change),
      notUndoable: (member) => {
        if (this.grouped) throw new SimOfficeError("UndoNotSupported", `${member} does not support undo, so it cannot be part of an undo group.`);
        host.undo.clear();
        this.group = null;
        step.reverts.length = 0;
        undoable = false;
      },
      stage: (commit) => commits.push(commit),
      respond: (bytes) => (payload.response += bytes),
      formatBefore: new Map(),
    };
    try {
      for (const command of commands) {
        undoable = true;
        command(tx);
      }
    } catch (error) {
      if (host.options.atomicBatches) {
        for (const revert of rollback.reverse()) revert();
      } else this.applied(step);
      throw error;
    }
    this.applied(step);
    // The commands ran; only their answer is too large to come back.
    if (payload.response > LIMITS.payloadBytes) {
      throw new SimOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    for (const commit of commits) commit();
  }

  /** What a sync changed goes on the undo stack, and its value changes to the onChanged handlers. */
  private applied(step: UndoStep): void {
    this.group = this.host.undo.pushApi(step, this.grouped ? this.group : null);
    this.host.events.emit(step.changes, "ThisLocalAddin");
  }
}

export function notLoaded(name: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function parseLoad(props?: string | string[] | { select?: string | string[] }): string[] | null {
  if (props === undefined) return null;
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props;
  return parseLoad(props.select);
}

/** A proxy: loaded values appear only after a successful sync; a null object knows it is null after sync. */
export abstract class Proxy<T> {
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

/** A method's result, readable only after the sync that runs the method. */
export class ClientResult<V> {
  private result: { value: V } | undefined;
  get value(): V {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }
  set(value: V): void {
    this.result = { value };
  }
}

/** An object whose property assignments queue commands (format.font.bold = true); reaching it is gated. */
export function setters<T extends Record<string, (value: unknown) => void>>(ctx: Context, member: ExcelMember, handlers: T): { [K in keyof T]?: unknown } {
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

const sessionIds = new WeakMap<object, string>();
let lastSessionId = 0;

/**
 * An id an object keeps while the workbook is open, like Excel's worksheet and conditional format ids; a workbook
 * saved and opened again (persist.ts) has new objects and so new ids.
 */
export function sessionId(object: object, kind: string): string {
  let id = sessionIds.get(object);
  if (!id) sessionIds.set(object, (id = `{${kind}-${++lastSessionId}}`));
  return id;
}

/**
 * A collection: `items` readable after load("items" | "items/a,items/b") and the sync; each item comes with the
 * values loaded for it. Subclasses say what the entries are at sync time and how to read one.
 */
export abstract class CollectionProxy<E, P extends { preload(values: [string, unknown][]): void }> {
  private loadedItems: P[] | undefined;
  /** The collection's and its items' class names in EXCEL_API ("WorksheetCollection", "Worksheet"). */
  protected abstract readonly kind: string;
  protected abstract readonly itemKind: string;
  /** What load("items") loads of each item. */
  protected abstract readonly itemScalars: readonly string[];

  constructor(protected readonly ctx: Context) {}

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  /** The entries as the sync finds them. */
  protected abstract entries(): E[];
  protected abstract itemOf(entry: E): P;
  protected abstract readItem(entry: E, name: string): unknown;

  /**
   * getItem(name): a proxy of the entry `find` gives when the sync runs, ItemNotFound there when it gives none
   * (`noun` names it in the message, as Excel's does).
   */
  protected namedItem(name: string, noun: string, find: () => E | null | undefined, proxyOf: (resolve: () => E) => P): P {
    this.ctx.gate(`${this.kind}.getItem` as ExcelMember);
    return proxyOf(() => {
      const entry = find();
      if (!entry) throw new SimOfficeError("ItemNotFound", `The ${noun} '${name}' doesn't exist.`);
      return entry;
    });
  }

  load(props?: string | string[] | { select?: string | string[] }): this {
    const names = (parseLoad(props) ?? ["items"]).flatMap((p) => (p === "items" ? [...this.itemScalars] : p.startsWith("items/") ? [p.slice("items/".length)] : []));
    this.ctx.host.stats.loads++;
    const members = [`${this.kind}.items`, ...names.map((n) => `${this.itemKind}.${n}`)] as ExcelMember[];
    if (!members.every((m) => this.ctx.gate(m))) return this;
    this.ctx.push((tx) => {
      const items = this.entries().map((entry) => {
        const proxy = this.itemOf(entry);
        const values = names.map((name) => [name, this.readItem(entry, name)] as [string, unknown]);
        tx.respond(PAYLOAD.objectBytes + jsonBytes(Object.fromEntries(values)));
        proxy.preload(values);
        return proxy;
      });
      tx.stage(() => (this.loadedItems = items));
    }, names);
    return this;
  }
}
