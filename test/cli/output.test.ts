import { execFileSync, spawn, spawnSync } from "child_process";
import { once } from "events";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../support/cli";
import { assertBuilt, startCli } from "../support/child-cli";
import { SAMPLE } from "../support/workbooks";
import { openpyxlStyleForm, rawPackage, text, unzipParts, worksheet, zipPackage } from "../support/xlsx-package";
import { tennojiR1 } from "../../tools/form/tennoji-r1";

/** `summarize -o OUT`: what OUT may be, and how it is written (issue #12, output safety). */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-out-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function folder(): Promise<string> {
  return fs.mkdtemp(path.join(dir, "case-"));
}

/** exit 2, one line on stderr, nothing on stdout. */
function expectRefused(result: { code: number; stdout: string; stderr: string }, reason: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(reason)]);
}

describe("OUT that is not a regular file or a new name is refused before any work", () => {
  test("a FIFO: refused (not replaced by a regular file, no wait for a reader)", async () => {
    const base = await folder();
    const fifo = path.join(base, "out.xlsx");
    execFileSync("mkfifo", [fifo]);
    expectRefused(await cli("summarize", SAMPLE, "-o", fifo), /出力ファイルを書き込めません（通常のファイルではありません.*out\.xlsx/);
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
    expect(await fs.readdir(base)).toEqual(["out.xlsx"]);
  });

  test("a device (/dev/null)", async () => {
    expectRefused(await cli("summarize", SAMPLE, "-o", "/dev/null"), /通常のファイルではありません.*\/dev\/null/);
  });

  test.each([
    ["a folder", async (base: string) => fs.mkdir(path.join(base, "target")), /出力先がフォルダーです/],
    ["a FIFO", async (base: string) => execFileSync("mkfifo", [path.join(base, "target")]), /通常のファイルではありません/],
  ])("a symbolic link to %s", async (_name, make, reason) => {
    const base = await folder();
    await make(base);
    const link = path.join(base, "out.xlsx");
    await fs.symlink(path.join(base, "target"), link);
    expectRefused(await cli("summarize", SAMPLE, "-o", link), reason);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  });

  test("the input itself under another name (a symbolic or a hard link): refused, the input unchanged", async () => {
    const base = await folder();
    const input = path.join(base, "input.xlsx");
    await fs.copyFile(SAMPLE, input);
    const before = await fs.readFile(input);
    await fs.symlink(input, path.join(base, "soft.xlsx"));
    await fs.link(input, path.join(base, "hard.xlsx"));
    for (const out of ["soft.xlsx", "hard.xlsx"]) {
      expectRefused(await cli("summarize", input, "-o", path.join(base, out)), /入力ファイルと同じファイルは指定できません/);
    }
    expect(await fs.readFile(input)).toEqual(before);
  });
});

