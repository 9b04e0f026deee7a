/**
 * Numbers that thresholds compare: durations (三十日, 60 days, sixty (60) business days, Net 90) in days, and
 * rates (30%, 百分之三十, 万分之五, 1.5% per month) in percent with their period.
 */
import { parseChineseInteger } from '@shared/text/chinese-numerals';
import { ENGLISH_NUMBER_WORDS, parseEnglishInteger } from '@shared/text/english-numerals';

export interface Duration {
  start: number;
  end: number;
  days: number;
}

export type RatePeriod = 'day' | 'week' | 'month' | 'year' | null;

export interface Rate {
  start: number;
  end: number;
  /** The rate in percent: 万分之五 → 0.05. */
  percent: number;
  period: RatePeriod;
}

const CN = '零〇一二两三四五六七八九十百千';
const WORDS = ENGLISH_NUMBER_WORDS.join('|');

const ZH_DURATION = new RegExp(
  `(\\d+(?:\\.\\d+)?|[${CN}]+)\\s*(?:个)?\\s*(工作日|营业日|自然日|日历日|日|天|周|星期|个月|月(?=内|后|以内|之内|以上)|年(?=内|后|以内|之内|以上|的|期|[,，。;；]))`,
  'g',
);
const EN_DURATION = new RegExp(
  `\\b(?:(\\d+)|((?:${WORDS})(?:[\\s-]+(?:and\\s+)?(?:${WORDS}))*)(?:\\s*\\((\\d+)\\))?)[\\s-]*(business|working|calendar|banking)?[\\s-]*(days?|months?|weeks?|years?)\\b`,
  'gi',
);
const NET = /\bnet\s*(\d{1,3})\b/gi;

function unitDays(unit: string, working: boolean): number {
  const u = unit.toLowerCase();
  if (/^(?:个月|月|months?)$/.test(u)) return 30;
  if (/^(?:周|星期|weeks?)$/.test(u)) return 7;
  if (/^(?:年|years?)$/.test(u)) return 365;
  return working ? 7 / 5 : 1;
}

function numberOf(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return parseChineseInteger(text) ?? parseEnglishInteger(text);
}

/** Durations in a matching copy, converted to calendar days (working days count 7/5 each). */
export function findDurations(text: string): Duration[] {
  const out: Duration[] = [];
  ZH_DURATION.lastIndex = 0;
  for (let m = ZH_DURATION.exec(text); m !== null; m = ZH_DURATION.exec(text)) {
    // 3月1日 and 2024年 are dates, not durations.
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[年月\d]/.test(before) && /^(?:日|天)$/.test(m[2] ?? '')) continue;
    const n = numberOf(m[1] ?? '');
    if (n === null) continue;
    const unit = m[2] ?? '';
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      days: Math.round(n * unitDays(unit, /工作|营业/.test(unit))),
    });
  }
  EN_DURATION.lastIndex = 0;
  for (let m = EN_DURATION.exec(text); m !== null; m = EN_DURATION.exec(text)) {
    const n = m[1] ? Number(m[1]) : m[3] ? Number(m[3]) : numberOf(m[2] ?? '');
    if (n === null) continue;
    const working = /business|working|banking/i.test(m[4] ?? '');
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      days: Math.round(n * unitDays(m[5] ?? '', working)),
    });
  }
  NET.lastIndex = 0;
  for (let m = NET.exec(text); m !== null; m = NET.exec(text)) {
    // The number alone, so that "Net" can anchor it.
    const digits = m[1] ?? '';
    out.push({
      start: m.index + m[0].length - digits.length,
      end: m.index + m[0].length,
      days: Number(digits),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const PERCENT = /(\d+(?:\.\d+)?)\s*(%|‰|‱|percent\b|per\s+cent\b)/gi;
const ZH_FRACTION = new RegExp(`(百分之|千分之|万分之)([${CN}点\\d.]+)`, 'g');

const PERIOD_BEFORE: Array<[RegExp, RatePeriod]> = [
  [
    /(?:每|按)(?:逾期|迟延|延迟|延期)?(?:一)?(?:日|天)|逐日|日利率|daily|per\s+day|each\s+day|for\s+each\s+day/i,
    'day',
  ],
  [/(?:每|按)(?:一)?(?:周|星期)|weekly|per\s+week/i, 'week'],
  [/(?:每|按)(?:一)?(?:个)?月|月利率|monthly|per\s+month/i, 'month'],
  [/(?:每|按)(?:一)?年|年利率|年化|annual|per\s+annum|per\s+year/i, 'year'],
];
const PERIOD_AFTER: Array<[RegExp, RatePeriod]> = [
  [
    /^\s*(?:\/\s*(?:日|天|day)|每日|每天|per\s+day|a\s+day|per\s+diem|daily|for\s+each\s+day|of\s+[^.;]{0,40}?\s+per\s+day)/i,
    'day',
  ],
  [/^\s*(?:\/\s*(?:周|week)|每周|per\s+week|a\s+week|weekly)/i, 'week'],
  [/^\s*(?:\/\s*(?:月|month)|每月|per\s+month|a\s+month|monthly)/i, 'month'],
  [/^\s*(?:\/\s*(?:年|year)|每年|per\s+annum|per\s+year|a\s+year|annually)/i, 'year'],
];

function periodAround(text: string, start: number, end: number): RatePeriod {
  const after = text.slice(end, end + 60);
  for (const [re, p] of PERIOD_AFTER) if (re.test(after)) return p;
  // A short look back, across one comma: "每逾期一日，按合同总价的千分之一" keeps its 每逾期一日.
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [re, p] of PERIOD_BEFORE) if (re.test(before)) return p;
  return null;
}

function chineseDecimal(text: string): number | null {
  const [intPart = '', frac = ''] = text.split(/点|\./);
  const whole = intPart === '' ? 0 : numberOf(intPart);
  if (whole === null) return null;
  if (frac === '') return whole;
  const digits = [...frac].map((c) => (/\d/.test(c) ? c : String(parseChineseInteger(c) ?? ''))).join('');
  return Number(`${whole}.${digits}`);
}

/** Rates in a matching copy, in percent, with the period they run over when one is stated. */
export function findRates(text: string): Rate[] {
  const out: Rate[] = [];
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m !== null; m = PERCENT.exec(text)) {
    const sign = m[2] ?? '%';
    const scale = sign === '‰' ? 0.1 : sign === '‱' ? 0.01 : 1;
    const end = m.index + m[0].length;
    out.push({
      start: m.index,
      end,
      percent: Number(m[1]) * scale,
      period: periodAround(text, m.index, end),
    });
  }
  ZH_FRACTION.lastIndex = 0;
  for (let m = ZH_FRACTION.exec(text); m !== null; m = ZH_FRACTION.exec(text)) {
    const n = chineseDecimal(m[2] ?? '');
    if (n === null) continue;
    const scale = m[1] === '百分之' ? 1 : m[1] === '千分之' ? 0.1 : 0.01;
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, percent: n * scale, period: periodAround(text, m.index, end) });
  }
  return out.sort((a, b) => a.start - b.start);
}
