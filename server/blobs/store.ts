/** Where document bytes live, addressed by their SHA-256. Kept an interface so an object store can replace disk. */
export interface BlobStore {
  has(sha256: string): Promise<boolean>;
  /**
   * Streams bytes in, hashing as they come. The blob becomes visible only when complete and when
   * its hash equals `expectedSha256` and `checkHead` accepts its first bytes; otherwise nothing is kept
   * and the error (BlobHashMismatchError, BlobTooLargeError or checkHead's own) is thrown.
   */
  put(
    expectedSha256: string,
    body: AsyncIterable<Uint8Array>,
    options: { maxBytes: number; checkHead?: (head: Uint8Array) => void },
  ): Promise<StoredBlob>;
  read(sha256: string): Promise<Uint8Array>;
  stream(sha256: string): ReadableStream<Uint8Array>;
  size(sha256: string): Promise<number>;
  /** Deletes the bytes (retention); the caller makes sure no version still needs them. */
  remove(sha256: string): Promise<void>;
  /** Every stored hash (for backups and checks). */
  list(): AsyncIterable<string>;
  pathOf?(sha256: string): string;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  /** The first bytes, for sniffing the real file type. */
  head: Uint8Array;
}

export class BlobHashMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`The body's SHA-256 is ${actual}, not ${expected} as the URL says.`);
  }
}

export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than the upload limit of ${limit} bytes.`);
  }
}

export const isSha256 = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);
