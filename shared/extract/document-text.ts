/**
 * The matching copy of a whole contract. Extraction reads line structure (titles, "甲方：" lines, headings,
 * signature blocks), so the copy keeps one line break per paragraph break, while each paragraph is
 * normalised by `@shared/text` (NFKC, straight quotes, unified spaces). Offsets map back to the original.
 */
import { splitParagraphs, toMatchingText } from '@shared/text';

export interface DocumentText {
  /** The text as given. */
  readonly original: string;
  /** The normalised copy: paragraphs joined by `\n`. */
  readonly text: string;
  /** `[start, end)` of the copy mapped to `[start, end)` of the original. */
  toOriginalRange(start: number, end: number): [number, number];
}

interface Piece {
  /** Where the paragraph starts in the copy and in the original. */
  copyStart: number;
  originalStart: number;
  map: ReturnType<typeof toMatchingText>;
}

/** Builds the line-preserving matching copy of a contract's text. */
export function toDocumentText(original: string): DocumentText {
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let copyStart = 0;
  for (const paragraph of splitParagraphs(original)) {
    const map = toMatchingText(paragraph.text);
    pieces.push({ copyStart, originalStart: paragraph.start, map });
    parts.push(map.text);
    copyStart += map.text.length + 1;
  }
  const text = parts.join('\n');

  /** The paragraph holding copy offset `i` (binary search over paragraph starts). */
  const pieceAt = (i: number): Piece => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieces[mid]?.copyStart ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return pieces[lo] as Piece;
  };
  const toStart = (i: number): number => {
    if (i >= text.length) return original.length;
    const p = pieceAt(i);
    const local = Math.min(i - p.copyStart, p.map.text.length);
    return p.originalStart + p.map.toOriginalStart(local);
  };
  const toEnd = (i: number): number => {
    if (i <= 0) return 0;
    const p = pieceAt(i - 1);
    const local = Math.min(i - p.copyStart, p.map.text.length);
    return p.originalStart + p.map.toOriginalEnd(local);
  };
  return {
    original,
    text,
    toOriginalRange: (start, end) => {
      const from = toStart(start);
      return [from, end <= start ? from : Math.max(from, toEnd(end))];
    },
  };
}

/** The normalised copy alone. */
export function documentMatchingText(original: string): string {
  return toDocumentText(original).text;
}
