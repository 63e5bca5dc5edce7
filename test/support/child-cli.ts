import { spawn, spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const MEASURE = path.join(__dirname, "measure-cli.js");

/** The newest modification time under a folder. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return time;
}

/** The child-process tests run the built CLI (lib/): it must be built from the current sources (tsconfig.cli.json). */
export function assertBuilt(): void {
  let built = 0;
  try {
    built = statSync(path.join(ROOT, "lib/cli/main.js")).mtimeMs;
  } catch {
    // not built
  }
  const { include } = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.cli.json"), "utf8")) as { include: string[] };
  const sources = Math.max(...include.map((p) => path.join(ROOT, p)).filter(existsSync).map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)));
  if (built < sources) throw new Error("lib/ is older than the CLI's sources: run `npm run build:cli` first");
}

export interface ChildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size, MB. */
  rssMB: number;
  seconds: number;
}

/** Runs `hyoka ...args` in a child process with its heap capped, measuring its peak RSS and time. */
export function runCli(args: string[], { heapMB = 256, timeoutMs = 60_000 } = {}): ChildRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, MEASURE, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutMs,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = String(result.output[3] ?? "");
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    rssMB: report ? JSON.parse(report).maxRSS / 1024 : NaN,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
  };
}

/** Starts `hyoka ...args` without waiting (for signals). */
export function startCli(args: string[]) {
  return spawn(process.execPath, [MEASURE, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe", "pipe"] });
}

