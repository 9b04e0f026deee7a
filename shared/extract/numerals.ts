/**
 * Counts written in words, as dates and periods use them. Cardinals are read by `@shared/text`; what is
 * added here is the shape dates need: ordinal days ("twenty-first"), and year digits written with ○ or O
 * (二○二四, 二O二四) as well as 〇.
 */
import { parseChineseInteger, parseEnglishInteger } from '@shared/text';

/** Characters of a Chinese count below ten thousand, plus the zero look-alikes found in year numbers. */
export const CHINESE_COUNT_CHARS = '〇零○O一壹二两贰貳三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟';

/** Reads a count in Arabic digits or Chinese numerals: "30", "三十", "二〇二四", "二O二四". */
export function parseChineseCount(s: string): number | null {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  return parseChineseInteger(t.replace(/[○OΟ]/g, '〇'));
}

/** Pattern source for an English number word up to ninety-nine ("thirty", "twenty-one", "forty five"). */
export const ENGLISH_NUMBER_WORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one hundred(?: and)?(?: twenty| eighty)?)';

/** Reads an English count in digits or words ("60", "sixty", "twenty-one"). */
export function parseEnglishCount(s: string): number | null {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  return parseEnglishInteger(t);
}

const ORDINAL_ONES: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
};

const ORDINAL_TEENS: Record<string, number> = {
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};

const TENS: Record<string, number> = { twenty: 20, thirty: 30 };

/** Pattern source for an English ordinal day word ("first", "twenty-first", "thirtieth"). */
export const ENGLISH_ORDINAL_WORD =
  '(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';

/** Reads an ordinal day: "21st" → 21, "21 st" and "21t h" (split by PDF conversion) → 21, "twenty-first" → 21. */
export function parseOrdinal(s: string): number | null {
  const t = s.toLowerCase().trim();
  const digits = /^(\d{1,2})\s?(?:st|nd|rd|th|s\s?t|n\s?d|r\s?d|t\s?h)?$/.exec(t);
  if (digits) return Number(digits[1]);
  const parts = t.split(/[- ]+/);
  if (parts.length === 1) return ORDINAL_ONES[t] ?? ORDINAL_TEENS[t] ?? null;
  const tens = TENS[parts[0] ?? ''];
  const ones = ORDINAL_ONES[parts[1] ?? ''];
  return tens !== undefined && ones !== undefined ? tens + ones : null;
}
