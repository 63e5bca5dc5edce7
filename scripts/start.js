#!/usr/bin/env node
// npm start: where Excel desktop exists (Windows, macOS) sideload the add-in and open Excel with it; elsewhere
// (Linux has no Excel; `office-addin-debugging` only says "Platform not supported") open the offline preview:
// the real task pane beside the sample workbook, held by the in-memory Excel host.
"use strict";
const { spawn } = require("child_process");

const hasExcelDesktop = process.platform === "win32" || process.platform === "darwin";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(args, env = {}) {
  const child = spawn(npx, args, { stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (hasExcelDesktop) {
  run(["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  const port = process.env.PORT || "3000";
  console.log(
    `\nExcel desktop is not available on ${process.platform}: starting the browser preview.\n` +
      `  Open http://localhost:${port}/preview.html — the task pane (検証 / 集計) beside the sample workbook.\n` +
      "  Excel on the web: see README (sideload manifest.xml while `npm run dev-server` runs).\n",
  );
  run(["webpack", "serve", "--mode", "development", "--port", port], { HYOKA_PREVIEW: "1" });
}
