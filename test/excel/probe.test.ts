/**
 * The probe an administrator runs in a real Excel (tools/excel-probe): run here on the in-memory host, it must say
 * PASS for every check on the default host and FAIL exactly where a host option plays the other way, so that its
 * answers in a real Excel map onto the host's options.
 */
import { readFileSync } from "fs";
import { createExcelHost, HostOptions } from "../../src/excel-sim/host";
import { newSheet } from "../../src/excel-sim/workbook";
import { probeReport, runProbe } from "../../tools/excel-probe/probe";
import { PROBE, SNIPPET, snippetYaml } from "../../tools/excel-probe/make-snippet";

function host(options: HostOptions = {}) {
  return createExcelHost({ protected: false, sheets: [newSheet("Sheet1")] }, options);
}

async function failing(options: HostOptions): Promise<string[]> {
  const results = await runProbe(host(options).Excel);
  return results.filter((r) => !r.pass).map((r) => r.id);
}

test("on the host's defaults every check passes, and the scratch sheet is gone afterwards", async () => {
  const excel = host();
  const results = await runProbe(excel.Excel);
  expect(results.filter((r) => !r.pass)).toEqual([]);
  expect(results).toHaveLength(8);
  expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  expect(probeReport(results)).toMatch(/^PASS {2}null-worksheet-methods\n/);
});

test.each<[HostOptions, string]>([
  [{ strictNullObjects: true }, "null-worksheet-methods"],
  [{ textFormatInBatch: false }, "text-format-in-batch"],
  [{ apostropheInTextCells: "prefix" }, "apostrophe-in-text-cell"],
  [{ mergedAreas: "intersecting" }, "merged-areas-by-top-left"],
  [{ atomicBatches: true }, "failed-batch-keeps-earlier"],
])("host option %j: that check, and only that one, fails", async (options, id) => {
  expect(await failing(options)).toEqual([id]);
});

test("the Script Lab snippet is probe.ts as it is (regenerate: npx ts-node --transpile-only tools/excel-probe/make-snippet.ts)", () => {
  const yaml = readFileSync(SNIPPET, "utf8");
  expect(yaml).toBe(snippetYaml(readFileSync(PROBE, "utf8")));
  expect(yaml).toMatch(/^host: EXCEL$/m);
  expect(yaml).toMatch(/^ {4}language: typescript$/m);
  expect(yaml).toContain("        async function runProbe(excel: ExcelRun)");
  expect(yaml).not.toMatch(/^ {8}export /m);
  expect(yaml).toContain('id="run"');
});
