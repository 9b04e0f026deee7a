/**
 * Word reports line and paragraph breaks as `\r`, `\n` or `\v` depending on the host (desktop, Mac, web).
 * Breaks become `\n` one character for one, so offsets computed on the normalised text still point into
 * Word's text; a break Word leaves at the very end of a paragraph is dropped.
 */
const BREAKS = /[\r\v\f\u2028\u2029]/g;

export function normaliseBreaks(text: string): string {
  const trimmed = /[\r\n\v\f\u2028\u2029]$/.test(text) ? text.slice(0, -1) : text;
  return trimmed.replace(BREAKS, '\n');
}

/** Splits clause text into the paragraphs to insert, whatever breaks it came with. */
export function splitParagraphs(text: string): string[] {
  return text.split(/\r\n|[\r\n\v\f\u2028\u2029]/);
}
