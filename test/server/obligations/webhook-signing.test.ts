import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../server/obligations/retry-policy';
import { signatureHeader, verifySignature } from '../../../server/obligations/webhook-signing';

describe('webhook signatures', () => {
  const now = new Date('2024-03-01T00:00:00Z');
  const body = '{"event":"contract.created","data":{"title":"采购合同"}}';

  it('signs timestamp + "." + body with HMAC-SHA256, as documented', () => {
    const header = signatureHeader('s3cret-s3cret-s3cret', body, now);
    const t = Math.floor(now.getTime() / 1000);
    const expected = createHmac('sha256', 's3cret-s3cret-s3cret').update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies its own signature and refuses a changed body, another secret or an old timestamp', () => {
    const header = signatureHeader('k'.repeat(20), body, now);
    expect(verifySignature('k'.repeat(20), header, body, { now })).toBe(true);
    expect(verifySignature('k'.repeat(20), header, `${body} `, { now })).toBe(false);
    expect(verifySignature('x'.repeat(20), header, body, { now })).toBe(false);
    const later = new Date(now.getTime() + 301_000);
    expect(verifySignature('k'.repeat(20), header, body, { now: later })).toBe(false);
    expect(verifySignature('k'.repeat(20), 't=abc,v1=00', body, { now })).toBe(false);
  });
});

describe('retry backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
