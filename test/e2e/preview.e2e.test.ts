import { existsSync, mkdirSync, readFileSync } from "fs";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";
import { checkWorkbook } from "../../src/check";
import { computeSummary } from "../../src/summary/compute";
import { layoutSummary } from "../../src/summary/layout";
import { a1 } from "../../src/template/grid";
import { sampleGrid } from "../support/workbooks";
import * as zlib from "zlib";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { NS, openpyxlChart, openpyxlStyleForm, rawPackage, withRawSheet, zipPackage } from "../support/xlsx-package";
import { serveStatic, StaticServer } from "./static-server";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const RESULTS = path.join(ROOT, "test-results");
const CHROMIUM = "/usr/bin/chromium";

/** The offline preview, built by `webpack --mode production`: the task pane beside the sample workbook. */
describe("browser preview (dist/preview.html in Debian's Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, "preview.html"))) {
      throw new Error("dist/preview.html is missing: run `npx webpack --mode production` (npm run build) first.");
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(RESULTS, { recursive: true });
    server = await serveStatic(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "ja-JP" });
    page = await context.newPage();
    page.on("request", (request) => requested.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.goto(`${server.origin}/preview.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("shows the sample workbook in the grid and infers 中間振り返り", async () => {
    await page.locator('td[data-address="A3"]').filter({ hasText: "取組項目1" }).waitFor();
    await page.getByText("自動判定: 中間振り返り（記入内容から判定）").waitFor();
    expect(await page.getByRole("radio", { name: "中間振り返り" }).isChecked()).toBe(true);
  });

  test("自己評価 → 検証: 38 errors, the RESULT_MISSING and RATING_MISSING of every item", async () => {
    await page.getByRole("radio", { name: "自己評価" }).check();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByText("エラー 38 件 / 警告 0 件").waitFor();
    expect(await page.getByText("自己評価として検証しました（取組項目 19 件）").count()).toBe(1);
    expect(await page.locator('button[data-code="RESULT_MISSING"]').count()).toBe(19);
    expect(await page.locator('button[data-code="RATING_MISSING"]').count()).toBe(19);
    await page.getByRole("heading", { name: "取組項目 1【歳出の削減】" }).waitFor();
    await page
      .getByText("取組項目1の「当年度の取組実績及び目標の達成状況」が未入力です。当年度の実績と目標の達成状況を記入してください。")
      .waitFor();
    await page.getByText("取組項目19の「自己評価」が未入力です。①・②のいずれかを入力してください。").waitFor();
  });

  test("clicking a finding selects its cell in the grid, on its sheet, scrolled into view", async () => {
    const finding = page.locator('button[data-code="RATING_MISSING"]').last();
    const sheet = (await finding.getAttribute("data-sheet"))!;
    const cell = (await finding.getAttribute("data-cell"))!;
    expect(cell).toMatch(/^[A-Z]+\d+$/);
    await finding.click();

    const selected = page.locator('td[data-selected="true"]');
    await selected.first().waitFor();
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute("data-address")).toBe(cell);
    expect(await page.locator(`[role="tab"][aria-selected="true"]`).textContent()).toBe(sheet);
    expect(await page.locator("table[data-sheet]").getAttribute("data-sheet")).toBe(sheet);

    // The selected cell is inside the grid's visible area.
    const inView = await selected.evaluate((td) => {
      const scroller = td.closest('[role="region"]')!.getBoundingClientRect();
      const box = td.getBoundingClientRect();
      return box.bottom > scroller.top && box.top < scroller.bottom && box.right > scroller.left && box.left < scroller.right;
    });
    expect(inView).toBe(true);
    expect(await finding.getAttribute("aria-current")).toBe("true");

    await page.screenshot({ path: path.join(RESULTS, "preview.png"), fullPage: false });
  });

  test("keyboard: Enter on a finding selects its cell", async () => {
    const finding = page.locator('button[data-code="RESULT_MISSING"]').first();
    const cell = (await finding.getAttribute("data-cell"))!;
    await finding.focus();
    await page.keyboard.press("Enter");
    await page.locator(`td[data-address="${cell}"][data-selected="true"]`).waitFor();
  });

  test("集計 writes 集計 and 検証結果 into the workbook and shows 集計; a second run replaces them", async () => {
    const tabs = page.locator('[role="tab"]');
    expect(await tabs.allTextContents()).toEqual(["取組項目"]);
    for (let run = 0; run < 2; run++) {
      await page.getByRole("button", { name: "集計", exact: true }).click();
      await page.getByText("「集計」シートを作成しました").waitFor();
      expect(await tabs.allTextContents()).toEqual(["取組項目", "集計", "検証結果"]);
    }
    expect(await page.locator(`[role="tab"][aria-selected="true"]`).textContent()).toBe("集計");
    expect(await page.locator('td[data-address="A1"]').textContent()).toBe("集計");
    expect(await page.locator('td[data-address="A2"]').textContent()).toMatch(/^［hyoka:generated］/);
    const table = page.locator("table[data-sheet]");
    // 19 of 19 items have no self-evaluation yet (the 割合 panel's 未入力 row): shown through the 0.0% number format.
    await table.locator("tr").filter({ hasText: "未入力" }).getByText("100.0%").waitFor();
    for (const title of ["歳出の削減", "未収金対策の強化"]) await table.getByText(title, { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(RESULTS, "preview-summary.png"), fullPage: false });
  });

  test("集計 in the grid: the header rows stay frozen, the chart is drawn over its cells", async () => {
    await page.locator('[role="tab"]', { hasText: /^集計$/ }).click();
    const table = page.locator("table[data-sheet]");
    // Rows 1–6 (title … the item table's header) are frozen: they are the grid's sticky head.
    expect(await table.locator("thead tr[data-row]").count()).toBe(6);
    const chart = page.locator('figure[data-chart="判定の内訳"]');
    await chart.scrollIntoViewIfNeeded();
    expect(await chart.locator("rect[data-series]").count()).toBe(15); // 3 ratings × 5 buckets
    expect(await chart.getByRole("img", { name: "判定の内訳" }).count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, "preview-chart.png"), fullPage: false });
  });

  test("a 移動 link of 集計 shows the item's heading cell on its sheet", async () => {
    await page.locator('[role="tab"]', { hasText: /^集計$/ }).click();
    await page.locator("table[data-sheet]").getByRole("link", { name: "取組項目3へ" }).click();
    expect(await page.locator(`[role="tab"][aria-selected="true"]`).textContent()).toBe("取組項目");
    await page.locator('td[data-selected="true"]').first().waitFor();
    expect(await page.locator('td[data-selected="true"]').first().textContent()).toMatch(/^取組項目\s*3/);
  });

  test("typing （２） into item 3's 達成見込み: 集計's row and counts follow at once, without another 集計 (#16)", async () => {
    const grid = await sampleGrid();
    const summary = computeSummary(grid.name, checkWorkbook(grid), new Date(), { grid });
    const [sheet] = layoutSummary(summary);
    const source = summary.rows[2].ratings["midyear.achievement"].source!;
    const judged = a1(sheet.tables[0].top + 3, 4);
    const counts = sheet.cells.find((c) => c.value === "件数" && c.style === "header")!.row;

    await page.locator('[role="tab"]', { hasText: /^取組項目$/ }).click();
    await page.locator(`td[data-address="${source.cell}"]`).click();
    await page.getByLabel("セルの値").fill("（２）");
    await page.getByLabel("セルの値").press("Enter");
    await page.locator('[role="tab"]', { hasText: /^集計$/ }).click();
    await page.locator(`td[data-address="${judged}"]`).filter({ hasText: "②" }).waitFor();
    expect(await page.locator(`td[data-address="${a1(counts + 1, 4)}"]`).textContent()).toBe("17"); // ① in 達成見込み
    expect(await page.locator(`td[data-address="${a1(counts + 2, 4)}"]`).textContent()).toBe("2"); // ②
  });

  test("ブックを開く… reads with the CLI's package reader: a zip bomb is refused with its reason, an openpyxl workbook with a chart opens", async () => {
    const input = page.locator('input[type="file"]');
    const spaces = zlib.deflateRawSync(Buffer.concat([Buffer.from(`<worksheet xmlns="${NS.main}"><sheetData>`), Buffer.alloc(64 << 20, " "), Buffer.from("</sheetData></worksheet>")]));
    const bomb = withRawSheet({ data: spaces, method: 8, size: 64 << 20 });
    await input.setInputFiles({ name: "bomb.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(bomb) });
    await page.getByRole("alert").getByText(/圧縮率が異常に高い部品があります（xl\/worksheets\/sheet1\.xml）/).waitFor();

    const { options } = openpyxlStyleForm(tennojiR1.slice(0, 3), undefined, `<drawing r:id="rId1"/>`);
    const chart = openpyxlChart("取組項目");
    options.extraParts = chart.extraParts;
    options.sheets[0].related = chart.related;
    await input.setInputFiles({ name: "openpyxl.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(zipPackage(rawPackage(options))) });
    await page.getByRole("heading", { name: "ブック: openpyxl.xlsx" }).waitFor();
    await page.locator('td[data-address="A3"]').filter({ hasText: "取組項目1" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  test("複数のブックを集計… (#17): three files picked, one broken: two summarised into 全体集計 and ファイル別集計, the broken one listed with its reason", async () => {
    await page.getByRole("button", { name: "複数のブックを集計…" }).click();
    const panel = page.getByRole("region", { name: "複数のブックを集計" });
    const ward = (items: typeof tennojiR1) => Buffer.from(zipPackage(rawPackage(openpyxlStyleForm(items).options)));
    await panel.locator('input[type="file"]').setInputFiles([
      { name: "北区.xlsx", mimeType: "application/octet-stream", buffer: ward(tennojiR1.slice(0, 3)) },
      { name: "壊れた.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004 not really a workbook") },
      { name: "都島区.xlsx", mimeType: "application/octet-stream", buffer: ward(tennojiR1.slice(0, 5)) },
    ]);
    await panel.getByRole("button", { name: "3 ファイルを集計" }).click();
    await panel.getByText("「全体集計」「ファイル別集計」シートを作成しました（3 ファイル中 2 ファイルを集計）。", { exact: false }).waitFor();
    const files = panel.getByRole("list", { name: "選んだファイル" }).getByRole("listitem");
    expect(await files.evaluateAll((items) => items.map((li) => [li.getAttribute("data-state"), li.textContent]))).toEqual([
      ["done", "北区.xlsx取組項目 3 件"],
      ["failed", expect.stringMatching(/^壊れた\.xlsx読み込めません: .+/)],
      ["done", "都島区.xlsx取組項目 5 件"],
    ]);
    await page.locator('[data-sheet-tab="全体集計"]').waitFor();
    await page.locator('[data-sheet-tab="ファイル別集計"]').click();
    const sheet = page.locator('table[data-sheet="ファイル別集計"]');
    await sheet.getByText("壊れた.xlsx").first().waitFor();
    await sheet.getByText("都島区.xlsx").first().waitFor();
  });

  test("no serious or critical accessibility violations (axe-core)", async () => {
    await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    if (violations.length) console.log("axe:", JSON.stringify(violations, null, 2));
    expect(blocking).toEqual([]);
  });

  test("every request went to the page's own origin; no page errors", () => {
    expect(requested.length).toBeGreaterThan(0);
    const foreign = requested.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(foreign).toEqual([]);
    expect(requested.some((url) => url.endsWith(".xlsx"))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
