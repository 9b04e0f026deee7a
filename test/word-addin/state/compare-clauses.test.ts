import { describe, expect, it } from 'vitest';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { filledClause } from '../../../word-addin/state/clause-form';
import { insertClause, loadClauseLibrary } from '../../../word-addin/state/clause-library';
import { compareClause, compareClauses } from '../../../word-addin/state/compare-clauses';

async function documentWithClause(id?: string) {
  const library = await loadClauseLibrary('zh-CN');
  const clause =
    library.find((c) => c.id === id) ??
    library.find((c) => c.variables.some((v) => v.default !== undefined))!;
  const host = createFakeDocumentHost({ paragraphs: ['合同'] });
  host.state.selection = { paragraphIndex: 0, start: 0, end: 0 };
  await insertClause(host, clause);
  return { host, clause };
}

describe('comparing clauses with the standard', () => {
  it('finds an inserted clause unchanged, its filled variables not counted as changes', async () => {
    const { host, clause } = await documentWithClause();
    const [cmp] = await compareClauses(host);
    expect(cmp?.standard?.id).toBe(clause.id);
    expect(cmp?.outdated).toBe(false);
    expect(cmp?.redline?.summary.identical).toBe(true);
    expect(cmp?.redline?.summary.words.changed).toBe(0);
  });

  it('finds every library clause unchanged right after inserting it', async () => {
    for (const clause of [...(await loadClauseLibrary('zh-CN')), ...(await loadClauseLibrary('en'))]) {
      const host = createFakeDocumentHost({ paragraphs: [] });
      await insertClause(host, clause);
      const [cmp] = await compareClauses(host);
      expect(cmp?.redline?.summary.identical, clause.id).toBe(true);
    }
  });

  it('does not count a value put in place of a variable as a deviation', async () => {
    const { host } = await documentWithClause('zh.governing-law');
    const before = host.state.paragraphs.join('\n');
    const [standard] = await compareClauses(host);
    const filled = standard?.redline?.paragraphs.flatMap((p) => p.ops).find((o) => o.op === 'variable');
    expect(filled).toBeDefined();
    if (filled?.op !== 'variable') return;
    host.state.paragraphs = before.replace(filled.text, '香港特别行政区法律').split('\n');
    const [cmp] = await compareClauses(host);
    expect(cmp?.redline?.summary.words.changed).toBe(0);
  });

  it('shows the words changed in the document as a redline', async () => {
    const { host } = await documentWithClause();
    const at = host.state.paragraphs.findIndex((p) => p.includes('甲方') || p.includes('一方'));
    expect(at).toBeGreaterThan(0);
    const text = host.state.paragraphs[at]!;
    const word = text.includes('甲方') ? '甲方' : '一方';
    host.state.paragraphs[at] = text.replace(word, '丙方');
    const [cmp] = await compareClauses(host);
    expect(cmp?.redline?.summary.identical).toBe(false);
    const ops = cmp?.redline?.paragraphs.flatMap((p) => p.ops) ?? [];
    expect(ops.some((o) => o.op === 'insert' && o.text.includes('丙'))).toBe(true);
    expect(ops.some((o) => o.op === 'delete' && word.includes(o.text.slice(-1)))).toBe(true);
  });

  it('says when a tagged clause is not in the library, and when the library has a newer version', async () => {
    const host = createFakeDocumentHost({ paragraphs: [] });
    await host.insertClause({ clauseId: 'acme.custom', version: 1, title: 'Custom', text: 'Anything.' });
    const library = await loadClauseLibrary('en');
    await host.insertClause({
      ...{ clauseId: library[0]!.id, title: 'Old', text: library[0]!.body },
      version: 0,
    });
    const [custom, old] = await compareClauses(host);
    expect(custom).toMatchObject({ standard: null, redline: null, outdated: false });
    expect(old?.outdated).toBe(true);
  });
});

describe('comparing a clause inserted in a negotiation position', () => {
  async function documentWithFallback(id = 'en.payment', values = {}) {
    const clause = [...(await loadClauseLibrary('en')), ...(await loadClauseLibrary('zh-CN'))].find(
      (c) => c.id === id,
    )!;
    const host = createFakeDocumentHost({ paragraphs: ['Agreement'] });
    host.state.selection = { paragraphIndex: 0, start: 0, end: 0 };
    await host.insertClause(filledClause(clause, values, 'fallback'));
    return { host, clause };
  }

  it('finds an unchanged fallback the same as the fallback position, where the standard would differ', async () => {
    const { host, clause } = await documentWithFallback('en.payment', { paymentDays: 60 });
    const [cmp] = await compareClauses(host);
    expect(cmp?.inDocument.position).toBe('fallback');
    expect(cmp?.comparedWith).toBe('fallback');
    expect(cmp?.positionMissing).toBe(false);
    expect(cmp?.redline?.summary.words.changed).toBe(0);
    expect(cmp?.redline?.summary.words.variables).toBe(1);
    // The same text read as the standard is far from it: the position is what makes it match.
    const asStandard = compareClause({ ...cmp!.inDocument, position: 'standard' }, clause);
    expect(asStandard.redline?.summary.words.changed).toBeGreaterThan(10);
  });

  it('finds every position of every library clause unchanged right after inserting it', async () => {
    for (const clause of [...(await loadClauseLibrary('zh-CN')), ...(await loadClauseLibrary('en'))]) {
      for (const position of ['preferred', 'fallback', 'walkAway'] as const) {
        if (!clause.positions?.[position]) continue;
        const host = createFakeDocumentHost({ paragraphs: [] });
        await host.insertClause(filledClause(clause, {}, position));
        const [cmp] = await compareClauses(host);
        expect(cmp?.comparedWith, `${clause.id} ${position}`).toBe(position);
        expect(cmp?.redline?.summary.identical, `${clause.id} ${position}`).toBe(true);
      }
    }
  });

  it('shows an edit of the fallback text as a deviation from the fallback', async () => {
    const { host } = await documentWithFallback('zh.payment', { paymentDays: 60 });
    const at = host.state.paragraphs.findIndex((p) => p.includes('增值税专用发票'));
    expect(at).toBeGreaterThan(0);
    host.state.paragraphs[at] = host.state.paragraphs[at]!.replace('增值税专用发票', '普通发票');
    const [cmp] = await compareClauses(host);
    expect(cmp?.comparedWith).toBe('fallback');
    expect(cmp?.redline?.summary.identical).toBe(false);
    const ops = cmp?.redline?.paragraphs.flatMap((p) => p.ops) ?? [];
    expect(ops.some((o) => o.op === 'insert' && o.text.includes('普通'))).toBe(true);
    expect(ops.some((o) => o.op === 'delete' && o.text.includes('增值税专用'))).toBe(true);
    // The value put in place of the days is still not a deviation.
    expect(ops.some((o) => o.op === 'variable' && o.name === 'paymentDays' && o.text === '60')).toBe(true);
  });

  it('compares with the standard, and says so, when the library no longer offers the position', async () => {
    const { host, clause } = await documentWithFallback('en.payment');
    const { fallback: _, ...others } = clause.positions ?? {};
    const [inDocument] = await host.listClauses();
    const cmp = compareClause(inDocument!, { ...clause, positions: others });
    expect(cmp.positionMissing).toBe(true);
    expect(cmp.comparedWith).toBe('standard');
    expect(cmp.redline?.summary.identical).toBe(false);
  });
});
