// TEMPORARY stand-in until src/excel-sim lands. Delete afterwards.
import type { WorkbookGrid } from "../../src/template/grid";
import { a1 } from "../../src/template/grid";

export function interimHost(grid: WorkbookGrid, opts: { editMode?: boolean; displayLanguage?: string; delay?: number } = {}) {
  let selection: { sheet: string; address: string } | null = null;
  let active = grid.sheets[0]?.name ?? "";
  const stats = { runs: 0, syncs: 0 };
  const Excel = {
    run: async <T>(batch: (ctx: any) => Promise<T>): Promise<T> => {
      stats.runs++;
      if (opts.editMode) throw Object.assign(new Error("edit mode"), { code: "InvalidOperationInCellEditMode" });
      const queue: (() => void)[] = [];
      const sheetProxy = (s: (typeof grid.sheets)[number]) => ({
        name: s.name,
        visibility: "Visible",
        activate: () => queue.push(() => (active = s.name)),
        getRange: (addr?: string) => ({
          select: () => queue.push(() => ((selection = { sheet: s.name, address: addr! }), (active = s.name))),
          getMergedAreasOrNullObject: () => {
            const o: any = { isNullObject: s.merges.length === 0, address: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(",") };
            o.load = () => o;
            return o;
          },
        }),
        getUsedRangeOrNullObject: () => {
          const rows = s.values.length;
          const cols = Math.max(1, ...s.values.map((r) => r.length));
          const values = s.values.map((r) => Array.from({ length: cols }, (_, c) => { const v = r[c]; return v === null || v === undefined ? "" : typeof v === "object" ? v.error : v; }));
          const valueTypes = s.values.map((r) => Array.from({ length: cols }, (_, c) => { const v = r[c]; return v && typeof v === "object" ? "Error" : "String"; }));
          const o: any = { isNullObject: rows === 0, address: `${s.name}!A1:${a1(rows - 1, cols - 1)}`, values, valueTypes };
          o.load = () => o;
          return o;
        },
      });
      const items = grid.sheets.map(sheetProxy);
      const ctx = {
        workbook: {
          load: () => ({ name: grid.name }),
          worksheets: { items, load: () => undefined, getItem: (n: string) => items.find((i) => i.name === n)! },
        },
        sync: async () => {
          stats.syncs++;
          await new Promise((r) => setTimeout(r, opts.delay ?? 0));
          queue.splice(0).forEach((f) => f());
        },
      };
      return batch(ctx);
    },
  };
  const Office = {
    context: { displayLanguage: opts.displayLanguage ?? "ja-JP", requirements: { isSetSupported: () => true } },
  };
  return { Excel, Office, stats, selection: () => selection, activeSheet: () => active };
}
