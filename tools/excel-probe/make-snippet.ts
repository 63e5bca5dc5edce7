/**
 * npx ts-node --transpile-only tools/excel-probe/make-snippet.ts — writes hyoka-probe.yaml, the Script Lab snippet
 * of probe.ts (its code as it is, without `export`, and a page with one button). test/excel/probe.test.ts checks
 * that the snippet is up to date.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";

export const PROBE = path.join(__dirname, "probe.ts");
export const SNIPPET = path.join(__dirname, "hyoka-probe.yaml");

const GLUE = `
document.getElementById("run")!.addEventListener("click", async () => {
  const out = document.getElementById("out")!;
  out.textContent = "実行しています… / Running…";
  try {
    out.textContent = probeReport(await runProbe(Excel));
  } catch (error) {
    out.textContent = String(error);
  }
});
`;

const PAGE = `<main>
  <h1>hyoka probe / 評価チェックの動作確認</h1>
  <p>空のブックで実行してください。「hyoka-probe」シートを一時的に追加し、終わると削除します。<br />
  Run it in an empty workbook: it adds a sheet "hyoka-probe" and deletes it at the end.</p>
  <button id="run" class="ms-Button"><span class="ms-Button-label">実行 / Run</span></button>
  <pre id="out"></pre>
</main>`;

const STYLE = `main { font-family: "Segoe UI", "Yu Gothic UI", sans-serif; margin: 12px; }
pre { white-space: pre-wrap; font-size: 12px; }`;

const indent = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => (line ? `        ${line}` : ""))
    .join("\n");

/** The snippet for probe.ts's source. */
export function snippetYaml(probeSource: string): string {
  const script = probeSource.replace(/^export /gm, "") + GLUE;
  return [
    "name: hyoka probe",
    "description: What the Excel JavaScript API documentation leaves open, asked of this Excel (PASS/FAIL per check).",
    "host: EXCEL",
    "api_set:",
    "    ExcelApi: '1.13'",
    "script:",
    "    content: |",
    indent(script),
    "    language: typescript",
    "template:",
    "    content: |",
    indent(PAGE),
    "    language: html",
    "style:",
    "    content: |",
    indent(STYLE),
    "    language: css",
    "libraries: |",
    "    https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    "    @types/office-js",
    "",
  ].join("\n");
}

if (require.main === module) {
  writeFileSync(SNIPPET, snippetYaml(readFileSync(PROBE, "utf8")));
  console.log(`wrote ${path.relative(process.cwd(), SNIPPET)}`);
}
