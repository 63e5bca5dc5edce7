/**
 * Range.conditionalFormats of the in-memory host (ExcelApi 1.6): "the collection of ConditionalFormats that
 * intersect the range"; add() puts a new format "at the first/top priority". Only the custom (formula) kind is
 * modelled, with the fill, font colour, bold and borders it can set; other kinds are refused rather than guessed.
 * Ids are session ids (proxy.ts): a workbook saved and opened again gives its formats new ones, so an add-in
 * cannot keep them in the file to find its formats later.
 */
import { ExcelMember, PAYLOAD } from "../excel/office-api";
import { ClientResult, CollectionProxy, Context, Proxy, sessionId, setters, SimOfficeError, Tx } from "./proxy";
import type { RangeRef } from "./range-ref";
import type { SimConditionalFormat, SimSheet } from "./workbook";

type Writer = (member: string, run: (ref: RangeRef, tx: Tx) => void, args?: unknown) => void;
type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

interface Located {
  sheet: SimSheet;
  format: SimConditionalFormat;
}

const SCALARS = ["id", "type", "priority", "stopIfTrue"] as const;
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot"];
const COLOR = /^#[0-9A-Fa-f]{6}$/;

function formatsOf(sheet: SimSheet): SimConditionalFormat[] {
  return (sheet.conditionalFormats ??= []);
}

function intersects(format: SimConditionalFormat, ref: RangeRef): boolean {
  const r = format.range;
  return r.top <= ref.bottom && r.bottom >= ref.top && r.left <= ref.right && r.right >= ref.left;
}

export class ConditionalFormatCollectionProxy extends CollectionProxy<Located, ConditionalFormatProxy> {
  protected readonly kind = "ConditionalFormatCollection";
  protected readonly itemKind = "ConditionalFormat";
  protected readonly itemScalars = SCALARS;

  constructor(
    ctx: Context,
    private readonly range: () => RangeRef | null,
    private readonly write: Writer,
  ) {
    super(ctx);
  }

  /** The sheet's formats that intersect the range, in priority order (at the time of the sync). */
  protected entries(): Located[] {
    const ref = this.range();
    if (!ref) throw new SimOfficeError("ItemNotFound", "The range doesn't exist.");
    return formatsOf(ref.sheet)
      .filter((format) => intersects(format, ref))
      .map((format) => ({ sheet: ref.sheet, format }));
  }
  protected itemOf(located: Located): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, () => located);
  }
  protected readItem(located: Located, name: string): unknown {
    return readFormat(located, name);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    if (!this.ctx.gate("ConditionalFormatCollection.getCount")) return result;
    this.ctx.push((tx) => {
      const count = this.entries().length;
      tx.respond(PAYLOAD.objectBytes);
      tx.stage(() => result.set(count));
    });
    return result;
  }

  getItemAt(index: number): ConditionalFormatProxy {
    this.ctx.gate("ConditionalFormatCollection.getItemAt");
    this.ctx.cost([index]);
    return new ConditionalFormatProxy(this.ctx, () => {
      const found = this.entries()[index];
      if (!found) throw new SimOfficeError("ItemNotFound", `No conditional format at index ${index}.`);
      return found;
    });
  }

  /** Adds a custom format over the whole range, at the top priority. */
  add(type: string): ConditionalFormatProxy {
    let created: Located | null = null;
    if (this.ctx.gate("ConditionalFormatCollection.add")) {
      this.write(
        "conditionalFormats",
        (ref, tx) => {
          if (type !== "Custom") throw new SimOfficeError("InvalidArgument", `The in-memory host does not model ${type} conditional formats.`);
          const format: SimConditionalFormat = {
            type: "Custom",
            range: { top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right },
            formula: null,
            format: {},
            stopIfTrue: false,
          };
          const list = formatsOf(ref.sheet);
          tx.mutate(
            () => {
              list.unshift(format);
              created = { sheet: ref.sheet, format };
            },
            () => list.splice(list.indexOf(format), 1),
          );
        },
        [type],
      );
    }
    return new ConditionalFormatProxy(this.ctx, () => created);
  }
}

function readFormat({ sheet, format }: Located, name: string): unknown {
  switch (name) {
    case "id":
      return sessionId(format, "cf");
    case "type":
      return format.type;
    case "priority":
      return formatsOf(sheet).indexOf(format);
    case "stopIfTrue":
      return format.stopIfTrue;
    default:
      throw new SimOfficeError("InvalidArgument", `ConditionalFormat has no property ${name}.`);
  }
}

/** Changes a format in place; Ctrl+Z (or an atomic rollback) puts its earlier state back. */
function change(tx: Tx, format: SimConditionalFormat, edit: (f: SimConditionalFormat) => void): void {
  const before = JSON.stringify(format);
  tx.mutate(
    () => edit(format),
    () => Object.assign(format, JSON.parse(before) as SimConditionalFormat),
  );
}

export class ConditionalFormatProxy extends Proxy<Located> {
  protected readonly kind = "ConditionalFormat";
  protected readonly scalars = SCALARS;

