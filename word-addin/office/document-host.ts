/**
 * Everything the task pane needs from the open document. The Word implementation lives next to this file
 * and is the only code that touches `Word.*` / `Office.*`; components and state receive a DocumentHost.
 */

/** One paragraph of the body, its text with line breaks normalised to `\n` (same length as Word's). */
export interface DocParagraph {
  index: number;
  text: string;
}

/** `[start, end)` in UTF-16 code units of one paragraph's text, as findings report it. */
export interface TextTarget {
  paragraphIndex: number;
  start: number;
  end: number;
  /** The paragraph's text when the target was computed; a changed paragraph makes the target stale. */
  paragraphText?: string;
}

export interface TextEdit extends TextTarget {
  replacement: string;
}

export type TargetOutcome = 'done' | 'stale' | 'not-found';

/** Which text of a library clause was inserted: its standard body or one of its negotiation positions. */
export type ClausePosition = 'standard' | 'preferred' | 'fallback' | 'walkAway';
export const CLAUSE_POSITIONS: readonly ClausePosition[] = ['standard', 'preferred', 'fallback', 'walkAway'];

export interface ClauseToInsert {
  clauseId: string;
  version: number | string;
  /** The standard body when absent. */
  position?: ClausePosition;
  title: string;
  /** Paragraphs of the clause, separated by `\n`. */
  text: string;
}

export interface TaggedClause {
  clauseId: string;
  version: string;
  position: ClausePosition;
  title: string;
  text: string;
}

/**
 * How a host tells of changes: `paragraphs` — Word's paragraph added/changed/deleted events (WordApi 1.6),
 * which fire only when text changes; `selection` — selection changes, which also fire when the cursor moves.
 */
export type ChangeEvents = 'paragraphs' | 'selection';

export interface ExportProgress {
  done: number;
  total: number;
}

export interface DocumentHost {
  /** All body paragraphs, read in one batch. */
  readParagraphs(): Promise<DocParagraph[]>;
  /** Selects a range of a paragraph (to show a finding). */
  selectRange(target: TextTarget): Promise<TargetOutcome>;
  /** Inserts a clause at the cursor, wrapped in one content control tagged with its id, version and position. */
  insertClause(clause: ClauseToInsert): Promise<void>;
  /** Clauses inserted from the library that are still in the document. */
  listClauses(): Promise<TaggedClause[]>;
  /**
   * Replaces the text of the `index`-th clause of `listClauses()` and re-tags its content control (a newer
   * version, or another position); false when there is no such clause any more.
   */
  replaceClause(index: number, clause: ClauseToInsert): Promise<boolean>;
  /** Replaces ranges with `insertText` (so track changes records the edit); one outcome per edit. */
  applyEdits(edits: TextEdit[]): Promise<TargetOutcome[]>;
  /** Whether comments can be added (WordApi 1.4). */
  supportsComments(): boolean;
  addComment(target: TextTarget, text: string): Promise<TargetOutcome>;
  getSetting(name: string): Promise<string | undefined>;
  setSetting(name: string, value: string): Promise<void>;
  /** The file name to save under, e.g. `Supply agreement.docx`. */
  documentName(): Promise<string>;
  /** The document as .docx bytes, exported in slices. */
  exportDocx(onProgress?: (p: ExportProgress) => void): Promise<Uint8Array>;
  /** Calls `handler` when the user may have changed the document; returns the way to stop. */
  onChange(handler: () => void): () => void;
  /** What `onChange` listens to. */
  changeEvents(): ChangeEvents;
}
