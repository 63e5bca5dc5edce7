import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import { checkWorkbook, CheckReport } from "../check";
import { InputError } from "../file/input-error";
import { loadXlsx } from "../file/read-xlsx";
import type { Phase } from "../model";
import { profileFromText, resolveProfile, TemplateProfile, unreadableProfile } from "../template/profile";

/** One input file: its report when it could be read, and the one-line reason when it is unusable. */
export interface FileOutcome {
  file: string;
  report?: CheckReport;
  workbook?: ExcelJS.Workbook;
  error?: string;
}

export async function checkFile(file: string, phase: Phase | undefined, profile: TemplateProfile): Promise<FileOutcome> {
  try {
    const { workbook, grid } = await loadXlsx(file);
    const report = checkWorkbook(grid, { phase, profile });
    const fatal = report.findings.find((f) => f.severity === "fatal");
    return { file, report, workbook, error: fatal && `${fatal.message}: ${file}` };
  } catch (error) {
    if (error instanceof InputError) return { file, error: error.message };
    throw error;
  }
}

export async function loadProfile(file: string | undefined): Promise<TemplateProfile> {
  if (!file) return resolveProfile();
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new InputError(unreadableProfile(file), file);
  }
  const { profile, error } = profileFromText(text, file);
  if (error !== undefined) throw new InputError(error, file);
  return profile;
}