  get id(): string {
    return this.value("id");
  }
  get type(): string {
    return this.value("type");
  }
  get priority(): number {
    return this.value("priority");
  }
  get stopIfTrue(): boolean {
    return this.value("stopIfTrue");
  }
  set stopIfTrue(stop: boolean) {
    this.edit("stopIfTrue", (f) => (f.stopIfTrue = stop), stop);
  }

  get custom(): CustomConditionalFormat {
    this.navigate("custom");
    return new CustomConditionalFormat(
      this.ctx,
      () => this.target(),
      (member, run, args) => this.edit(member, run, args),
    );
  }

  delete(): void {
    this.command("delete", ({ sheet, format }, tx) => {
      if (sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
      const list = formatsOf(sheet);
      const at = list.indexOf(format);
      if (at < 0) throw new SimOfficeError("ItemNotFound", "The conditional format was deleted.");
      tx.mutate(
        () => list.splice(at, 1),
        () => list.splice(at, 0, format),
      );
    });
  }

  protected read(located: Located, name: string): unknown {
    return readFormat(located, name);
  }

  /** A change of this format, gated by `member` (a full name, or a property of ConditionalFormat). */
  private edit(member: string, run: (format: SimConditionalFormat) => void, args?: unknown): void {
    const full = (member.includes(".") ? member : `ConditionalFormat.${member}`) as ExcelMember;
    if (!this.ctx.gate(full)) return;
    this.ctx.push((tx) => {
      const { sheet, format } = this.target();
      if (sheet.protected) throw new SimOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
      if (format.type !== "Custom" && full !== "ConditionalFormat.stopIfTrue") throw new SimOfficeError("InvalidArgument", "The conditional format is not a custom one.");
      change(tx, format, run);
    }, args);
  }
}

type Edit = (member: string, run: (format: SimConditionalFormat) => void, args?: unknown) => void;

/** CustomConditionalFormat.rule: the formula, set and loaded. */
class ConditionalFormatRuleProxy extends Proxy<Located> {
  protected readonly kind = "ConditionalFormatRule";
  protected readonly scalars = ["formula"] as const;

  constructor(
    ctx: Context,
    resolve: () => Located,
    private readonly edit: Edit,
  ) {
    super(ctx, resolve);
  }

  get formula(): string {
    return this.value("formula");
  }
  set formula(value: string) {
    this.edit(
      "ConditionalFormatRule.formula",
      (f) => {
        if (typeof value !== "string" || !value.startsWith("=")) throw new SimOfficeError("InvalidArgument", "A conditional format's formula starts with =.");
        f.formula = value;
      },
      value,
    );
  }

  protected read({ format }: Located, name: string): unknown {
    if (name === "formula") return format.formula;
    throw new SimOfficeError("InvalidArgument", `ConditionalFormatRule has no property ${name}.`);
  }
}

/** ConditionalFormat.custom: its rule and the format it applies (the format write-only here). */
class CustomConditionalFormat {
  readonly rule: ConditionalFormatRuleProxy;
  readonly format: {
    fill: { color?: unknown };
    font: { color?: unknown; bold?: unknown };
    borders: { getItem(edge: Edge): { style?: unknown; color?: unknown } };
  };

  constructor(ctx: Context, located: () => Located, edit: Edit) {
    const color = (value: unknown) => {
      if (typeof value !== "string" || !COLOR.test(value)) throw new SimOfficeError("InvalidArgument", `'${String(value)}' is not a colour the host models (#RRGGBB).`);
      return value.toUpperCase();
    };
    ctx.gate("CustomConditionalFormat.rule");
    this.rule = new ConditionalFormatRuleProxy(ctx, located, edit);
    this.format = {
      fill: setters(ctx, "ConditionalRangeFormat.fill", {
        color: (value) => edit("ConditionalRangeFill.color", (f) => (f.format.fill = color(value)), value),
      }),
      font: setters(ctx, "ConditionalRangeFormat.font", {
        color: (value) => edit("ConditionalRangeFont.color", (f) => (f.format.fontColor = color(value)), value),
        bold: (value) => edit("ConditionalRangeFont.bold", (f) => (f.format.bold = Boolean(value)), value),
      }),
      borders: {
        getItem: (edge: Edge) => {
          ctx.gate("ConditionalRangeFormat.borders");
          const border = (f: SimConditionalFormat) => ((f.format.borders ??= {})[edge] ??= {});
          return setters(ctx, "ConditionalRangeBorderCollection.getItem", {
            style: (value) =>
              edit("ConditionalRangeBorder.style", (f) => {
                if (!BORDER_STYLES.includes(String(value))) throw new SimOfficeError("InvalidArgument", `'${String(value)}' is not a border style.`);
                border(f).style = String(value);
              }, value),
            color: (value) => edit("ConditionalRangeBorder.color", (f) => (border(f).color = color(value)), value),
          });
        },
      },
    };
    ctx.gate("CustomConditionalFormat.format");
  }
}
