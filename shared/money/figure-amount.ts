/**
 * Amounts written in figures: `¥100,000.00`, `RMB 100,000元`, `USD 1,234.50`, `100万元`, `US$1.5 million`.
 * The value is computed on the digit string, never through a float, and returned in integer minor units.
 */
import {
  CURRENCY_PREFIX_SOURCE,
  CURRENCY_SUFFIX_SOURCE,
  currencyFromPrefix,
  currencyFromSuffix,
  minorDigits,
} from './currency';

export interface FigureAmount {
  /** Integer minor units (fen, cents). */
  value: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface ParseFigureOptions {
  /** Currency of an amount written without sign, code or currency word (`100,000.00`); otherwise null. */
  defaultCurrency?: string;
}

const MULTIPLIERS: Readonly<Record<string, number>> = {
  千: 3,
  万: 4,
  百万: 6,
  千万: 7,
  亿: 8,
  thousand: 3,
  million: 6,
  billion: 9,
};

/** Number part: grouped (1,234,567.89) or plain (1234567.89). */
const NUMBER_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULTIPLIER_SOURCE = String.raw`百万|千万|千|万|亿|thousand\b|million\b|billion\b`;

/**
 * The whole-amount pattern, exported for scanners: groups `prefix`, `number`, `multiplier`, `suffix`.
 * Runs on the NFKC copy of a text (full-width ￥ and digits already folded).
 */
export const FIGURE_AMOUNT_SOURCE = String.raw`(?:(?<prefix>${CURRENCY_PREFIX_SOURCE})\s?)?(?<number>${NUMBER_SOURCE})(?:\s?(?<multiplier>${MULTIPLIER_SOURCE}))?(?:\s?(?<suffix>${CURRENCY_SUFFIX_SOURCE}))?`;

const WHOLE = new RegExp(`^${FIGURE_AMOUNT_SOURCE}$`, 'i');

/**
 * Converts a decimal digit string times 10^shift into an integer, or null when digits would be lost
 * (`¥100.005` has no whole number of fen) or the result is not a safe integer.
 */
export function scaleDecimal(number: string, shift: number): number | null {
  const [intPart = '', fracPart = ''] = number.replace(/,/g, '').split('.');
  const digits = intPart + fracPart;
  const exponent = shift - fracPart.length;
  let text: string;
  if (exponent >= 0) text = digits + '0'.repeat(exponent);
  else {
    const dropped = digits.slice(digits.length + exponent);
    if (/[^0]/.test(dropped)) return null;
    text = digits.slice(0, digits.length + exponent);
  }
  const value = Number(text === '' ? '0' : text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Builds an amount from the parts the pattern captured. */
export function amountFromParts(
  parts: { prefix?: string; number: string; multiplier?: string; suffix?: string },
  options: ParseFigureOptions = {},
): FigureAmount | null {
  const fromPrefix = parts.prefix ? currencyFromPrefix(parts.prefix) : null;
  const fromSuffix = parts.suffix ? currencyFromSuffix(parts.suffix) : null;
  // `¥` alone is yuan, but `¥100 USD` is dollars; a code or word after the figure settles it.
  let currency = fromSuffix ?? fromPrefix ?? options.defaultCurrency ?? null;
  if (fromPrefix && fromSuffix && fromPrefix !== fromSuffix) {
    if (!(fromSuffix === 'CNY' && parts.suffix === '元')) return null;
    currency = fromPrefix; // US$100元 is odd but says dollars
  }
  if (currency === null) return null;
  const multiplier = parts.multiplier ? (MULTIPLIERS[parts.multiplier.toLowerCase()] ?? 0) : 0;
  const value = scaleDecimal(parts.number, multiplier + minorDigits(currency));
  return value === null ? null : { value, currency };
}

/**
 * Parses one amount written in figures. `¥100,000.00` → { value: 10000000, currency: 'CNY' };
 * `USD 1,234.50` → { value: 123450, currency: 'USD' }; `100万元` → { value: 100000000, currency: 'CNY' }.
 * Null when the text is not exactly one amount, or names no currency and no default is given.
 */
export function parseFigureAmount(text: string, options: ParseFigureOptions = {}): FigureAmount | null {
  const m = WHOLE.exec(text.normalize('NFKC').trim());
  const g = m?.groups;
  if (!g?.number) return null;
  return amountFromParts(
    { prefix: g.prefix, number: g.number, multiplier: g.multiplier, suffix: g.suffix },
    options,
  );
}

/**
 * Writes minor units as a figure in the style of an example: `formatFigure(10000000, 'CNY', '100,000.00')`
 * → `100,000.00`; grouping and decimals follow the example, without sign or currency.
 */
export function formatFigure(minor: number, currency: string, example = '0.00'): string {
  const digits = minorDigits(currency);
  const exampleDecimals = /\.(\d+)$/.exec(example)?.[1]?.length ?? 0;
  const decimals = minor % 10 ** digits === 0 ? Math.min(exampleDecimals, digits) : digits;
  const whole = Math.floor(minor / 10 ** digits).toString();
  const grouped = /\d,\d{3}/.test(example) ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  if (decimals === 0) return grouped;
  const fraction = (minor % 10 ** digits).toString().padStart(digits, '0').slice(0, decimals);
  return `${grouped}.${fraction.padEnd(decimals, '0')}`;
}
