#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("hyoka: まだビルドされていません。プロジェクトのフォルダーで `npm install` を実行してください。\n");
  process.exit(2);
}
cli.run(process.argv.slice(2)).then((code) => process.exit(code));