describe("the temp file", () => {
  test("is not the predictable OUT.<pid>.tmp: a link planted there is not followed, its target untouched", async () => {
    const base = await folder();
    const out = path.join(base, "out.xlsx");
    const victim = path.join(base, "victim.txt");
    await fs.writeFile(victim, "keep me");
    await fs.symlink(victim, `${out}.${process.pid}.tmp`);
    const result = await cli("summarize", SAMPLE, "-o", out);
    expect(result.code).toBe(0);
    expect(await fs.readFile(victim, "utf8")).toBe("keep me");
    expect((await fs.readdir(base)).sort()).toEqual(["out.xlsx", `out.xlsx.${process.pid}.tmp`, "victim.txt"]);
  });

  describe.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("on %s", (signal, code) => {
    test(`is removed; the exit code is ${code}; OUT is not written`, async () => {
      assertBuilt();
      const base = await folder();
      // A workbook that takes a while to read: the temp file is there from the start of the run.
      const rows = Array.from({ length: 40_000 }, (_, r) => Array.from({ length: 8 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * c}</v></c>`));
      const input = path.join(base, "slow.xlsx");
      await fs.writeFile(input, zipPackage(rawPackage({ sheets: [{ name: "Sheet1", xml: worksheet(rows) }] }), 1));
      const out = path.join(base, "out.xlsx");
      const child = startCli(["summarize", input, "-o", out]);
      let running = true;
      const exited = once(child, "exit").finally(() => (running = false));
      let temp: string | undefined;
      // The child needs a moment to start, longer on a busy machine; it reads the input for a second or more.
      for (const start = Date.now(); running && !temp && Date.now() - start < 40_000; ) {
        temp = (await fs.readdir(base)).find((f) => f.endsWith(".tmp"));
        if (!temp) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(temp).toMatch(/^\.out\.xlsx\.[0-9a-f]{16}\.tmp$/);
      child.kill(signal);
      const [status] = await exited;
      expect(status).toBe(code);
      expect((await fs.readdir(base)).sort()).toEqual(["slow.xlsx"]);
    }, 60_000);
  });
});

describe("standard output that goes away or fills up", () => {
  test("a reader that stops early (`hyoka inspect … | head -c 1`): no stack trace, the command's own exit code", () => {
    assertBuilt();
    // A shell's pipe (spawn's own are socket pairs with larger buffers), and more output than it holds.
    const inputs = Array.from({ length: 10 }, () => JSON.stringify(SAMPLE)).join(" ");
    const run = spawnSync("bash", ["-c", `"$0" bin/hyoka.js inspect ${inputs} | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`, process.execPath], {
      cwd: path.resolve(__dirname, "../.."),
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("0");
  }, 60_000);

  test("a full disk (/dev/full): one line, exit 2", async () => {
    assertBuilt();
    const full = await fs.open("/dev/full", "w");
    try {
      const child = spawn(process.execPath, ["bin/hyoka.js", "validate", SAMPLE], { cwd: path.resolve(__dirname, "../.."), stdio: ["ignore", full.fd, "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const [status] = await once(child, "exit");
      expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^hyoka: 出力を書き込めませんでした（ENOSPC）/)]);
      expect(status).toBe(2);
    } finally {
      await full.close();
    }
  }, 60_000);
});

describe("OUT's name and the workbook's kind", () => {
  const macroBook = async (base: string) => {
    const { options } = openpyxlStyleForm(tennojiR1.slice(0, 2));
    options.workbookContentType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    options.workbookRelationships = [{ type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject", part: "xl/vbaProject.bin" }];
    options.extraParts = [{ part: "xl/vbaProject.bin", content: new Uint8Array(64).fill(7) }];
    const input = path.join(base, "macro.xlsm");
    await fs.writeFile(input, zipPackage(rawPackage(options)));
    return input;
  };

  test.each(["out.csv", "out"])("-o %s: refused before any work, nothing written", async (name) => {
    const base = await folder();
    expectRefused(await cli("summarize", SAMPLE, "-o", path.join(base, name)), /出力ファイルの名前は \.xlsx（マクロ有効ブックは \.xlsm）で終わるようにしてください/);
    expect(await fs.readdir(base)).toEqual([]);
  });

  test("a macro-enabled book (.xlsm) written as .xlsx, which Excel would not open: refused; as .xlsm: written, still macro-enabled", async () => {
    const base = await folder();
    const input = await macroBook(base);
    expectRefused(await cli("summarize", input, "-o", path.join(base, "out.xlsx")), /拡張子が入力の形式と合いません（\.xlsm の名前を指定してください/);
    expect((await fs.readdir(base)).sort()).toEqual(["macro.xlsm"]);
    const written = await cli("summarize", input, "-o", path.join(base, "out.xlsm"));
    expect(written.code).toBe(0);
    expect(text(unzipParts(await fs.readFile(path.join(base, "out.xlsm")))["[Content_Types].xml"])).toContain("sheet.macroEnabled.main+xml");
  });

  test("a book whose structure is protected gets no sheets, as in the add-in: refused, one line", async () => {
    const base = await folder();
    const { options } = openpyxlStyleForm(tennojiR1.slice(0, 2));
    options.workbookExtra = `<workbookProtection lockStructure="1"/>`;
    const input = path.join(base, "locked.xlsx");
    await fs.writeFile(input, zipPackage(rawPackage(options)));
    expectRefused(await cli("summarize", input, "-o", path.join(base, "out.xlsx")), /ブックの構成が保護されているため、シートを追加できません/);
    expect((await fs.readdir(base)).sort()).toEqual(["locked.xlsx"]);
  });
});

/**
 * `hyoka --help` is answered from the text the build writes (lib/cli/help.txt) without loading the CLI (issue #12:
 * ≤ 0.15 s, on a machine where Node alone starts in 0.12–0.14 s): the same text as the CLI's own help, exit 0, and the
 * same output safety.
 */
describe("hyoka --help", () => {
  const ROOT = path.resolve(__dirname, "../..");

  test.each(["--help", "-h"])("%s prints what the CLI prints, without loading it", async (flag) => {
    assertBuilt();
    const own = await cli(flag);
    // Loading the CLI fails the child: it must answer without.
    const guard = path.join(await folder(), "no-cli.js");
    await fs.writeFile(guard, `const M = require("module"); const load = M._load; M._load = function (id, ...rest) { if (/cli[\\\\/]main/.test(id)) throw new Error("the CLI was loaded"); return load.call(this, id, ...rest); };`);
    const child = spawnSync(process.execPath, ["--require", guard, "bin/hyoka.js", flag], { cwd: ROOT, encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(own.stdout);
    expect(own.code).toBe(0);
  });

  test("a reader that stops early: no stack trace, exit 0", () => {
    assertBuilt();
    const run = spawnSync("bash", ["-c", `"$0" bin/hyoka.js --help | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`, process.execPath], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("0");
  });
});
