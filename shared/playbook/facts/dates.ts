/** Calendar dates written in a paragraph: 2024年1月1日, 二〇二四年一月一日, 2024-01-01, January 1, 2024, 1st day of January 2024. */
import { parseChineseInteger } from '@shared/text/chinese-numerals';

export interface DateMention {
  /** `YYYY-MM-DD`. */
  iso: string;
  start: number;
  end: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_SOURCE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const CN_NUM = '[零〇一二两三四五六七八九十]';

const FORMS: Array<{ re: RegExp; order: 'ymd' | 'mdy' | 'dmy' }> = [
  { re: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, order: 'ymd' },
  {
    re: new RegExp(`(${CN_NUM}{4})\\s*年\\s*(${CN_NUM}{1,3})\\s*月\\s*(${CN_NUM}{1,3})\\s*[日号]`, 'g'),
    order: 'ymd',
  },
  { re: /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/g, order: 'ymd' },
  { re: new RegExp(`\\b${MONTH_SOURCE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), order: 'mdy' },
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+of\\s+)?${MONTH_SOURCE},?\\s+(\\d{4})\\b`,
      'gi',
    ),
    order: 'dmy',
  },
];

function toNumber(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : parseChineseInteger(s);
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace('.', '');
  const i = MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)));
  return i >= 0 ? i + 1 : null;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Dates in a matching copy, in order, without overlaps. */
export function findDates(text: string): DateMention[] {
  if (!/\d{4}|[〇零]|年/.test(text)) return [];
  const out: DateMention[] = [];
  for (const { re, order } of FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const [a = '', b = '', c = ''] = [m[1], m[2], m[3]];
      let y: number | null;
      let mo: number | null;
      let d: number | null;
      if (order === 'ymd') [y, mo, d] = [toNumber(a), toNumber(b), toNumber(c)];
      else if (order === 'mdy') [y, mo, d] = [toNumber(c), monthNumber(a), toNumber(b)];
      else [y, mo, d] = [toNumber(c), monthNumber(b), toNumber(a)];
      if (y === null || mo === null || d === null) continue;
      const value = iso(y, mo, d);
      if (!value) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (out.some((x) => x.start < end && start < x.end)) continue;
      out.push({ iso: value, start, end });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
