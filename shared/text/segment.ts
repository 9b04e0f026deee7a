/**
 * Word tokens through `Intl.Segmenter` (built into every modern engine; ICU's dictionary segments Chinese,
 * which has no spaces between words).
 */

export interface WordToken {
  text: string;
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** The word-like tokens of a text (punctuation and spaces left out), with their offsets. */
export function wordTokens(text: string, locale = 'zh'): WordToken[] {
  const tokens: WordToken[] = [];
  for (const s of segmenter(locale).segment(text)) {
    if (s.isWordLike) tokens.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return tokens;
}

/** How far around a match the segmenter looks: enough context for the dictionary, cheap on long paragraphs. */
const WINDOW = 6;

/** Answers for windows already segmented (contracts repeat the same phrases: 甲方应, 乙方的…). */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 20_000;

/**
 * True when `[start, end)` begins and ends on word boundaries: "订金" in "支付订金" does, "订金" in "预订金额"
 * (预订 | 金额) does not. Only a window of a few characters around the match is segmented.
 */
export function isOnWordBoundaries(text: string, start: number, end: number, locale = 'zh'): boolean {
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(text.length, end + WINDOW);
  const window = text.slice(from, to);
  const key = `${locale}\u0000${start - from}\u0000${end - from}\u0000${window}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const boundaries = new Set<number>([0, window.length]);
  for (const s of segmenter(locale).segment(window)) boundaries.add(s.index);
  const answer =
    (start === from || boundaries.has(start - from)) && (end === to || boundaries.has(end - from));
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, answer);
  return answer;
}
