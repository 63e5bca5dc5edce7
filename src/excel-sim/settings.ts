/**
 * Workbook.settings of the in-memory host (ExcelApi 1.4): "a collection of key-value pair setting objects that are
 * part of the workbook", saved with it (persist.ts keeps them). Values are stored as JSON, as Office does, so what
 * comes back is a copy: a value JSON cannot hold (undefined, a function) is refused.
 */
import { PAYLOAD } from "../excel/office-api";
import { ClientResult, CollectionProxy, Context, Proxy, SimOfficeError } from "./proxy";
import type { SimWorkbook } from "./workbook";

interface Entry {
  key: string;
}

function settingsOf(workbook: SimWorkbook): Map<string, string> {
  return (workbook.settings ??= new Map());
}

export class SettingCollectionProxy extends CollectionProxy<Entry, SettingProxy> {
  protected readonly kind = "SettingCollection";
  protected readonly itemKind = "Setting";
  protected readonly itemScalars = ["key", "value"];

  protected entries(): Entry[] {
    return [...settingsOf(this.ctx.host.workbook).keys()].map((key) => ({ key }));
  }
  protected itemOf(entry: Entry): SettingProxy {
    return new SettingProxy(this.ctx, () => entry);
  }
  protected readItem(entry: Entry, name: string): unknown {
    return readSetting(this.ctx.host.workbook, entry.key, name);
  }

  /** "Sets or adds the specified setting to the workbook." */
  add(key: string, value: unknown): SettingProxy {
    if (this.ctx.gate("SettingCollection.add")) {
      // The value goes into the request as it is now.
      const json = JSON.stringify(value) as string | undefined;
      this.ctx.push((tx) => {
        if (typeof key !== "string" || key === "") throw new SimOfficeError("InvalidArgument", "A setting's key is a non-empty string.");
        if (json === undefined) throw new SimOfficeError("InvalidArgument", `The value of setting '${key}' cannot be stored.`);
        const settings = settingsOf(this.ctx.host.workbook);
        const before = settings.get(key);
        tx.mutate(
          () => settings.set(key, json),
          () => (before === undefined ? settings.delete(key) : settings.set(key, before)),
        );
      }, [key, value]);
    }
    return new SettingProxy(this.ctx, () => this.find(key));
  }

  getItem(key: string): SettingProxy {
    return this.namedItem(key, "setting", () => this.find(key), (resolve) => new SettingProxy(this.ctx, resolve));
  }

  getItemOrNullObject(key: string): SettingProxy {
    this.ctx.gate("SettingCollection.getItemOrNullObject");
    return new SettingProxy(this.ctx, () => this.find(key), true);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    if (!this.ctx.gate("SettingCollection.getCount")) return result;
    this.ctx.push((tx) => {
      const count = settingsOf(this.ctx.host.workbook).size;
      tx.respond(PAYLOAD.objectBytes);
      tx.stage(() => result.set(count));
    });
    return result;
  }

  private find(key: string): Entry | null {
    return settingsOf(this.ctx.host.workbook).has(key) ? { key } : null;
  }
}

function readSetting(workbook: SimWorkbook, key: string, name: string): unknown {
  if (name === "key") return key;
  if (name === "value") return JSON.parse(settingsOf(workbook).get(key)!) as unknown;
  throw new SimOfficeError("InvalidArgument", `Setting has no property ${name}.`);
}

/** The proxy machinery of a setting; SettingProxy wraps it, as its `value` property would hide Proxy's own value(). */
class SettingState extends Proxy<Entry> {
  protected readonly kind = "Setting";
  protected readonly scalars = ["key", "value"] as const;

  field(name: "key" | "value"): unknown {
    return this.value(name);
  }

  delete(): void {
    this.command("delete", ({ key }, tx) => {
      const settings = settingsOf(this.ctx.host.workbook);
      const before = settings.get(key)!;
      tx.mutate(
        () => settings.delete(key),
        () => settings.set(key, before),
      );
    });
  }

  protected read(entry: Entry, name: string): unknown {
    if (!settingsOf(this.ctx.host.workbook).has(entry.key)) throw new SimOfficeError("ItemNotFound", `The setting '${entry.key}' doesn't exist.`);
    return readSetting(this.ctx.host.workbook, entry.key, name);
  }
}

export class SettingProxy {
  private readonly state: SettingState;

  constructor(ctx: Context, resolve: () => Entry | null, orNullObject = false) {
    this.state = new SettingState(ctx, resolve, orNullObject);
  }

  get context(): Context {
    return this.state.context;
  }
  get isNullObject(): boolean {
    return this.state.isNullObject;
  }
  get key(): string {
    return this.state.field("key") as string;
  }
  get value(): unknown {
    return this.state.field("value");
  }

  load(props?: string | string[] | { select?: string | string[] }): this {
    this.state.load(props);
    return this;
  }

  /** Values a collection's load handed down. */
  preload(values: [string, unknown][]): void {
    this.state.preload(values);
  }

  delete(): void {
    this.state.delete();
  }
}
