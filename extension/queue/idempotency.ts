import type { CapturedDocument } from './types';

/** One capture of one file: where it came from and what its bytes are. */
export function idempotencyKey(document: CapturedDocument, sha256: string): string {
  return `${document.sourceRef ?? document.pageUrl}#${sha256}`;
}
