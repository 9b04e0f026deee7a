/**
 * Paragraph splitting. Hosts report breaks as `\r\n`, `\r`, `\n`, `\v` (Word's manual line break), `\f`
 * (page break) or the Unicode separators; every one of them ends a paragraph here, and each break counts as
 * one line, so paragraph `i` of a plain-text file starts on line `i + 1`.
 */

export interface TextParagraph {
  /** The paragraph's text, without its break. */
  text: string;
  /** Offset of the paragraph's first character in the whole text. */
  start: number;
}

const BREAK = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;

/** Splits a text into paragraphs at every break, keeping empty paragraphs so indexes stay line numbers. */
export function splitParagraphs(text: string): TextParagraph[] {
  const paragraphs: TextParagraph[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    paragraphs.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  paragraphs.push({ text: text.slice(start), start });
  return paragraphs;
}

/** Replaces every kind of break with `\n`. */
export function normalizeBreaks(text: string): string {
  return text.replace(BREAK, '\n');
}

/** Number of breaks inside a piece of text (a paragraph handed over with soft breaks still in it). */
export function countBreaks(text: string): number {
  let n = 0;
  BREAK.lastIndex = 0;
  while (BREAK.exec(text) !== null) n++;
  return n;
}

/** Offset just after the last break before `offset`, or 0. */
export function lineStartBefore(text: string, offset: number): number {
  let last = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null && m.index < offset; m = BREAK.exec(text)) {
    last = m.index + m[0].length;
  }
  return last;
}

/** A line that opens a new block: a heading, a numbered or bulleted item, a Markdown marker. */
const OPENS_BLOCK =
  /^\s*(?:第[一二三四五六七八九十百千\d]+[条章节款]|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[.、)．\s]|[A-Za-z][.)]\s|[-*•●▪]\s|#|>|\||(?:ARTICLE|Article|SECTION|Section)\s)/;
const ENDS_SENTENCE = /[.。;；:：!！?？"”」』)）]\s*$/;

/**
 * Paragraphs of a plain-text file whose lines may have been wrapped by hand or by PDF extraction: a line
 * that fills the usual width and does not end a sentence continues on the next line, unless that line opens
 * a heading or an item. Joined paragraphs keep their line breaks (offsets stay true to the text); every
 * other line is its own paragraph, as in `splitParagraphs`.
 */
export function splitUnwrapped(text: string): TextParagraph[] {
  const lines = splitParagraphs(text);
  const lengths = lines
    .map((l) => l.text.trimEnd().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  // The width text was wrapped at: most full lines come close to it.
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const minimum = Math.max(30, Math.floor(width * 0.75));
  const out: TextParagraph[] = [];
  let open: { start: number; end: number } | null = null;
  lines.forEach((line, i) => {
    const end = line.start + line.text.length;
    const next = lines[i + 1];
    if (open) open.end = end;
    else open = { start: line.start, end };
    const trimmed = line.text.trimEnd();
    const continues =
      next !== undefined &&
      trimmed.length >= minimum &&
      !ENDS_SENTENCE.test(trimmed) &&
      next.text.trim() !== '' &&
      !OPENS_BLOCK.test(next.text);
    if (!continues) {
      out.push({ text: text.slice(open.start, open.end), start: open.start });
      open = null;
    }
  });
  return out;
}
