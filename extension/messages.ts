import type { AdapterResult } from './adapters/types';
import type { CapturedDocument, FilingTarget } from './queue/types';

/** Messages between the content scripts, the side panel and the background. */
export type ExtensionMessage =
  | { type: 'page-documents'; result: AdapterResult }
  | { type: 'rescan' }
  | { type: 'file'; document: CapturedDocument; target: FilingTarget }
  | { type: 'check'; documents: CapturedDocument[] }
  | { type: 'retry'; jobId: string }
  | { type: 'drain' };

export type FileReply = { ok: true; jobId: string; created: boolean } | { ok: false; error: string };

/** Per-tab results live in `storage.session`, which outlives a stopped service worker. */
export const pageDocumentsKey = (tabId: number) => `page-documents:${tabId}`;

export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}
