/**
 * npm run bench — prints the figures the README's performance section quotes. Not a test: it measures.
 *   round trips (context.sync) for validate and summary on the in-memory Excel host at 19, 456, 10,000 items
 *   (and 10,000 items on 100 sheets), with the largest request and response of each run and every sync's pair
 *   in-process map + validate time per item at 10,000 items, as planned and at year end (results filled in)
 *   `hyoka validate` on a 456-item workbook vs a bare ExcelJS load of the same file, as a ratio
 *   the task pane's production JavaScript, gzip, and each bundle
 */
import { execFileSync } from "child_process";
import { promises as fs, readFileSync, readdirSync } from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../src/check";
import { CHAINED_SHEETS, readOpenWorkbook } from "../src/excel/read-workbook";
import { summarizeOpenWorkbook } from "../src/excel/summarize";
import { createExcelHost, SyncPayload } from "../src/excel-sim/host";
import { simWorkbookFromExcelJs } from "../src/excel-sim/from-xlsx";
import { gridFromWorkbook } from "../src/file/xlsx-grid";
import { buildFormWorkbook, FormItem } from "./form/builder";
import { tennojiR1 } from "./form/tennoji-r1";

const ROOT = path.resolve(__dirname, "..");
/** A ward's workbook, the city's 24 wards a sheet each, 10,000 items as 25 sheets, then as 100. */
const LAYOUTS = [
  { items: 19, sheets: 1 },
  { items: 456, sheets: 24 },
  { items: 10_000, sheets: 25 },
  { items: 10_000, sheets: 100 },
];

function items(count: number): FormItem[] {
  return Array.from({ length: count }, (_, i) => ({ ...tennojiR1[i % tennojiR1.length], no: i + 1 }));
}

