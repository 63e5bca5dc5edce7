/**
 * The adapter against Excel's documented limits, on the strict in-memory host. Each limit is quoted where it is
 * tested; what the documentation leaves open is played both ways through host options.
 */
import { checkWorkbook } from "../../src/check";
import { readOpenWorkbook } from "../../src/excel/read-workbook";
import { summarizeOpenWorkbook } from "../../src/excel/summarize";
import { HostOptions } from "../../src/excel-sim/host";
import { cellKey, newSheet, SimSheet, snapshot } from "../../src/excel-sim/workbook";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { formHost } from "../support/hosts";
import { gridOf } from "../support/workbooks";

const NOW = new Date(2026, 10, 25, 10, 0);
const many = (count: number) => Array.from({ length: count }, (_, i) => ({ ...tennojiR1[i % 19], no: i + 1 }));
type Host = Awaited<ReturnType<typeof formHost>>;

/** What the .xlsx file port reads from the same items: the answer the add-in must give. */
async function expectedReport(items: ReturnType<typeof many>, layout?: Parameters<typeof gridOf>[1]) {
  return checkWorkbook(await gridOf(items, layout), { phase: "final" });
}

async function validate(host: Host) {
  const read = await readOpenWorkbook(host);
  return { read, report: checkWorkbook(read, { phase: "final" }) };
}

function summarySheet(host: Host): SimSheet {
  return host.workbook.sheets.find((s) => s.name === "集計")!;
}

describe("Range.getMergedAreasOrNullObject: 'if the merged areas count in this range is more than 512, then this method will fail'", () => {
  test("60 items on one sheet (more than 512 merged areas) read the same as the file port, merges included", async () => {
    const host = await formHost(many(60));
    expect(host.workbook.sheets[0].merges.length).toBeGreaterThan(512);
    const { read, report } = await validate(host);
    const expected = await expectedReport(many(60));
    expect(report.items).toEqual(expected.items);
    expect(report.findings).toEqual(expected.findings);
    expect(read.sheets[0].merges).toHaveLength(host.workbook.sheets[0].merges.length);
    expect(read.notes).toEqual([]);
  });

  test.each<HostOptions["mergedAreas"]>(["top-left", "intersecting"])("merged areas answered as '%s': the same merges", async (mergedAreas) => {
    const host = await formHost(many(60), undefined, { mergedAreas });
    const { read } = await validate(host);
    const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(read.sheets[0].merges.map(key).sort()).toEqual(host.workbook.sheets[0].merges.map(key).sort());
  });

  test("集計 of 60 items on one sheet", async () => {
    const host = await formHost(many(60));
    const result = await summarizeOpenWorkbook(host, { now: NOW });
    expect(result.items).toBe(60);
  });
});

describe("'A range is limited to 5,000,000 cells for read operations. When a read exceeds this limit, the API will either return null or throw an error.'", () => {
  test.each<HostOptions["oversizedReads"]>(["null", "error"])("a stray value at XFD1048576 (reads over the limit give %s): 検証 and 集計 work and say what was left out", async (oversizedReads) => {
    const host = await formHost(many(3), undefined, { oversizedReads });
    host.workbook.sheets[0].cells.set(cellKey(1_048_575, 16_383), { value: "x" });
    const { read, report } = await validate(host);
    expect(report.items).toEqual((await expectedReport(many(3))).items);
    expect(read.notes.map((n) => n.ja)).toEqual([expect.stringMatching(/取組項目.*XFD1048576/)]);
    await expect(summarizeOpenWorkbook(host, { now: NOW })).resolves.toMatchObject({ items: 3 });
  });

  test("a hidden sheet of 1,000,000 filled cells is never read", async () => {
    const host = await formHost(many(3));
    const data = newSheet("データ");
    data.visibility = "Hidden";
    const one = { value: 1 };
    for (let r = 0; r < 1000; r++) for (let c = 0; c < 1000; c++) data.cells.set(cellKey(r, c), one);
    host.workbook.sheets.push(data);
    const { read, report } = await validate(host);
    expect(report.items).toHaveLength(3);
    expect(read.sheets.map((s) => s.name)).toEqual(["取組項目"]);
    expect(Math.max(...host.stats.payloads.map((p) => p.response))).toBeLessThan(1_000_000);
    await expect(summarizeOpenWorkbook(host, { now: NOW })).resolves.toMatchObject({ items: 3 });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "データ", "集計", "検証結果"]);
  });

  test("a visible sheet of 100,000 long texts (about 13 MB of values) is read in requests and responses under 5 MB", async () => {
    const host = await formHost(many(3));
    const data = newSheet("データ");
    for (let r = 0; r < 1000; r++) for (let c = 0; c < 100; c++) data.cells.set(cellKey(r, c), { value: `${"値".repeat(40)}${r}-${c}` });
    host.workbook.sheets.push(data);
    const read = await readOpenWorkbook(host);
    expect(read.sheets[1].values[999][99]).toBe(`${"値".repeat(40)}999-99`);
    expect(read.notes).toEqual([]);
    expect(host.stats.payloads.reduce((n, p) => n + p.response, 0)).toBeGreaterThan(12_000_000);
    // The first guess of bytes per cell (a form's) is too low for these texts: one sync fails and is retried in halves.
    const failed = host.stats.payloads.filter((p) => p.failed);
    expect(failed.map((p) => p.failed)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    for (const { request, response } of host.stats.payloads.filter((p) => !p.failed)) {
      expect(request).toBeLessThanOrEqual(5_000_000);
      expect(response).toBeLessThanOrEqual(5_000_000);
    }
  });
});

