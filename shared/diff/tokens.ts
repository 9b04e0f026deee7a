/**
 * Word tokens for the in-paragraph diff. Latin-script text splits into words, numbers, whitespace and
 * punctuation; runs of Chinese/Japanese characters are split into words with `Intl.Segmenter`. A `{{name}}`
 * placeholder, or a filled variable's value when its span is known, is a single token.
 */
import { segments } from '@shared/text/segment';
import type { VariableSpan } from './types';

export type TokenKind = 'word' | 'number' | 'space' | 'punct' | 'variable';

export interface Token {
  text: string;
  /** Offsets in the whole text, end exclusive. */
  start: number;
  end: number;
  kind: TokenKind;
  /** The variable's name, for `variable` tokens. */
  variable?: string;
  /** A `variable` token from a span the caller gave (a slot for a value), not a `{{placeholder}}` in the text. */
  fromSpan?: boolean;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC\\u3005';
// The `v` flag allows class subtraction (word characters that are not CJK); built at run time so the
// TypeScript target does not limit the regular-expression syntax.
const TOKEN = new RegExp(
  [
    '(?<variable>\\{\\{\\s*(?<name>[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*\\}\\})',
    `(?<cjk>[${CJK}]+)`,
    '(?<number>\\p{Nd}+(?:[.,:\\/\\-]\\p{Nd}+)*)',
    `(?<word>[[\\p{L}\\p{M}\\p{Nd}_]--[${CJK}]]+(?:['’][[\\p{L}\\p{M}]--[${CJK}]]+)*)`,
    '(?<space>\\s+)',
    // A run of one repeated mark (`...`, `____`) is one token.
    '(?<punct>(?<repeat>[^\\s\\p{L}\\p{M}\\p{N}])\\k<repeat>*)',
  ].join('|'),
  'gv',
);

function pushCjk(run: string, offset: number, out: Token[]): void {
  for (const s of segments(run, 'zh')) {
    const kind: TokenKind = s.isWordLike ? 'word' : /^\s+$/.test(s.segment) ? 'space' : 'punct';
    out.push({ text: s.segment, start: offset + s.index, end: offset + s.index + s.segment.length, kind });
  }
}

function tokenizePlain(text: string, offset: number, out: Token[]): void {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const g = m.groups ?? {};
    const start = offset + m.index;
    const end = start + m[0].length;
    if (g.variable !== undefined)
      out.push({ text: m[0], start, end, kind: 'variable', variable: g.name ?? '' });
    else if (g.cjk !== undefined) pushCjk(m[0], start, out);
    else if (g.number !== undefined) out.push({ text: m[0], start, end, kind: 'number' });
    else if (g.word !== undefined) out.push({ text: m[0], start, end, kind: 'word' });
    else if (g.space !== undefined) out.push({ text: m[0], start, end, kind: 'space' });
    else out.push({ text: m[0], start, end, kind: 'punct' });
  }
}

/**
 * Tokens of `text`, whose first character sits at `offset` in the whole document. Spans (whole-document
 * offsets) of filled variables become single `variable` tokens.
 */
export function tokenize(text: string, offset = 0, spans: readonly VariableSpan[] = []): Token[] {
  const out: Token[] = [];
  const end = offset + text.length;
  const inside = spans
    .filter((s) => s.end > offset && s.start < end && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  let cursor = offset;
  for (const span of inside) {
    const s = Math.max(span.start, cursor);
    const e = Math.min(span.end, end);
    if (e <= s) continue;
    if (s > cursor) tokenizePlain(text.slice(cursor - offset, s - offset), cursor, out);
    out.push({
      text: text.slice(s - offset, e - offset),
      start: s,
      end: e,
      kind: 'variable',
      variable: span.name,
      fromSpan: true,
    });
    cursor = e;
  }
  if (cursor < end) tokenizePlain(text.slice(cursor - offset), cursor, out);
  return out;
}

/** Words, CJK words and numbers: what a reader counts as words. */
export function isCountedWord(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'number';
}

const HAS_CJK = new RegExp(`[${CJK}]`, 'v');
// Same alternatives, in the same order, as the number and word tokens above.
const LATIN_WORD = new RegExp(
  `\\p{Nd}+(?:[.,:\\/\\-]\\p{Nd}+)*|[[\\p{L}\\p{M}\\p{Nd}_]--[${CJK}]]+(?:['’][[\\p{L}\\p{M}]--[${CJK}]]+)*`,
  'gv',
);

/** Number of counted words in a text, without building tokens unless Chinese segmentation is needed. */
export function countWords(text: string): number {
  if (HAS_CJK.test(text)) return tokenize(text).filter(isCountedWord).length;
  let n = 0;
  LATIN_WORD.lastIndex = 0;
  while (LATIN_WORD.exec(text) !== null) n++;
  return n;
}
