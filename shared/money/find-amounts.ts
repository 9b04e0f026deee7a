/**
 * Finds every amount in a text, in figures or in Chinese uppercase, with its `[start, end)` in that text.
 * Run it on a matching copy (NFKC) and map the offsets back when the original differs.
 */
import { parseChineseUppercaseAmount, UPPERCASE_AMOUNT_CHARS } from './chinese-uppercase';
import { amountFromParts, FIGURE_AMOUNT_SOURCE } from './figure-amount';

export interface AmountMention {
  kind: 'figure' | 'uppercase';
  start: number;
  end: number;
  text: string;
  /** Integer minor units. */
  value: number;
  /** ISO 4217; null for a bare figure that names no currency (`100,000.00`). */
  currency: string | null;
  /** For figures: where the digits (and multiplier) sit, without sign or currency word. */
  numberStart: number;
  numberEnd: number;
  /** True when the figure carries a multiplier word (100万元, 1.5 million). */
  scaled: boolean;
}

const FIGURES = new RegExp(`(?<![\\d.,])${FIGURE_AMOUNT_SOURCE}`, 'giu');
const UPPERCASE = new RegExp(`[${UPPERCASE_AMOUNT_CHARS}]{2,}`, 'gu');
const HAS_MONEY_UNIT = /[元圆圓角分]/;
const HAS_DIGIT = /[零〇壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟一二两三四五六七八九十百千]/;

/** Amounts in figures. Bare numbers are kept (currency null) only when `includeBare` is set. */
export function findFigureAmounts(text: string, includeBare = false): AmountMention[] {
  const out: AmountMention[] = [];
  FIGURES.lastIndex = 0;
  for (let m = FIGURES.exec(text); m !== null; m = FIGURES.exec(text)) {
    const g = m.groups ?? {};
    const number = g.number ?? '';
    const hasCurrency = g.prefix !== undefined || g.suffix !== undefined;
    if (!hasCurrency && !includeBare) continue;
    const parsed = amountFromParts(
      { prefix: g.prefix, number, multiplier: g.multiplier, suffix: g.suffix },
      { defaultCurrency: hasCurrency ? undefined : 'XXX' },
    );
    if (!parsed) continue;
    const numberStart = m.index + m[0].indexOf(number);
    let numberEnd = numberStart + number.length;
    if (g.multiplier)
      numberEnd = m.index + m[0].indexOf(g.multiplier, numberEnd - m.index) + g.multiplier.length;
    out.push({
      kind: 'figure',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: parsed.value,
      currency: hasCurrency ? parsed.currency : null,
      numberStart,
      numberEnd,
      scaled: g.multiplier !== undefined,
    });
  }
  return out;
}

/** Chinese uppercase amounts (壹拾万元整); the run must name a money unit (元, 角 or 分) to count. */
export function findUppercaseAmounts(text: string): AmountMention[] {
  const out: AmountMention[] = [];
  UPPERCASE.lastIndex = 0;
  for (let m = UPPERCASE.exec(text); m !== null; m = UPPERCASE.exec(text)) {
    let run = m[0];
    // A run may swallow a 分 or 整 of the following text only rarely; trim trailing characters that break it.
    if (!HAS_MONEY_UNIT.test(run) || !HAS_DIGIT.test(run)) continue;
    let value = parseChineseUppercaseAmount(run);
    while (value === null && run.length > 2) {
      run = run.slice(0, -1);
      value = HAS_DIGIT.test(run) && HAS_MONEY_UNIT.test(run) ? parseChineseUppercaseAmount(run) : null;
    }
    if (value === null) continue;
    out.push({
      kind: 'uppercase',
      start: m.index,
      end: m.index + run.length,
      text: run,
      value,
      currency: 'CNY',
      numberStart: m.index,
      numberEnd: m.index + run.length,
      scaled: false,
    });
  }
  return out;
}

/** Every amount in the text, in order of appearance. */
export function findAmounts(text: string, includeBare = false): AmountMention[] {
  return [...findFigureAmounts(text, includeBare), ...findUppercaseAmounts(text)].sort(
    (a, b) => a.start - b.start,
  );
}
