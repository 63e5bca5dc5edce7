import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";

/**
 * LibreOffice headless as a second opinion on the files hyoka writes, and as another producer of .xlsx files.
 * CI installs it (scripts/test-ci.sh, like chromium); where it is missing the tests that need it are skipped.
 */
export const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));

/** `test` when LibreOffice is installed, else `test.skip`. */
export const withLibreOffice = SOFFICE ? test : test.skip;

/**
 * Converts a file (`csv` writes one file per sheet, named "<stem>-<sheet>.csv"); returns the written files. Each
 * call has a profile of its own, so that parallel test workers do not share LibreOffice's lock.
 */
export function convert(file: string, to: "xlsx" | "csv" | "pdf", outDir: string, options: { recalculate?: boolean } = {}): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), "hyoka-lo-"));
  const filter = to === "csv" ? "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1" : to;
  // LibreOffice keeps an .xlsx file's cached formula results unless told to recalculate on load (OOXMLRecalcMode 0).
  if (options.recalculate) {
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n`,
    );
  }
  try {
    const before = new Set(readdirSync(outDir));
    const result = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", outDir, file], {
      encoding: "utf8",
      timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr || result.stdout}`);
    return readdirSync(outDir)
      .filter((f) => !before.has(f))
      .map((f) => path.join(outDir, f));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** poppler's pdftotext, to read a PDF page by page (CI installs poppler-utils with LibreOffice). */
const PDFTOTEXT = ["/usr/bin/pdftotext"].find((p) => existsSync(p));

/** `test` when LibreOffice and pdftotext are installed, else `test.skip`. */
export const withPdf = SOFFICE && PDFTOTEXT ? test : test.skip;

/** Each page's text of a PDF, laid out as printed (pdftotext -layout), in order. */
export function pdfPages(pdf: string): string[] {
  const result = spawnSync(PDFTOTEXT!, ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout.split("\f").slice(0, -1);
}
