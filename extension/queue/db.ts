import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { CaptureJob, DocumentCheck } from './types';

/** Bytes fetched for a job, kept until the registry has them so a retry does not download again. */
export interface StoredBytes {
  sha256: string;
  bytes: Uint8Array;
}

export const CAPTURE_DB_NAME = 'pactfile-capture';

/** The capture queue's IndexedDB database. Open it in the background and extension pages only. */
export class CaptureDb extends Dexie {
  jobs!: EntityTable<CaptureJob, 'id'>;
  bytes!: EntityTable<StoredBytes, 'sha256'>;
  checks!: EntityTable<DocumentCheck, 'key'>;

  constructor(name: string = CAPTURE_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      jobs: 'id, &captureKey, idempotencyKey, state, nextAttemptAt, createdAt',
      bytes: 'sha256',
    });
    this.version(2).stores({ checks: 'key, checkedAt' });
  }
}
