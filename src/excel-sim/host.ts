/**
 * A faithful in-memory Excel host: the subset of the Excel JavaScript API that hyoka uses, over a SimWorkbook.
 * It enforces the proxy rules of Office.js: a property is readable only after load() AND the sync that follows;
 * writes and methods are queued and run at sync, in order; every sync is counted. A failing command rejects the
 * sync and undoes that batch's writes (all-or-nothing per sync, stricter than Excel, so that the add-in's
 * "never a partial write" is tested against the hardest case).
 */
import { a1, CellRange, parseRange } from "../template/grid";
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
  displayLanguage?: string;
  theme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
}

const MAX_ROWS = 1_048_576;
const MAX_CELLS_PER_READ = 5_000_000;

interface Tx {
  /** Apply a change now; `undo` puts it back if a later command of the batch fails. */
  mutate(apply: () => void, undo: () => void): void;
  /** Make loaded values visible once the whole sync succeeded. */
  stage(commit: () => void): void;
}
type Command = (tx: Tx) => void;

interface HostState {
  workbook: SimWorkbook;
  options: HostOptions;
  stats: { runs: number; syncs: number; loads: number };
  selection: { sheet: string; address: string } | null;
  active: string | null;
}

class Context {
  readonly queue: Command[] = [];
  readonly workbook: WorkbookProxy;

  constructor(readonly host: HostState) {
    this.workbook = new WorkbookProxy(this);
  }