describe("'When a get operation using Range.values exceeds the five-million-cell limit … Range.values returns null instead'", () => {
  test("blocks whose values come back null are read again in halves; the same items", async () => {
    const host = await formHost(many(3), undefined, { readCellLimit: 40 });
    const { read, report } = await validate(host);
    expect(report.items).toEqual((await expectedReport(many(3))).items);
    expect(read.notes).toEqual([]);
    expect(host.stats.syncs).toBeGreaterThan(2);
  });

  test("a row that still comes back null is left out and named", async () => {
    const host = await formHost(many(3), undefined, { readCellLimit: 2 });
    const { read } = await validate(host);
    expect(read.notes.map((n) => n.ja)).toEqual([expect.stringMatching(/^シート「取組項目」の A\d+:[A-Z]+\d+, .* は Excel から読み取れなかった/)]);
  });
});

describe("round trips", () => {
  test.each([
    [19, "one" as const],
    [456, 50],
  ])("%i items: 検証 in 2 syncs, 集計 in the read + 1", async (count, sheets) => {
    const host = await formHost(many(count), { sheets });
    const { report } = await validate(host);
    expect(report.items).toHaveLength(count);
    expect(host.stats.syncs).toBe(2);
    const before = host.stats.syncs;
    await summarizeOpenWorkbook(host, { now: NOW });
    expect(host.stats.syncs - before).toBe(3);
  });
});

describe("ExcelApi 1.4, the oldest the manifest admits: every newer member is checked first", () => {
  const old = { apiSets: { ExcelApi: "1.4" } };

  test("検証 reads the items and says that merged cells could not be read", async () => {
    const host = await formHost(many(3), undefined, old);
    const { read, report } = await validate(host);
    expect(report.items.map((i) => i.no)).toEqual([1, 2, 3]);
    expect(read.notes.map((n) => n.ja)).toEqual([expect.stringMatching(/結合セル/)]);
  });

  test("集計 writes both sheets (no links: Range.hyperlink is ExcelApi 1.7)", async () => {
    const host = await formHost(many(3), undefined, old);
    const result = await summarizeOpenWorkbook(host, { now: NOW });
    expect(result.sheet).toBe("集計");
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
    expect([...summarySheet(host).cells.values()].filter((c) => c.hyperlink)).toEqual([]);
  });

  test("a protected workbook: refused with the reason, and nothing changed", async () => {
    const host = await formHost(many(3), undefined, old);
    host.workbook.protected = true;
    const before = snapshot(host.workbook);
    await expect(summarizeOpenWorkbook(host, { now: NOW })).rejects.toThrow(/保護/);
    expect(snapshot(host.workbook)).toEqual(before);
  });
});

describe("Range.values: 'If the returned value starts with a plus (\"+\"), minus (\"-\"), or equal sign (\"=\"), Excel interprets this value as a formula.'", () => {
  const TEXTS = ["001", "1/2", "+81-6-6774-9625", "=SUM(A1)", "@x", "-", "TRUE", "1e3", "2019/10/1", "#N/A", "'引用", "50%"];

  async function summaryTexts(options: HostOptions): Promise<{ texts: unknown[]; host: Host }> {
    const items = TEXTS.map((title, i) => ({ ...tennojiR1[0], no: i + 1, title, midyear: { implementation: "(i)" as const, achievement: "②" as const, remark: title } }));
    const host = await formHost(items, undefined, options);
    await summarizeOpenWorkbook(host, { now: NOW });
    const sheet = summarySheet(host);
    return { host, texts: [...sheet.cells.values()].map((c) => c.formula ?? c.error ?? c.value) };
  }

  test.each<[string, HostOptions]>([
    ["as the host assumes by default", {}],
    ["when a text format set in the same batch comes too late", { textFormatInBatch: false }],
    ["when a text-formatted cell still takes a leading apostrophe as the quote prefix", { apostropheInTextCells: "prefix" }],
    ["both", { textFormatInBatch: false, apostropheInTextCells: "prefix" }],
  ])("titles and remarks come back exactly in 集計, %s", async (_, options) => {
    const { texts, host } = await summaryTexts(options);
    for (const text of TEXTS) expect(texts).toContain(text);
    for (const sheet of host.workbook.sheets.slice(1)) {
      for (const cell of sheet.cells.values()) expect(cell.formula).toBeUndefined();
    }
  });

  test("the source cells are read as the text they hold", async () => {
    const host = await formHost([{ ...tennojiR1[0], no: 1, title: "001" }]);
    const { report } = await validate(host);
    expect(report.items[0].title).toBe("001");
  });
});

describe("batches are not atomic: after a failed write the message says what was written", () => {
  /** Office.js whose second new sheet gets a name Excel refuses, inside the write batch. */
  function failingSecondSheet(host: Host) {
    return {
      ...host,
      Excel: {
        run: <T>(first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), second?: (context: Excel.RequestContext) => Promise<T>) => {
          const batch = typeof first === "function" ? first : second!;
          return host.Excel.run(typeof first === "function" ? {} : first, (context) => {
            const sheets = context.workbook.worksheets;
            const add = sheets.add.bind(sheets);
            sheets.add = (name?: string) => add(name === "検証結果" ? "検証:結果" : name);
            return batch(context);
          });
        },
      },
    };
  }

  test.each<[string, HostOptions, RegExp]>([
    ["Excel keeps what ran before the failure", {}, /「集計」シートは作成されました.*「検証結果」シートは作成されていません/s],
    ["Excel undoes the whole batch", { atomicBatches: true }, /ブックは変更されていません/],
  ])("%s", async (_, options, message) => {
    const host = await formHost(many(3), undefined, options);
    const error = await summarizeOpenWorkbook(failingSecondSheet(host), { now: NOW }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/ブックは変更していません/);
    expect(host.workbook.sheets.some((s) => s.name === "集計")).toBe(!options.atomicBatches);
  });
});
