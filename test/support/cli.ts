import { run } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
