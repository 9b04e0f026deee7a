import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobHashMismatchError, type BlobStore, BlobTooLargeError, isSha256, type StoredBlob } from './store';

const HEAD_BYTES = 8192;

/** Blobs on local disk under `<root>/ab/cd/<sha256>`, each written to a temp file, fsynced, then renamed. */
export class FsBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return isSha256(sha256) && existsSync(this.pathOf(sha256));
  }

  async put(
    expectedSha256: string,
    body: AsyncIterable<Uint8Array>,
    { maxBytes, checkHead }: { maxBytes: number; checkHead?: (head: Uint8Array) => void },
  ): Promise<StoredBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const file = await open(tmp, 'wx');
    const hash = createHash('sha256');
    const headParts: Uint8Array[] = [];
    let headLen = 0;
    let size = 0;
    let done = false;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
        hash.update(chunk);
        if (headLen < HEAD_BYTES) {
          headParts.push(chunk.subarray(0, HEAD_BYTES - headLen));
          headLen += Math.min(chunk.length, HEAD_BYTES - headLen);
        }
        await file.write(chunk);
      }
      await file.sync();
      await file.close();
      const actual = hash.digest('hex');
      if (actual !== expectedSha256) throw new BlobHashMismatchError(expectedSha256, actual);
      const head = Buffer.concat(headParts);
      checkHead?.(head);
      const final = this.pathOf(actual);
      await mkdir(join(final, '..'), { recursive: true });
      await rename(tmp, final);
      done = true;
      return { sha256: actual, size, head };
    } finally {
      if (!done) {
        await file.close().catch(() => {});
        await rm(tmp, { force: true });
      }
    }
  }

  async read(sha256: string): Promise<Uint8Array> {
    return readFile(this.pathOf(sha256));
  }

  stream(sha256: string): ReadableStream<Uint8Array> {
    return Readable.toWeb(createReadStream(this.pathOf(sha256))) as ReadableStream<Uint8Array>;
  }

  async size(sha256: string): Promise<number> {
    return (await stat(this.pathOf(sha256))).size;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<string> {
    if (!existsSync(this.root)) return;
    for (const a of await readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await readdir(join(this.root, a))) {
        for (const name of await readdir(join(this.root, a, b))) if (isSha256(name)) yield name;
      }
    }
  }
}
