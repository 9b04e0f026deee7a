import { CHINESE_COUNT_CHARS, ENGLISH_NUMBER_WORD, parseChineseCount, parseEnglishCount } from './numerals';

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

/** A length of time written in a contract ("thirty (30) days", "三个月", "one-year"). */
export interface Duration {
  count: number;
  unit: DurationUnit;
  index: number;
  end: number;
  text: string;
}

/** Days per unit when a period has to be expressed in days (a month counts 30 days, a year 365). */
const DAYS_PER_UNIT: Record<DurationUnit, number> = { day: 1, week: 7, month: 30, year: 365 };

const EN_UNITS: Record<string, DurationUnit> = { day: 'day', week: 'week', month: 'month', year: 'year' };
const ZH_UNITS: Record<string, DurationUnit> = {
  日: 'day',
  天: 'day',
  周: 'week',
  星期: 'week',
  个月: 'month',
  月: 'month',
  年: 'year',
};

// "thirty (30) days", "30 days", "thirty days", "one-year", "twelve (12) calendar months", "ninety (90)-day"
const EN_DURATION = new RegExp(
  `\\b(?:(${ENGLISH_NUMBER_WORD})\\s*(?:\\(\\s*(\\d{1,4})\\s*\\))?|(\\d{1,4}(?:\\.\\d+)?))[\\s-]*(?:\\(\\s*\\d{1,4}\\s*\\)[\\s-]*)?(?:(?:business|calendar|working|banking|consecutive|full)\\s+)?(day|week|month|year)s?\\b`,
  'gi',
);

// 三十日, 30日, 30天, 三个月, 3个月, 一年, 叁拾日, 30个工作日
const ZH_DURATION = new RegExp(
  `(\\d{1,4}|[${CHINESE_COUNT_CHARS}]{1,4})\\s*(?:个)?\\s*(?:工作|自然|日历)?\\s*(个月|日|天|周|星期|月|年)`,
  'g',
);

const HALF_YEAR = /\b(?:half\s+(?:a|one)\s+year|one-half\s+year|half-year)\b|半年/gi;

/** Every duration written in the text, in order. */
export function findDurations(text: string): Duration[] {
  const found: Duration[] = [];
  for (const m of text.matchAll(HALF_YEAR))
    found.push({ count: 6, unit: 'month', index: m.index, end: m.index + m[0].length, text: m[0] });
  for (const m of text.matchAll(EN_DURATION)) {
    const count =
      m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number(m[3]) : parseEnglishCount(m[1] ?? '');
    const unit = EN_UNITS[(m[4] ?? '').toLowerCase()];
    if (count === null || unit === undefined || !Number.isFinite(count)) continue;
    found.push({ count, unit, index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of text.matchAll(ZH_DURATION)) {
    const count = parseChineseCount(m[1] ?? '');
    const unit = ZH_UNITS[m[2] ?? ''];
    if (count === null || unit === undefined) continue;
    // 年/月/日 right after a number are often parts of a date (2024年3月1日), not a length of time.
    if (isPartOfDate(text, m.index, m.index + m[0].length, m[2] ?? '')) continue;
    found.push({ count, unit, index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

function isPartOfDate(text: string, start: number, end: number, unit: string): boolean {
  const after = text.slice(end, end + 6);
  const before = text.slice(Math.max(0, start - 6), start);
  if (unit === '年') return /^\s*[\d一二三四五六七八九十]{1,3}\s*月/.test(after);
  if (unit === '月') return /年\s*$/.test(before) || /^\s*[\d一二三四五六七八九十]{1,3}\s*[日号]/.test(after);
  if (unit === '日') return /月\s*$/.test(before);
  return false;
}

/** The first duration in a text, or null. */
export function parseDuration(text: string): Duration | null {
  return findDurations(text)[0] ?? null;
}

/** A duration in days (months count 30 days, years 365). */
export function durationInDays(d: Pick<Duration, 'count' | 'unit'>): number {
  return Math.round(d.count * DAYS_PER_UNIT[d.unit]);
}

/** A duration in months when it is a whole number of months or years, else null. */
export function durationInMonths(d: Pick<Duration, 'count' | 'unit'>): number | null {
  if (d.unit === 'year') return Math.round(d.count * 12 * 1000) / 1000;
  if (d.unit === 'month') return d.count;
  return null;
}
