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

export interface Segment {
  segment: string;
  /** Offset in the whole text. */
  index: number;
  isWordLike: boolean;
}

/** Longest piece handed to the segmenter at once. */
const PIECE = 2_000;
/** Where a long line may be cut: after a space or sentence punctuation, which end a word anyway. */
const BREAK_AFTER = /[\s。；;！？!?，,、：:）)]/;

/** Where the piece that starts at `from` ends: after its last line break, else after a break character. */
function pieceEnd(text: string, from: number): number {
  const limit = from + PIECE;
  if (limit >= text.length) return text.length;
  const newline = text.lastIndexOf('\n', limit - 1);
  if (newline >= from) return newline + 1;
  for (let i = limit - 1; i > from + PIECE / 2; i--) if (BREAK_AFTER.test(text[i] ?? '')) return i + 1;
  return limit;
}

/**
 * The segments of a text, with their offsets in it. A long text is handed to the segmenter piece by piece:
 * ICU's time grows much faster than the length of what it is given (a 127,000-character contract took
 * 22 s in one piece and under 0.1 s line by line), and the pieces end where words end anyway.
 */
export function* segments(text: string, locale = 'zh'): Generator<Segment> {
  const seg = segmenter(locale);
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from);
    for (const s of seg.segment(from === 0 && to === text.length ? text : text.slice(from, to))) {
      yield { segment: s.segment, index: from + s.index, isWordLike: s.isWordLike === true };
    }
    from = to;
  }
}

/** The word-like tokens of a text (punctuation and spaces left out), with their offsets. */
export function wordTokens(text: string, locale = 'zh'): WordToken[] {
  const tokens: WordToken[] = [];
  for (const s of segments(text, locale)) {
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
