/**
 * Arithmetic on calendar dates written `YYYY-MM-DD` (no time zone, no clock): a contract's dates are
 * days, so every step counts whole days through UTC and never meets a daylight-saving change.
 */
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): { y: number; m: number; d: number } {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const format = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: string): number {
  const { y, m, d } = parts(date);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return format((dayNumber(date) + days) * DAY_MS);
}

export const subtractDays = (date: string, days: number): string => addDays(date, -days);

/** Adds calendar months; a day that the target month lacks becomes its last day (03-31 − 1 month → 02-29). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return format(Date.UTC(year, month, Math.min(d, lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Today's calendar date in UTC. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
