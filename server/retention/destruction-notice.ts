/**
 * What a destroyed version points at instead of its bytes: a short bilingual notice, stored like any
 * blob. Every version row keeps a stored blob behind it, so backups, restores and any reader of a
 * version's bytes find a file; the version's own bytes are deleted.
 */
import type { BlobStore } from '../blobs/store';
import { hashBytes } from '../ingest/file-version';
import { MEDIA_TYPES } from '../ingest/sniff';

const NOTICE = new TextEncoder().encode(
  '本文件已于保管期满后按保管政策销毁。\nThis document was destroyed under the retention policy at the end of its retention period.\n',
);

export const DESTRUCTION_NOTICE = {
  sha256: hashBytes(NOTICE),
  size: NOTICE.length,
  mediaType: MEDIA_TYPES.text,
} as const;

/** Stores the notice's bytes unless they are there already. */
export async function storeDestructionNotice(blobs: BlobStore): Promise<void> {
  if (await blobs.has(DESTRUCTION_NOTICE.sha256)) return;
  await blobs.put(
    DESTRUCTION_NOTICE.sha256,
    (async function* () {
      yield NOTICE;
    })(),
    { maxBytes: NOTICE.length },
  );
}
