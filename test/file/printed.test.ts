/**
 * The summary sheets as printed and as recalculated by another program: LibreOffice headless renders what
 * `hyoka summarize` writes to PDF (read back page by page with pdftotext) and recalculates its formulas.
 * (scripts/test-ci.sh installs libreoffice-calc-nogui and poppler-utils when they are missing.)
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { checkWorkbook } from "../../src/check";
import { readXlsxGrid } from "../../src/file/read-xlsx";
import { computeSummary } from "../../src/summary/compute";
import { formItem, SAMPLE } from "../support/workbooks";
import { cli } from "../support/cli";
import { convert, pdfPages, withPdf } from "../support/libreoffice";
import { writeFormWorkbook } from "../../tools/form/builder";
import { tennojiR1 } from "../../tools/form/tennoji-r1";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-printed-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The pages a sheet prints on: its footer (left part: the sheet's name, &A) is the last line of each of its pages. */
function pagesOf(pages: string[], sheet: string): string[] {
  return pages.filter((page) => {
    const lines = page.split("\n").filter((l) => l.trim() !== "");
    return lines.length > 0 && lines[lines.length - 1].trim().split(/\s+/)[0] === sheet;
  });
}

/** CSV as LibreOffice writes it: fields in double quotes may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = "";
  let quoted = false;
  const endField = () => {
    rows[rows.length - 1].push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ",") endField();
    else if (ch === "\n") {
      endField();
      rows.push([]);
    } else field += ch;
  }
  endField();
  return rows;
}

async function printed(file: string): Promise<string[]> {
  const [pdf] = convert(file, "pdf", await fs.mkdtemp(path.join(dir, "pdf-")));
  return pdfPages(pdf);
}

withPdf(
  "the 集計 of the 19-item sample prints on at most 2 A4 landscape pages, the item table's header on each, the footer with name, page and time",
  async () => {
    const out = path.join(dir, "sample.xlsx");
    expect((await cli("summarize", SAMPLE, "-o", out)).code).toBe(0);
    const pages = pagesOf(await printed(out), "集計");
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    for (const page of pages) {
      expect(page).toMatch(/番号\s+★\s+取組項目\s+実施見込み\s+達成見込み\s+自己評価/);
      expect(page).toMatch(/集計\s+\d+ \/ \d+\s+作成 \d{4}-\d\d-\d\d \d\d:\d\d/);
    }
    // The counts are printed too, with the 19 items' ① of 達成見込み.
    expect(pages.join("\n")).toMatch(/\(i\)・①\s+19\s+18\s+0/);
  },
  180_000,
);

withPdf(
  "a roll-up of 24 wards (456 items): 全体集計 prints on at most 2 pages a ward, the header on each page",
  async () => {
    const files = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const file = path.join(dir, `ward${String(i + 1).padStart(2, "0")}.xlsx`);
        await writeFormWorkbook(file, tennojiR1.map((item, j) => ({ ...item, no: j + 1 })));
        return file;
      }),
    );
    const out = path.join(dir, "wards.xlsx");
    expect((await cli("summarize", ...files, "-o", out)).code).toBe(0);
    const pages = await printed(out);
    const overall = pagesOf(pages, "全体集計");
    expect(overall.length).toBeGreaterThanOrEqual(1);
    expect(overall.length).toBeLessThanOrEqual(24 * 2);
    for (const page of overall) expect(page).toMatch(/ファイル\s+番号\s+★\s+取組項目/);
    const perFile = pagesOf(pages, "ファイル別集計");
    expect(perFile.length).toBeLessThanOrEqual(2);
  },
  300_000,
);

withPdf(
  "LibreOffice recalculating the CLI's output (its cached results taken out) gives the counts hyoka computed (#16)",
  async () => {
    const input = path.join(dir, "spellings.xlsx");
    const spellings = ["（１）", "⑴", "1:達成見込み", "はい", "N/A", "ｎ／ａ", "②", 2, "—", "③", "*", "①", "Ⅱ"];
    await writeFormWorkbook(
      input,
      spellings.map((achievement, i) => formItem(i + 1, { midyear: { implementation: i % 3 ? "(i)" : "（ⅱ）", achievement, remark: i % 2 ? "=SUM(A1)" : null } })),
    );
    const out = path.join(dir, "spellings-out.xlsx");
    expect((await cli("summarize", input, "-o", out)).code).toBe(0);

    // Every formula's cached value removed: what LibreOffice shows now, it computed.
    const parts = unzipSync(new Uint8Array(await fs.readFile(out)));
    for (const name of Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      parts[name] = strToU8(strFromU8(parts[name]).replace(/(<c [^>]*?)( t="(?:str|e)")?>(<f>[^<]*<\/f>)<v>[^<]*<\/v><\/c>/g, "$1>$3</c>"));
    }
    const stripped = path.join(dir, "stripped.xlsx");
    await fs.writeFile(stripped, zipSync(parts));
    const csv = convert(stripped, "csv", await fs.mkdtemp(path.join(dir, "csv-")), { recalculate: true });
    const rows = parseCsv(await fs.readFile(csv.find((f) => f.endsWith("-集計.csv"))!, "utf8"));

    const grid = await readXlsxGrid(input);
    const summary = computeSummary("x", checkWorkbook(grid), new Date(), { grid });
    const panel = rows.findIndex((r) => r[2] === "件数" && r[3] === "実施見込み");
    const computed = ["first", "second", "na", "empty", "check"].map((bucket) => summary.total.columns.map((c) => String(c.cells[bucket as "first"].count)));
    expect(rows.slice(panel + 1, panel + 6).map((r) => r.slice(3, 6))).toEqual(computed);
    // The judged cells too: （１） and ⑴ are ①, はい and ③ and * are 要確認.
    const header = rows.findIndex((r) => r[0] === "番号");
    expect(rows.slice(header + 1, header + 1 + spellings.length).map((r) => r[4])).toEqual(summary.rows.map((r) => r.ratings["midyear.achievement"].label));
  },
  180_000,
);
