/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { createWordDocumentHost } from '../../../word-addin/office/word-document-host';
import { FakeWordDocument, fakeOffice } from '../fake-word';

const CLAUSE = '甲方应于收到发票后三十日内付款。甲方逾期付款的，每日按未付金额的万分之五支付违约金。';

function bigDocument(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    i % 7 === 3 ? `第${i}条 ${CLAUSE}` : `Paragraph ${i}: the Supplier shall deliver.`,
  );
}

function hostOver(paragraphs: string[], options: Parameters<typeof fakeOffice>[1] = {}) {
  const doc = new FakeWordDocument(paragraphs);
  const { env, office } = fakeOffice(doc, options);
  return { doc, office, host: createWordDocumentHost(env) };
}

describe('reading paragraphs', () => {
  it('reads a 300-paragraph document with at most two syncs', async () => {
    const { doc, host } = hostOver(bigDocument(300));
    const paragraphs = await host.readParagraphs();
    expect(paragraphs).toHaveLength(300);
    expect(paragraphs[3]?.text).toBe(`第3条 ${CLAUSE}`);
    expect(paragraphs[299]?.index).toBe(299);
    expect(doc.syncs).toBeLessThanOrEqual(2);
  });

  it('normalises the breaks Word reports, keeping offsets', async () => {
    const { host } = hostOver(['Line one\vLine two\r', 'A\rB', 'plain']);
    const texts = (await host.readParagraphs()).map((p) => p.text);
    expect(texts).toEqual(['Line one\nLine two', 'A\nB', 'plain']);
  });
});

describe('selecting a finding', () => {
  it('selects the range by paragraph index and offsets, picking the right repeated occurrence', async () => {
    const paragraphs = bigDocument(300);
    const { doc, host } = hostOver(paragraphs);
    const text = paragraphs[122]!;
    // The second "甲方" of paragraph 122.
    const start = text.indexOf('甲方', text.indexOf('甲方') + 1);
    const outcome = await host.selectRange({
      paragraphIndex: 122,
      start,
      end: start + 2,
      paragraphText: text,
    });
    expect(outcome).toBe('done');
    expect(doc.selection).toEqual({ p0: 122, start, p1: 122, end: start + 2 });
    expect(doc.syncs).toBeLessThanOrEqual(3);
  });

  it('selects a range longer than Word can search for in one piece', async () => {
    const long = `Intro. ${'The Supplier warrants the goods. '.repeat(12)}End.`;
    const { doc, host } = hostOver(['Title', long]);
    const start = 7;
    const end = long.length - 5;
    expect(await host.selectRange({ paragraphIndex: 1, start, end })).toBe('done');
    expect(doc.selection).toEqual({ p0: 1, start, p1: 1, end });
    expect(doc.textOf(doc.selection!)).toBe(long.slice(start, end));
  });

  it('finds text across a soft line break and with a caret in it', async () => {
    const { doc, host } = hostOver(['Price ^ 2\vdue now']);
    const [p] = await host.readParagraphs();
    const start = p!.text.indexOf('^');
    expect(await host.selectRange({ paragraphIndex: 0, start, end: start + 9 })).toBe('done');
    expect(doc.textOf(doc.selection!)).toBe('^ 2\vdue n');
  });

  it('reports a paragraph that changed since the check as stale and selects nothing', async () => {
    const { doc, host } = hostOver(['Payment within 30 days.']);
    const outcome = await host.selectRange({
      paragraphIndex: 0,
      start: 15,
      end: 17,
      paragraphText: 'Payment in 30 days.',
    });
    expect(outcome).toBe('stale');
    expect(doc.selection).toBeNull();
  });

  it('reports a paragraph that does not exist', async () => {
    const { host } = hostOver(['One']);
    expect(await host.selectRange({ paragraphIndex: 4, start: 0, end: 1 })).toBe('not-found');
  });
});

