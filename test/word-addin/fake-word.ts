/// <reference types="office-js" />
/**
 * A small fake of Word's JavaScript API for unit tests: a document of paragraphs, proxies whose loads and
 * actions only take effect at `context.sync()` (like the real office.js), and a count of the syncs.
 */
import type { OfficeEnvironment } from '../../word-addin/office/office-environment';

interface Pos {
  p0: number;
  start: number;
  p1: number;
  end: number;
}

export class FakeWordDocument {
  syncs = 0;
  selection: Pos | null = null;
  controls: Array<{ pos: Pos; tag: string; title: string; appearance: string }> = [];
  comments: Array<{ text: string; commentText: string }> = [];
  /** Every live range, so edits move the ranges after them like Word does. */
  live: Pos[] = [];
  /** Handlers registered on the document's paragraph events (WordApi 1.6), by event name. */
  paragraphHandlers = new Map<string, Set<(args: unknown) => Promise<unknown>>>();
  constructor(public paragraphs: string[]) {}

  textOf(pos: Pos): string {
    if (pos.p0 === pos.p1) return (this.paragraphs[pos.p0] ?? '').slice(pos.start, pos.end);
    const parts = [(this.paragraphs[pos.p0] ?? '').slice(pos.start)];
    for (let p = pos.p0 + 1; p < pos.p1; p++) parts.push(this.paragraphs[p] ?? '');
    parts.push((this.paragraphs[pos.p1] ?? '').slice(0, pos.end));
    return parts.join('\r');
  }

  /** Replaces `pos` by `text` (paragraphs split on `\n`) and returns where the new text is. */
  write(pos: Pos, text: string): Pos {
    const lines = text.split('\n');
    const before = (this.paragraphs[pos.p0] ?? '').slice(0, pos.start);
    const after = (this.paragraphs[pos.p1] ?? '').slice(pos.end);
    const replaced = pos.p1 - pos.p0 + 1;
    const last = lines.length - 1;
    const fresh = lines.map((l, i) => (i === 0 ? before : '') + l + (i === last ? after : ''));
    this.paragraphs.splice(pos.p0, replaced, ...fresh);
    const endInLast = (last === 0 ? before.length : 0) + (lines[last]?.length ?? 0);
    const added = lines.length - replaced;
    const shiftLen = endInLast - pos.end;
    for (const r of this.live) {
      if (r === pos) continue;
      if (r.p0 === pos.p1 && r.start >= pos.end) {
        r.start += shiftLen;
        if (r.p1 === r.p0) r.end += shiftLen;
      }
      if (r.p0 > pos.p1) r.p0 += added;
      if (r.p1 > pos.p1) r.p1 += added;
      if (r.p1 === pos.p1 + added && r.p0 !== r.p1 && r.end >= pos.end) r.end += shiftLen;
    }
    return { p0: pos.p0, start: pos.start, p1: pos.p0 + last, end: endInLast };
  }

  /** Types into a paragraph as a user would, raising Word's paragraph-changed event. */
  typeInto(index: number, text: string): void {
    this.paragraphs[index] = text;
    for (const h of this.paragraphHandlers.get('onParagraphChanged') ?? [])
      void h({ type: 'ParagraphChanged' });
  }

  track(pos: Pos): Pos {
    this.live.push(pos);
    return pos;
  }
}

class Loadable<T> {
  private wanted = false;
  private value: T[] | null = null;
  constructor(
    private ctx: FakeContext,
    private compute: () => T[],
  ) {}
  load(_props?: string): this {
    this.wanted = true;
    this.ctx.queue(() => {
      this.value = this.compute();
    });
    return this;
  }
  get items(): T[] {
    if (!this.wanted || this.value === null)
      throw new Error('PropertyNotLoaded: call load() and sync() first');
    return this.value;
  }
}