  async sync(): Promise<void> {
    this.host.stats.syncs++;
    const commands = this.queue.splice(0);
    await Promise.resolve();
    if (this.host.options.editMode) {
      throw new SimOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    const undo: (() => void)[] = [];
    const commits: (() => void)[] = [];
    const tx: Tx = {
      mutate: (apply, revert) => {
        apply();
        undo.push(revert);
      },
      stage: (commit) => commits.push(commit),
    };
    try {
      for (const command of commands) command(tx);
    } catch (error) {
      for (const revert of undo.reverse()) revert();
      throw error;
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

  constructor(
    protected readonly ctx: Context,
    private readonly resolver: () => T | null,
    orNullObject = false,
  ) {
    if (orNullObject) {
      ctx.queue.push((tx) => {
        const isNull = this.resolver() === null;
        tx.stage(() => (this.nullState = isNull));
      });
    }
  }

  get context(): Context {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  protected abstract readonly scalars: readonly string[];
  protected abstract read(target: T, name: string): unknown;

  load(props?: string | string[] | { select?: string | string[] }): this {
    const names = parseLoad(props) ?? [...this.scalars];
    this.ctx.host.stats.loads++;
    this.ctx.queue.push((tx) => {
      const target = this.resolver();
      const values = target === null ? [] : names.map((name) => [name, this.read(target, name)] as const);
      tx.stage(() => {
        if (this.nullState === undefined) this.nullState = target === null;
        for (const [name, value] of values) this.loaded.set(name, value);
      });
    });
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

  protected command(run: (target: T, tx: Tx) => void): void {
    this.ctx.queue.push((tx) => run(this.target(), tx));
  }

  /** The target for a child proxy: null when this object is null (the batch fails on a strict host). */
  protected resolveOrNull(): T | null {
    const target = this.resolver();
    if (target === null && this.ctx.host.options.strictNullObjects) {
      throw new SimOfficeError("InvalidArgument", "A method was called on a null object.");
    }
    return target;
  }
}

class WorkbookProxy extends Proxy<SimWorkbook> {
  protected readonly scalars = ["name"] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly protection: ProtectionProxy;

  constructor(ctx: Context) {
    super(ctx, () => ctx.host.workbook);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.protection = new ProtectionProxy(ctx, () => ({ protected: ctx.host.workbook.protected }));
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
  get protected(): boolean {
    return this.value("protected");
  }
  protected read(target: { protected: boolean }, name: string): unknown {
    if (name === "protected") return target.protected;
    throw new SimOfficeError("InvalidArgument", `Protection has no property ${name}.`);
  }
}

const SHEET_SCALARS = ["name", "visibility", "position", "id"] as const;

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
    this.ctx.queue.push((tx) => {
      const sheets = [...this.ctx.host.workbook.sheets];
      const items = sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.ctx, sheetResolver(this.ctx, sheet));
        proxy.preload(names.map((name) => [name, readSheet(this.ctx.host.workbook, sheet, name)]));
        return proxy;
      });
      tx.stage(() => (this.loadedItems = items));
    });
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const sheet = findSheet(this.ctx, name);
      if (!sheet) throw new SimOfficeError("ItemNotFound", `The worksheet '${name}' doesn't exist.`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => findSheet(this.ctx, name) ?? null, true);
  }

  getFirst(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.host.workbook.sheets[0] ?? null);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.queue.push((tx) => {
      const count = this.ctx.host.workbook.sheets.length;
      tx.stage(() => result.set(count));
    });
    return result;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => findSheet(this.ctx, this.ctx.host.active ?? "") ?? this.ctx.host.workbook.sheets[0]);
  }

  add(name: string): WorksheetProxy {
    let created: SimSheet | null = null;
    this.ctx.queue.push((tx) => {
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
    });
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
  protected readonly scalars = SHEET_SCALARS;
  readonly protection: ProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly freezePanes: { freezeRows: (count: number) => void };

  constructor(ctx: Context, resolver: () => SimSheet | null, orNullObject = false) {
    super(ctx, resolver, orNullObject);
    this.protection = new ProtectionProxy(ctx, () => {
      const sheet = this.resolveOrNull();
      return sheet && { protected: sheet.protected };
    });
    this.tables = new TableCollectionProxy(ctx, () => this.target());
    this.freezePanes = {
      freezeRows: (count) =>
        this.command((sheet, tx) => {
          const before = sheet.frozenRows;
          tx.mutate(() => (sheet.frozenRows = count), () => (sheet.frozenRows = before));
        }),
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

  protected read(sheet: SimSheet, name: string): unknown {
    return readSheet(this.ctx.host.workbook, sheet, name);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolveOrNull();
      if (!sheet) return null;
      return { sheet, ...(address ? parseAddress(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }) };
    });
  }

  getCell(row: number, col: number): RangeProxy {
    return this.getRange(a1(row, col));
  }

  // Formatting alone never counts here (see hasContent): the used range is always the valuesOnly one.
  getUsedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => usedRange(this.target()) ?? { sheet: this.target(), top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.resolveOrNull();
        return sheet && usedRange(sheet);
      },
      true,
    );
  }

  getNextOrNullObject(): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      () => {
        const sheet = this.resolveOrNull();
        const { sheets } = this.ctx.host.workbook;
        return sheet && (sheets[sheets.indexOf(sheet) + 1] ?? null);
      },
      true,
    );
  }

  activate(): void {
    this.command((sheet, tx) => {
      const before = this.ctx.host.active;
      tx.mutate(() => (this.ctx.host.active = sheet.name), () => (this.ctx.host.active = before));
    });
  }

  delete(): void {
    this.command((sheet, tx) => {
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

function usedRange(sheet: SimSheet): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    if (!hasContent(cell)) continue;
    const { row, col } = cellPosition(key);
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return bottom < 0 ? null : { sheet, top, left, bottom, right };
}

/** "B2", "B2:D5", "A:C", "3:5", with or without a sheet prefix. */
function parseAddress(address: string): CellRange {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (columns) {
    const range = parseRange(`${columns[1]}1:${columns[2]}1`);
    return { ...range, top: 0, bottom: MAX_ROWS - 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLUMNS - 1 };
  try {
    return parseRange(local);
  } catch {
    throw new SimOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  }
}

interface RangeRef extends CellRange {
  sheet: SimSheet;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rangeAddress({ sheet, top, left, bottom, right }: RangeRef): string {
  const local = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  return `${quoteSheet(sheet.name)}!${local}`;
}

function cellsOf(ref: RangeRef): number {
  return (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
}

function grid<V>(ref: RangeRef, cell: (c: SimCell | undefined) => V): V[][] {
  if (cellsOf(ref) > MAX_CELLS_PER_READ) {
    throw new SimOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
  return Array.from({ length: ref.bottom - ref.top + 1 }, (_, r) =>
    Array.from({ length: ref.right - ref.left + 1 }, (_, c) => cell(ref.sheet.cells.get(cellKey(ref.top + r, ref.left + c)))),
  );
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

type Matrix<V> = V | V[][];

class RangeProxy extends Proxy<RangeRef> {
  protected readonly scalars = ["address", "values", "valueTypes", "formulas", "numberFormat", "text", "rowIndex", "columnIndex", "rowCount", "columnCount"] as const;
  readonly format: RangeFormat;

  constructor(ctx: Context, resolver: () => RangeRef | null, orNullObject = false) {
    super(ctx, resolver, orNullObject);
    this.format = new RangeFormat(this, (run) => this.write(run));
  }

  get address(): string {
    return this.value("address");
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set values(values: Matrix<unknown>) {
    this.write((ref, tx) =>
      eachCell(ref, values, tx, (cell, value) => {
        if (typeof value === "string" && value.startsWith("=") && cell.numberFormat !== "@") {
          cell.formula = value;
          cell.value = null;
        } else {
          delete cell.formula;
          delete cell.error;
          cell.value = value === "" || value === undefined ? null : (value as SimCell["value"]);
        }
      }),
    );
  }
  get valueTypes(): string[][] {
    return this.value("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  set formulas(formulas: Matrix<unknown>) {
    this.write((ref, tx) =>
      eachCell(ref, formulas, tx, (cell, value) => {
        if (typeof value === "string" && value.startsWith("=")) {
          cell.formula = value;
          cell.value = null;
        } else cell.value = value as SimCell["value"];
      }),
    );
  }
  get numberFormat(): string[][] {
    return this.value("numberFormat");
  }
  set numberFormat(formats: Matrix<string>) {
    this.write((ref, tx) => eachCell(ref, formats, tx, (cell, value) => (cell.numberFormat = String(value))));
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
    this.write((ref, tx) => eachCell(ref, link, tx, (cell) => (cell.hyperlink = { ...link }), false));
  }

  protected read(ref: RangeRef, name: string): unknown {
    switch (name) {
      case "address":
        return rangeAddress(ref);
      case "values":
        return grid(ref, displayValue);
      case "valueTypes":
        return grid(ref, valueType);
      case "formulas":
        return grid(ref, (c) => c?.formula ?? displayValue(c));
      case "numberFormat":
        return grid(ref, (c) => c?.numberFormat ?? "General");
      case "text":
        return grid(ref, (c) => String(displayValue(c)));
      case "rowIndex":
        return ref.top;
      case "columnIndex":
        return ref.left;
      case "rowCount":
        return ref.bottom - ref.top + 1;
      case "columnCount":
        return ref.right - ref.left + 1;
      default:
        throw new SimOfficeError("InvalidArgument", `Range has no property ${name}.`);
    }
  }

  /** Writes refuse a protected sheet, as Excel does. */
  write(run: (ref: RangeRef, tx: Tx) => void): void {
    this.command((ref, tx) => {
      if (ref.sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${ref.sheet.name}' is protected.`);
      run(ref, tx);
    });
  }

  select(): void {
    this.command((ref, tx) => {
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
    return this.derive((ref) => ({ ...ref, top: ref.top + row, left: ref.left + col, bottom: ref.top + row, right: ref.left + col }));
  }

  getOffsetRange(rows: number, cols: number): RangeProxy {
    return this.derive((ref) => ({ ...ref, top: ref.top + rows, bottom: ref.bottom + rows, left: ref.left + cols, right: ref.right + cols }));
  }

  getResizedRange(rows: number, cols: number): RangeProxy {
    return this.derive((ref) => ({ ...ref, bottom: ref.bottom + rows, right: ref.right + cols }));
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const ref = this.resolveOrNull();
      if (!ref) return null;
      const areas = ref.sheet.merges.filter((m) => m.top <= ref.bottom && m.bottom >= ref.top && m.left <= ref.right && m.right >= ref.left);
      return areas.length ? areas.map((m) => ({ sheet: ref.sheet, ...m })) : null;
    });
  }

  merge(): void {
    this.write((ref, tx) => {
      const area = { top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right };
      tx.mutate(() => ref.sheet.merges.push(area), () => ref.sheet.merges.splice(ref.sheet.merges.indexOf(area), 1));
    });
  }

  clear(): void {
    this.write((ref, tx) => eachCell(ref, null, tx, (cell) => Object.assign(cell, { value: null, formula: undefined, error: undefined }), false));
  }

  private derive(shift: (ref: RangeRef) => RangeRef): RangeProxy {
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
  if (cellsOf(ref) > MAX_CELLS_PER_READ) throw new SimOfficeError("ResponsePayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const key = cellKey(ref.top + r, ref.left + c);
      const before = ref.sheet.cells.get(key);
      const cell: SimCell = before ? { ...before } : { value: null };
      set(cell, (matrix && Array.isArray(input) ? (input as V[][])[r][c] : input) as V);
      tx.mutate(
        () => ref.sheet.cells.set(key, cell),
        () => (before ? ref.sheet.cells.set(key, before) : ref.sheet.cells.delete(key)),
      );
    }
  }
}

class RangeFormat {
  readonly font: { bold?: boolean; italic?: boolean; color?: string; size?: number };
  readonly fill: { color?: string };

  constructor(
    private readonly range: RangeProxy,
    private readonly write: (run: (ref: RangeRef, tx: Tx) => void) => void,
  ) {
    const style = (key: keyof NonNullable<SimCell["format"]>) => (value: unknown) =>
      this.write((ref, tx) => eachCell(ref, value, tx, (cell) => (cell.format = { ...cell.format, [key]: value }), false));
    this.font = setters({ bold: style("bold"), italic: style("italic"), color: style("color"), size: style("size") }) as RangeFormat["font"];
    this.fill = setters({ color: style("fill") }) as RangeFormat["fill"];
  }

  set wrapText(wrap: boolean) {
    this.write((ref, tx) => eachCell(ref, wrap, tx, (cell) => (cell.format = { ...cell.format, wrapText: wrap }), false));
  }

  set columnWidth(width: number) {
    this.write((ref, tx) => {
      for (let col = ref.left; col <= ref.right; col++) {
        const before = ref.sheet.columnWidths.get(col);
        tx.mutate(
          () => ref.sheet.columnWidths.set(col, width),
          () => (before === undefined ? ref.sheet.columnWidths.delete(col) : ref.sheet.columnWidths.set(col, before)),
        );
      }
    });
  }

  autofitColumns(): void {
    this.write(() => undefined);
  }
}

/** An object whose property assignments queue commands (format.font.bold = true). */
function setters<T extends Record<string, (value: unknown) => void>>(handlers: T): { [K in keyof T]?: unknown } {
  const target = {};
  for (const [key, handler] of Object.entries(handlers)) {
    Object.defineProperty(target, key, {
      set: handler,
      get: () => {
        throw notLoaded(key);
      },
    });
  }
  return target;
}

class RangeAreasProxy extends Proxy<RangeRef[]> {
  protected readonly scalars = ["address", "areaCount"] as const;
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

  add(address: string, _hasHeaders: boolean): TableProxy {
    let table: SimSheet["tables"][number] | null = null;
    this.ctx.queue.push((tx) => {
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
    });
    return new TableProxy(this.ctx, () => table);
  }
}

class TableProxy extends Proxy<SimSheet["tables"][number]> {
  protected readonly scalars = ["name", "style"] as const;
  get name(): string {
    return this.value("name");
  }
  set name(name: string) {
    this.command((table, tx) => {
      const before = table.name;
      tx.mutate(() => (table.name = name), () => (table.name = before));
    });
  }
  get style(): string {
    return this.value("style");
  }
  set style(style: string) {
    this.command((table, tx) => {
      const before = table.style;
      tx.mutate(() => (table.style = style), () => (table.style = before));
    });
  }
  protected read(table: SimSheet["tables"][number], name: string): unknown {
    if (name === "name") return table.name;
    if (name === "style") return table.style;
    throw new SimOfficeError("InvalidArgument", `Table has no property ${name}.`);
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = [have, want].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export type ExcelHost = ReturnType<typeof createExcelHost>;

/** An in-memory Excel with the `Excel` and `Office` objects the add-in's code calls. */
export function createExcelHost(workbook: SimWorkbook, options: HostOptions = {}) {
  const state: HostState = {
    workbook,
    options,
    stats: { runs: 0, syncs: 0, loads: 0 },
    selection: null,
    active: workbook.sheets.find((s) => s.visibility === "Visible")?.name ?? null,
  };
  const listeners = new Set<() => void>();
  const apiSets = options.apiSets ?? { ExcelApi: "1.17" };

  const Excel = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      state.stats.runs++;
      const context = new Context(state);
      try {
        const result = await batch(context as unknown as Excel.RequestContext);
        if (context.queue.length) await context.sync();
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
