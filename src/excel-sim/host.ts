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
 * - Formulas are calculated (recalc.ts, with the evaluator of formula.ts) before any cell value is read after a
 *   change, as Excel's automatic calculation would have them; what the evaluator does not know keeps its value
 *   and is reported by calculate(), never made up.
 * What the documentation leaves open is an option, so that the add-in is tested both ways (tools/excel-probe
 * finds out which way a real Excel goes).
 */
import { EXCEL_API, ExcelMember, LIMITS, PAYLOAD, versionAtLeast } from "../excel/office-api";
import { a1, CellRange } from "../template/grid";
import { readEntry, storeEntry } from "./entry";
import { shiftRows } from "./formula";
import { ConditionalFormatCollectionProxy } from "./conditional-format";
import { ChangeEvents, changedEvent } from "./events";
import { ClientResult, CollectionProxy, Context, HostOptions, HostState, Proxy, RunOptions, sessionId, setters, SimOfficeError, Tx } from "./proxy";
import { cellsOf, MAX_ROWS, parseAddress, RangeRef, rangeAddress } from "./range-ref";
import { recalculate, Unevaluated } from "./recalc";
import { SettingCollectionProxy } from "./settings";
import { UndoHistory } from "./undo";
import { typeIntoCell, undoLast } from "./user";
import { DataValidationProxy } from "./validation";
import { cellKey, cellPosition, displayValue, hasContent, MAX_COLUMNS, newSheet, SimCell, SimChart, SimPageLayout, SimSheet, SimTable, SimWorkbook, valueType } from "./workbook";

export { SimOfficeError } from "./proxy";
export type { HostOptions, SyncPayload } from "./proxy";

