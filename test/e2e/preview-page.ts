import { existsSync, mkdirSync } from "fs";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";
import { serveStatic, StaticServer } from "./static-server";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
export const RESULTS = path.join(ROOT, "test-results");

/** The built preview (dist/preview.html) served on 127.0.0.1 and opened in Debian's Chromium, never a downloaded one. */
export async function openPreview(): Promise<{ page: Page; pageErrors: string[]; close: () => Promise<void> }> {
  if (!existsSync(path.join(DIST, "preview.html"))) {
    throw new Error("dist/preview.html is missing: run `npx webpack --mode production` (npm run build) first.");
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  mkdirSync(RESULTS, { recursive: true });
  const server: StaticServer = await serveStatic(DIST);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "ja-JP" });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(`${server.origin}/preview.html`);
  return {
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
