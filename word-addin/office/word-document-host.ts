/// <reference types="office-js" />
/**
 * DocumentHost over Word's JavaScript API. Each operation is one `run` with a fixed number of
 * `context.sync()` calls, whatever the size of the document: reads are queued in a batch and synced once.
 */
import { normaliseBreaks } from './breaks';
import { clauseTag, controlTitle, parseClauseTag } from './clause-tag';
import type {
  ChangeEvents,
  ClauseToInsert,
  DocParagraph,
  DocumentHost,
  TaggedClause,
  TargetOutcome,
  TextEdit,
  TextTarget,
} from './document-host';
import { exportCompressedFile } from './docx-export';
import { type LocatePlan, planLocate, type SearchStep, toWordSearchText } from './locate';
import type { OfficeEnvironment } from './office-environment';

/** Where a located target ends up: a range to act on, and where to put new text relative to it. */
interface Located {
  range: Word.Range;
  place: 'Replace' | 'After' | 'Before' | 'Start';
}

type Pending =
  | { outcome: 'stale' | 'not-found' }
  | { plan: LocatePlan; paragraph: Word.Paragraph; searches: Word.RangeCollection[] };

function queueSearch(paragraph: Word.Paragraph, s: SearchStep): Word.RangeCollection {
  const found = paragraph.search(toWordSearchText(s.needle), { matchCase: true });
  found.load('items/text');
  return found;
}

function resolve(p: Extract<Pending, { plan: LocatePlan }>): Located | null {
  const pick = (i: number, s: SearchStep) => p.searches[i]?.items[s.occurrence] ?? null;
  switch (p.plan.kind) {
    case 'paragraph-start':
      return { range: p.paragraph.getRange('Start'), place: 'Start' };
    case 'range': {
      const r = pick(0, p.plan.search);
      return r ? { range: r, place: 'Replace' } : null;
    }
    case 'after':
    case 'before': {
      const r = pick(0, p.plan.search);
      return r ? { range: r, place: p.plan.kind === 'after' ? 'After' : 'Before' } : null;
    }
    case 'span': {
      const head = pick(0, p.plan.head);
      const tail = pick(1, p.plan.tail);
      return head && tail ? { range: head.expandTo(tail), place: 'Replace' } : null;
    }
  }
}

/**
 * Finds several targets with two syncs: one for the paragraphs' text, one for all the searches.
 * Returns, per target, the located range or why it could not be found.
 */
async function locateAll(
  context: Word.RequestContext,
  targets: TextTarget[],
): Promise<Array<Located | 'stale' | 'not-found'>> {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load('items/text');
  await context.sync();
  const pending: Pending[] = targets.map((t) => {
    const paragraph = paragraphs.items[t.paragraphIndex];
    if (!paragraph) return { outcome: 'not-found' };
    const text = normaliseBreaks(paragraph.text);
    if (t.paragraphText !== undefined && t.paragraphText !== text) return { outcome: 'stale' };
    const plan = planLocate(text, t);
    if (!plan) return { outcome: 'not-found' };
    const steps =
      plan.kind === 'span' ? [plan.head, plan.tail] : plan.kind === 'paragraph-start' ? [] : [plan.search];
    return { plan, paragraph, searches: steps.map((s) => queueSearch(paragraph, s)) };
  });
  if (pending.some((p) => 'plan' in p && p.searches.length > 0)) await context.sync();
  return pending.map((p) => ('plan' in p ? (resolve(p) ?? 'not-found') : p.outcome));
}

/** Edits that overlap an earlier edit of the same paragraph are refused rather than guessed at. */
function overlapsEarlier(edits: TextEdit[], i: number): boolean {
  const e = edits[i]!;
  return edits
    .slice(0, i)
    .some((o) => o.paragraphIndex === e.paragraphIndex && o.start < e.end && e.start < o.end);
}

function fileNameFromUrl(url: string | null | undefined): string {
  const last = (url ?? '').split(/[\\/]/).pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // keep the raw name
  }
  name = name.replace(/\?.*$/, '').trim();
  if (!name) return 'Document.docx';
  return /\.docx$/i.test(name) ? name : `${name.replace(/\.(docm|doc|dotx|dot)$/i, '')}.docx`;
}

/** Paragraph events (WordApi 1.6) fire only when text changes; older Words only tell of selection changes. */
function changeEvents(env: OfficeEnvironment): ChangeEvents {
  return env.isSetSupported('WordApi', '1.6') ? 'paragraphs' : 'selection';
}

