#!/usr/bin/env node
"use strict";
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

const args = process.argv.slice(2);
// `hyoka --help` from the text the build wrote (lib/cli/help.txt): Node's own start, without loading the CLI.
const help = args.length === 1 && (args[0] === "--help" || args[0] === "-h") ? builtHelp() : null;
if (help !== null) process.stdout.write(help);
else {
  let cli;
  try {
    cli = require("../lib/cli/main.js");
  } catch {
    process.stderr.write("hyoka: まだビルドされていません。プロジェクトのフォルダーで `npm install` を実行してください。\n");
    process.exit(2);
  }
  // exitCode, not exit(): a piped stdout must drain before the process ends.
  cli.run(args).then((code) => (process.exitCode = writeFailed ? 2 : code));
}

function builtHelp() {
  try {
    return require("fs").readFileSync(require("path").join(__dirname, "../lib/cli/help.txt"), "utf8");
  } catch {
    return null; // not built with it: the CLI answers
  }
}
