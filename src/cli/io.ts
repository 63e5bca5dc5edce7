import * as path from "path";

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

/**
 * Text that came from a file (cell text, sheet, part and file names) made safe for a terminal: control
 * characters (C0, DEL, C1: escape sequences could move the cursor, retitle the window or hide lines) and the
 * bidirectional overrides that reorder what is shown are written as visible escapes (\x1B, \n, \u202E).
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/** One line on stderr about an input, its text made printable. */
export function warn(io: Io, message: string): void {
  io.stderr(`hyoka: ${printable(message)}\n`);
}

/**
 * Names that tell the inputs apart: each file's shortest path suffix no other input shares ("x.xlsx", or
 * "北区/x.xlsx" and "南区/x.xlsx" when two are called x.xlsx). A file given twice keeps its path as given.
 */
export function distinctNames(files: string[]): string[] {
  const parts = files.map((file) => path.resolve(file).split(/[\\/]+/).filter(Boolean));
  return files.map((file, i) => {
    for (let n = 1; n <= parts[i].length; n++) {
      const suffix = parts[i].slice(-n).join("/");
      if (parts.every((other, j) => j === i || other.slice(-n).join("/") !== suffix)) return suffix;
    }
    return file;
  });
}

/** Runs `work` over the files in turn, with a one-line progress counter on stderr when there are several. */
export async function eachWithProgress<T>(io: Io, verb: string, files: string[], work: (file: string) => Promise<T>): Promise<T[]> {
  const show = io.isTTY && files.length > 1;
  const results: T[] = [];
  for (const [i, file] of files.entries()) {
    if (show) io.stderr(`\r${verb} ${i + 1}/${files.length}: ${printable(file)}\x1b[K`);
    results.push(await work(file));
  }
  if (show) io.stderr("\r\x1b[K");
  return results;
}
