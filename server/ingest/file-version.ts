/**
 * Storing a file as a new version of a contract, shared by the upload routes and the importer:
 * bytes are stored once under their SHA-256 (after their real type is checked), then linked to a
 * contract as its next version unless that contract holds them already, then queued for text extraction.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { LocalizedText } from '@shared/schemas/common';
import type { Principal } from '../auth/principal';
import { atomically } from '../db/atomically';
import type { Filing, Version, VersionSource } from '../db/repos/versions';
import type { Registry } from '../registry';
import { safeFilename } from './filename';
import { MEDIA_TYPES, nameMatchesBytes, type SniffedType, sniffType } from './sniff';

type Deps = Pick<Registry, 'blobs' | 'versions' | 'ingest'>;

export const HEAD_BYTES = 8192;

/** What the upload routes take. */
export const UPLOAD_TYPES: readonly SniffedType[] = ['pdf', 'docx', 'doc', 'png', 'jpeg', 'tiff', 'text'];

export type FileRejection = 'unsupported-type' | 'name-mismatch' | 'not-stored' | 'empty';

/** The file cannot become a version; `localized` says why in both languages. */
export class FileRejectedError extends Error {
  constructor(
    readonly reason: FileRejection,
    readonly localized: LocalizedText,
  ) {
    super(localized.en);
  }
}

const typeName = (t: SniffedType) => (t === 'unknown' ? null : t.toUpperCase());

/** Throws unless the sniffed type is one of `accepted`. */
export function assertTypeAccepted(
  type: SniffedType,
  accepted: readonly SniffedType[],
  filename?: string,
): void {
  if (accepted.includes(type)) return;
  const name = filename ? `${filename}: ` : '';
  const list = accepted.map((t) => t.toUpperCase()).join(', ');
  const what = typeName(type);
  throw new FileRejectedError(
    'unsupported-type',
    what
      ? {
          zh: `${name}文件是 ${what}，只接受 ${list}`,
          en: `${name}the file is a ${what}; only ${list} are taken`,
        }
      : {
          zh: `${name}无法识别的文件类型，只接受 ${list}`,
          en: `${name}the file is of an unknown type; only ${list} are taken`,
        },
  );
}

/** Throws unless the bytes are what the file name says (a PDF renamed to .docx is refused). */
export function assertNameMatchesBytes(filename: string, type: SniffedType): void {
  if (nameMatchesBytes(filename, type)) return;
  const what = typeName(type);
  throw new FileRejectedError(
    'name-mismatch',
    what
      ? {
          zh: `${filename} 与文件名不符：它实际是 ${what} 文件`,
          en: `${filename} is not what its name says: its bytes are a ${what}`,
        }
      : {
          zh: `${filename} 与文件名不符：无法识别其内容`,
          en: `${filename} is not what its name says: its bytes are of an unknown type`,
        },
  );
}

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: string;
  /** False when the registry had these bytes already. */
  created: boolean;
}

/**
 * Stores bytes under their SHA-256 unless already stored, refusing types not in `accept`.
 * Throws FileRejectedError, or the store's BlobHashMismatchError / BlobTooLargeError.
 */
export async function storeBlob(
  deps: Pick<Deps, 'blobs' | 'versions'>,
  sha256: string,
  body: AsyncIterable<Uint8Array>,
  options: { maxBytes: number; accept: readonly SniffedType[] },
): Promise<StoredFile> {
  const existing = await deps.versions.blob(sha256);
  if (existing && (await deps.blobs.has(sha256))) {
    return { sha256, size: Number(existing.size), mediaType: existing.media_type, created: false };
  }
  let type: SniffedType = 'unknown';
  const stored = await deps.blobs.put(sha256, body, {
    maxBytes: options.maxBytes,
    checkHead: (head) => {
      type = sniffType(head);
      assertTypeAccepted(type, options.accept);
    },
  });
  await deps.versions.recordBlob(sha256, stored.size, MEDIA_TYPES[type]);
  return { sha256, size: stored.size, mediaType: MEDIA_TYPES[type], created: true };
}

export interface AddedVersion {
  version: Version;
  /** True when the contract held these bytes already: the existing version is returned. */
  duplicate: boolean;
  /** Other contracts, visible to the principal, that hold the same bytes. */
  alreadyFiled: Filing[];
}

