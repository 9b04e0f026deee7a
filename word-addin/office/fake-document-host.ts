/**
 * An in-memory document behind the same DocumentHost interface: used by component tests and by the
 * task pane opened outside Word with `?host=fake` (end-to-end tests, demos).
 */
import { splitParagraphs } from './breaks';
import { clauseTag, parseClauseTag } from './clause-tag';
import type {
  ChangeEvents,
  DocParagraph,
  DocumentHost,
  TaggedClause,
  TargetOutcome,
  TextEdit,
  TextTarget,
} from './document-host';
import { minimalDocx } from './minimal-docx';

export interface FakeDocumentOptions {
  paragraphs?: string[];
  name?: string;
  settings?: Record<string, string>;
  comments?: boolean;
  /** Bytes per export slice; small values exercise the progress display. */
  sliceSize?: number;
  /** What `onChange` reports, as a Word with (`paragraphs`) or without (`selection`) WordApi 1.6. */
  changeEvents?: ChangeEvents;
}

export interface FakeDocumentState {
  paragraphs: string[];
  selection: TextTarget | null;
  comments: Array<{ target: TextTarget; text: string }>;
  settings: Record<string, string>;
  clauses: Array<{ tag: string; title: string; first: number; count: number }>;
}

export interface FakeDocumentHost extends DocumentHost {
  state: FakeDocumentState;
  /** Replaces a paragraph's text as typing would, and tells the listeners. */
  type(paragraphIndex: number, text: string): void;
}

export function createFakeDocumentHost(options: FakeDocumentOptions = {}): FakeDocumentHost {
  const state: FakeDocumentState = {
    paragraphs: [...(options.paragraphs ?? [])],
    selection: null,
    comments: [],
    settings: { ...(options.settings ?? {}) },
    clauses: [],
  };
  const sliceSize = options.sliceSize ?? 64 * 1024;
  const listeners = new Set<() => void>();

  const check = (t: TextTarget): TargetOutcome | null => {
    const text = state.paragraphs[t.paragraphIndex];
    if (text === undefined) return 'not-found';
    if (t.paragraphText !== undefined && t.paragraphText !== text) return 'stale';
    if (t.start < 0 || t.end < t.start || t.end > text.length) return 'not-found';
    return null;
  };

  return {
    state,
    type: (paragraphIndex, text) => {
      state.paragraphs[paragraphIndex] = text;
      for (const l of listeners) l();
    },
    onChange: (handler) => {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
    changeEvents: () => options.changeEvents ?? 'selection',
    readParagraphs: async () => state.paragraphs.map((text, index): DocParagraph => ({ index, text })),

    selectRange: async (target) => {
      const problem = check(target);
      if (problem) return problem;
      state.selection = { paragraphIndex: target.paragraphIndex, start: target.start, end: target.end };
      return 'done';
    },

    insertClause: async (clause) => {
      const lines = splitParagraphs(clause.text);
      const at = state.selection ? state.selection.paragraphIndex + 1 : state.paragraphs.length;
      state.paragraphs.splice(at, 0, ...lines);
      for (const c of state.clauses) if (c.first >= at) c.first += lines.length;
      state.clauses.push({
        tag: clauseTag(clause.clauseId, clause.version, clause.position),
        title: clause.title,
        first: at,
        count: lines.length,
      });
      state.selection = { paragraphIndex: at + lines.length - 1, start: 0, end: 0 };
    },

    listClauses: async () =>
      state.clauses.flatMap((c): TaggedClause[] => {
        const parsed = parseClauseTag(c.tag);
        const text = state.paragraphs.slice(c.first, c.first + c.count).join('\n');
        return parsed ? [{ ...parsed, title: c.title, text }] : [];
      }),

    replaceClause: async (index, clause) => {
      const c = state.clauses[index];
      if (!c) return false;
      const lines = splitParagraphs(clause.text);
      state.paragraphs.splice(c.first, c.count, ...lines);
      const shift = lines.length - c.count;
      for (const other of state.clauses) if (other !== c && other.first > c.first) other.first += shift;
      c.count = lines.length;
      c.tag = clauseTag(clause.clauseId, clause.version, clause.position);
      c.title = clause.title;
      for (const l of listeners) l();
      return true;
    },

    applyEdits: async (edits: TextEdit[]) => {
      const outcomes = edits.map((e, i): TargetOutcome => {
        const problem = check(e);
        if (problem) return problem;
        const overlaps = edits
          .slice(0, i)
          .some((o) => o.paragraphIndex === e.paragraphIndex && o.start < e.end && e.start < o.end);
        return overlaps ? 'not-found' : 'done';
      });
      // Apply from the end of each paragraph backwards so earlier offsets stay valid.
      const order = edits
        .map((e, i) => ({ e, i }))
        .filter(({ i }) => outcomes[i] === 'done')
        .sort((a, b) => b.e.paragraphIndex - a.e.paragraphIndex || b.e.start - a.e.start);
      for (const { e } of order) {
        const text = state.paragraphs[e.paragraphIndex]!;
        state.paragraphs[e.paragraphIndex] = text.slice(0, e.start) + e.replacement + text.slice(e.end);
      }
      return outcomes;
    },

    supportsComments: () => options.comments ?? true,

    addComment: async (target, text) => {
      if (!(options.comments ?? true)) return 'not-found';
      const problem = check(target);
      if (problem) return problem;
      state.comments.push({ target, text });
      return 'done';
    },

    getSetting: async (name) => state.settings[name],
    setSetting: async (name, value) => {
      state.settings[name] = value;
    },

    documentName: async () => options.name ?? 'Document.docx',

    exportDocx: async (onProgress) => {
      const bytes = minimalDocx(state.paragraphs);
      const total = Math.max(1, Math.ceil(bytes.length / sliceSize));
      for (let done = 0; done <= total; done++) {
        onProgress?.({ done, total });
        // Let the page paint between slices, as Office's asynchronous slices do.
        if (done < total) await new Promise((r) => setTimeout(r, 0));
      }
      return bytes;
    },
  };
}
