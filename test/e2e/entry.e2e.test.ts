import * as path from "path";
import type { Page } from "playwright-core";
import { openPreview, RESULTS } from "./preview-page";

/**
 * Help while typing (#13) in the offline preview, as a staff member would: set the input rules, highlight the
 * findings, fix a cell in the grid and see its finding go by itself, clear the highlight, undo.
 */
describe("browser preview: input rules, highlight, live re-check, undo", () => {
  let page: Page;
  let pageErrors: string[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, pageErrors, close } = await openPreview());
    await page.getByText("自動判定: 中間振り返り（記入内容から判定）").waitFor();
  });

  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await close?.();
  });

  const counts = () => page.getByTestId("counts").textContent();

  test("入力規則を設定: every rating cell gets its dropdown; selecting one shows its input message and choices", async () => {
    await page.getByRole("button", { name: "入力規則を設定", exact: true }).click();
    await page.getByText("評価のセル 57 か所に選択肢（入力規則）を設定しました。", { exact: false }).waitFor();
    expect(await page.locator("td[data-list]").count()).toBeGreaterThan(0);
    const cell = page.locator('td[data-list="①,②,対象外"]').first();
    await cell.click();
    await page.getByTestId("input-message").getByText("「②」のときは「課題と改善策」の記入が必須です。", { exact: false }).waitFor();
    expect(await page.getByLabel("選択肢").locator("option").allTextContents()).toEqual(["選んでください", "①", "②", "対象外"]);
  });

  test("自己評価 → 検証 → 強調表示: the cells of the 38 findings are marked", async () => {
    await page.getByRole("radio", { name: "自己評価" }).check();
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByText("エラー 38 件 / 警告 0 件").waitFor();
    await page.getByRole("button", { name: "強調表示", exact: true }).click();
    await page.getByText("指摘のあるセルに色を付けました（エラー 38 か所 / 警告 0 か所）。", { exact: false }).waitFor();
    expect(await page.locator('td[data-mark="error"]').count()).toBe(38);
    await page.screenshot({ path: path.join(RESULTS, "preview-highlight.png"), fullPage: false });
  });

  test("typing ① into a 自己評価 cell: its finding goes by itself, without 検証", async () => {
    const finding = page.locator('button[data-code="RATING_MISSING"]').first();
    const cell = (await finding.getAttribute("data-cell"))!;
    const key = (await finding.getAttribute("data-key"))!;
    await finding.click();
    await page.locator(`td[data-address="${cell}"][data-selected="true"]`).waitFor();
    expect(await page.getByTestId("editor-address").textContent()).toBe(cell);
    await page.getByLabel("セルの値").fill("①");
    await page.getByLabel("セルの値").press("Enter");
    await page.getByTestId("counts").filter({ hasText: "エラー 37 件 / 警告 0 件" }).waitFor();
    expect(await page.locator(`button[data-key="${key}"]`).count()).toBe(0);
    expect(await page.locator(`td[data-address="${cell}"]`).textContent()).toContain("①");
    await page.getByText("入力に合わせて再検証しました。エラー 37 件 / 警告 0 件、1 件解消。").waitFor({ state: "attached" });
    await page.getByText("検証結果が変わりました。色はそのままです。", { exact: false }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, "preview-live-recheck.png"), fullPage: false });
  });

  test("a value outside the list: Excel's warning alert is shown, the value goes in, and the re-check flags it", async () => {
    const finding = page.locator('button[data-code="RATING_MISSING"]').first();
    const cell = (await finding.getAttribute("data-cell"))!;
    await finding.click();
    await page.locator(`td[data-address="${cell}"][data-selected="true"]`).waitFor();
    await page.getByLabel("セルの値").fill("③");
    await page.getByLabel("セルの値").press("Enter");
    await page.getByRole("alert").filter({ hasText: "評価チェック" }).waitFor();
    await page.locator('button[data-code="RATING_INVALID"]').first().waitFor();
    expect(await counts()).toBe("エラー 37 件 / 警告 0 件");
  });

  test("強調表示を解除 takes every mark away; Ctrl+Z brings them back at once, and again undoes the typing", async () => {
    await page.getByRole("button", { name: "強調表示を解除", exact: true }).click();
    await page.getByText("強調表示を解除しました（38 か所）。", { exact: false }).waitFor();
    expect(await page.locator("td[data-mark]").count()).toBe(0);

    await page.locator('[role="region"][data-sheet]').focus();
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => document.querySelectorAll('td[data-mark="error"]').length === 38);
    await page.getByRole("button", { name: "元に戻す (Ctrl+Z)" }).click();
    // The ③ is gone: live re-check brings back the RATING_MISSING it had replaced.
    await page.waitForFunction(() => document.querySelectorAll('button[data-code="RATING_INVALID"]').length === 0);
    expect(await counts()).toBe("エラー 37 件 / 警告 0 件");
    await page.screenshot({ path: path.join(RESULTS, "preview-undo.png"), fullPage: false });
  });
});