class FakeRange {
  constructor(
    protected ctx: FakeContext,
    /** Filled in at sync for ranges that come from actions. */
    public pos: Pos | null,
  ) {}
  protected at(): Pos {
    if (!this.pos) throw new Error('The range is not resolved yet');
    return this.pos;
  }
  get text(): string {
    return this.ctx.doc.textOf(this.at());
  }
  select(): void {
    this.ctx.queue(() => {
      this.ctx.doc.selection = { ...this.at() };
    });
  }
  expandTo(other: FakeRange): FakeRange {
    const a = this.at();
    const b = other.at();
    return new FakeRange(this.ctx, this.ctx.doc.track({ p0: a.p0, start: a.start, p1: b.p1, end: b.end }));
  }
  insertText(text: string, place: 'Replace' | 'Start' | 'End' | 'Before' | 'After'): FakeRange {
    const out = new FakeRange(this.ctx, null);
    this.ctx.queue(() => {
      const at = this.at();
      const target: Pos =
        place === 'Replace'
          ? at
          : place === 'Start' || place === 'Before'
            ? { p0: at.p0, start: at.start, p1: at.p0, end: at.start }
            : { p0: at.p1, start: at.end, p1: at.p1, end: at.end };
      out.pos = this.ctx.doc.track(this.ctx.doc.write(target === at ? at : this.ctx.doc.track(target), text));
    });
    return out;
  }
  insertContentControl(): { tag: string; title: string; appearance: string } {
    const control = { tag: '', title: '', appearance: '' };
    this.ctx.queue(() => {
      this.ctx.doc.controls.push({ pos: this.at(), ...control });
    });
    return control;
  }
  insertComment(commentText: string): void {
    this.ctx.queue(() => {
      this.ctx.doc.comments.push({ text: this.text, commentText });
    });
  }
}

/** A content control as a loaded proxy: its text is read at load, edits and a new tag apply at sync. */
class FakeContentControl {
  readonly text: string;
  constructor(
    private ctx: FakeContext,
    private control: FakeWordDocument['controls'][number],
  ) {
    this.text = ctx.doc.textOf(control.pos);
  }
  get tag(): string {
    return this.control.tag;
  }
  set tag(value: string) {
    this.ctx.queue(() => {
      this.control.tag = value;
    });
  }
  get title(): string {
    return this.control.title;
  }
  set title(value: string) {
    this.ctx.queue(() => {
      this.control.title = value;
    });
  }
  insertText(text: string, place: 'Replace'): void {
    if (place !== 'Replace') throw new Error('only Replace is faked');
    this.ctx.queue(() => {
      this.control.pos = this.ctx.doc.track(this.ctx.doc.write(this.control.pos, text));
    });
  }
}

class FakeParagraph extends FakeRange {
  constructor(
    ctx: FakeContext,
    private index: number,
    private snapshot: string,
  ) {
    super(ctx, { p0: index, start: 0, p1: index, end: snapshot.length });
  }
  override get text(): string {
    return this.snapshot;
  }
  getRange(where: 'Start'): FakeRange {
    if (where !== 'Start') throw new Error('only Start is faked');
    return new FakeRange(this.ctx, this.ctx.doc.track({ p0: this.index, start: 0, p1: this.index, end: 0 }));
  }
  search(wordText: string, options: { matchCase?: boolean }): Loadable<FakeRange> {
    if (wordText.length > 255) throw new Error('SearchStringInvalidOrTooLong');
    const needle = wordText.replace(/\^(\^|l)/g, (_m, c: string) => (c === '^' ? '^' : '\v'));
    return new Loadable(this.ctx, () => {
      const hay = this.ctx.doc.paragraphs[this.index] ?? '';
      const fold = (s: string) => (options.matchCase ? s : s.toLowerCase());
      const found: FakeRange[] = [];
      let pos = fold(hay).indexOf(fold(needle));
      while (pos !== -1 && needle) {
        const p = this.ctx.doc.track({
          p0: this.index,
          start: pos,
          p1: this.index,
          end: pos + needle.length,
        });
        found.push(new FakeRange(this.ctx, p));
        pos = fold(hay).indexOf(fold(needle), pos + needle.length);
      }
      return found;
    });
  }
}

