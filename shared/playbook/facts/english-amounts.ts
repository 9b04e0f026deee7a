/** Amounts spelled out in English: "One Hundred Thousand Dollars", "Ten Thousand Euros and 50/100". */
import { ENGLISH_NUMBER_WORDS, parseEnglishInteger } from '@shared/text/english-numerals';

export interface WordAmount {
  start: number;
  end: number;
  /** `[start, end)` of the number words alone. */
  wordsStart: number;
  wordsEnd: number;
  /** Minor units. */
  value: number;
  currency: string;
  /** True when cents are spelled too: the words cannot be rewritten from the whole units alone. */
  hasCents: boolean;
}

const W = ENGLISH_NUMBER_WORDS.join('|');
const NUMBER = `(?:${W})(?:[\\s-]+(?:and\\s+)?(?:${W}))*`;
const AMOUNT = new RegExp(
  `\\b(${NUMBER})\\s+(?:(United\\s+States|U\\.S\\.|US|Hong\\s+Kong|Canadian|Australian|Singapore)\\s+)?(Dollars?|Euros?|Pounds?(?:\\s+Sterling)?|Yuan|Renminbi|RMB)\\b(?:\\s+and\\s+(\\d{1,2})\\s*/\\s*100|\\s+and\\s+(${NUMBER})\\s+Cents?)?`,
  'gi',
);

function currencyOf(qualifier: string, unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('euro')) return 'EUR';
  if (u.startsWith('pound')) return 'GBP';
  if (u === 'yuan' || u === 'renminbi' || u === 'rmb') return 'CNY';
  const q = qualifier.toLowerCase();
  if (q.startsWith('hong')) return 'HKD';
  if (q.startsWith('canad')) return 'CAD';
  if (q.startsWith('austral')) return 'AUD';
  if (q.startsWith('singa')) return 'SGD';
  return 'USD';
}

export function findWordAmounts(text: string): WordAmount[] {
  const out: WordAmount[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m !== null; m = AMOUNT.exec(text)) {
    const words = m[1] ?? '';
    const whole = parseEnglishInteger(words);
    if (whole === null) continue;
    const cents = m[4] !== undefined ? Number(m[4]) : m[5] !== undefined ? parseEnglishInteger(m[5]) : 0;
    if (cents === null || cents > 99) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      wordsStart: m.index,
      wordsEnd: m.index + words.length,
      value: whole * 100 + cents,
      currency: currencyOf(m[2] ?? '', m[3] ?? ''),
      hasCents: m[4] !== undefined || m[5] !== undefined,
    });
  }
  return out;
}
