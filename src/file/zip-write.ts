import { deflateSync } from "fflate";
import { rawData, ZipEntry } from "./zip";
import { XlsxError } from "./xlsx-error";

/** An entry to write: copied as stored (its compressed bytes unchanged), or new content to deflate. */
export type ZipItem = { copy: ZipEntry } | { name: string; data: Uint8Array };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A Date as DOS time and date (local time, as zip tools show them). */
function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: (Math.max(0, date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Written {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

/**
 * Writes a zip (no zip64: every size and offset must fit 32 bits, which the reader's limits guarantee for what it
 * inflates). Copied entries keep their method, CRC and compressed bytes; new ones are deflated and stamped `now`.
 */
export function writeZip(source: Uint8Array, items: ZipItem[], now: Date): Uint8Array {
  const stamp = dosTime(now);
  const encoder = new TextEncoder();
  const written: Written[] = items.map((item) => {
    if ("copy" in item) {
      const e = item.copy;
      // Bit 3 (sizes after the data) is cleared: the local header written here carries them.
      return { nameBytes: e.nameBytes, flags: e.flags & ~0x8, method: e.method, time: e.time, date: e.date, crc: e.crc, compressedSize: e.compressedSize, size: e.size, data: rawData(source, e) };
    }
    const data = deflateSync(item.data, { level: 6 });
    const nameBytes = encoder.encode(item.name);
    return { nameBytes, flags: 0x800, method: 8, ...stamp, crc: crc32(item.data), compressedSize: data.length, size: item.data.length, data };
  });
  let total = 22;
  for (const w of written) total += 30 + w.nameBytes.length + w.data.length + 46 + w.nameBytes.length;
  if (total > 0xffffffff || written.length > 0xffff || written.some((w) => w.size > 0xffffffff)) throw new XlsxError("出力が大きすぎて書き込めません（4 GB を超えます）");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const w of written) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    header(view, at + 6, w);
    view.setUint16(at + 26, w.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(w.nameBytes, at + 30);
    out.set(w.data, at + 30 + w.nameBytes.length);
    at += 30 + w.nameBytes.length + w.data.length;
  }
  const directory = at;
  written.forEach((w, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    header(view, at + 8, w);
    view.setUint16(at + 28, w.nameBytes.length, true);
    // extra, comment, disk, internal and external attributes: zero
    view.setUint32(at + 42, offsets[i], true);
    out.set(w.nameBytes, at + 46);
    at += 46 + w.nameBytes.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, written.length, true);
  view.setUint16(at + 10, written.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

/** flags, method, time, date, crc, sizes: the same 22 bytes in local and central headers. */
function header(view: DataView, at: number, w: Written): void {
  view.setUint16(at, w.flags, true);
  view.setUint16(at + 2, w.method, true);
  view.setUint16(at + 4, w.time, true);
  view.setUint16(at + 6, w.date, true);
  view.setUint32(at + 8, w.crc, true);
  view.setUint32(at + 12, w.compressedSize, true);
  view.setUint32(at + 16, w.size, true);
}
