import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures. Each delivery carries the header
 *
 *   Pactfile-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * A receiver (or a relay to WeCom, DingTalk or Slack) recomputes the HMAC over the timestamp, a dot
 * and the body bytes exactly as received, compares in constant time, and refuses timestamps older
 * than a few minutes so that a captured request cannot be replayed.
 */
export const SIGNATURE_HEADER = 'Pactfile-Signature';

export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, body: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${computeSignature(secret, t, body)}`;
}

/** Checks a signature header against the body; `toleranceSeconds` bounds the age of the timestamp. */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  options: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const fields = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(fields.get('t'));
  const given = fields.get('v1');
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(computeSignature(secret, t, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