/** Many sheets for many items: ExcelJS's merge bookkeeping grows with the square of a sheet's merges. */
function workbook(count: number, sheets = count > 500 ? 100 : 1): ExcelJS.Workbook {
  return buildFormWorkbook(items(count), { sheets: sheets === 1 ? "one" : Math.ceil(count / sheets) });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** "3 syncs, largest 0.12 / 1.84 MB": the syncs of one run and its largest request and response. */
function syncFigures(payloads: SyncPayload[]): string {
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  const failed = payloads.filter((p) => p.failed).length;
  const largest = (key: "request" | "response") => Math.max(0, ...payloads.map((p) => p[key]));
  return `${String(payloads.length).padStart(3)} syncs${failed ? ` (${failed} failed)` : ""}, largest ${mb(largest("request"))} / ${mb(largest("response"))} MB`;
}

async function roundTrips(): Promise<void> {
  console.log(`\nRound trips (context.sync) on the in-memory Excel host: each sync's request and response as its 5 MB limit estimates them`);
  console.log(`(a chained survey reaches ${CHAINED_SHEETS} sheets a sync; 集計 counts its read too)`);
  for (const layout of LAYOUTS) {
    const sim = simWorkbookFromExcelJs(workbook(layout.items, layout.sheets));
    const read = createExcelHost(sim);
    await readOpenWorkbook(read);
    const write = createExcelHost(sim);
    await summarizeOpenWorkbook(write, { now: new Date(0) });
    console.log(`  ${String(layout.items).padStart(6)} items, ${String(layout.sheets).padStart(3)} sheets   検証 ${syncFigures(read.stats.payloads)}   集計 ${syncFigures(write.stats.payloads)}`);
    for (const [name, host] of [["検証", read], ["集計", write]] as const) {
      const perSync = host.stats.payloads.map((p) => `${(p.request / 1e6).toFixed(2)}/${(p.response / 1e6).toFixed(2)}${p.failed ? "!" : ""}`).join(" ");
      console.log(`${" ".repeat(28)}${name} per sync (request/response MB): ${perSync}`);
    }
  }
}

/** Year-end results in the style of the forms, so that the rules reading them (RESULT_VS_TARGET) run too. */
const RESULTS = [
  "国民健康保険料の収納率は90.5%、介護保険料の収納率は98.3%となった。",
  "支援が役に立っていると感じている区民の割合は58%であった。",
  "広告事業等により1,050万円の歳入を確保した。",
  "問合せ件数は12件であった。",
  "点検を年1回実施した。",
];

function atYearEnd(list: FormItem[]): FormItem[] {
  return list.map((item, i) => ({ ...item, final: { result: RESULTS[i % RESULTS.length], achievement: i % 3 ? "①" : "②", remark: "改善する" } }));
}

function mapAndValidate(): void {
  const time = (grid: ReturnType<typeof gridFromWorkbook>) => {
    checkWorkbook(grid); // warm-up: the JIT, as in a long-running task pane
    const runs = Array.from({ length: 5 }, () => {
      const start = process.hrtime.bigint();
      const report = checkWorkbook(grid);
      if (report.items.length !== 10_000) throw new Error(`read ${report.items.length} items`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    });
    return median(runs);
  };
  const ms = time(gridFromWorkbook(workbook(10_000), "bench.xlsx"));
  console.log(`\nMap + validate, 10,000 items in process: ${ms.toFixed(0)} ms in all, ${((ms * 1000) / 10_000).toFixed(1)} µs per item (median of 5)`);
  const final = time(gridFromWorkbook(buildFormWorkbook(atYearEnd(items(10_000)), { sheets: 100 }), "bench-final.xlsx"));
  console.log(`  the same at year end (自己評価 and results filled in, phase final): ${final.toFixed(0)} ms, ${((final * 1000) / 10_000).toFixed(1)} µs per item`);
}

async function cliRatio(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-bench-"));
  const file = path.join(dir, "456.xlsx");
  await workbook(456).xlsx.writeFile(file);
  const cli = path.join(ROOT, "bin/hyoka.js");
  const bare = "const E=require('exceljs');new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>{})";
  const time = (args: string[]) => {
    const start = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    } catch (error) {
      if ((error as { status?: number }).status !== 0 && (error as { status?: number }).status !== 1) throw error;
    }
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const hyoka: number[] = [];
  const exceljs: number[] = [];
  for (let i = 0; i < 5; i++) {
    hyoka.push(time([cli, "validate", file, "--format", "json"]));
    exceljs.push(time(["-e", bare, file]));
  }
  const [h, e] = [median(hyoka), median(exceljs)];
  console.log(`\nCLI on 456 items: hyoka validate ${h.toFixed(0)} ms, bare ExcelJS load ${e.toFixed(0)} ms, ratio ${(h / e).toFixed(2)} (median of 5, run in turn)`);
  await fs.rm(dir, { recursive: true, force: true });
}

function bundles(): void {
  const dist = path.join(ROOT, "dist");
  let files: string[];
  try {
    files = readdirSync(dist).filter((f) => f.endsWith(".js"));
  } catch {
    console.log("\nBundles: dist/ is missing — run `npm run build` first");
    return;
  }
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f))).length;
  console.log("\nProduction bundles (gzip)");
  for (const f of files.sort()) console.log(`  ${f.padEnd(48)} ${(gz(f) / 1024).toFixed(1).padStart(7)} KB`);
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  // The minified HTML may leave attribute values unquoted: src=taskpane.1234abcd.js
  const scripts = [...html.matchAll(/<script[^>]+src=["']?([^"'\s>]+\.js)/g)].map((m) => path.basename(m[1])).filter((f) => files.includes(f));
  const total = scripts.reduce((n, f) => n + gz(f), 0);
  console.log(`  task pane total (${scripts.join(", ")}): ${(total / 1024).toFixed(1)} KB gzip`);
}

async function main(): Promise<void> {
  console.log(`hyoka benchmark — node ${process.version}, ${os.cpus().length} cores`);
  mapAndValidate(); // first, before the other figures leave their large workbooks for the collector
  await roundTrips();
  await cliRatio();
  bundles();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
