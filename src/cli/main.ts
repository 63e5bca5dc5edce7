import { Command, CommanderError, Option } from "commander";
import { PHASE_NAMES } from "../model/phase-names";
import { EXIT, Io, processIo, warn } from "./io";

/**
 * Runs the CLI and resolves with its exit code; never throws, never prints a stack trace. A command's modules
 * (the reader, the rules, the schemas) are loaded when it runs, so that `hyoka --help` starts at once.
 */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = commands(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    warn(io, error instanceof Error ? error.message : String(error));
    return EXIT.unusable;
  }
}

/** What `hyoka --help` prints: written to lib/cli/help.txt at build, so that bin/hyoka.js answers without loading the CLI. */
export function helpText(): string {
  return commands(processIo, () => undefined).helpInformation();
}

function commands(io: Io, done: (exitCode: number) => void): Command {
  const phase = () => new Option("--phase <phase>", "フェーズ: plan（計画）/ midyear（中間振り返り）/ final（自己評価）。省略時は記入内容から判定").choices(PHASE_NAMES);
  const profile = () => new Option("--profile <file>", "様式プロファイル（JSON）で項目名や選択肢を変更");

  const program = new Command("hyoka")
    .description("取組項目の評価シート（.xlsx）を検証・集計します")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("validate")
    .description("ブックを読み、フェーズに応じた記入漏れ・誤りを報告します（終了コード 0: エラーなし、1: エラーあり、2: 読み込めない）")
    .argument("<files...>", "検証する .xlsx ファイル")
    .addOption(phase())
    .addOption(new Option("--format <format>", "出力形式").choices(["text", "json"]).default("text"))
    .addOption(profile())
    .action(async (files: string[], opts) => {
      done(await (await import("./validate")).validateCommand(files, opts, io));
    });

  program
    .command("summarize")
    .description("集計シートを作成します。1 ファイルならそのコピーに「集計」「検証結果」を追加、複数なら全体集計ブックを作成")
    .argument("<files...>", "集計する .xlsx ファイル")
    .requiredOption("-o, --out <file>", "出力する .xlsx ファイル（入力ファイルは変更しません）")
    .addOption(phase())
    .addOption(profile())
    .action(async (files: string[], opts) => {
      done(await (await import("./summarize")).summarizeCommand(files, opts, io));
    });

  program
    .command("inspect")
    .description("ブックをどう読み取ったかを表示します（様式・取組項目ごとに、各項目を読んだセルと値。判断できない項目には「？」）")
    .argument("<files...>", "読み取る .xlsx ファイル")
    .addOption(new Option("--format <format>", "出力形式").choices(["text", "json"]).default("text"))
    .addOption(profile())
    .action(async (files: string[], opts) => {
      done(await (await import("./inspect")).inspectCommand(files, opts, io));
    });

  return program;
}
