// Draws the add-in's icons as PNG with nothing but zlib: node tools/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREEN = [46, 125, 50, 255];
const BLUE = [21, 101, 192, 255];
const TEAL = [0, 110, 120, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...pixel((x + 0.5) / size, (y + 0.5) / size));
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function roundedSquare(x, y, r = 0.18) {
  const dx = Math.max(0, Math.abs(x - 0.5) - (0.44 - r));
  const dy = Math.max(0, Math.abs(y - 0.5) - (0.44 - r));
  return dx * dx + dy * dy <= r * r;
}

function nearSegment(x, y, [ax, ay], [bx, by], width) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width;
}

/** A check mark on a green tile: 検証. */
function check(x, y) {
  if (!roundedSquare(x, y)) return CLEAR;
  const mark = nearSegment(x, y, [0.26, 0.52], [0.43, 0.7], 0.075) || nearSegment(x, y, [0.43, 0.7], [0.76, 0.32], 0.075);
  return mark ? WHITE : GREEN;
}

/** Three bars on a blue tile: 集計. */
function bars(x, y) {
  if (!roundedSquare(x, y)) return CLEAR;
  const bar = [
    [0.24, 0.36, 0.55],
    [0.43, 0.55, 0.35],
    [0.62, 0.74, 0.45],
  ].some(([l, r, top]) => x >= l && x <= r && y >= top && y <= 0.76);
  return bar ? WHITE : BLUE;
}

/** A cell with its dropdown arrow on a teal tile: 入力規則を設定. */
function dropdown(x, y) {
  if (!roundedSquare(x, y)) return CLEAR;
  const field = x >= 0.2 && x <= 0.8 && y >= 0.34 && y <= 0.66;
  const inner = x >= 0.26 && x <= 0.56 && y >= 0.4 && y <= 0.6;
  const arrow = y >= 0.45 && y <= 0.56 && Math.abs(x - 0.67) <= (0.56 - y) * 0.9;
  if (field && !inner && !arrow) return WHITE;
  return TEAL;
}

const out = path.resolve(__dirname, "../assets");
for (const size of [16, 32, 64, 80]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, check));
for (const size of [16, 32, 80]) fs.writeFileSync(path.join(out, `summary-${size}.png`), png(size, bars));
for (const size of [16, 32, 80]) fs.writeFileSync(path.join(out, `rules-${size}.png`), png(size, dropdown));
fs.writeFileSync(path.join(out, "logo-filled.png"), png(128, check));
console.log("icons written to assets/");
