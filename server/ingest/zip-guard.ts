import { Unzip, UnzipInflate } from 'fflate';

export const DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export class ZipTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The archive expands to more than ${limit} bytes; it is refused as a possible zip bomb.`);
  }
}

/**
 * Inflates every entry of a ZIP (DOCX) while counting the bytes that come out, and stops as soon as
 * the total passes `limit`. The sizes written in the archive's headers can lie, so they are not trusted.
 */
export function assertZipExpandsWithin(bytes: Uint8Array, limit = DEFAULT_MAX_UNZIPPED_BYTES): void {
  let total = 0;
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err) throw err;
      total += chunk.length;
      if (total > limit) throw new ZipTooLargeError(limit);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const step = 64 * 1024;
  for (let at = 0; at < bytes.length; at += step) {
    const end = Math.min(bytes.length, at + step);
    unzip.push(bytes.subarray(at, end), end === bytes.length);
  }
}
