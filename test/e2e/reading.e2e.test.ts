import { readFileSync } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { openPreview, RESULTS } from "./preview-page";

/** 読み取り結果 in the preview's task pane, narrowed to 350 px (the narrowest a task pane is shown in Excel). */
describe("読み取り結果 at 350 px (dist/preview.html in Debian's Chromium)", () => {
  let page: Page;
  let pageErrors: string[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, pageErrors, close } = await openPreview());
    await page.getByText("自動判定: 中間振り返り（記入内容から判定）").waitFor();
    // The preview's pane: the section around the task pane's own buttons.
    await page.getByRole("button", { name: "検証", exact: true }).evaluate((button) => {
      const pane = button.closest("section")!;
      pane.style.flex = "0 0 350px";
      pane.style.boxSizing = "border-box";
    });
  });

  afterAll(() => close?.());

  test("検証, then 読み取り結果: every item, collapsed; the pane names the built-in profile", async () => {
    expect(await page.getByTestId("profile").textContent()).toMatch(/^様式プロファイル: .*（既定）$/);
    await page.getByRole("button", { name: "検証", exact: true }).click();
    await page.getByText("エラー 0 件 / 警告 0 件").waitFor();
    const reading = page.getByRole("button", { name: "読み取り結果" });
    expect(await reading.getAttribute("aria-expanded")).toBe("false");
    await reading.click();
    await page.getByText("取組項目 19 件の各項目を、どのセルから読み取ったかを示します。選択するとそのセルに移動します。").waitFor();
    expect(await page.getByRole("heading", { level: 3, name: /^取組項目 \d+【/ }).count()).toBe(19);
  });

  test("keyboard: Enter opens an item, Tab reaches its fields, Enter on one selects its cell in the grid", async () => {
    const item = page.getByRole("button", { name: /^取組項目 19【/ });
    await item.focus();
    await page.keyboard.press("Enter");
    expect(await item.getAttribute("aria-expanded")).toBe("true");
    const field = page.locator('button[data-field="midyear.achievement"]');
    await field.waitFor();
    // From the item's header: title, the two plan fields, 実施見込み, then 達成見込み.
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.textContent()).toBe("目標の達成見込みC192②");
    await page.keyboard.press("Enter");
    await page.locator('td[data-address="C192"][data-selected="true"]').waitFor();
    expect(await field.getAttribute("aria-current")).toBe("true");
  });

  test("nothing is wider than the pane; long values end in an ellipsis", async () => {
    const overflow = await page.getByRole("button", { name: "検証", exact: true }).evaluate((button) => {
      const pane = button.closest("section")!;
      const wide = [...pane.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > pane.getBoundingClientRect().right + 1);
      return { width: pane.getBoundingClientRect().width, wide: wide.map((el) => `${el.tagName}.${el.className}`).slice(0, 5) };
    });
    expect(overflow.width).toBeLessThanOrEqual(351);
    expect(overflow.wide).toEqual([]);
    const policy = page.locator('button[data-field="plan.policy"] span[title]');
    expect(await policy.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === "ellipsis")).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, "preview-reading.png"), fullPage: false });
  });

  test("no serious or critical accessibility violations with 読み取り結果 open (axe-core)", async () => {
    await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    if (violations.length) console.log("axe:", JSON.stringify(violations, null, 2));
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