/** Registers the three paragraph events in one batch; stopping removes them in one more. */
function onParagraphEvents(env: OfficeEnvironment, handler: () => void): () => void {
  const listener = async () => handler();
  let stopped = false;
  const registered = env.run(async (context) => {
    const document = context.document;
    const results = [
      document.onParagraphAdded.add(listener),
      document.onParagraphChanged.add(listener),
      document.onParagraphDeleted.add(listener),
    ];
    await context.sync();
    return results;
  });
  return () => {
    if (stopped) return;
    stopped = true;
    void registered.then(async (results) => {
      for (const r of results) r.remove();
      await results[0]?.context.sync();
    });
  };
}

/** Selection changes fire as the user types and moves around, on every Word since WordApi 1.1. */
function onSelectionChange(env: OfficeEnvironment, handler: () => void): () => void {
  const listener = () => handler();
  const event = 'documentSelectionChanged' as unknown as Office.EventType;
  env.document.addHandlerAsync(event, listener);
  return () => env.document.removeHandlerAsync(event, { handler: listener });
}

export function createWordDocumentHost(env: OfficeEnvironment): DocumentHost {
  return {
    readParagraphs: () =>
      env.run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load('items/text');
        await context.sync();
        return paragraphs.items.map((p, index): DocParagraph => ({ index, text: normaliseBreaks(p.text) }));
      }),

    selectRange: (target) =>
      env.run(async (context) => {
        const [found] = await locateAll(context, [target]);
        if (!found || typeof found === 'string') return found ?? 'not-found';
        found.range.select();
        await context.sync();
        return 'done';
      }),

    insertClause: (clause: ClauseToInsert) =>
      env.run(async (context) => {
        const text = clause.text.replace(/\r\n|[\r\v\f\u2028\u2029]/g, '\n');
        const inserted = context.document.getSelection().insertText(text, 'Replace');
        const control = inserted.insertContentControl();
        control.tag = clauseTag(clause.clauseId, clause.version, clause.position);
        control.title = controlTitle(clause.title);
        control.appearance = 'BoundingBox';
        await context.sync();
      }),

    listClauses: () =>
      env.run(async (context) => {
        const controls = context.document.contentControls;
        controls.load('items/tag,items/title,items/text');
        await context.sync();
        return controls.items.flatMap((c): TaggedClause[] => {
          const parsed = parseClauseTag(c.tag ?? '');
          return parsed ? [{ ...parsed, title: c.title ?? '', text: normaliseBreaks(c.text ?? '') }] : [];
        });
      }),

    replaceClause: (index, clause) =>
      env.run(async (context) => {
        const controls = context.document.contentControls;
        controls.load('items/tag');
        await context.sync();
        const control = controls.items.filter((c) => parseClauseTag(c.tag ?? '') !== null)[index];
        if (!control) return false;
        // insertText, not insertOoxml: under track changes Word records the new text as an edit.
        control.insertText(clause.text.replace(/\r\n|[\r\v\f\u2028\u2029]/g, '\n'), 'Replace');
        control.tag = clauseTag(clause.clauseId, clause.version, clause.position);
        control.title = controlTitle(clause.title);
        await context.sync();
        return true;
      }),

    applyEdits: (edits) =>
      env.run(async (context) => {
        const found = await locateAll(context, edits);
        const outcomes = found.map((f, i): TargetOutcome => {
          if (typeof f === 'string') return f;
          if (overlapsEarlier(edits, i)) return 'not-found';
          // insertText, not insertOoxml: under track changes only the changed words are marked.
          f.range.insertText(edits[i]!.replacement, f.place);
          return 'done';
        });
        if (outcomes.includes('done')) await context.sync();
        return outcomes;
      }),

    supportsComments: () => env.isSetSupported('WordApi', '1.4'),

    addComment: (target, text) => {
      if (!env.isSetSupported('WordApi', '1.4')) return Promise.resolve('not-found');
      return env.run(async (context) => {
        const [found] = await locateAll(context, [target]);
        if (!found || typeof found === 'string') return found ?? 'not-found';
        found.range.insertComment(text);
        await context.sync();
        return 'done';
      });
    },

    getSetting: async (name) => {
      const value: unknown = env.document.settings.get(name);
      return typeof value === 'string' ? value : undefined;
    },

    setSetting: (name, value) =>
      new Promise((resolvePromise, reject) => {
        env.document.settings.set(name, value);
        env.document.settings.saveAsync((result) => {
          if (String(result.status) === 'succeeded') resolvePromise();
          else reject(new Error(result.error?.message ?? 'The document settings could not be saved.'));
        });
      }),

    documentName: async () => fileNameFromUrl(env.document.url),

    exportDocx: (onProgress) => exportCompressedFile(env.document, onProgress),

    changeEvents: () => changeEvents(env),

    onChange: (handler) =>
      changeEvents(env) === 'paragraphs' ? onParagraphEvents(env, handler) : onSelectionChange(env, handler),
  };
}
