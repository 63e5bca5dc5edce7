import { promises as fs } from "fs";
import { Command, CommanderError, Option } from "commander";
import { checkWorkbook, CheckReport } from "../check";
import { InputError } from "../file/input-error";
import { readXlsxGrid } from "../file/read-xlsx";
import { isBlocking, Phase, PHASES } from "../model";
import { resolveProfile, TemplateProfile } from "../template/profile";
import { textReport } from "./text-report";

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

/** One input file: its report when it could be read, and the one-line reason when it is unusable. */
interface FileOutcome {
  file: string;
  report?: CheckReport;
  error?: string;
}

/** Runs the CLI and resolves with its exit code; never throws, never prints a stack trace. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const program = new Command("hyoka")
    .description("取組項目の評価シート（.xlsx）を検証・集計します")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  let exitCode: number = EXIT.ok;
  program
    .command("validate")
    .description("ブックを読み、フェーズに応じた記入漏れ・誤りを報告します")
    .argument("<files...>", "検証する .xlsx ファイル")
    .addOption(new Option("--phase <phase>", "フェーズ（省略時は記入内容から判定）").choices(PHASES as Phase[]))
    .addOption(new Option("--format <format>", "出力形式").choices(["text", "json"]).default("text"))
    .option("--profile <file>", "様式プロファイル（JSON）")
    .action(async (files: string[], opts: { phase?: Phase; format: "text" | "json"; profile?: string }) => {
      const profile = await loadProfile(opts.profile);
      const outcomes: FileOutcome[] = [];
      for (const [i, file] of files.entries()) {
        if (io.isTTY && files.length > 1) io.stderr(`\r検証中 ${i + 1}/${files.length}: ${file}\x1b[K`);
        outcomes.push(await checkFile(file, opts.phase, profile));
      }
      if (io.isTTY && files.length > 1) io.stderr("\r\x1b[K");
      for (const { error } of outcomes) if (error) io.stderr(`hyoka: ${error}\n`);
      io.stdout(opts.format === "json" ? jsonOutput(outcomes) : textOutput(outcomes));
      exitCode = Math.max(...outcomes.map(exitCodeOf));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    }
    io.stderr(`hyoka: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.unusable;
  }
}

async function checkFile(file: string, phase: Phase | undefined, profile: TemplateProfile): Promise<FileOutcome> {
  try {
    const report = checkWorkbook(await readXlsxGrid(file), { phase, profile });
    const fatal = report.findings.find((f) => f.severity === "fatal");
    return { file, report, error: fatal && `${fatal.message}: ${file}` };
  } catch (error) {
    if (error instanceof InputError) return { file, error: error.message };
    throw error;
  }
}

function exitCodeOf({ report, error }: FileOutcome): number {
  if (error || !report) return EXIT.unusable;
  return report.findings.some(isBlocking) ? EXIT.findings : EXIT.ok;
}

function jsonOutput(outcomes: FileOutcome[]): string {
  const objects = outcomes.map(({ file, report, error }) =>
    report
      ? { file, phase: report.phase, phaseSource: report.phaseSource, items: report.items, findings: report.findings }
      : { file, error },
  );
  return `${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`;
}

function textOutput(outcomes: FileOutcome[]): string {
  const parts = outcomes.flatMap(({ file, report }) => (report ? [textReport(file, report)] : []));
  return parts.length ? `${parts.join("\n\n")}\n` : "";
}

async function loadProfile(file: string | undefined): Promise<TemplateProfile> {
  if (!file) return resolveProfile();
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new InputError(`プロファイルを読み込めません: ${file}`, file);
  }
  try {
    return resolveProfile(JSON.parse(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InputError(`プロファイルが正しくありません（${detail}）: ${file}`, file);
  }
}
