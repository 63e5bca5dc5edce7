#!/usr/bin/env node
/**
 * npm run audit:prod — the shipped dependencies (npm audit --omit=dev) must have no high or critical advisory.
 * Exit 1 when they do. Where the registry's advisory service does not answer (a network that reaches only the
 * package registry's GET endpoints), it says so on one line and exits 0, or 1 with HYOKA_AUDIT_REQUIRED=1:
 * an unanswered audit is reported as not checked, never as passed.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
  cwd: path.resolve(__dirname, ".."),
  encoding: "utf8",
  shell: process.platform === "win32",
});

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}

const counts = report && report.metadata && report.metadata.vulnerabilities;
if (!counts) {
  const why = (report && report.message) || (run.stderr || "").trim().split("\n").pop() || `exit ${run.status}`;
  console.log(`npm audit: NOT CHECKED — the advisory service did not answer (${why})`);
  process.exit(process.env.HYOKA_AUDIT_REQUIRED === "1" ? 1 : 0);
}

const serious = Object.entries(report.vulnerabilities || {}).filter(([, v]) => v.severity === "high" || v.severity === "critical");
for (const [name, v] of serious) console.log(`  ${v.severity.padEnd(8)} ${name} ${v.range}`);
const summary = ["critical", "high", "moderate", "low"].map((level) => `${level} ${counts[level] || 0}`).join(", ");
console.log(`npm audit (shipped dependencies): ${summary}`);
process.exit(serious.length ? 1 : 0);
