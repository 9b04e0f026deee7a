/** English number words ("thirty", "one hundred and five", "twenty-one") as integers. */

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** Every word a number can be written with, longest first (for building patterns). */
export const ENGLISH_NUMBER_WORDS = [...Object.keys(SMALL), 'hundred', ...Object.keys(SCALES)].sort(
  (a, b) => b.length - a.length,
);

/** Reads "one hundred twenty-three thousand four hundred and fifty" → 123450; null when not a number. */
export function parseEnglishInteger(text: string): number | null {
  const words = text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== '' && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of words) {
    const small = SMALL[w];
    if (small !== undefined) {
      current += small;
      any = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      any = true;
    } else {
      const scale = SCALES[w];
      if (scale === undefined) return null;
      total += (current || 1) * scale;
      current = 0;
      any = true;
    }
  }
  return any ? total + current : null;
}

const ONES = [
  '',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

function belowThousand(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) parts.push(`${ONES[hundreds]} Hundred`);
  if (rest >= 20) parts.push(TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${ONES[rest % 10]}` : ''));
  else if (rest > 0) parts.push(ONES[rest] ?? '');
  return parts.join(' ');
}

/** Writes an integer in title-case words, as contracts spell amounts: 100000 → "One Hundred Thousand". */
export function formatEnglishInteger(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot write ${n} in words`);
  if (n === 0) return 'Zero';
  const parts: string[] = [];
  const scales: Array<[number, string]> = [
    [1e9, 'Billion'],
    [1e6, 'Million'],
    [1e3, 'Thousand'],
  ];
  let rest = n;
  for (const [value, name] of scales) {
    if (rest >= value) {
      parts.push(`${formatEnglishInteger(Math.floor(rest / value))} ${name}`);
      rest %= value;
    }
  }
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}
