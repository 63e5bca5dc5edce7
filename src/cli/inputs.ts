import { checkWorkbook, CheckReport } from "../check";
import { InputError } from "../file/input-error";
import { loadXlsx, readRegularFile } from "../file/read-xlsx";
import type { XlsxWorkbook } from "../file/xlsx-workbook";
import type { Phase } from "../model";
import type { WorkbookGrid } from "../template/grid";
import { profileFromText, resolveProfile, TemplateProfile } from "../template/profile";

/** One input file: its report when it could be read, and the one-line reason when it is unusable. */
export interface FileOutcome {
  file: string;
  report?: CheckReport;
  /** The package, for summarize to graft its sheets into. */
  workbook?: XlsxWorkbook;
  /** Its cells, which the live 集計 refers to. */
  grid?: WorkbookGrid;
  error?: string;
}

export async function checkFile(file: string, phase: Phase | undefined, profile: TemplateProfile): Promise<FileOutcome> {
  try {
    const { workbook, grid } = await loadXlsx(file);
    const report = checkWorkbook(grid, { phase, profile });
    const fatal = report.findings.find((f) => f.severity === "fatal");
    return { file, report, workbook, grid, error: fatal && `${fatal.message}: ${file}` };
  } catch (error) {
    if (error instanceof InputError) return { file, error: error.message };
    throw error;
  }
}

/** A profile is a few kilobytes of JSON. */
const PROFILE_BYTES = 1024 * 1024;

export async function loadProfile(file: string | undefined): Promise<TemplateProfile> {
  if (!file) return resolveProfile();
  const text = (await readRegularFile(file, PROFILE_BYTES, "プロファイル")).toString("utf8");
  const { profile, error } = profileFromText(text, file);
  if (error !== undefined) throw new InputError(error, file);
  return profile;
}
