/**
 * The matching copy of a text. Checks run on a normalised copy (NFKC: full-width → half-width, compatibility
 * characters unfolded; every space-like character, and any line break inside a paragraph, a plain space;
 * curly and corner quotes as straight quotes) and report offsets in the ORIGINAL text through the offset map
 * kept here.
 *
 * Normalisation works on "chunks" (a code point and the combining marks that follow it), so every character
 * of the copy comes from exactly one chunk of the original and offsets map back without ambiguity. Most
 * changes keep the length (，→ , １→1), and then offsets are the same in both; only chunks whose length
 * changes (㈱ → (株), … → ..., a removed zero-width space) are recorded.
 */

export interface MatchingText {
  /** The original text, as given. */
  readonly original: string;
  /** The normalised copy that patterns run on. */
  readonly text: string;
  /** True when offsets are the same in the copy and the original. */
  readonly identity: boolean;
  /** Original offset of a start position `i` in the copy (0 ≤ i ≤ text.length). */
  toOriginalStart(i: number): number;
  /** Original offset of an end position `i` in the copy (exclusive end). */
  toOriginalEnd(i: number): number;
  /** `[start, end)` of the copy mapped to `[start, end)` of the original. */
  toOriginalRange(start: number, end: number): [number, number];
}

/** Characters NFKC leaves alone that the matching copy still changes, and what they become. */
const EXTRA: Record<string, string> = {
  '\t': ' ',
  // Breaks inside a paragraph (hard-wrapped text) read as spaces, one for one.
  '\n': ' ',
  '\r': ' ',
  '\v': ' ',
  '\f': ' ',
  '\u200b': '', // zero-width space
  '\ufeff': '', // byte-order mark / zero-width no-break space
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u300c': '"',
  '\u300d': '"',
  '\u300e': '"',
  '\u300f': '"',
};
/** Normalises one chunk (a code point plus its combining marks). */
function normalizeChunk(chunk: string, code: number): string {
  if (chunk.length === 1) {
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    const extra = EXTRA[chunk];
    if (extra !== undefined) return extra;
  }
  const nfkc = chunk.normalize('NFKC');
  // NFKC turns most space-likes into U+0020; catch the rest.
  return /^\s+$/.test(nfkc) ? ' ' : (EXTRA[nfkc] ?? nfkc);
}

/** A copy whose offsets are the original's. */
class SameOffsets implements MatchingText {
  readonly identity = true;
  constructor(
    readonly original: string,
    readonly text: string,
  ) {}
  toOriginalStart(i: number): number {
    return i;
  }
  toOriginalEnd(i: number): number {
    return i;
  }
  toOriginalRange(start: number, end: number): [number, number] {
    return [start, end];
  }
}

/** A stretch whose length changed: `[from, to)` of the copy came from `[origFrom, origTo)` of the original. */
interface Edit {
  from: number;
  to: number;
  origFrom: number;
  origTo: number;
}

/** A copy with some stretches of another length than in the original. */
class MappedOffsets implements MatchingText {
  readonly identity = false;
  constructor(
    readonly original: string,
    readonly text: string,
    private readonly edits: readonly Edit[],
  ) {}

  /** The last edit starting at or before copy offset `p`, or -1. */
  private editBefore(p: number): number {
    let lo = 0;
    let hi = this.edits.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.edits[mid] as Edit).from <= p) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Offset in the original of copy offset `p`, rounding into an edit towards its start or its end. */
  private map(p: number, towardsEnd: boolean): number {
    const k = this.editBefore(towardsEnd ? p - 1 : p);
    if (k < 0) return p;
    const e = this.edits[k] as Edit;
    if (towardsEnd ? p <= e.to : p < e.to) return towardsEnd ? e.origTo : e.origFrom;
    return e.origTo + (p - e.to);
  }

  toOriginalStart(p: number): number {
    return Math.min(this.original.length, this.map(p, false));
  }

  toOriginalEnd(p: number): number {
    return p <= 0 ? 0 : Math.min(this.original.length, this.map(p, true));
  }

  toOriginalRange(s: number, e: number): [number, number] {
    const start = this.toOriginalStart(s);
    return [start, e <= s ? start : Math.max(start, this.toOriginalEnd(e))];
  }
}

/** Common combining marks (a chunk keeps them with the character before). */
const MARKS =
  '\\u0300-\\u036f\\u0483-\\u0489\\u0591-\\u05bd\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\u3099\\u309a\\ufe20-\\ufe2f';
const PLAIN = '\\x20-\\x7e\\u3001\\u3002\\u4e00-\\u9fff';
/**
 * Chunks that may need a change; everything else (ASCII, CJK ideographs, 、。) stays as it is. Written
 * without the `u` flag (much faster in V8), so astral pairs get their own alternative.
 */
const CHUNK = new RegExp(
  `[\\ud800-\\udbff][\\udc00-\\udfff][${MARKS}]*|[^${PLAIN}${MARKS}][${MARKS}]*|[${PLAIN}][${MARKS}]+|[${MARKS}]+`,
  'g',
);
/** The same when the text has no combining marks (nearly always): one character class, scanned fast. */
const SIMPLE_CHUNK = new RegExp(`[^${PLAIN}][\\udc00-\\udfff]?`, 'g');
const SPECIAL = new RegExp(`[^${PLAIN}]`);
const HAS_MARK = new RegExp(`[${MARKS}]`);

/** State of the copy being built (`String.replace` calls `replaceChunk` once per chunk, in order). */
let edits: Edit[] = [];
let delta = 0;
let changed = false;

function replaceChunk(chunk: string, offset: number): string {
  const replaced = normalizeChunk(chunk, chunk.codePointAt(0) ?? 0);
  if (replaced === chunk) return chunk;
  changed = true;
  if (replaced.length !== chunk.length) {
    const from = offset + delta;
    edits.push({ from, to: from + replaced.length, origFrom: offset, origTo: offset + chunk.length });
    delta += replaced.length - chunk.length;
  }
  return replaced;
}

/** Builds the matching copy of `text` with its offset map back to `text`. */
export function toMatchingText(text: string): MatchingText {
  if (!SPECIAL.test(text)) return new SameOffsets(text, text);
  edits = [];
  delta = 0;
  changed = false;
  const out = text.replace(HAS_MARK.test(text) ? CHUNK : SIMPLE_CHUNK, replaceChunk);
  if (!changed) return new SameOffsets(text, text);
  if (edits.length === 0) return new SameOffsets(text, out);
  return new MappedOffsets(text, out, edits);
}

/** The normalised copy alone, for comparing short strings (terms, names). */
export function normalizeForMatching(text: string): string {
  return toMatchingText(text).text;
}
