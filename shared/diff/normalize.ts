/**
 * Comparison keys. Texts are compared on a folded copy and shown in their original form, so an option such as
 * "ignore punctuation width" never changes what the reader sees, only what counts as a difference.
 */
import type { DiffOptions } from './types';

/** Width variants NFKC leaves alone but Chinese documents mix with their ASCII counterparts. */
const EXTRA_FOLDS: Record<string, string> = {
  '。': '.',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '【': '[',
  '】': ']',
};
const EXTRA_FOLD_PATTERN = /[。“”‘’【】]/;

/** Whitespace as `\s` matches it, tested on char codes. */
function isWhitespaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

// Keys are built from slices joined once, not with a global regular-expression replace: V8 leaves the
// result of the latter in a form that is slow to hash, and every key goes into a hash map.

/** The text without any whitespace. */
export function removeWhitespace(text: string): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isWhitespaceCode(text.charCodeAt(i))) continue;
    if (i > start) parts.push(text.slice(start, i));
    start = i + 1;
  }
  if (start === 0) return text;
  parts.push(text.slice(start));
  return parts.join('');
}

/** NFKC folding (full-width → half-width forms, compatibility characters) plus Chinese full stop and quotes. */
export function foldWidth(text: string): string {
  const folded = text.normalize('NFKC');
  if (!EXTRA_FOLD_PATTERN.test(folded)) return folded;
  const parts: string[] = [];
  for (const c of folded) parts.push(EXTRA_FOLDS[c] ?? c);
  return parts.join('');
}

export type KeyOptions = Pick<DiffOptions, 'ignoreWhitespace' | 'ignorePunctuationWidth'>;

/** The key two pieces of text are compared on. */
export function comparisonKey(text: string, options: KeyOptions): string {
  let key = options.ignorePunctuationWidth ? foldWidth(text) : text;
  if (options.ignoreWhitespace) key = removeWhitespace(key);
  return key;
}
