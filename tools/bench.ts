/**
 * npm run bench — prints the figures the README's performance section quotes. Not a test: it measures.
 *   round trips (context.sync) for validate and summary on the in-memory Excel host at 19, 456, 10,000 items
 *   (and 10,000 items on 100 sheets), with the largest request and response of each run and every sync's pair
 *   in-process map + validate time per item at 10,000 items, as planned and at year end (results filled in)
 *   `hyoka validate` on a 456-item workbook vs a bare ExcelJS load of the same file, as a ratio; `hyoka --help`
 *   `hyoka validate` on 1,000,000 cells: time and peak RSS
 *   the task pane's production JavaScript, gzip, and each bundle
 */
import { execFileSync, spawnSync } from "child_process";
import { promises as fs, readFileSync, readdirSync } from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../src/check";
import { CHAINED_SHEETS, readOpenWorkbook } from "../src/excel/read-workbook";
import { summarizeOpenWorkbook } from "../src/excel/summarize";
import { createExcelHost, SyncPayload } from "../src/excel-sim/host";
import { loadSimWorkbook } from "../src/excel-sim/from-xlsx";
import { gridFromXlsx } from "../src/file/xlsx-grid";
import { openXlsx } from "../src/file/xlsx-workbook";
import { buildFormWorkbook, FormItem } from "./form/builder";
import { writeMillionCells } from "./form/million-cells";
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
    const sim = await loadSimWorkbook(await bytesOf(workbook(layout.items, layout.sheets)));
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

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
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

async function mapAndValidate(): Promise<void> {
  // The workbook as bytes, and ExcelJS's objects left behind: the timing should not pay for collecting its heap.
  const time = async (bytes: Uint8Array) => {
    const grid = await gridFromXlsx(openXlsx(bytes), "bench.xlsx");
    checkWorkbook(grid); // warm-up: the JIT, as in a long-running task pane
    const runs = Array.from({ length: 5 }, () => {
      const start = process.hrtime.bigint();
      const report = checkWorkbook(grid);
      if (report.items.length !== 10_000) throw new Error(`read ${report.items.length} items`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    });
    return median(runs);
  };
  const ms = await time(await bytesOf(workbook(10_000)));
  console.log(`\nMap + validate, 10,000 items in process: ${ms.toFixed(0)} ms in all, ${((ms * 1000) / 10_000).toFixed(1)} µs per item (median of 5)`);
  const final = await time(await bytesOf(buildFormWorkbook(atYearEnd(items(10_000)), { sheets: 100 })));
  console.log(`  the same at year end (自己評価 and results filled in, phase final): ${final.toFixed(0)} ms, ${((final * 1000) / 10_000).toFixed(1)} µs per item`);
}

/** Wall time of a whole process, ms; exit codes 0–2 are answers, not failures. */
function processTime(args: string[]): number {
  const start = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  } catch (error) {
    if (![1, 2].includes((error as { status?: number }).status ?? -1)) throw error;
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Whole processes, run in turn: `hyoka validate` and a bare ExcelJS load of the same 456-item workbook (the
 * ExcelJS-based reader's floor), on one sheet (ExcelJS's merge bookkeeping is quadratic there) and on 24;
 * `hyoka --help` beside a `node -e 0` that does nothing.
 */
async function cliFigures(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-bench-"));
  const cli = path.join(ROOT, "bin/hyoka.js");
  const bare = "const E=require('exceljs');new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>{})";
  console.log("\nCLI, whole process (median of 5, run in turn)");
  for (const sheets of [1, 24]) {
    const file = path.join(dir, `456-${sheets}.xlsx`);
    await workbook(456, sheets).xlsx.writeFile(file);
    const hyoka: number[] = [];
    const exceljs: number[] = [];
    for (let i = 0; i < 5; i++) {
      hyoka.push(processTime([cli, "validate", file, "--format", "json"]));
      exceljs.push(processTime(["-e", bare, file]));
    }
    const [h, e] = [median(hyoka), median(exceljs)];
    console.log(`  456 items on ${String(sheets).padStart(2)} sheet(s): hyoka validate ${h.toFixed(0)} ms, bare ExcelJS load ${e.toFixed(0)} ms, ratio ${(h / e).toFixed(2)}`);
  }
  const help = median(Array.from({ length: 10 }, () => processTime([cli, "--help"])));
  const node = median(Array.from({ length: 10 }, () => processTime(["-e", "0"])));
  console.log(`  hyoka --help ${help.toFixed(0)} ms (node -e 0: ${node.toFixed(0)} ms; median of 10)`);
  await fs.rm(dir, { recursive: true, force: true });
}

/** `hyoka validate` on 100,000 rows × 10 cells (text and numbers), in a child: time and peak RSS. */
async function millionCells(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-bench-"));
  const file = path.join(dir, "million.xlsx");
  await writeMillionCells(file);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(ROOT, "test/support/measure-cli.js"), "validate", file], { stdio: ["ignore", "ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = JSON.parse(String(result.output[3])).maxRSS / 1024;
  console.log(`\n1,000,000 cells: hyoka validate ${(ms / 1000).toFixed(1)} s, peak RSS ${rss.toFixed(0)} MB (exit ${result.status}: no 取組項目)`);
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
  await mapAndValidate(); // first, before the other figures leave their large workbooks for the collector
  await roundTrips();
  await cliFigures();
  await millionCells();
  bundles();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
