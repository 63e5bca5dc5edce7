import { execFileSync } from "child_process";
import { once } from "events";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { LIMITS } from "../../src/file/xlsx-error";
import { writeMillionCells } from "../../tools/form/million-cells";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { assertBuilt, ChildRun, runCli } from "../support/child-cli";
import { openpyxlStyleForm, Parts, rawPackage, RawEntry, rawZip, withRawSheet, worksheet, zipPackage } from "../support/xlsx-package";

/**
 * Hostile and oversized files end in bounded time and memory with one line on stderr. Each runs the built CLI
 * in a child process with its heap capped (jest itself never holds the hostile data) and its peak RSS measured.
 * The times are not asserted (bench prints speed); the child's timeout is the bound.
 */
let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-hostile-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

/** One clear line, no stack trace, exit 2, within the memory the heap cap allows. */
function expectRefused(run: ChildRun, reason: RegExp, maxRssMB = 300): void {
  expect(run.signal).toBeNull();
  expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(reason)]);
  expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(run.status).toBe(2);
  expect(run.rssMB).toBeLessThan(maxRssMB);
}

/** A deflate stream of `head`, then `repeat` copies of `chunk`, then `tail` (a bomb is mostly `chunk`). */
async function deflated(head: string, chunk: Buffer, repeat: number, tail: string): Promise<Uint8Array> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  deflate.write(head);
  for (let i = 0; i < repeat; i++) if (!deflate.write(chunk)) await once(deflate, "drain");
  deflate.end(tail);
  await once(deflate, "end");
  return Buffer.concat(out);
}

