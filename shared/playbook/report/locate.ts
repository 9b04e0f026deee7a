/**
 * Line and column of a finding, from its paragraph index and offset. Paragraphs follow each other with one
 * line break between them and may hold breaks of their own; lines and columns count from 1, columns in
 * UTF-16 code units (SARIF's default `columnKind`).
 */
import { countBreaks, lineStartBefore } from '@shared/text/paragraphs';

export interface TextPosition {
  line: number;
  column: number;
}

export interface Locator {
  position(paragraphIndex: number, offset: number): TextPosition;
}

export function createLocator(paragraphs: readonly string[]): Locator {
  const firstLine: number[] = [];
  let line = 1;
  for (const p of paragraphs) {
    firstLine.push(line);
    line += countBreaks(p) + 1;
  }
  return {
    position(paragraphIndex, offset) {
      const text = paragraphs[paragraphIndex] ?? '';
      const at = Math.min(Math.max(0, offset), text.length);
      const before = text.slice(0, at);
      return {
        line: (firstLine[paragraphIndex] ?? 1) + countBreaks(before),
        column: at - lineStartBefore(text, at) + 1,
      };
    },
  };
}
