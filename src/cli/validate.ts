import { isBlocking, Phase } from "../model";
import { checkFile, FileOutcome, loadProfile } from "./inputs";
import { eachWithProgress, EXIT, Io, warn } from "./io";
import { textReport } from "./text-report";

export interface ValidateOptions {
  phase?: Phase;
  format: "text" | "json";
  profile?: string;
}

/** `hyoka validate`: exit 0 no errors, 1 some errors, 2 an unusable input. */
export async function validateCommand(files: string[], opts: ValidateOptions, io: Io): Promise<number> {
  const profile = await loadProfile(opts.profile);
  const outcomes = await eachWithProgress(io, "検証中", files, (file) => checkFile(file, opts.phase, profile));
  for (const { error } of outcomes) if (error) warn(io, error);
  io.stdout(opts.format === "json" ? jsonOutput(outcomes) : textOutput(outcomes));
  return Math.max(...outcomes.map(exitCodeOf));
}

function exitCodeOf({ report, error }: FileOutcome): number {
  if (error || !report) return EXIT.unusable;
  return report.findings.some(isBlocking) ? EXIT.findings : EXIT.ok;
}

/** One file: `{ file, form, forms, phase, items, findings }`; several: an array of them. An unreadable file: `{ file, error }`. */
function jsonOutput(outcomes: FileOutcome[]): string {
  const objects = outcomes.map(({ file, report, error }) =>
    report
      ? { file, form: report.form, forms: report.forms, phase: report.phase, phaseSource: report.phaseSource, items: report.items, findings: report.findings }
      : { file, error },
  );
  return `${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`;
}

function textOutput(outcomes: FileOutcome[]): string {
  const parts = outcomes.flatMap(({ file, report }) => (report ? [textReport(file, report)] : []));
  return parts.length ? `${parts.join("\n\n")}\n` : "";
}
