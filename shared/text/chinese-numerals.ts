/**
 * Chinese numerals, both the everyday forms (一百二十, 两万) and the financial ones (壹佰贰拾, 贰万), to and
 * from integers. Digit-by-digit writing without units (二〇二四) is read as a digit string.
 */

export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  叄: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Every character a Chinese numeral can be written with (for building patterns). */
export const CHINESE_NUMERAL_CHARS = `${Object.keys(CHINESE_DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}${Object.keys(BIG_UNITS).join('')}`;

/** The same tables by character code, for the hot loop below. */
const DIGIT_BY_CODE = new Map<number, number>(
  Object.entries(CHINESE_DIGITS).map(([c, v]) => [c.charCodeAt(0), v]),
);
const SMALL_BY_CODE = new Map<number, number>(
  Object.entries(SMALL_UNITS).map(([c, v]) => [c.charCodeAt(0), v]),
);
const BIG_BY_CODE = new Map<number, number>(Object.entries(BIG_UNITS).map(([c, v]) => [c.charCodeAt(0), v]));

/**
 * Reads a Chinese numeral as an integer, or null when the text is not a well-formed numeral.
 * Accepts 十五, 一百零五, 两千, 三万五千, 一亿二千万, 壹佰贰拾叁万肆仟伍佰陆拾柒, colloquial 一万五 (15000), 二〇二四.
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  let hasUnit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SMALL_BY_CODE.has(c) || BIG_BY_CODE.has(c)) hasUnit = true;
    else if (!DIGIT_BY_CODE.has(c)) return null;
  }
  if (!hasUnit) {
    let value = 0;
    for (let i = 0; i < text.length; i++) value = value * 10 + (DIGIT_BY_CODE.get(text.charCodeAt(i)) ?? 0);
    return value;
  }
  let total = 0; // everything before the last 亿
  let wan = 0; // the 万 group inside the current 亿 group
  let section = 0; // below 万
  let pending: number | null = null; // a digit waiting for its unit
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastUnit = 0; // place value of the unit right before `pending`
  let zeroSinceUnit = false;
  let seenWan = false;
  let seenYi = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = DIGIT_BY_CODE.get(c);
    if (digit !== undefined) {
      if (pending !== null && pending !== 0) return null; // two digits in a row: 二三
      if (digit === 0) zeroSinceUnit = true;
      pending = digit;
      continue;
    }
    const small = SMALL_BY_CODE.get(c);
    if (small !== undefined) {
      if (small >= lastSmall) return null; // 百 after 十 in one section
      const n = pending === null || pending === 0 ? (small === 10 && pending === null ? 1 : null) : pending;
      if (n === null) return null;
      section += n * small;
      lastSmall = small;
      lastUnit = small;
      pending = null;
      zeroSinceUnit = false;
      continue;
    }
    const big = BIG_BY_CODE.get(c) ?? 0;
    const group = section + (pending ?? 0);
    if (big === 1e4) {
      if (seenWan || group === 0) return null;
      wan = group;
      seenWan = true;
    } else {
      if (seenYi) return null;
      const yi = wan * 1e4 + group;
      if (yi === 0) return null;
      total = (total + yi) * 1e8;
      wan = 0;
      seenWan = false;
      seenYi = true;
    }
    section = 0;
    pending = null;
    lastSmall = Number.POSITIVE_INFINITY;
    lastUnit = big;
    zeroSinceUnit = false;
  }
  let tail = pending ?? 0;
  // Colloquial shorthand: 二百五 = 250, 一万五 = 15000 (a bare digit right after a unit ≥ 百 takes the next place).
  if (pending !== null && pending !== 0 && !zeroSinceUnit && lastUnit >= 100)
    tail = pending * (lastUnit / 10);
  const value = total + wan * 1e4 + section + tail;
  return Number.isSafeInteger(value) ? value : null;
}

const PLAIN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Writes a non-negative integer below 10^8 in everyday Chinese numerals: 12 → 十二, 105 → 一百零五. */
export function formatChineseInteger(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8)
    throw new RangeError(`cannot write ${n} in Chinese numerals`);
  if (n === 0) return '零';
  const section = (v: number, leading: boolean): string => {
    const units = ['千', '百', '十', ''];
    const digits = [Math.floor(v / 1000), Math.floor(v / 100) % 10, Math.floor(v / 10) % 10, v % 10];
    let out = '';
    let zero = false;
    let started = false;
    digits.forEach((d, i) => {
      if (d === 0) {
        if (started || !leading) zero = true;
        return;
      }
      if (zero && (started || !leading)) out += '零';
      zero = false;
      out += PLAIN[d] + (units[i] ?? '');
      started = true;
    });
    return out;
  };
  const high = Math.floor(n / 1e4);
  const low = n % 1e4;
  let out = high > 0 ? `${section(high, true)}万` : '';
  if (low > 0) out += section(low, high === 0);
  // 一十 → 十 at the very start (十二, not 一十二), as Chinese ordinals are written.
  return out.startsWith('一十') ? out.slice(1) : out;
}