/** Recalculates the workbook when a cell changed since the last time; returns the formulas it could not evaluate. */
function calculate(host: HostState): Unevaluated[] {
  if (host.calc.dirty) {
    host.calc.dirty = false;
    host.calc.unevaluated = recalculate(host.workbook);
  }
  return host.calc.unevaluated;
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

  get settings(): SettingCollectionProxy {
    this.navigate("settings");
    return new SettingCollectionProxy(this.ctx);
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

class WorksheetCollectionProxy extends CollectionProxy<SimSheet, WorksheetProxy> {
  protected readonly kind = "WorksheetCollection";
  protected readonly itemKind = "Worksheet";
  protected readonly itemScalars = SHEET_SCALARS;

  protected entries(): SimSheet[] {
    return [...this.ctx.host.workbook.sheets];
  }
  protected itemOf(sheet: SimSheet): WorksheetProxy {
    return new WorksheetProxy(this.ctx, sheetResolver(this.ctx, sheet));
  }
  protected readItem(sheet: SimSheet, name: string): unknown {
    return readSheet(this.ctx.host.workbook, sheet, name);
  }

  getItem(name: string): WorksheetProxy {
    return this.namedItem(name, "worksheet", () => findSheet(this.ctx, name), (resolve) => new WorksheetProxy(this.ctx, resolve));
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

  get onChanged() {
    return changedEvent(this.ctx, "WorksheetCollection.onChanged", () => null);
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
      return sessionId(sheet, "sheet");
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

  get onChanged() {
    return changedEvent(this.ctx, "Worksheet.onChanged", () => this.target());
  }

  get tables(): TableCollectionProxy {
    this.navigate("tables");
    return new TableCollectionProxy(this.ctx, () => this.target());
  }

  get charts(): ChartCollectionProxy {
    this.navigate("charts");
    return new ChartCollectionProxy(this.ctx, () => this.target());
  }

  get pageLayout(): PageLayoutProxy {
    this.navigate("pageLayout");
    return new PageLayoutProxy(this.ctx, () => this.resolveOrNull());
  }

  get freezePanes(): { freezeRows: (count: number) => void; unfreeze: () => void } {
    this.navigate("freezePanes");
    const freeze = (member: ExcelMember, count: number) => {
      if (!this.ctx.gate(member)) return;
      this.ctx.push((tx) => {
        const sheet = this.target();
        const before = sheet.frozenRows;
        tx.mutate(() => (sheet.frozenRows = count), () => (sheet.frozenRows = before));
      }, member === "WorksheetFreezePanes.unfreeze" ? undefined : [count]);
    };
    return {
      freezeRows: (count) => freeze("WorksheetFreezePanes.freezeRows", count),
      unfreeze: () => freeze("WorksheetFreezePanes.unfreeze", 0),
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
      // Excel shows one sheet at a time, and never a hidden one.
      if (sheet.visibility !== "Visible") throw new SimOfficeError("InvalidOperation", `Worksheet.activate: 「${sheet.name}」 is hidden.`);
      const before = this.ctx.host.active;
      tx.mutate(() => (this.ctx.host.active = sheet.name), () => (this.ctx.host.active = before), "view");
    });
  }

  delete(): void {
    this.command("delete", (sheet, tx) => {
      tx.notUndoable("Worksheet.delete");
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

  get dataValidation(): DataValidationProxy {
    this.navigate("dataValidation");
    return new DataValidationProxy(this.ctx, () => this.resolveOrNull(), (name, run, args) => this.write(name, run, args));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.navigate("conditionalFormats");
    return new ConditionalFormatCollectionProxy(this.ctx, () => this.resolveOrNull(), (name, run, args) => this.write(name, run, args));
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
        changingValues(ref, tx, () =>
          eachCell(ref, input, tx, (cell, value) => {
            const format = options.textFormatInBatch === false && tx.formatBefore.has(cell) ? tx.formatBefore.get(cell) : cell.numberFormat;
            storeEntry(cell, readEntry(value, format, { apostropheInTextCells: options.apostropheInTextCells ?? "literal" }), format);
          }),
        ),
      input,
    );
  }

  protected read(ref: RangeRef, name: string): unknown {
    const cellProperty = CELL_PROPERTIES[name];
    if (cellProperty) {
      if (ref.unbounded) return null;
      calculate(this.ctx.host);
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
        if (ref.unbounded && member !== "format" && member !== "clear") throw new SimOfficeError("InvalidArgument", "Cell-level properties can't be set on an unbounded range.");
        run(ref, tx);
      },
      args,
    );
  }

  /** The range as the sync under way resolves it, for another object's command (a chart's data). */
  hostTarget(): RangeRef {
    return this.target();
  }

  /**
   * Inserts cells, shifting the others down: whole rows only here ("5:6"). Excel moves the cells, merged areas and
   * tables below, and adjusts every formula of the workbook that refers to them (shiftRows); links
   * (hyperlinks) keep their addresses, as Excel's do.
   */
  insert(shift: string): RangeProxy {
    let inserted: RangeRef | null = null;
    this.command(
      "insert",
      (ref, tx) => {
        if (ref.sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${ref.sheet.name}' is protected.`);
        if (shift !== "Down" || ref.left !== 0 || ref.right !== MAX_COLUMNS - 1) {
          throw new SimOfficeError("InvalidArgument", "The in-memory host inserts whole rows (shift Down) only.");
        }
        const count = ref.bottom - ref.top + 1;
        const sheet = ref.sheet;
        const before = { cells: sheet.cells, merges: sheet.merges, tables: sheet.tables.map((t) => ({ ...t })) };
        const formulas = this.ctx.host.workbook.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula !== undefined).map((cell) => ({ cell, sheet: s.name, formula: cell.formula! })));
        tx.mutate(
          () => {
            insertRows(sheet, ref.top, count);
            for (const { cell, sheet: on, formula } of formulas) {
              try {
                cell.formula = shiftRows(formula, on, sheet.name, ref.top, count);
              } catch {
                // A formula the evaluator cannot read keeps its text; calculate() reports it.
              }
            }
            inserted = { sheet, top: ref.top, bottom: ref.bottom, left: 0, right: MAX_COLUMNS - 1, unbounded: true };
          },
          () => {
            Object.assign(sheet, before);
            for (const { cell, formula } of formulas) cell.formula = formula;
          },
        );
      },
      [shift],
    );
    return new RangeProxy(this.ctx, () => inserted);
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
        "view",
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

  /**
   * Range.clear(applyTo = "All"): "Clear range values, format, fill, border, etc." Also over whole rows, columns or
   * the whole sheet (getRange()); only the cells that hold something are visited.
   */
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" = "All"): void {
    this.write(
      "clear",
      (ref, tx) => {
        if (!CLEARS[applyTo]) throw new SimOfficeError("InvalidArgument", `Range.clear: '${applyTo}' is not modelled.`);
        changingValues(ref, tx, () => clearCells(ref, CLEARS[applyTo], tx));
      },
      [applyTo],
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

/** What each ClearApplyTo takes out of a cell. */
const CLEARS: Record<string, (cell: SimCell) => SimCell> = {
  All: () => ({ value: null }),
  Contents: ({ numberFormat, format, hyperlink }) => ({ value: null, numberFormat, format, hyperlink }),
  Formats: ({ numberFormat: _n, format: _f, ...kept }) => kept,
  Hyperlinks: ({ hyperlink: _h, ...kept }) => kept,
};

/** Replaces each used cell of the range by what `clear` leaves of it; a cell left with nothing is dropped. */
function clearCells(ref: RangeRef, clear: (cell: SimCell) => SimCell, tx: Tx): void {
  const { cells } = ref.sheet;
  const inside = [...cells.keys()].filter((key) => {
    const { row, col } = cellPosition(key);
    return row >= ref.top && row <= ref.bottom && col >= ref.left && col <= ref.right;
  });
  for (const key of inside) {
    const before = cells.get(key)!;
    const after = Object.fromEntries(Object.entries(clear(before)).filter(([, v]) => v !== undefined)) as unknown as SimCell;
    const empty = after.value === null && Object.keys(after).length === 1;
    tx.mutate(
      () => (empty ? cells.delete(key) : cells.set(key, after)),
      () => cells.set(key, before),
    );
  }
}

/** Runs a write of values and tells onChanged about it, with the value before and after when it is one cell. */
function changingValues(ref: RangeRef, tx: Tx, write: () => void): void {
  const single = ref.top === ref.bottom && ref.left === ref.right;
  const at = () => ref.sheet.cells.get(cellKey(ref.top, ref.left));
  const before = single ? { value: displayValue(at()), type: valueType(at()) } : null;
  write();
  tx.changed({
    sheet: ref.sheet,
    range: { top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right },
    ...(before && { detail: { valueBefore: before.value, valueAfter: displayValue(at()), valueTypeBefore: before.type, valueTypeAfter: valueType(at()) } }),
  });
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

  /** Excel measures the text; the host cannot, and keeps the rows as they are. */
  autofitRows(): void {
    if (this.ctx.gate("RangeFormat.autofitRows")) this.write("format", () => undefined);
  }
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

class TableCollectionProxy extends CollectionProxy<SimTable, TableProxy> {
  protected readonly kind = "TableCollection";
  protected readonly itemKind = "Table";
  protected readonly itemScalars = ["name", "style"] as const;

  constructor(
    ctx: Context,
    private readonly sheet: () => SimSheet,
  ) {
    super(ctx);
  }

  protected entries(): SimTable[] {
    return this.sheet().tables;
  }
  protected itemOf(table: SimTable): TableProxy {
    return new TableProxy(this.ctx, () => table, this.sheet);
  }
  protected readItem(table: SimTable, name: string): unknown {
    return readTable(table, name);
  }

  getItem(name: string): TableProxy {
    const find = () => this.sheet().tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    return this.namedItem(name, "table", find, (resolve) => new TableProxy(this.ctx, resolve, this.sheet));
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    let table: SimTable | null = null;
    if (this.ctx.gate("TableCollection.add")) {
      this.ctx.push((tx) => {
        const sheet = this.sheet();
        if (sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
        const range = parseAddress(address);
        const overlaps = sheet.tables.some((t) => {
          const o = parseAddress(t.address);
          return o.top <= range.bottom && o.bottom >= range.top && o.left <= range.right && o.right >= range.left;
        });
        if (overlaps) throw new SimOfficeError("InvalidArgument", "A table can't overlap another table.");
        let n = 1;
        while (tableNames(this.ctx.host.workbook).has(`table${n}`)) n++;
        const created: SimTable = { name: `Table${n}`, address: rangeAddress({ sheet, ...range }), style: "TableStyleMedium2", showBandedRows: true, showFilterButton: true };
        tx.mutate(
          () => {
            sheet.tables.push(created);
            table = created;
          },
          () => sheet.tables.splice(sheet.tables.indexOf(created), 1),
        );
      }, [address, hasHeaders]);
    }
    return new TableProxy(this.ctx, () => table, this.sheet);
  }
}

/** Every table name of the workbook, in lower case (Excel's table names are unique without regard to case). */
function tableNames(workbook: SimWorkbook): Set<string> {
  return new Set(workbook.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
}

function readTable(table: SimTable, name: string): unknown {
  if (name === "name" || name === "style" || name === "showBandedRows" || name === "showFilterButton") return table[name];
  throw new SimOfficeError("InvalidArgument", `Table has no property ${name}.`);
}

/**
 * A table name as Excel takes it: a letter, underscore or backslash first, then letters, digits, periods and
 * underscores; no more than 255 characters; not a cell reference ("A1", "R1C1"); unique in the workbook.
 */
function checkTableName(workbook: SimWorkbook, table: SimTable, name: string): void {
  const valid = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && name.length <= 255 && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*([RrCc]\d*)?$/.test(name);
  if (!valid) throw new SimOfficeError("InvalidArgument", `'${name}' is not a valid table name.`);
  if (name.toLowerCase() !== table.name.toLowerCase() && tableNames(workbook).has(name.toLowerCase())) {
    throw new SimOfficeError("InvalidArgument", `A table named '${name}' already exists.`);
  }
}

/** Deletes a table or chart of an unprotected sheet, undone at its place. */
function removeFromSheet<K extends "tables" | "charts">(sheet: SimSheet, list: K, item: SimSheet[K][number], tx: Tx): SimSheet {
  if (sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
  const items = sheet[list] as SimSheet[K][number][];
  const at = items.indexOf(item);
  tx.mutate(() => items.splice(at, 1), () => items.splice(at, 0, item));
  return sheet;
}

class TableProxy extends Proxy<SimTable> {
  protected readonly kind = "Table";
  protected readonly scalars = ["name", "style", "showBandedRows", "showFilterButton"] as const;
  constructor(
    ctx: Context,
    resolver: () => SimTable | null,
    private readonly sheet: () => SimSheet,
  ) {
    super(ctx, resolver);
  }
  /** "Deletes the table": the table goes with its cells' contents and formats, as in Excel. */
  delete(): void {
    this.command("delete", (table, tx) => {
      const sheet = removeFromSheet(this.sheet(), "tables", table, tx);
      clearCells({ sheet, ...parseAddress(table.address) }, CLEARS.All, tx);
    });
  }
  get name(): string {
    return this.value("name");
  }
  set name(name: string) {
    this.command("name", (table, tx) => {
      checkTableName(this.ctx.host.workbook, table, name);
      this.set(table, "name", name, tx);
    }, name);
  }
  get style(): string {
    return this.value("style");
  }
  set style(style: string) {
    this.command("style", (table, tx) => this.set(table, "style", style, tx), style);
  }
  get showBandedRows(): boolean {
    return this.value("showBandedRows");
  }
  set showBandedRows(show: boolean) {
    this.command("showBandedRows", (table, tx) => this.set(table, "showBandedRows", show, tx), show);
  }
  get showFilterButton(): boolean {
    return this.value("showFilterButton");
  }
  set showFilterButton(show: boolean) {
    this.command("showFilterButton", (table, tx) => this.set(table, "showFilterButton", show, tx), show);
  }
  private set<K extends keyof SimTable>(table: SimTable, key: K, value: SimTable[K], tx: Tx): void {
    const before = table[key];
    tx.mutate(() => (table[key] = value), () => (table[key] = before));
  }
  protected read(table: SimTable, name: string): unknown {
    return readTable(table, name);
  }
}

/** Moves a sheet's cells, merged areas and tables at or below `top` down by `count` rows. */
function insertRows(sheet: SimSheet, top: number, count: number): void {
  const cells = new Map<number, SimCell>();
  for (const [key, cell] of sheet.cells) {
    const { row, col } = cellPosition(key);
    cells.set(row >= top ? cellKey(row + count, col) : key, cell);
  }
  sheet.cells = cells;
  const move = (r: number) => (r >= top ? r + count : r);
  sheet.merges = sheet.merges.map((m) => ({ ...m, top: move(m.top), bottom: move(m.bottom) }));
  sheet.tables = sheet.tables.map((t) => {
    const range = parseAddress(t.address);
    return { ...t, address: rangeAddress({ sheet, ...range, top: move(range.top), bottom: move(range.bottom) }) };
  });
}

/** The chart types the host draws (Excel.ChartType); others are refused rather than drawn wrong. */
const CHART_TYPES = new Set(["BarStacked100", "BarStacked", "BarClustered", "ColumnStacked100", "ColumnStacked", "ColumnClustered"]);

class ChartCollectionProxy extends CollectionProxy<SimChart, ChartProxy> {
  protected readonly kind = "ChartCollection";
  protected readonly itemKind = "Chart";
  protected readonly itemScalars = ["name"] as const;

  constructor(
    ctx: Context,
    private readonly sheet: () => SimSheet,
  ) {
    super(ctx);
  }

  protected entries(): SimChart[] {
    return this.sheet().charts;
  }
  protected itemOf(chart: SimChart): ChartProxy {
    return new ChartProxy(this.ctx, () => chart, this.sheet);
  }
  protected readItem(chart: SimChart, name: string): unknown {
    if (name === "name") return chart.name;
    throw new SimOfficeError("InvalidArgument", `Chart has no property ${name}.`);
  }

  getItem(name: string): ChartProxy {
    const find = () => this.sheet().charts.find((c) => c.name === name);
    return this.namedItem(name, "chart", find, (resolve) => new ChartProxy(this.ctx, resolve, this.sheet));
  }

  add(type: string, sourceData: RangeProxy, seriesBy: "Auto" | "Rows" | "Columns" = "Auto"): ChartProxy {
    let chart: SimChart | null = null;
    if (this.ctx.gate("ChartCollection.add")) {
      this.ctx.push((tx) => {
        const sheet = this.sheet();
        if (sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
        if (!CHART_TYPES.has(type)) throw new SimOfficeError("InvalidArgument", `Chart type '${type}' is not modelled by the in-memory host.`);
        const source = sourceData.hostTarget();
        const taken = new Set(this.ctx.host.workbook.sheets.flatMap((s) => s.charts.map((c) => c.name)));
        let n = 1;
        while (taken.has(`Chart ${n}`)) n++;
        const created: SimChart = { name: `Chart ${n}`, type, source: rangeAddress(source), seriesBy, title: "", position: null };
        tx.mutate(
          () => {
            sheet.charts.push(created);
            chart = created;
          },
          () => sheet.charts.splice(sheet.charts.indexOf(created), 1),
        );
      }, [type, seriesBy]);
    }
    return new ChartProxy(this.ctx, () => chart, this.sheet);
  }
}

class ChartProxy extends Proxy<SimChart> {
  protected readonly kind = "Chart";
  protected readonly scalars = ["name"] as const;
  constructor(
    ctx: Context,
    resolver: () => SimChart | null,
    private readonly sheet: () => SimSheet,
  ) {
    super(ctx, resolver);
  }
  delete(): void {
    this.command("delete", (chart, tx) => {
      removeFromSheet(this.sheet(), "charts", chart, tx);
    });
  }
  get name(): string {
    return this.value("name");
  }
  set name(name: string) {
    this.command("name", (chart, tx) => setField(chart, "name", name, tx), name);
  }
  get title(): ChartTitleProxy {
    this.navigate("title");
    return new ChartTitleProxy(this.ctx, () => this.resolveOrNull());
  }
  /** Places the chart over the cells from `startCell` to `endCell` (A1 addresses of its own sheet). */
  setPosition(startCell: string, endCell?: string): void {
    this.command(
      "setPosition",
      (chart, tx) => {
        const start = parseAddress(startCell);
        const end = parseAddress(endCell ?? startCell);
        if (end.top < start.top || end.left < start.left) throw new SimOfficeError("InvalidArgument", "The end cell is above or left of the start cell.");
        setField(chart, "position", { start: a1(start.top, start.left), end: a1(end.bottom, end.right) }, tx);
      },
      [startCell, endCell],
    );
  }
  protected read(chart: SimChart, name: string): unknown {
    if (name === "name") return chart.name;
    throw new SimOfficeError("InvalidArgument", `Chart has no property ${name}.`);
  }
}

class ChartTitleProxy extends Proxy<SimChart> {
  protected readonly kind = "ChartTitle";
  protected readonly scalars = ["text"] as const;
  get text(): string {
    return this.value("text");
  }
  set text(text: string) {
    this.command("text", (chart, tx) => setField(chart, "title", text, tx), text);
  }
  protected read(chart: SimChart, name: string): unknown {
    if (name === "text") return chart.title;
    throw new SimOfficeError("InvalidArgument", `ChartTitle has no property ${name}.`);
  }
}

function setField<T extends object, K extends keyof T>(target: T, key: K, value: T[K], tx: Tx): void {
  const before = target[key];
  tx.mutate(() => (target[key] = value), () => (target[key] = before));
}

const PAPER_SIZES = new Set(["A3", "A4", "A5", "B4", "B5", "Letter", "Legal", "Tabloid"]);

/** Worksheet.pageLayout (ExcelApi 1.9): printing, checked as Excel checks it. */
class PageLayoutProxy extends Proxy<SimSheet> {
  protected readonly kind = "PageLayout";
  protected readonly scalars = ["orientation", "paperSize", "zoom"] as const;
  get orientation(): string {
    return this.value("orientation");
  }
  set orientation(orientation: string) {
    this.layout("orientation", orientation, () => orientation === "Portrait" || orientation === "Landscape");
  }
  get paperSize(): string {
    return this.value("paperSize");
  }
  set paperSize(paperSize: string) {
    this.layout("paperSize", paperSize, () => PAPER_SIZES.has(paperSize));
  }
  get zoom(): SimPageLayout["zoom"] {
    return this.value("zoom");
  }
  /** "The PageLayoutZoomOptions object must be set as a JSON object (use x.zoom = {...} instead of x.zoom.scale = ...)." */
  set zoom(zoom: SimPageLayout["zoom"]) {
    const pages = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 0);
    this.layout("zoom", zoom && { ...zoom }, () =>
      Boolean(zoom) && pages(zoom!.horizontalFitToPages) && pages(zoom!.verticalFitToPages) && (zoom!.scale === undefined || (zoom!.scale >= 10 && zoom!.scale <= 400)),
    );
  }
  /** Whole rows of this sheet: "$6:$6". */
  setPrintTitleRows(rows: string): void {
    this.layout("setPrintTitleRows", rows, () => /^(?:.+!)?\$?\d+:\$?\d+$/.test(rows), "printTitleRows");
  }
  setPrintArea(area: string): void {
    this.layout("setPrintArea", area, () => {
      parseAddress(area);
      return true;
    }, "printArea");
  }
  get headersFooters(): { defaultForAllPages: HeaderFooterProxy } {
    this.navigate("headersFooters");
    const ctx = this.ctx;
    const sheet = () => this.resolveOrNull();
    return {
      get defaultForAllPages() {
        if (ctx.gate("HeaderFooterGroup.defaultForAllPages")) ctx.cost();
        return new HeaderFooterProxy(ctx, sheet);
      },
    };
  }
  private layout<K extends keyof SimPageLayout>(member: string, value: SimPageLayout[K], valid: () => boolean, key = member as K): void {
    this.command(
      member,
      (sheet, tx) => {
        if (!valid()) throw new SimOfficeError("InvalidArgument", `PageLayout.${member}: ${JSON.stringify(value)} is not valid.`);
        const before = sheet.pageLayout;
        tx.mutate(() => (sheet.pageLayout = { ...before, [key]: value }), () => (sheet.pageLayout = before));
      },
      value,
    );
  }
  protected read(sheet: SimSheet, name: string): unknown {
    const layout = sheet.pageLayout;
    if (name === "orientation") return layout.orientation ?? "Portrait";
    if (name === "paperSize") return layout.paperSize ?? "Letter";
    if (name === "zoom") return layout.zoom ?? { scale: 100 };
    throw new SimOfficeError("InvalidArgument", `PageLayout has no property ${name}.`);
  }
}

class HeaderFooterProxy extends Proxy<SimSheet> {
  protected readonly kind = "HeaderFooter";
  protected readonly scalars = ["leftFooter", "centerFooter", "rightFooter"] as const;
  set leftFooter(text: string) {
    this.footer("leftFooter", "left", text);
  }
  set centerFooter(text: string) {
    this.footer("centerFooter", "center", text);
  }
  set rightFooter(text: string) {
    this.footer("rightFooter", "right", text);
  }
  /** Excel keeps at most 255 characters in a header or footer section. */
  private footer(member: string, part: "left" | "center" | "right", text: string): void {
    this.command(
      member,
      (sheet, tx) => {
        if (text.length > 255) throw new SimOfficeError("InvalidArgument", "A header or footer section holds at most 255 characters.");
        const before = sheet.pageLayout;
        tx.mutate(() => (sheet.pageLayout = { ...before, footer: { ...before.footer, [part]: text } }), () => (sheet.pageLayout = before));
      },
      text,
    );
  }
  protected read(sheet: SimSheet, name: string): unknown {
    const footer = sheet.pageLayout.footer ?? {};
    if (name === "leftFooter") return footer.left ?? "";
    if (name === "centerFooter") return footer.center ?? "";
    if (name === "rightFooter") return footer.right ?? "";
    throw new SimOfficeError("InvalidArgument", `HeaderFooter has no property ${name}.`);
  }
}

export type ExcelHost = ReturnType<typeof createExcelHost>;

/** An in-memory Excel with the `Excel` and `Office` objects the add-in's code calls. */
export function createExcelHost(workbook: SimWorkbook, options: HostOptions = {}) {
  const apiSets = options.apiSets ?? { ExcelApi: "1.17" };
  const state: HostState = {
    workbook,
    calc: { dirty: false, unevaluated: [] },
    options,
    apiSets,
    stats: { runs: 0, syncs: 0, loads: 0, payloads: [] },
    selection: null,
    active: workbook.sheets.find((s) => s.visibility === "Visible")?.name ?? null,
    undo: new UndoHistory(() => versionAtLeast(apiSets.ExcelApi ?? "0", EXCEL_API["RunOptions.mergeUndoGroup"])),
    events: new ChangeEvents(
      () => apiSets.ExcelApi ?? "0",
      (sheet) => sessionId(sheet, "sheet"),
    ),
  };
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };

  type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
  const Excel = {
    /** Excel.run(batch) or Excel.run(options, batch). */
    async run<T>(first: RunOptions | Batch<T>, second?: Batch<T>): Promise<T> {
      const [options, batch] = typeof first === "function" ? [{}, first] : [first, second!];
      state.stats.runs++;
      const context = new Context(state, (ctx) => new WorkbookProxy(ctx), options);
      try {
        const result = await batch(context as unknown as Excel.RequestContext);
        if (context.pending) await context.sync();
        return result;
      } finally {
        changed();
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
    /**
     * Brings formula results up to date (Excel's automatic calculation; reads through the API do it themselves),
     * for code that looks at `workbook` directly. Returns the formulas the evaluator could not calculate.
     */
    calculate: () => calculate(state),
    /** The user types into a cell and presses Enter (see user.ts). */
    typeInto(sheet: string, address: string, text: string) {
      const result = typeIntoCell(state, sheet, address, text);
      state.calc.dirty = true;
      changed();
      return result;
    },
    /** The user presses Ctrl+Z; false when there is nothing to undo. */
    undo(): boolean {
      const done = undoLast(state);
      state.calc.dirty = true;
      changed();
      return done;
    },
    /** Steps Ctrl+Z can take back. */
    undoDepth: () => state.undo.depth,
    /** The user clicks a cell. */
    selectCell(sheet: string, address: string): void {
      state.selection = { sheet, address };
      state.active = sheet;
      changed();
    },
    /** onChanged handlers registered now, and a promise of every event so far handled. */
    events: { count: () => state.events.count, settled: () => state.events.settled() },
    /** Called after every Excel.run, e.g. to redraw a grid view. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
