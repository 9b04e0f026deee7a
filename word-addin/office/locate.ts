/**
 * Word cannot address a range by character offset, and `search()` takes at most 255 characters and stays
 * inside one paragraph. A finding's `[start, end)` is therefore found by searching the paragraph for the
 * text it covers and taking the right occurrence, counted the way Word counts (left to right, no overlap).
 */
import type { TextTarget } from './document-host';

/** Longest piece searched for; `^` doubles when escaped, so 120 characters stay under Word's 255. */
export const MAX_PIECE = 120;

export interface SearchStep {
  needle: string;
  occurrence: number;
}

export type LocatePlan =
  | { kind: 'range'; search: SearchStep }
  /** Too long to search in one go: from the head's start to the tail's end. */
  | { kind: 'span'; head: SearchStep; tail: SearchStep }
  /** An empty range: insert after (or before) the character found. */
  | { kind: 'after'; search: SearchStep }
  | { kind: 'before'; search: SearchStep }
  /** An empty paragraph: insert at its start. */
  | { kind: 'paragraph-start' };

/** Which match of `needle`, in Word's non-overlapping order, starts at `at`; -1 when none does. */
export function occurrenceAt(haystack: string, needle: string, at: number): number {
  if (!needle) return -1;
  let k = 0;
  let pos = haystack.indexOf(needle);
  while (pos !== -1 && pos < at) {
    k++;
    pos = haystack.indexOf(needle, pos + needle.length);
  }
  return pos === at ? k : -1;
}

/** Word's search syntax: `^` starts a special character; a line break inside a paragraph is `^l`. */
export function toWordSearchText(text: string): string {
  return text.replace(/\^/g, '^^').replace(/\n/g, '^l');
}

function step(text: string, start: number, end: number): SearchStep | null {
  const needle = text.slice(start, end);
  const occurrence = occurrenceAt(text, needle, start);
  return occurrence < 0 ? null : { needle, occurrence };
}

/**
 * A searchable piece starting (or ending) at an offset. In repetitive text ("aaaa") a long piece may fall
 * between two of Word's matches; a shorter one then does (one character always does).
 */
function pieceFrom(text: string, start: number, limit: number): SearchStep | null {
  for (let len = Math.min(MAX_PIECE, limit - start); len > 0; len--) {
    const s = step(text, start, start + len);
    if (s) return s;
  }
  return null;
}

function pieceTo(text: string, end: number, limit: number): SearchStep | null {
  for (let len = Math.min(MAX_PIECE, end - limit); len > 0; len--) {
    const s = step(text, end - len, end);
    if (s) return s;
  }
  return null;
}

/** How to find `target` in a paragraph whose (normalised) text is `text`; null when it cannot be found. */
export function planLocate(text: string, target: Pick<TextTarget, 'start' | 'end'>): LocatePlan | null {
  const { start, end } = target;
  if (start < 0 || end < start || end > text.length) return null;
  if (start === end) {
    if (text.length === 0) return { kind: 'paragraph-start' };
    if (start > 0) {
      const s = step(text, start - 1, start);
      return s ? { kind: 'after', search: s } : null;
    }
    const s = step(text, 0, 1);
    return s ? { kind: 'before', search: s } : null;
  }
  if (end - start <= MAX_PIECE) {
    const s = step(text, start, end);
    if (s) return { kind: 'range', search: s };
  }
  const head = pieceFrom(text, start, end);
  const tail = pieceTo(text, end, start);
  return head && tail ? { kind: 'span', head, tail } : null;
}
