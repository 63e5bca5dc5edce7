#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("hyoka: まだビルドされていません。プロジェクトのフォルダーで `npm install` を実行してください。\n");
  process.exit(2);
}
// A reader that stops early (`hyoka … | head -1`) only ends the output; any other failed write (a full disk) is one
// line and exit code 2, never a stack trace. Writes after the first failure are dropped.
let stdoutGone = false;
let writeFailed = false;
process.stdout.on("error", (error) => {
  if (stdoutGone) return;
  stdoutGone = true;
  if (error.code === "EPIPE") return;
  writeFailed = true;
  process.stderr.write(`hyoka: 出力を書き込めませんでした（${error.code || error.message}）。\n`);
  process.exitCode = 2;
});
// exitCode, not exit(): a piped stdout must drain before the process ends.
cli.run(process.argv.slice(2)).then((code) => (process.exitCode = writeFailed ? 2 : code));