/** Each part deflated by Node's zlib (fast for the large ones), as raw zip entries. */
function zlibEntries(parts: Parts): RawEntry[] {
  return Object.entries(parts).map(([name, content]) => {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    return { name, data: zlib.deflateRawSync(bytes, { level: 1 }), method: 8, size: bytes.length };
  });
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

test("a merged area over 1,000 rows × all 16,384 columns (a 19 KB file; ExcelJS ran out of heap): clipped, exit 2 for no items", async () => {
  const rows = Array.from({ length: 1000 }, (_, r) => (r % 50 === 0 ? [`<c r="A${r + 1}" t="inlineStr"><is><t>メモ${r}</t></is></c>`] : []));
  const file = await write("merge.xlsx", zipPackage(rawPackage({ sheets: [{ name: "Sheet1", xml: worksheet(rows, `<mergeCells count="1"><mergeCell ref="A1:XFD1000"/></mergeCells>`) }] })));
  expectRefused(runCli(["validate", file]), /取組項目が見つかりません/);
});

test.each([20_000, 100_000])("%i rows each with one cell in column XFD (67 s and 2.8 GB before): sparse rows, exit 2", async (count) => {
  const rows = Array.from({ length: count }, (_, r) => [`<c r="XFD${r + 1}"><v>${r}</v></c>`]);
  const file = await write(`xfd-${count}.xlsx`, zipPackage(rawPackage({ sheets: [{ name: "Sheet1", xml: worksheet(rows) }] })));
  expectRefused(runCli(["validate", file]), /取組項目が見つかりません/);
}, 60_000);

test("a 410 KB zip whose sheet inflates to 400 MB of valid XML is refused after a few MB: the compression ratio", async () => {
  const data = await deflated(SHEET_HEAD, Buffer.alloc(1 << 20, " "), 400, SHEET_TAIL);
  const file = await write("bomb.xlsx", withRawSheet({ data, method: 8, size: 400 * (1 << 20) }));
  expect((await fs.stat(file)).size).toBeLessThan(500_000);
  expectRefused(runCli(["validate", file]), /圧縮率が異常に高い部品があります（xl\/worksheets\/sheet1\.xml）/, 200);
}, 60_000);

test("a zip64 bomb (sizes in the zip64 extra field and end records, 5 GB declared) is refused the same way", async () => {
  const data = await deflated(SHEET_HEAD, Buffer.alloc(1 << 20, " "), 64, SHEET_TAIL);
  const file = await write("bomb64.xlsx", withRawSheet({ data, method: 8, size: 5 * 1024 ** 3, zip64: true }));
  expectRefused(runCli(["validate", file]), /圧縮率が異常に高い部品があります/, 200);
}, 60_000);

test("a part that lies about its size is held to what it inflates to: the part cap", async () => {
  // 300 MB of spaces between two cells compress 1,000:1; declared as 1 KB.
  const data = await deflated(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row>`, Buffer.alloc(1 << 20, " "), 300, SHEET_TAIL);
  const file = await write("liar.xlsx", withRawSheet({ data, method: 8, size: 1024 }));
  expectRefused(runCli(["validate", file]), /圧縮率が異常に高い|部品が大きすぎます/, 200);
}, 60_000);

test("a styles part of 40 MB that compresses like real XML (no bomb) is over the cap for parts read whole", async () => {
  const { options } = openpyxlStyleForm(tennojiR1.slice(0, 1));
  const parts = rawPackage(options);
  const formats = Array.from({ length: 600_000 }, (_, i) => `<numFmt numFmtId="${164 + i}" formatCode="${((i * 2654435761) % 4294967296).toString(36)}&quot;${i.toString(36)}&quot;0.00"/>`);
  parts["xl/styles.xml"] = String(parts["xl/styles.xml"]).replace("<fonts", `<numFmts count="${formats.length}">${formats.join("")}</numFmts><fonts`);
  expect(parts["xl/styles.xml"].length).toBeGreaterThan(LIMITS.wholePartBytes);
  const file = await write("styles.xlsx", rawZip(zlibEntries(parts)));
  expectRefused(runCli(["validate", file]), /部品が大きすぎます（xl\/styles\.xml: 32 MB を超えます）/);
}, 60_000);

test("parts nothing reads are never inflated: a broken image and a bomb beside a good form are not touched", async () => {
  const entries = zlibEntries(rawPackage(openpyxlStyleForm(tennojiR1.slice(0, 2)).options));
  const bomb = await deflated("", Buffer.alloc(1 << 20, 0), 400, "");
  entries.push(
    { name: "xl/media/image1.png", data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), method: 8, size: 1000 },
    { name: "customXml/item1.xml", data: bomb, method: 8, size: 400 * (1 << 20) },
  );
  const file = await write("unused.xlsx", rawZip(entries));
  const run = runCli(["validate", file, "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout).items).toHaveLength(2);
  expect(run.rssMB).toBeLessThan(200);
  // summarize copies them as stored, still without inflating them
  const out = path.join(dir, "unused-out.xlsx");
  expect(runCli(["summarize", file, "-o", out]).status).toBe(0);
});

test("an XML entity bomb (billion laughs) in a part is an error, not a hang", async () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
    `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`;
  const file = await write("laughs.xlsx", zipPackage(rawPackage({ sheets: [{ name: "Sheet1", xml: laughs }] })));
  expectRefused(runCli(["validate", file]), /壊れているため読み込めません（xl\/worksheets\/sheet1\.xml の XML が正しくありません/);
});

test("merged areas covering more rows than LIMITS.mergedRows in all: refused", async () => {
  const rows = [[`<c r="A1"><v>1</v></c>`, `<c r="XFD1"><v>1</v></c>`], ...Array.from({ length: 2999 }, () => []), [`<c r="A3001"><v>1</v></c>`]];
  const merges = Array.from({ length: Math.ceil(LIMITS.mergedRows / 3000) + 1 }, (_, i) => `<mergeCell ref="${colName(i + 1)}1:${colName(i + 1)}3001"/>`);
  const file = await write("merges.xlsx", zipPackage(rawPackage({ sheets: [{ name: "Sheet1", xml: worksheet(rows, `<mergeCells>${merges.join("")}</mergeCells>`) }] })));
  expectRefused(runCli(["validate", file]), /結合セルが多すぎます/);
});

describe("inputs that are not regular files are refused before anything is read", () => {
  test("/dev/zero (it would grow without end)", () => {
    expectRefused(runCli(["validate", "/dev/zero"], { timeoutMs: 20_000 }), /通常のファイルではありません.*\/dev\/zero/);
  });

  test("a FIFO as the input, and as --profile (no writer: reading it would wait for ever)", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    expectRefused(runCli(["validate", fifo], { timeoutMs: 20_000 }), /通常のファイルではありません.*pipe\.xlsx/);
    const good = await write("good.xlsx", zipPackage(rawPackage(openpyxlStyleForm(tennojiR1.slice(0, 1)).options)));
    expectRefused(runCli(["validate", good, "--profile", fifo], { timeoutMs: 20_000 }), /通常のファイルではありません.*pipe\.xlsx/);
  });
});

test("a workbook of 1,000,000 used cells (ExcelJS's streaming writer) is read within 300 MB RSS: exit 2, one line", async () => {
  const file = path.join(dir, "million.xlsx");
  await writeMillionCells(file);
  const run = runCli(["validate", file], { timeoutMs: 170_000 });
  console.log(`1,000,000 cells: ${run.seconds.toFixed(1)} s, peak RSS ${run.rssMB.toFixed(0)} MB`);
  expectRefused(run, /取組項目が見つかりません/, 300);
}, 240_000);

function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
