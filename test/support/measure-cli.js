/* eslint-disable @typescript-eslint/no-require-imports */
// Runs the built CLI (bin/hyoka.js) with the arguments given and, when the process exits, writes its peak
// resident set size in kilobytes to file descriptor 3: hostile-file tests measure memory in a child process.
const fs = require("fs");
process.on("exit", () => {
  try {
    fs.writeSync(3, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));
  } catch {
    // no descriptor 3: run by hand
  }
});
require("../../bin/hyoka.js");
