/**
 * Paragraphs to compare, with their offsets. In `line` mode every line break ends a paragraph (the breaks
 * Word and other hosts report: `\r`, `\n`, `\v`, … as read by `@shared/text`); in `block` mode blank lines
 * separate paragraphs (Markdown). Leading and trailing whitespace is layout, not part of a paragraph, and
 * blank lines are not paragraphs.
 */
import { splitParagraphs as splitLines } from '@shared/text/paragraphs';

export interface Paragraph {
  index: number;
  /** Offsets in the whole text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

const LINE_BREAK = '(?:\\r\\n|[\\r\\n\\v\\f\\u0085\\u2028\\u2029])';
const BLANK_LINES = new RegExp(`${LINE_BREAK}[ \\t\\u00a0\\u3000]*${LINE_BREAK}`, 'g');

function pushTrimmed(text: string, start: number, end: number, out: Paragraph[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
}

export function splitParagraphs(text: string, mode: 'line' | 'block' = 'line'): Paragraph[] {
  const out: Paragraph[] = [];
  if (mode === 'line') {
    for (const line of splitLines(text)) pushTrimmed(text, line.start, line.start + line.text.length, out);
    return out;
  }
  BLANK_LINES.lastIndex = 0;
  let cursor = 0;
  for (let m = BLANK_LINES.exec(text); m !== null; m = BLANK_LINES.exec(text)) {
    pushTrimmed(text, cursor, m.index, out);
    cursor = m.index + m[0].length;
  }
  pushTrimmed(text, cursor, text.length, out);
  return out;
}
