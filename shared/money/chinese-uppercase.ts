/**
 * Chinese uppercase amounts (大写金额) ↔ integer minor units (分). Written the way the People's Bank's
 * 支付结算办法 asks: 壹拾万元整, 壹仟零壹元整, 壹佰万零壹佰元整, 叁佰贰拾伍元零肆分, 伍角.
 */
import { parseChineseInteger } from '@shared/text/chinese-numerals';

const DIGIT_CHARS = '零壹贰叁肆伍陆柒捌玖';
const FINANCIAL_DIGITS: Readonly<Record<string, number>> = Object.fromEntries(
  [...DIGIT_CHARS].map((c, i) => [c, i]),
);
// Everyday and traditional digits are read too (一 as 壹, 貳 as 贰): contracts mix them.
const ANY_DIGIT: Readonly<Record<string, number>> = {
  ...FINANCIAL_DIGITS,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  貳: 2,
  三: 3,
  參: 3,
  叄: 3,
  四: 4,
  五: 5,
  六: 6,
  陸: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters an uppercase amount is written with (for building patterns). */
export const UPPERCASE_AMOUNT_CHARS =
  '零〇壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟万萬亿億一二两三四五六七八九十百千元圆圓角分整正';

const PREFIX = /^(?:人民币|人民幣|RMB|CNY)?(?:\(大写\)|（大写）|大写[:：]?)?(?:人民币|人民幣)?/;

/**
 * Parses an uppercase amount into fen (1 元 = 100 分). `人民币壹拾万元整` → 10000000.
 * Returns null when the text is not an amount (no digit, malformed numeral, unknown characters).
 */
export function parseChineseUppercaseAmount(text: string): number | null {
  const s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(PREFIX, '')
    .replace(/[整正]$/, '');
  if (s === '') return null;
  const yuanAt = s.search(/[元圆圓]/);
  const integerPart = yuanAt >= 0 ? s.slice(0, yuanAt) : /[角分]/.test(s) ? '' : s;
  const fractionPart = yuanAt >= 0 ? s.slice(yuanAt + 1) : /[角分]/.test(s) ? s : '';
  let yuan = 0;
  if (integerPart !== '') {
    // Digits without units (壹贰元) are not an amount, whatever 二〇二四 means elsewhere.
    if (integerPart.length > 1 && !/[拾佰仟万萬亿億十百千]/.test(integerPart)) return null;
    const parsed = parseChineseInteger(integerPart);
    if (parsed === null) return null;
    yuan = parsed;
  } else if (fractionPart === '') {
    return null;
  }
  const m = /^零?(?:(.)角)?零?(?:(.)分)?$/.exec(fractionPart);
  if (!m) return null;
  const jiao = m[1] === undefined ? 0 : ANY_DIGIT[m[1]];
  const fen = m[2] === undefined ? 0 : ANY_DIGIT[m[2]];
  if (jiao === undefined || fen === undefined) return null;
  if (integerPart === '' && m[1] === undefined && m[2] === undefined) return null;
  const minor = yuan * 100 + jiao * 10 + fen;
  return Number.isSafeInteger(minor) ? minor : null;
}

const UNITS_IN_SECTION = ['仟', '佰', '拾', ''] as const;
const SECTION_NAMES = ['', '万', '亿', '万亿'] as const;

/** Writes one four-digit section; `zeroBefore` says whether a 零 is owed for zeros that came before it. */
function writeSection(value: number, zeroBefore: boolean): string {
  const digits = [
    Math.floor(value / 1000),
    Math.floor(value / 100) % 10,
    Math.floor(value / 10) % 10,
    value % 10,
  ];
  let out = '';
  let zero = zeroBefore;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out !== '') zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGIT_CHARS[d] + (UNITS_IN_SECTION[i] ?? '');
  });
  return out;
}

/**
 * Formats fen as the uppercase reading, without the 人民币 prefix:
 * 10000000 → 壹拾万元整, 12345678900 → 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整, 32504 → 叁佰贰拾伍元零肆分.
 */
export function formatChineseUppercaseAmount(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0)
    throw new RangeError(`not an amount in minor units: ${minor}`);
  const yuan = Math.floor(minor / 100);
  const jiao = Math.floor(minor / 10) % 10;
  const fen = minor % 10;
  let integer = '';
  if (yuan > 0) {
    const sections: number[] = [];
    for (let v = yuan; v > 0; v = Math.floor(v / 1e4)) sections.push(v % 1e4);
    let owedZero = false;
    for (let i = sections.length - 1; i >= 0; i--) {
      const value = sections[i] ?? 0;
      if (value === 0) {
        owedZero = integer !== '';
        continue;
      }
      // A section below 1000 after a higher one reads with 零: 壹万零伍拾, 壹亿零壹.
      const zeroBefore = integer !== '' && (owedZero || value < 1000);
      integer += writeSection(value, zeroBefore) + (SECTION_NAMES[i] ?? '');
      owedZero = false;
    }
    integer += '元';
  }
  if (jiao === 0 && fen === 0) return yuan === 0 ? '零元整' : `${integer}整`;
  let fraction = '';
  if (jiao > 0) fraction += `${DIGIT_CHARS[jiao]}角`;
  else if (yuan > 0) fraction += '零';
  if (fen > 0) fraction += `${DIGIT_CHARS[fen]}分`;
  return integer + fraction;
}
