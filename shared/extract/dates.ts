import { CHINESE_COUNT_CHARS, ENGLISH_ORDINAL_WORD, parseChineseCount, parseOrdinal } from './numerals';

/** A calendar date found in a text, with its position in the text searched. */
export interface DateMatch {
  /** `YYYY-MM-DD`. */
  iso: string;
  index: number;
  end: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// "21st", "21 st" and "21t h" (ordinals broken up by PDF conversion), "twenty-first"
const DAY = `(?:\\d{1,2}\\s?(?:st|nd|rd|th|s\\s?t|n\\s?d|r\\s?d|t\\s?h)?|${ENGLISH_ORDINAL_WORD})`;
const YEAR = "(?:\\d{4}|'\\d{2})";
const ZH_YEAR_DIGITS = '〇零○OΟ一二三四五六七八九';
const ZH_SMALL = `[${CHINESE_COUNT_CHARS}]{1,3}`;

/** Each way of writing a date, with how to read its groups. */
const DATE_FORMS: { pattern: RegExp; read: (g: string[]) => [number, number, number] | null }[] = [
  // 2024年3月1日, 二〇二四年三月一日
  {
    pattern: new RegExp(
      `(\\d{4}|[${ZH_YEAR_DIGITS}]{4})\\s*年\\s*(\\d{1,2}|${ZH_SMALL})\\s*月\\s*(\\d{1,2}|${ZH_SMALL})\\s*[日号]`,
      'g',
    ),
    read: (g) =>
      triple(parseChineseCount(g[1] ?? ''), parseChineseCount(g[2] ?? ''), parseChineseCount(g[3] ?? '')),
  },
  // 2024-03-01, 2024/3/1, 2024.3.1
  {
    pattern: /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/g,
    read: (g) => triple(num(g[1]), num(g[3]), num(g[4])),
  },
  // the 1st day of March, 2024 / this twenty-first day of June 1999
  {
    pattern: new RegExp(
      `\\b(${DAY})\\s+day\\s+of\\s+(${MONTH})(?:\\s*,)?\\s+(?:in\\s+the\\s+year\\s+)?(${YEAR})\\b`,
      'gi',
    ),
    read: (g) => triple(year(g[3]), month(g[2]), parseOrdinal(g[1] ?? '')),
  },
  // March 1, 2024 / March 1st 2024 / Mar. 1, 2024
  {
    pattern: new RegExp(`\\b(${MONTH})\\s*(\\d{1,2})\\s?(?:st|nd|rd|th|t\\s?h)?\\s*,?\\s*(${YEAR})\\b`, 'gi'),
    read: (g) => triple(year(g[3]), month(g[1]), num(g[2])),
  },
  // 1 March 2024 / 1st March, 2024 / 1-Mar-2024
  {
    pattern: new RegExp(
      `\\b(\\d{1,2})\\s?(?:st|nd|rd|th|t\\s?h)?(?:\\s+|-)(?:of\\s+)?(${MONTH})(?:,?\\s+|-)(${YEAR})\\b`,
      'gi',
    ),
    read: (g) => triple(year(g[3]), month(g[2]), num(g[1])),
  },
  // 03/01/2024, 6/21/99 (month first, as US contracts write them; day first when the first part is over 12)
  {
    pattern: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])/g,
    read: (g) => {
      const a = num(g[1]);
      const b = num(g[3]);
      const y = year(g[4]);
      if (a === null || b === null) return null;
      return a > 12 ? triple(y, b, a) : triple(y, a, b);
    },
  },
];

function num(s: string | undefined): number | null {
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : null;
}

function month(s: string | undefined): number | null {
  if (s === undefined) return null;
  return MONTHS[s.toLowerCase().replace('.', '').slice(0, 3)] ?? null;
}

/** Two-digit years: 00–49 are 20xx, 50–99 are 19xx. */
function year(s: string | undefined): number | null {
  if (s === undefined) return null;
  const digits = s.replace("'", '');
  const n = num(digits);
  if (n === null) return null;
  if (digits.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

function triple(y: number | null, m: number | null, d: number | null): [number, number, number] | null {
  return y === null || m === null || d === null ? null : [y, m, d];
}

/** `YYYY-MM-DD` for a real calendar day, else null. */
export function toIsoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date written in the text, in order of position (overlapping readings keep the longest). */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const form of DATE_FORMS) {
    form.pattern.lastIndex = 0;
    for (const m of text.matchAll(form.pattern)) {
      const parts = form.read([...m].map((g) => g ?? ''));
      const iso = parts ? toIsoDate(...parts) : null;
      if (iso === null) continue;
      found.push({ iso, index: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index));
  const kept: DateMatch[] = [];
  for (const d of found) {
    const last = kept[kept.length - 1];
    if (last && d.index < last.end) continue;
    kept.push(d);
  }
  return kept;
}

/** Reads one date expression ("March 1, 2024", "2024年3月1日", "03/01/2024"); null when it holds none. */
export function parseDate(s: string): string | null {
  return findDates(s)[0]?.iso ?? null;
}

/** Adds a number of years, months and days to a date (the day is clamped to the month's end). */
export function addToDate(
  iso: string,
  add: { years?: number; months?: number; days?: number },
): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]) + (add.years ?? 0);
  const monthIndex = Number(m[2]) - 1 + (add.months ?? 0);
  const targetYear = y + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  const date = new Date(Date.UTC(targetYear, targetMonth, day + (add.days ?? 0)));
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
