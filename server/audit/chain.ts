import { createHash } from 'node:crypto';

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers (JSON values as stored text). */
export interface ChainedContent {
  seq: number;
  at: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  contractId: string | null;
  before: string | null;
  after: string | null;
}

/** Canonical form: a JSON array in a fixed order, so the same content always hashes the same. */
export const canonicalContent = (e: ChainedContent): string =>
  JSON.stringify([
    e.seq,
    e.at,
    e.actorId,
    e.entityType,
    e.entityId,
    e.action,
    e.contractId,
    e.before,
    e.after,
  ]);

/** SHA-256 of the previous entry's hash followed by this entry's canonical content. */
export const entryHash = (prevHash: string, e: ChainedContent): string =>
  createHash('sha256').update(prevHash).update(canonicalContent(e)).digest('hex');

/** JSON with object keys sorted, so before/after texts are stable whatever order fields came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export interface ChainVerifier {
  /** Feeds the next entry in seq order; false once the chain is broken. */
  next(e: ChainedContent & { prevHash: string; hash: string }): boolean;
  /** Checks the last entry against the chain head (catches removed trailing entries). */
  end(head: { seq: number; hash: string }): void;
  result(): { ok: boolean; checked: number; firstBroken: number | null };
}

/**
 * Walks the chain entry by entry: each must follow the previous seq without a gap, link to the
 * previous hash, and hash to what it stores. `firstBroken` is the seq of the first entry that fails
 * (for a removed entry: the one after the gap; for removed trailing entries: the head's seq).
 */
export function chainVerifier(): ChainVerifier {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  let firstBroken: number | null = null;
  return {
    next(e) {
      if (firstBroken !== null) return false;
      checked++;
      const linked = e.seq === prevSeq + 1 && e.prevHash === prevHash;
      if (!linked || entryHash(e.prevHash, e) !== e.hash) {
        firstBroken = e.seq;
        return false;
      }
      prevHash = e.hash;
      prevSeq = e.seq;
      return true;
    },
    end(head) {
      if (firstBroken === null && (head.seq !== prevSeq || head.hash !== prevHash)) firstBroken = head.seq;
    },
    result: () => ({ ok: firstBroken === null, checked, firstBroken }),
  };
}
