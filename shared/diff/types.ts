/**
 * The structured redline that every client draws: Word (tracked-change style marks), the browser extension
 * (HTML) and the terminal. Offsets refer to the original texts that were compared, end exclusive.
 */

export type Range = readonly [start: number, end: number];

export type RedlineOp =
  /** Same in both. `text` is the new text; `original` is the old text when it differs only by what was ignored. */
  | { op: 'equal'; text: string; original?: string; from: Range; to: Range }
  | { op: 'insert'; text: string; to: Range }
  | { op: 'delete'; text: string; from: Range }
  /** A variable of the template side stands where the other side has a value: not a deviation. */
  | { op: 'variable'; name: string; text: string; placeholder: string; from: Range; to: Range };

export type ParagraphKind = 'equal' | 'changed' | 'inserted' | 'deleted' | 'moved';

export interface ParagraphRef {
  /** Index among the paragraphs of its text (blank lines are not paragraphs). */
  index: number;
  start: number;
  end: number;
}

export interface RedlineParagraph {
  kind: ParagraphKind;
  /** The paragraph in the old text (absent when inserted). */
  from?: ParagraphRef;
  /** The paragraph in the new text (absent when deleted). */
  to?: ParagraphRef;
  /** Share of the paragraph's characters that are unchanged, 0..1 (variables count as unchanged). */
  similarity: number;
  ops: RedlineOp[];
}

export interface RedlineSummary {
  paragraphs: {
    old: number;
    new: number;
    equal: number;
    changed: number;
    inserted: number;
    deleted: number;
    moved: number;
  };
  words: {
    /** Words (and CJK words, numbers) present only in the new text. */
    inserted: number;
    /** Words present only in the old text. */
    deleted: number;
    /** inserted + deleted. */
    changed: number;
    /** Variables filled with a value (not counted as changes). */
    variables: number;
  };
  /** 2 × unchanged characters / (old + new characters), whitespace not counted; 1 means identical. */
  similarity: number;
  identical: boolean;
}

export interface Redline {
  paragraphs: RedlineParagraph[];
  summary: RedlineSummary;
}

/** Where a filled variable's value sits in a text (as returned by `fillBody`). */
export interface VariableSpan {
  name: string;
  start: number;
  end: number;
}

export interface DiffOptions {
  /** Differences in whitespace only (amount, kind, presence) are not changes. */
  ignoreWhitespace?: boolean;
  /** Full-width and half-width forms (，/, ；/; （/( Ａ/A １/1 “/") compare equal; the original text is shown. */
  ignorePunctuationWidth?: boolean;
  /** `line`: every non-blank line is a paragraph (Word, plain text). `block`: blank lines separate paragraphs (Markdown). */
  paragraphs?: 'line' | 'block';
  /** Filled variables in the old text: their values match any text in the same place as a unit. */
  oldSpans?: readonly VariableSpan[];
  /** Filled variables in the new text. */
  newSpans?: readonly VariableSpan[];
  /** Paragraph pairs need at least this similarity to be shown as one changed paragraph (default 0.5). */
  pairThreshold?: number;
}
