import { describe, expect, it } from 'vitest';
import {
  type ChainedContent,
  canonicalJson,
  chainVerifier,
  entryHash,
  GENESIS_HASH,
} from '../../../server/audit/chain';
import { fieldDiff } from '../../../server/audit/field-diff';

const content = (seq: number, action = 'create'): ChainedContent => ({
  seq,
  at: `2024-01-01T00:00:0${seq}.000Z`,
  actorId: 'u_1',
  entityType: 'contract',
  entityId: `c_${seq}`,
  action,
  contractId: `c_${seq}`,
  before: null,
  after: canonicalJson({ title: `合同 ${seq}` }),
});

function chain(n: number) {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const c = content(i + 1);
    const hash = entryHash(prev, c);
    const e = { ...c, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}

const verify = (entries: ReturnType<typeof chain>, head: { seq: number; hash: string }) => {
  const v = chainVerifier();
  for (const e of entries) if (!v.next(e)) break;
  v.end(head);
  return v.result();
};

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    const entries = chain(5);
    const last = entries[4];
    if (!last) throw new Error('chain');
    expect(verify(entries, { seq: 5, hash: last.hash })).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  it('points at an altered entry', () => {
    const entries = chain(5);
    const last = entries[4];
    if (!last || !entries[2]) throw new Error('chain');
    entries[2] = { ...entries[2], action: 'delete' };
    expect(verify(entries, { seq: 5, hash: last.hash })).toMatchObject({ ok: false, firstBroken: 3 });
  });

  it('catches a removed entry in the middle and at the end', () => {
    const entries = chain(5);
    const last = entries[4];
    if (!last) throw new Error('chain');
    expect(
      verify([...entries.slice(0, 2), ...entries.slice(3)], { seq: 5, hash: last.hash }).firstBroken,
    ).toBe(4);
    expect(verify(entries.slice(0, 4), { seq: 5, hash: last.hash }).firstBroken).toBe(5);
  });

  it('hashes the same content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(entryHash(GENESIS_HASH, content(1))).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, content(1))).not.toBe(entryHash(GENESIS_HASH, content(1, 'update')));
  });

  it('diffs only the changed fields', () => {
    expect(fieldDiff({ a: 1, b: 'x', updatedAt: '1' }, { a: 2, b: 'x', updatedAt: '2' })).toEqual({
      before: { a: 1 },
      after: { a: 2 },
    });
    expect(fieldDiff({ a: [1] }, { a: [1] })).toBeNull();
  });
});
