import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
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
export function convert(file: string, to: "xlsx" | "csv" | "pdf", outDir: string): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), "hyoka-lo-"));
  const filter = to === "csv" ? "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1" : to;
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