export class FakeContext {
  private pending: Array<() => void> = [];
  constructor(public doc: FakeWordDocument) {}
  /** `document.onParagraph…`: `add` takes effect at the next sync; `remove` at the sync after it. */
  events(name: string) {
    return {
      add: (handler: (args: unknown) => Promise<unknown>) => {
        this.queue(() => {
          const set = this.doc.paragraphHandlers.get(name) ?? new Set();
          set.add(handler);
          this.doc.paragraphHandlers.set(name, set);
        });
        return {
          context: this,
          remove: () => this.queue(() => this.doc.paragraphHandlers.get(name)?.delete(handler)),
        };
      },
    };
  }
  queue(op: () => void): void {
    this.pending.push(op);
  }
  async sync(): Promise<void> {
    this.doc.syncs++;
    const ops = this.pending;
    this.pending = [];
    for (const op of ops) op();
  }
  get document() {
    const doc = this.doc;
    return {
      body: {
        paragraphs: new Loadable(this, () => doc.paragraphs.map((t, i) => new FakeParagraph(this, i, t))),
      },
      contentControls: new Loadable(this, () => doc.controls.map((c) => new FakeContentControl(this, c))),
      onParagraphAdded: this.events('onParagraphAdded'),
      onParagraphChanged: this.events('onParagraphChanged'),
      onParagraphDeleted: this.events('onParagraphDeleted'),
      getSelection: () => new FakeRange(this, doc.track(doc.selection ?? { p0: 0, start: 0, p1: 0, end: 0 })),
    };
  }
}

export interface FakeOfficeDocument {
  url: string;
  settings: Map<string, unknown>;
  savedSettings: number;
  openFiles: number;
  bytes: Uint8Array;
  handlers: Map<string, Set<() => void>>;
}

/** A fake environment over `doc`; `file` are the bytes the export gives back. */
export function fakeOffice(
  doc: FakeWordDocument,
  options: { sets?: Record<string, string>; bytes?: Uint8Array; url?: string; failSlice?: number } = {},
): { env: OfficeEnvironment; office: FakeOfficeDocument } {
  const office: FakeOfficeDocument = {
    url: options.url ?? '',
    settings: new Map(),
    savedSettings: 0,
    openFiles: 0,
    bytes: options.bytes ?? new Uint8Array(),
    handlers: new Map(),
  };
  const ok = <T>(value: T) => ({ status: 'succeeded', value });
  const document = {
    addHandlerAsync: (event: string, handler: () => void) => {
      const set = office.handlers.get(event) ?? new Set();
      set.add(handler);
      office.handlers.set(event, set);
    },
    removeHandlerAsync: (event: string, options: { handler: () => void }) => {
      office.handlers.get(event)?.delete(options.handler);
    },
    get url() {
      return office.url;
    },
    settings: {
      get: (name: string) => office.settings.get(name) ?? null,
      set: (name: string, value: unknown) => office.settings.set(name, value),
      saveAsync: (cb: (r: unknown) => void) => {
        office.savedSettings++;
        cb(ok(undefined));
      },
    },
    getFileAsync: (type: string, opts: { sliceSize: number }, cb: (r: unknown) => void) => {
      if (type !== 'compressed') throw new Error(`unexpected file type ${type}`);
      if (office.openFiles > 0) return cb({ status: 'failed', error: { message: 'a file is already open' } });
      office.openFiles++;
      const size = opts.sliceSize;
      const sliceCount = Math.max(1, Math.ceil(office.bytes.length / size));
      cb(
        ok({
          sliceCount,
          size: office.bytes.length,
          getSliceAsync: (i: number, done: (r: unknown) => void) => {
            if (i === options.failSlice)
              return done({ status: 'failed', error: { message: 'slice failed' } });
            done(ok({ index: i, data: Array.from(office.bytes.subarray(i * size, (i + 1) * size)) }));
          },
          closeAsync: (done: () => void) => {
            office.openFiles--;
            done();
          },
        }),
      );
    },
  };
  const sets = options.sets ?? { WordApi: '1.3' };
  const env: OfficeEnvironment = {
    run: (batch) => batch(new FakeContext(doc) as unknown as Word.RequestContext),
    document: document as unknown as Office.Document,
    isSetSupported: (name, min) => {
      const have = sets[name];
      return have !== undefined && Number.parseFloat(have) >= Number.parseFloat(min);
    },
  };
  return { env, office };
}