/**
 * Adds stored bytes to a contract as its next version and queues its text extraction. The version,
 * its audit entry (by `createdBy`; null for the system, e.g. an import from the command line) and the
 * approvals a new version resets commit together. Access checks are the caller's; `principal` only
 * limits which other filings are reported.
 */
export async function addFileVersion(
  deps: Deps & Pick<Registry, 'db' | 'lifecycle'>,
  input: {
    contractId: string;
    sha256: string;
    filename: string;
    source: VersionSource;
    sourceRef: string | null;
    createdBy: string | null;
  },
  principal: Principal,
): Promise<AddedVersion> {
  const blob = await deps.versions.blob(input.sha256);
  if (!blob || !(await deps.blobs.has(input.sha256))) {
    throw new FileRejectedError('not-stored', {
      zh: `文件内容尚未上传：${input.sha256}`,
      en: `Upload the bytes first: ${input.sha256} is not stored.`,
    });
  }
  const filename = safeFilename(input.filename);
  const head = (await deps.blobs.read(input.sha256)).subarray(0, HEAD_BYTES);
  assertNameMatchesBytes(filename, sniffType(head));
  const filings = await deps.versions.filings(input.sha256, principal);
  const same = filings.find((f) => f.contractId === input.contractId);
  if (same) {
    const version = await deps.versions.get(same.versionId);
    if (version) {
      return {
        version,
        duplicate: true,
        alreadyFiled: filings.filter((f) => f.contractId !== input.contractId),
      };
    }
  }
  const version = await atomically(deps.db, async (unit) => {
    const contract = await unit.contracts.getUnchecked(input.contractId);
    if (!contract) throw new Error(`contract ${input.contractId} does not exist`);
    const added = await unit.versions.add({
      contractId: input.contractId,
      sha256: input.sha256,
      filename,
      mediaType: blob.media_type,
      size: Number(blob.size),
      source: input.source,
      sourceRef: input.sourceRef,
      createdBy: input.createdBy,
    });
    unit.audit({
      actorId: input.createdBy,
      entityType: 'version',
      entityId: added.id,
      contractId: added.contractId,
      action: 'add',
      after: { seq: added.seq, sha256: added.sha256, filename: added.filename, source: added.source },
    });
    // A new version may send approvals back to pending.
    await deps.lifecycle.onNewVersion(contract, input.createdBy, unit);
    return added;
  });
  deps.ingest.enqueue(version.id);
  return { version, duplicate: false, alreadyFiled: filings };
}

/** SHA-256 and size of a file on disk, read as a stream. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The first bytes of a file, for sniffing its type. */
export async function readHead(path: string, bytes = HEAD_BYTES): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Checks a file on disk (not empty, accepted type, name matching bytes) and stores it. */
export async function storeFileFromDisk(
  deps: Pick<Deps, 'blobs' | 'versions'>,
  path: string,
  filename: string,
  options: { maxBytes: number; accept: readonly SniffedType[]; known?: { sha256: string; size: number } },
): Promise<StoredFile> {
  const head = await readHead(path);
  if (head.length === 0) {
    throw new FileRejectedError('empty', { zh: `${filename} 是空文件`, en: `${filename} is empty` });
  }
  const type = sniffType(head);
  assertTypeAccepted(type, options.accept, filename);
  assertNameMatchesBytes(safeFilename(filename), type);
  const { sha256 } = options.known ?? (await hashFile(path));
  return storeBlob(deps, sha256, createReadStream(path), options);
}

/** Stores bytes held in memory (generated documents). */
export async function storeBytes(
  deps: Pick<Deps, 'blobs' | 'versions'>,
  bytes: Uint8Array,
  filename: string,
  options: { maxBytes: number; accept: readonly SniffedType[] },
): Promise<StoredFile> {
  const type = sniffType(bytes.subarray(0, HEAD_BYTES));
  assertTypeAccepted(type, options.accept, filename);
  assertNameMatchesBytes(safeFilename(filename), type);
  return storeBlob(
    deps,
    hashBytes(bytes),
    (async function* () {
      yield bytes;
    })(),
    options,
  );
}