describe('applying fixes', () => {
  it('replaces ranges with insertText, several in one paragraph, in three syncs', async () => {
    const paragraphs = bigDocument(300);
    const { doc, host } = hostOver(paragraphs);
    const text = paragraphs[10]!;
    const a = text.indexOf('甲方');
    const b = text.indexOf('三十日');
    const outcomes = await host.applyEdits([
      { paragraphIndex: 10, start: a, end: a + 2, replacement: '买方', paragraphText: text },
      { paragraphIndex: 10, start: b, end: b + 3, replacement: '30日', paragraphText: text },
      { paragraphIndex: 11, start: 0, end: 9, replacement: 'Clause' },
    ]);
    expect(outcomes).toEqual(['done', 'done', 'done']);
    expect(doc.paragraphs[10]).toBe(text.replace('甲方', '买方').replace('三十日', '30日'));
    expect(doc.paragraphs[11]).toBe(paragraphs[11]!.replace('Paragraph', 'Clause'));
    expect(doc.syncs).toBeLessThanOrEqual(3);
  });

  it('inserts text at an empty range, after the character before it', async () => {
    const { doc, host } = hostOver(['Payment within 30 days.', '']);
    const outcomes = await host.applyEdits([
      { paragraphIndex: 0, start: 17, end: 17, replacement: ' calendar' },
      { paragraphIndex: 1, start: 0, end: 0, replacement: 'New text' },
    ]);
    expect(outcomes).toEqual(['done', 'done']);
    expect(doc.paragraphs).toEqual(['Payment within 30 calendar days.', 'New text']);
  });

  it('refuses an edit that overlaps an earlier one and one on a changed paragraph', async () => {
    const { doc, host } = hostOver(['abcdef']);
    const outcomes = await host.applyEdits([
      { paragraphIndex: 0, start: 1, end: 4, replacement: 'X' },
      { paragraphIndex: 0, start: 3, end: 5, replacement: 'Y' },
      { paragraphIndex: 0, start: 0, end: 1, replacement: 'Z', paragraphText: 'other' },
    ]);
    expect(outcomes).toEqual(['done', 'not-found', 'stale']);
    expect(doc.paragraphs[0]).toBe('aXef');
  });
});

describe('clauses', () => {
  it('wraps an inserted clause in one content control tagged with its id and version', async () => {
    const { doc, host } = hostOver(['Intro', 'Outro']);
    doc.selection = { p0: 0, start: 5, p1: 0, end: 5 };
    await host.insertClause({
      clauseId: 'pay-30',
      version: 3,
      title: 'Payment terms — thirty days after invoice, with late-payment interest at the statutory rate',
      text: '1. Payment\n甲方应于收到发票后三十日内付款。',
    });
    expect(doc.syncs).toBe(1);
    expect(doc.controls).toHaveLength(1);
    expect(doc.controls[0]?.tag).toBe('pactfile:clause:pay-30@3');
    expect(doc.controls[0]?.title.length).toBeLessThanOrEqual(64);
    expect(doc.paragraphs).toEqual(['Intro1. Payment', '甲方应于收到发票后三十日内付款。', 'Outro']);
    expect(await host.listClauses()).toEqual([
      {
        clauseId: 'pay-30',
        version: '3',
        position: 'standard',
        title: doc.controls[0]?.title,
        text: '1. Payment\n甲方应于收到发票后三十日内付款。',
      },
    ]);
  });

  it('lists only the content controls it tagged', async () => {
    const { doc, host } = hostOver(['a', 'b']);
    doc.controls.push({
      pos: { p0: 1, start: 0, p1: 1, end: 1 },
      tag: 'other:thing',
      title: 'x',
      appearance: '',
    });
    expect(await host.listClauses()).toEqual([]);
  });

  it('replaces a clause with a newer version in two syncs, re-tagging its content control', async () => {
    const { doc, host } = hostOver(['Intro', '', 'Outro']);
    doc.controls.push({
      pos: { p0: 2, start: 0, p1: 2, end: 1 },
      tag: 'other:thing',
      title: 'x',
      appearance: '',
    });
    doc.selection = { p0: 1, start: 0, p1: 1, end: 0 };
    await host.insertClause({ clauseId: 'pay', version: 1, title: 'Payment', text: 'Pay in 30 days.' });
    doc.syncs = 0;
    const replaced = await host.replaceClause(0, {
      clauseId: 'pay',
      version: 2,
      title: 'Payment',
      text: 'Pay in 45 days.\nLate payment bears interest.',
    });
    expect(replaced).toBe(true);
    expect(doc.syncs).toBe(2);
    expect(await host.listClauses()).toEqual([
      {
        clauseId: 'pay',
        version: '2',
        position: 'standard',
        title: 'Payment',
        text: 'Pay in 45 days.\nLate payment bears interest.',
      },
    ]);
    expect(doc.paragraphs).toEqual(['Intro', 'Pay in 45 days.', 'Late payment bears interest.', 'Outro']);
    expect(doc.controls[0]?.tag).toBe('other:thing');
    expect(await host.replaceClause(1, { clauseId: 'pay', version: 3, title: '', text: 'x' })).toBe(false);
  });

  it('tags a position in the content control, reads it back and keeps it when re-tagging', async () => {
    const { doc, host } = hostOver(['Intro', 'Outro']);
    doc.selection = { p0: 0, start: 5, p1: 0, end: 5 };
    await host.insertClause({
      clauseId: 'pay',
      version: 1,
      position: 'fallback',
      title: 'Payment',
      text: 'Pay in 60 days.',
    });
    expect(doc.controls[0]?.tag).toBe('pactfile:clause:pay@1#fallback');
    expect((await host.listClauses()).map((c) => [c.version, c.position])).toEqual([['1', 'fallback']]);

    await host.replaceClause(0, {
      clauseId: 'pay',
      version: 2,
      position: 'fallback',
      title: 'Payment',
      text: 'Pay in 50 days.',
    });
    expect(doc.controls[0]?.tag).toBe('pactfile:clause:pay@2#fallback');
    await host.replaceClause(0, { clauseId: 'pay', version: 2, title: 'Payment', text: 'Pay in 30 days.' });
    expect(doc.controls[0]?.tag).toBe('pactfile:clause:pay@2');
    expect((await host.listClauses()).map((c) => c.position)).toEqual(['standard']);
  });

  it('reads tags written before positions were recorded as the standard text', async () => {
    const { doc, host } = hostOver(['Old clause']);
    doc.controls.push({
      pos: { p0: 0, start: 0, p1: 0, end: 10 },
      tag: 'pactfile:clause:pay@1',
      title: 'Payment',
      appearance: '',
    });
    expect(await host.listClauses()).toEqual([
      { clauseId: 'pay', version: '1', position: 'standard', title: 'Payment', text: 'Old clause' },
    ]);
  });
});

