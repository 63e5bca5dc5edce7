import { Inflate } from "fflate";
import { LIMITS, megabytes, XlsxError } from "./xlsx-error";

/**
 * The zip container of an .xlsx package, read from its central directory (zip64 too). An entry's bytes are
 * inflated only when asked for, in chunks, within the caps of LIMITS; the compressed bytes can be copied as
 * they are (the writer keeps every part it does not change byte for byte).
 */
export interface ZipEntry {
  /** The name as stored (decoded as UTF-8). */
  name: string;
  /** The name's bytes as stored, for a faithful copy. */
  nameBytes: Uint8Array;
  /** DOS time and date, as stored. */
  time: number;
  date: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General purpose flags; bit 0 encrypted, bit 11 UTF-8 name. */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 64 * 1024;
const MIN_CHUNK = 16 * 1024;
/** Compressed bytes between two turns of the event loop. */
const STEP = 256 * 1024;
const MAX_DEFLATE_RATIO = 1032;

const broken = (why: string) => new XlsxError(`.xlsx ファイルが壊れているため読み込めません（${why}）`);

/** The entries of the central directory, in stored order. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  const locator = end - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const record = safeNumber(view, locator + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) throw broken("zip64 の目録が見つかりません");
    count = safeNumber(view, record + 32);
    size = safeNumber(view, record + 40);
    offset = safeNumber(view, record + 48);
  }
  if (count > LIMITS.entries) throw new XlsxError(`パッケージの部品が多すぎます（${count} 個、上限 ${LIMITS.entries} 個）`);
  if (offset + size > bytes.length) throw broken("zip の目録が途中で切れています");
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw broken("zip の目録が読めません");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      nameBytes: bytes.subarray(at + 46, at + 46 + nameLength),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw broken("zip の目録がありません");
}

/** Sizes and offsets too large for 32 bits live in the zip64 extra field (id 1), in this order. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "headerOffset"] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) throw broken("zip64 の情報が足りません");
        entry[key] = safeNumber(view, field);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
}

function safeNumber(view: DataView, at: number): number {
  if (at + 8 > view.byteLength) throw broken("zip64 の情報が切れています");
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw broken("zip64 の値が大きすぎます");
  return Number(value);
}

/** The entry's compressed bytes, as stored after its local header. */
export function rawData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw broken(`${entry.name} の位置が正しくありません`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw broken(`${entry.name} が途中で切れています`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Counts what is inflated across a package, so that the caps hold in all as well as per part. */
export class InflateBudget {
  inflated = 0;
  compressed = 0;
}

/**
 * Inflates an entry chunk by chunk into `sink`, refusing it as soon as it passes a cap: its own size, the total
 * of the package, or the compression ratio (a bomb is refused after a few megabytes, not after gigabytes).
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void, maxBytes: number = LIMITS.partBytes): void {
  const steps = inflateSteps(bytes, entry, budget, sink, maxBytes);
  while (!steps.next().done);
}

/**
 * The same, giving the event loop a turn after each 256 KB of compressed input (about 2 MB of XML): a large
 * sheet does not hold off Ctrl-C (or a browser's page) until it is read.
 */
export async function inflateEntryAsync(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void): Promise<void> {
  const steps = inflateSteps(bytes, entry, budget, sink, LIMITS.partBytes);
  while (!steps.next().done) await pause();
}

function pause(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** Inflates, yielding after each STEP of compressed input. */
function* inflateSteps(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void, maxBytes: number): Generator<void> {
  if (entry.flags & 1) throw new XlsxError("暗号化された部品を含むため読み込めません");
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxError(`対応していない圧縮形式の部品があります（${entry.name}）`);
  const data = rawData(bytes, entry);
  let inflated = 0;
  let consumed = 0;
  const take = (chunk: Uint8Array) => {
    inflated += chunk.length;
    budget.inflated += chunk.length;
    if (inflated > maxBytes) throw new XlsxError(`部品が大きすぎます（${entry.name}: ${megabytes(maxBytes)} を超えます）`);
    if (budget.inflated > LIMITS.totalBytes) throw new XlsxError(`展開後のサイズが大きすぎます（${megabytes(LIMITS.totalBytes)} を超えます）`);
    if (inflated > LIMITS.ratioAllowance + LIMITS.ratio * consumed || budget.inflated > LIMITS.ratioAllowance + LIMITS.ratio * budget.compressed) {
      throw new XlsxError(`圧縮率が異常に高い部品があります（${entry.name}）。zip 爆弾の疑いがあるため読み込みません`);
    }
    if (chunk.length) sink(chunk);
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) {
      const chunk = data.subarray(at, at + CHUNK);
      consumed += chunk.length;
      budget.compressed += chunk.length;
      take(chunk);
      if (at % STEP === 0 && at > 0) yield;
    }
    return;
  }
  let done = false;
  // An error from the sink (a cap, the XML parser, a reader that has read enough) passes through as it is.
  let failure: { error: unknown } | undefined;
  const inflate = new Inflate((chunk, final) => {
    try {
      take(chunk);
    } catch (error) {
      failure = { error };
      throw error;
    }
    done ||= final;
  });
  // Deflate inflates at most 1,032 bytes per byte: each push is sized so that its output stays within what the
  // caps still allow (beyond a first 16 KB, at most 17 MB), and a bomb is refused before it fills memory.
  const room = () =>
    Math.min(
      maxBytes - inflated,
      LIMITS.totalBytes - budget.inflated,
      LIMITS.ratioAllowance + LIMITS.ratio * consumed - inflated,
      LIMITS.ratioAllowance + LIMITS.ratio * budget.compressed - budget.inflated,
    );
  let step = STEP;
  for (let at = 0; at < data.length && !done; ) {
    const size = Math.max(MIN_CHUNK, Math.min(CHUNK, Math.floor(room() / MAX_DEFLATE_RATIO)));
    const chunk = data.subarray(at, at + size);
    at += chunk.length;
    consumed += chunk.length;
    budget.compressed += chunk.length;
    try {
      inflate.push(chunk, at >= data.length);
    } catch {
      if (failure) throw failure.error;
      throw broken(`${entry.name} を展開できません`);
    }
    if (at >= step) {
      step += STEP;
      yield;
    }
  }
  if (!done) throw broken(`${entry.name} が途中で切れています`);
}
