import type { Language } from '../i18n';

const locale = (lang: Language) => (lang === 'zh-CN' ? 'zh-CN' : 'en-GB');

/** An amount in minor units with its currency, as the reader's language writes money (`¥125,000.50`). */
export function formatMoney(value: number, currency: string, lang: Language): string {
  try {
    return new Intl.NumberFormat(locale(lang), {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(value / 100);
  } catch {
    // A code Intl does not know: the number with the code before it.
    return `${currency} ${(value / 100).toFixed(2)}`;
  }
}

/** A calendar date (`YYYY-MM-DD`, no time zone) in the reader's language. */
export function formatDate(day: string, lang: Language): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A moment (ISO timestamp) in the reader's language and time zone. */
export function formatDateTime(at: string, lang: Language): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A month (`YYYY-MM`) as a short label (`Mar 2025`, `2025年3月`). */
export function formatMonth(month: string, lang: Language): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return new Intl.DateTimeFormat(locale(lang), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    d,
  );
}

/** Basis points as a percentage with one decimal (`8750` → `87.5%`). */
export function formatRate(bp: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bp / 10_000);
}

export function formatNumber(n: number, lang: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(n);
}