describe('comments', () => {
  it('adds a comment on the range when WordApi 1.4 is there', async () => {
    const { doc, host } = hostOver(['Liability is unlimited.'], { sets: { WordApi: '1.4' } });
    expect(host.supportsComments()).toBe(true);
    expect(await host.addComment({ paragraphIndex: 0, start: 13, end: 22 }, 'Cap the liability')).toBe(
      'done',
    );
    expect(doc.comments).toEqual([{ text: 'unlimited', commentText: 'Cap the liability' }]);
  });

  it('does nothing without WordApi 1.4', async () => {
    const { doc, host } = hostOver(['Liability is unlimited.'], { sets: { WordApi: '1.3' } });
    expect(host.supportsComments()).toBe(false);
    expect(await host.addComment({ paragraphIndex: 0, start: 13, end: 22 }, 'x')).toBe('not-found');
    expect(doc.comments).toEqual([]);
    expect(doc.syncs).toBe(0);
  });
});

describe('settings, name and export', () => {
  it('keeps a setting in the document and saves the settings', async () => {
    const { office, host } = hostOver([]);
    expect(await host.getSetting('pactfile.contractId')).toBeUndefined();
    await host.setSetting('pactfile.contractId', 'c_123');
    expect(await host.getSetting('pactfile.contractId')).toBe('c_123');
    expect(office.savedSettings).toBe(1);
  });

  it('names the file after the document', async () => {
    expect(
      await hostOver([], {
        url: 'https://x/sites/legal/%E9%87%87%E8%B4%AD%E5%90%88%E5%90%8C.docx',
      }).host.documentName(),
    ).toBe('采购合同.docx');
    expect(await hostOver([], { url: 'C:\\Contracts\\Supply.doc' }).host.documentName()).toBe('Supply.docx');
    expect(await hostOver([], { url: '' }).host.documentName()).toBe('Document.docx');
  });

  it('exports the document in slices, reporting progress, and closes the file', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 31) % 251);
    const { office, host } = hostOver([], { bytes });
    const seen: string[] = [];
    const out = await host.exportDocx((p) => seen.push(`${p.done}/${p.total}`));
    expect(out).toEqual(bytes);
    expect(seen).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
    expect(office.openFiles).toBe(0);
  });

  it('closes the file when a slice fails, so the next export can run', async () => {
    const { office, host } = hostOver([], { bytes: new Uint8Array(150_000), failSlice: 1 });
    await expect(host.exportDocx()).rejects.toThrow('slice failed');
    expect(office.openFiles).toBe(0);
  });
});

describe('changes', () => {
  it('listens to selection changes, the event Word fires while the user types, until stopped', () => {
    const { office, host } = hostOver(['a']);
    let calls = 0;
    const stop = host.onChange(() => calls++);
    const fire = () => {
      for (const h of office.handlers.get('documentSelectionChanged') ?? []) h();
    };
    fire();
    fire();
    expect(calls).toBe(2);
    stop();
    fire();
    expect(calls).toBe(2);
    expect(host.changeEvents()).toBe('selection');
  });

  it('listens to paragraph events instead where WordApi 1.6 is supported, and removes them when stopped', async () => {
    const { doc, office, host } = hostOver(['a', 'b'], { sets: { WordApi: '1.6' } });
    expect(host.changeEvents()).toBe('paragraphs');
    let calls = 0;
    const stop = host.onChange(() => calls++);
    await new Promise((r) => setTimeout(r, 0));
    expect(doc.syncs).toBe(1);
    expect([...doc.paragraphHandlers.keys()].sort()).toEqual([
      'onParagraphAdded',
      'onParagraphChanged',
      'onParagraphDeleted',
    ]);
    expect(office.handlers.get('documentSelectionChanged')?.size ?? 0).toBe(0);
    doc.typeInto(1, 'bb');
    doc.typeInto(1, 'bbb');
    expect(calls).toBe(2);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(doc.syncs).toBe(2);
    doc.typeInto(1, 'b');
    expect(calls).toBe(2);
    expect([...doc.paragraphHandlers.values()].every((set) => set.size === 0)).toBe(true);
  });
});
