export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress is shown only on a terminal. */
  isTTY: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

/** Runs `work` over the files in turn, with a one-line progress counter on stderr when there are several. */
export async function eachWithProgress<T>(io: Io, verb: string, files: string[], work: (file: string) => Promise<T>): Promise<T[]> {
  const show = io.isTTY && files.length > 1;
  const results: T[] = [];
  for (const [i, file] of files.entries()) {
    if (show) io.stderr(`\r${verb} ${i + 1}/${files.length}: ${file}\x1b[K`);
    results.push(await work(file));
  }
  if (show) io.stderr("\r\x1b[K");
  return results;
}
