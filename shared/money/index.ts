/**
 * Money in contracts: integer minor units plus an ISO 4217 currency, never floats.
 *
 * - `parseChineseUppercaseAmount('人民币壹拾万元整')` → 10000000 (fen), null when not an amount
 * - `formatChineseUppercaseAmount(10000000)` → '壹拾万元整'
 * - `parseFigureAmount('¥100,000.00')` → { value: 10000000, currency: 'CNY' }
 * - `findAmounts(text)` → every amount in a text with its offsets
 */
export { formatChineseUppercaseAmount, parseChineseUppercaseAmount } from './chinese-uppercase';
export { CURRENCY_CODES, minorDigits } from './currency';
export type { FigureAmount, ParseFigureOptions } from './figure-amount';
export { formatFigure, parseFigureAmount } from './figure-amount';
export type { AmountMention } from './find-amounts';
export { findAmounts, findFigureAmounts, findUppercaseAmounts } from './find-amounts';
