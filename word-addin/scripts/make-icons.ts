/**
 * Draws the add-in's ribbon and store icons (a white page with text lines and a seal on a blue tile) and
 * writes them as PNG files into word-addin/public/assets/. Run: npx tsx word-addin/scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x1f, 0x5f, 0xae, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [0x9d, 0xb7, 0xd9, 255];
const SEAL: Rgba = [0xc8, 0x3a, 0x2e, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function pixel(x: number, y: number, n: number): Rgba {
  // Work in a 0..1 square so every size has the same drawing.
  const u = (x + 0.5) / n;
  const v = (y + 0.5) / n;
  const r = 0.16;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  const onPage = u > 0.24 && u < 0.76 && v > 0.16 && v < 0.84;
  if (!onPage) return BLUE;
  if ((u - 0.62) ** 2 + (v - 0.7) ** 2 < 0.085 ** 2) return SEAL;
  const line = [0.3, 0.42, 0.54].some((t) => v > t && v < t + 0.06) && u > 0.32 && u < 0.68;
  return line ? LINE : WHITE;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An RGBA PNG of the icon at `n`×`n` pixels. */
export function iconPng(n: number): Buffer {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) raw.set(pixel(x, y, n), y * (n * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(n, 0);
  header.writeUInt32BE(n, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const n of ICON_SIZES) {
    const file = fileURLToPath(new URL(`../public/assets/icon-${n}.png`, import.meta.url));
    writeFileSync(file, iconPng(n));
    console.log(`wrote ${file}`);
  }
}
