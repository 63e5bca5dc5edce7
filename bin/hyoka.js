#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("hyoka: まだビルドされていません。プロジェクトのフォルダーで `npm install` を実行してください。\n");
  process.exit(2);
}
// exitCode, not exit(): a piped stdout must drain before the process ends.
cli.run(process.argv.slice(2)).then((code) => (process.exitCode = code));
