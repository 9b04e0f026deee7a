const UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  字节: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** Reads a size as pages show it ("120 KB", "1.2 MB", "1,5 Mo", "350K", "12 字节") into bytes; null when unreadable. */
export function parseSizeText(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /(\d+(?:[.,]\d+)?)\s*(bytes?|字节|[kmg]i?b|[kmg]o|[kmg])(?![a-z])/i.exec(text.normalize('NFKC'));
  if (!m?.[1] || !m[2]) return null;
  const unit = m[2].toLowerCase().replace(/o$/, 'b');
  const factor = UNITS[unit];
  if (factor === undefined) return null;
  return Math.round(Number(m[1].replace(',', '.')) * factor);
}
