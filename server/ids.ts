import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A time-ordered, URL-safe id with a prefix naming the kind of thing (`c_` contract, `u_` user…). */
export function newId(prefix: string): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 9; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const tail = Array.from(randomBytes(12), (b) => ALPHABET[b % 32]).join('');
  return `${prefix}_${head}${tail}`;
}

export const nowIso = (): string => new Date().toISOString();
