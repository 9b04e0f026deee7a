/** ISO 4217 currencies a contract names, the signs and words they are written with, and their minor units. */

/** Digits after the decimal point of each currency's minor unit (ISO 4217); 2 unless listed. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  KWD: 3,
  BHD: 3,
};

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** Codes recognised when written out (`USD 1,234.50`, `100 EUR`). */
export const CURRENCY_CODES = [
  'CNY',
  'RMB',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'HKD',
  'TWD',
  'SGD',
  'AUD',
  'CAD',
  'CHF',
  'KRW',
  'INR',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'MOP',
  'THB',
  'MYR',
  'VND',
  'BRL',
  'MXN',
  'RUB',
  'ZAR',
] as const;

/** Signs and words, matched against the NFKC copy (so ￥ has become ¥), longest first where they overlap. */
const PREFIXES: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'],
  ['HK$', 'HKD'],
  ['NT$', 'TWD'],
  ['S$', 'SGD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['JP¥', 'JPY'],
  ['人民币', 'CNY'],
  ['人民幣', 'CNY'],
  ['美元', 'USD'],
  ['港币', 'HKD'],
  ['港元', 'HKD'],
  ['欧元', 'EUR'],
  ['英镑', 'GBP'],
  ['日元', 'JPY'],
  ['$', 'USD'],
  ['¥', 'CNY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
];

const SUFFIXES: ReadonlyArray<[string, string]> = [
  ['元人民币', 'CNY'],
  ['人民币', 'CNY'],
  ['美元', 'USD'],
  ['美金', 'USD'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['欧元', 'EUR'],
  ['英镑', 'GBP'],
  ['日元', 'JPY'],
  ['元', 'CNY'],
  ['圆', 'CNY'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
];

/** The currency code for a code written out; RMB is the common name of CNY. */
export function currencyFromCode(code: string): string | null {
  const upper = code.toUpperCase();
  if (upper === 'RMB') return 'CNY';
  return (CURRENCY_CODES as readonly string[]).includes(upper) ? upper : null;
}

export function currencyFromPrefix(sign: string): string | null {
  for (const [p, c] of PREFIXES) if (sign === p) return c;
  return currencyFromCode(sign);
}

export function currencyFromSuffix(word: string): string | null {
  const lower = word.toLowerCase();
  for (const [s, c] of SUFFIXES) if (lower === s) return c;
  return currencyFromCode(word);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pattern source of every prefix sign or code. */
export const CURRENCY_PREFIX_SOURCE = [
  ...PREFIXES.map(([p]) => escapeRegExp(p)),
  ...CURRENCY_CODES.map((c) => `${c}\\b`),
].join('|');
/** Pattern source of every suffix word or code. */
export const CURRENCY_SUFFIX_SOURCE = [
  ...SUFFIXES.map(([s]) => escapeRegExp(s)),
  ...CURRENCY_CODES.map((c) => `${c}\\b`),
].join('|');
