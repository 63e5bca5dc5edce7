import { randomBytes } from "crypto";
import { constants, promises as fs, Stats, unlinkSync } from "fs";
import * as os from "os";
import * as path from "path";
import { InputError } from "./input-error";

const REASONS: Record<string, string> = {
  ENOENT: "出力先のフォルダーがありません",
  ENOTDIR: "出力先のフォルダーがありません",
  EISDIR: "出力先がフォルダーです。ファイル名を指定してください",
  EACCES: "書き込む権限がありません",
  EPERM: "書き込む権限がありません",
  EROFS: "読み取り専用の場所です",
  ENOSPC: "ディスクの空きが足りません",
  EBUSY: "ファイルが他のアプリで開かれています",
};

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** An output file being written: a temp file beside OUT, renamed over it at the end. */
export interface PendingOutput {
  /** Writes the bytes to the temp file and renames it to OUT. */
  commit(bytes: Uint8Array): Promise<void>;
  /** Removes the temp file (after a failure). */
  discard(): Promise<void>;
}

/**
 * Checks OUT before any work and reserves its temp file. OUT must be a new name in an existing folder, or a
 * regular file that is not marked read-only and is not one of the inputs; a folder, a FIFO, a device or a link
 * to one of those is refused. The temp file is created exclusively (O_EXCL: a planted file or link of the same
 * name is never followed) under an unpredictable name in OUT's folder, and removed if the process is
 * interrupted (SIGINT, SIGTERM), which then exits 130 / 143.
 */
export async function prepareOutput(out: string, inputs: string[]): Promise<PendingOutput> {
  const fail = (reason: string) => new InputError(`出力ファイルを書き込めません（${reason}）: ${out}`, out);
  const existing = await fs.stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw fail(REASONS[error.code ?? ""] ?? error.code ?? error.message);
  });
  if (existing) {
    if (existing.isDirectory()) throw fail(REASONS.EISDIR);
    if (!existing.isFile()) throw fail("通常のファイルではありません（パイプやデバイスには書き込めません）");
    if (await isInput(existing, inputs)) throw new InputError(`出力先に入力ファイルと同じファイルは指定できません（入力は変更しません）: ${out}`, out);
    if ((existing.mode & 0o222) === 0) throw fail("読み取り専用のファイルです");
  }
  const interrupts = guardInterrupts();
  const temp = await createTemp(out, interrupts).catch((error: NodeJS.ErrnoException) => {
    interrupts.release();
    throw fail(REASONS[error.code ?? ""] ?? `${error.code || error.message}`);
  });
  return pending(temp, out, fail, interrupts);
}

async function isInput(out: Stats, inputs: string[]): Promise<boolean> {
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat && stat.dev === out.dev && stat.ino === out.ino) return true;
  }
  return false;
}

interface Interrupts {
  /** The temp file's name while it may exist: a signal removes it. */
  temp: string | undefined;
  release(): void;
}

/**
 * Removes the temp file and exits 130 / 143 on SIGINT / SIGTERM. Installed before the temp file is opened: the
 * file is on disk before the open's promise settles, and a signal in between must not leave it behind.
 */
function guardInterrupts(): Interrupts {
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupts.temp) {
      try {
        unlinkSync(interrupts.temp);
      } catch {
        // not created yet, or already gone
      }
    }
    process.exit(128 + (os.constants.signals[signal] ?? 15));
  };
  const interrupts: Interrupts = {
    temp: undefined,
    release() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return interrupts;
}

/**
 * `.OUT-name.<random>.tmp` beside OUT, created with O_EXCL; a name clash (astronomically rare) tries again. The
 * name is handed to the interrupt guard before the open: an unpredictable name is not someone else's file.
 */
async function createTemp(out: string, interrupts: Interrupts): Promise<{ path: string; handle: fs.FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const temp = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(8).toString("hex")}.tmp`);
    interrupts.temp = temp;
    try {
      return { path: temp, handle: await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666) };
    } catch (error) {
      interrupts.temp = undefined;
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 5) throw error;
    }
  }
}

function pending(temp: { path: string; handle: fs.FileHandle }, out: string, fail: (reason: string) => InputError, interrupts: Interrupts): PendingOutput {
  const discard = async () => {
    await temp.handle.close().catch(() => undefined);
    await fs.rm(temp.path, { force: true }).catch(() => undefined);
    interrupts.release();
  };
  return {
    async commit(bytes) {
      try {
        await temp.handle.writeFile(bytes);
        await temp.handle.close();
        await fs.rename(temp.path, out);
        interrupts.release();
      } catch (error) {
        await discard();
        const code = (error as NodeJS.ErrnoException).code ?? "";
        throw fail(REASONS[code] ?? `${code || (error as Error).message}`);
      }
    },
    discard,
  };
}
