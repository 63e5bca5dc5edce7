import { checkWorkbook } from "../../src/check";
import { LiveCheck, Recheck } from "../../src/excel/live-check";
import { readWorkbookState } from "../../src/excel/read-state";
import { summarizeOpenWorkbook } from "../../src/excel/summarize";
import type { HostOptions } from "../../src/excel-sim/host";
import type { Phase } from "../../src/model";
import { formsHost, sampleHost } from "../support/hosts";
import { formItem } from "../support/workbooks";

type Host = Awaited<ReturnType<typeof sampleHost>>;


/** A live check on `host` after a full read checked as `phase`; `results` fills as re-checks finish. */
async function watch(host: Host, phase: Phase) {
  const results: Recheck[] = [];
  const errors: Error[] = [];
  const read = await readWorkbookState(host);
  const report = checkWorkbook(read, { phase });
  const live = new LiveCheck(host, { delayMs: 30, onResult: (r) => results.push(r), onError: (e) => errors.push(e) });
  const started = await live.start();
  live.setBase(read, report);
  /** Waits for the events, the delay and the re-check (however long a busy machine takes). */
  const settle = async () => {
    await host.events.settled();
    await live.settled();
  };
  return { live, report, results, errors, started, settle };
}

const cellOf = (report: ReturnType<typeof checkWorkbook>, no: number, field: "final.achievement" | "final.result" | "midyear.achievement") => report.items.find((i) => i.no === no)!.sources[field]!;

describe("live re-check", () => {
  test("one edit in a mapped cell re-validates its form in 2 syncs, and the finding goes", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.14" } });
    const { live, report, results, errors, started, settle } = await watch(host, "final");
    expect(started).toBe(true);
    const missing = report.findings.filter((f) => f.code === "RATING_MISSING" && f.item === 1);
    expect(missing).toHaveLength(1);
    const { sheet, cell } = cellOf(report, 1, "final.achievement");

    const syncs = host.stats.syncs;
    host.typeInto(sheet, cell, "①");
    await settle();
    expect(errors).toEqual([]);
    expect(results).toHaveLength(1);
    expect(host.stats.syncs - syncs).toBe(2);
    expect(results[0].sheets).toEqual([sheet]);
    expect(results[0].report.findings.filter((f) => f.code === "RATING_MISSING" && f.item === 1)).toEqual([]);
    expect(results[0].report.findings).toHaveLength(report.findings.length - 1);
    await live.stop();
  });

  test("edits in quick succession are re-checked once, about 300 ms after the last (here 30 ms)", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.14" } });
    const { live, report, results, settle } = await watch(host, "final");
    for (const no of [1, 2, 3]) {
      const { sheet, cell } = cellOf(report, no, "final.achievement");
      host.typeInto(sheet, cell, "②");
    }
    await settle();
    expect(results).toHaveLength(1);
    expect(results[0].report.findings.filter((f) => f.code === "REMARK_REQUIRED").map((f) => f.item)).toEqual([1, 2, 3]);
    await live.stop();
  });

  test("an edit that cannot change the findings reads nothing; a label typed re-checks; the add-in's own writes do not", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.14" } });
    const { live, report, results, settle } = await watch(host, "final");
    const sheet = report.items[0].sheet;
    const syncs = host.stats.syncs;
    host.typeInto(sheet, "Z900", "メモ");
    await settle();
    expect(results).toHaveLength(0);
    expect(host.stats.syncs).toBe(syncs);

    host.typeInto(sheet, "Z901", "取組項目20");
    await settle();
    expect(results).toHaveLength(1);

    await host.Excel.run(async (context) => {
      // A block of cells: a user's paste would re-check (relevance.test.ts); this add-in's own write is ignored.
      context.workbook.worksheets.getItem(sheet).getRange("Z902:Z903").values = [["a"], ["b"]];
      await context.sync();
    });
    await settle();
    expect(results).toHaveLength(1);
    await live.stop();
  });

  test("only the changed form's sheets are read: items on sheets of their own", async () => {
    // Three wards' forms, a sheet each, each numbered from 1: three forms.
    const ward = (name: string, item: ReturnType<typeof formItem>) => ({ sheet: name, heading: { fiscalYear: `令和元年度 ${name}` }, items: [item] });
    const forms = [ward("北区", formItem(1)), ward("都島区", formItem(1, { title: "取組2", midyear: { implementation: "(i)", achievement: null } })), ward("福島区", formItem(1))];
    const host = await formsHost(forms, {}, { apiSets: { ExcelApi: "1.14" } });
    const { live, report, results, settle } = await watch(host, "midyear");
    const { sheet, cell } = report.items.find((i) => i.form === "都島区")!.sources["midyear.achievement"]!;
    expect(new Set(report.items.map((i) => i.sheet)).size).toBe(3);
    expect(report.findings.map((f) => [f.code, f.form])).toEqual([["RATING_MISSING", "都島区"]]);
    host.typeInto(sheet, cell, "①");
    await settle();
    expect(results[0].sheets).toEqual([sheet]);
    expect(results[0].report.items.map((i) => i.form)).toEqual(["北区", "都島区", "福島区"]);
    expect(results[0].report.findings).toEqual([]);
    await live.stop();
  });

  test.each<[string, HostOptions]>([
    ["onChanged of each sheet (ExcelApi 1.7)", { apiSets: { ExcelApi: "1.7" } }],
    ["onChanged of every sheet (ExcelApi 1.9)", { apiSets: { ExcelApi: "1.9" } }],
  ])("%s", async (_, options) => {
    const host = await sampleHost(options);
    const { live, report, results, settle } = await watch(host, "final");
    const { sheet, cell } = cellOf(report, 1, "final.achievement");
    host.typeInto(sheet, cell, "①");
    await settle();
    expect(results).toHaveLength(1);
    await live.stop();
    host.typeInto(sheet, cell, "②");
    await settle();
    expect(results).toHaveLength(1);
    expect(host.events.count()).toBe(0);
  });

  test("before ExcelApi 1.7 there is no live re-check (start says so); 集計's own writes never trigger one", async () => {
    const old = await sampleHost({ apiSets: { ExcelApi: "1.6" } });
    expect((await watch(old, "final")).started).toBe(false);

    const host = await sampleHost({ apiSets: { ExcelApi: "1.14" } });
    const { live, results, settle } = await watch(host, "final");
    await summarizeOpenWorkbook(host, { phase: "final" });
    await settle();
    expect(results).toHaveLength(0);
    await live.stop();
  });
});
