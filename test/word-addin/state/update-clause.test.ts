import { fillBody } from '@shared/clauses/variables';
import { describe, expect, it } from 'vitest';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { filledClause } from '../../../word-addin/state/clause-form';
import { clausesInDocument, isOutdated, loadClauseLibrary } from '../../../word-addin/state/clause-library';
import { compareClauses } from '../../../word-addin/state/compare-clauses';
import { recoverValues, updateClause, updatedClause } from '../../../word-addin/state/update-clause';

async function payment() {
  return (await loadClauseLibrary('zh-CN')).find((c) => c.id === 'zh.payment')!;
}

/** A document holding version 1 of the payment clause, filled in by the drafter. */
async function documentWithVersion1() {
  const clause = await payment();
  const v1 = clause.history.find((h) => h.version === 1)!.body;
  const values = {
    contractPrice: { value: 1200000, currency: 'CNY' },
    paymentDays: 45,
    latePaymentRate: 0.03,
  };
  const { text } = fillBody(v1, clause.variables, values, 'zh-CN');
  const host = createFakeDocumentHost({ paragraphs: ['采购合同', '第一条 标的'] });
  host.state.selection = { paragraphIndex: 0, start: 0, end: 0 };
  await host.insertClause({ clauseId: clause.id, version: 1, title: '付款', text });
  return { host, clause, text };
}

describe('updating a clause to the library version', () => {
  it('reads back the values filled into the inserted version', async () => {
    const { host, clause } = await documentWithVersion1();
    const [inDocument] = await host.listClauses();
    const values = recoverValues(clause, inDocument!);
    expect(values.paymentDays).toBe('45');
    expect(values.latePaymentRate).toBe('0.03');
    expect(values.contractPrice).toContain('12,000.00');
  });

  it('replaces the text, keeps the values and re-tags the content control', async () => {
    const { host, clause } = await documentWithVersion1();
    const [before] = await clausesInDocument(host, [clause]);
    expect(before && isOutdated(before)).toBe(true);
    expect(await updateClause(host, 0, before!, clause)).toBe('updated');

    const [after] = await clausesInDocument(host, [clause]);
    expect(after?.version).toBe('2');
    expect(after && isOutdated(after)).toBe(false);
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@2');
    expect(after?.text).toContain('后 45 日内');
    expect(after?.text).toContain('0.03%');
    expect(after?.text).toContain('12,000.00');
    // New in version 2: the VAT rate takes its default; the bank details stay to be filled.
    expect(after?.text).toContain('税率 13%');
    expect(after?.text).toContain('{{bankName}}');
    // The paragraphs around the clause are untouched.
    expect(host.state.paragraphs[0]).toBe('采购合同');
    expect(host.state.paragraphs.at(-1)).toBe('第一条 标的');
  });

  it('leaves the updated clause compared against the new standard with only filled values differing', async () => {
    const { host, clause } = await documentWithVersion1();
    const [inDocument] = await host.listClauses();
    await updateClause(host, 0, inDocument!, clause);
    const [cmp] = await compareClauses(host);
    expect(cmp?.outdated).toBe(false);
    expect(cmp?.redline?.summary.words.changed).toBe(0);
  });

  it('fills from the defaults when the inserted version is no longer in the history', async () => {
    const clause = await payment();
    const updated = updatedClause(clause, {
      clauseId: clause.id,
      version: '0',
      position: 'standard',
      title: '',
      text: 'x',
    });
    expect(updated?.text).toBe(fillBody(clause.body, clause.variables, {}, 'zh-CN').text);
  });

  it('says when the clause is gone', async () => {
    const clause = await payment();
    const host = createFakeDocumentHost({ paragraphs: [] });
    expect(
      await updateClause(
        host,
        0,
        { clauseId: clause.id, version: '1', position: 'standard', title: '', text: '' },
        clause,
      ),
    ).toBe('gone');
  });
});

describe('updating a clause inserted in a negotiation position', () => {
  /**
   * A document holding the fallback position of version 1 of the payment clause (the library's history
   * keeps earlier standard bodies only, so version 1's fallback reads as the current one), 60 days filled in.
   */
  async function documentWithFallbackOfVersion1() {
    const clause = await payment();
    const host = createFakeDocumentHost({ paragraphs: ['采购合同', '第一条 标的'] });
    host.state.selection = { paragraphIndex: 0, start: 0, end: 0 };
    await host.insertClause({ ...filledClause(clause, { paymentDays: 60 }, 'fallback'), version: 1 });
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@1#fallback');
    return { host, clause };
  }

  it('puts in the same position of the newer version, keeping the values and the position in the tag', async () => {
    const { host, clause } = await documentWithFallbackOfVersion1();
    const [before] = await clausesInDocument(host, [clause]);
    expect(before?.positionInLatest).toBe(true);
    expect(await updateClause(host, 0, before!, clause)).toBe('updated');
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@2#fallback');
    const [after] = await host.listClauses();
    expect(after?.position).toBe('fallback');
    expect(after?.text).toBe(
      fillBody(clause.positions!.fallback!.body, clause.variables, { paymentDays: 60 }, 'zh-CN').text,
    );
    expect(after?.text).not.toContain('税率');
    const [cmp] = await compareClauses(host);
    expect(cmp?.outdated).toBe(false);
    expect(cmp?.comparedWith).toBe('fallback');
    expect(cmp?.redline?.summary.words.changed).toBe(0);
  });

  it('changes nothing when the newer version no longer offers the position, and updates to the standard when asked', async () => {
    const { host, clause } = await documentWithFallbackOfVersion1();
    const { fallback: _, ...others } = clause.positions ?? {};
    const newer = { ...clause, positions: others };
    const before = await host.state.paragraphs.join('\n');
    const [inDocument] = await clausesInDocument(host, [newer]);
    expect(inDocument?.positionInLatest).toBe(false);
    expect(updatedClause(newer, inDocument!)).toBeNull();
    expect(await updateClause(host, 0, inDocument!, newer)).toBe('position-missing');
    expect(host.state.paragraphs.join('\n')).toBe(before);
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@1#fallback');

    expect(await updateClause(host, 0, inDocument!, newer, 'standard')).toBe('updated');
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@2');
    const [cmp] = await compareClauses(host);
    expect(cmp?.inDocument.position).toBe('standard');
    expect(cmp?.redline?.summary.words.changed).toBe(0);
  });

  it('reads the values back against the position that was inserted', async () => {
    const { host, clause } = await documentWithFallbackOfVersion1();
    const [inDocument] = await host.listClauses();
    expect(recoverValues(clause, inDocument!)).toEqual({ paymentDays: '60' });
    // Without the position's text in the library there is nothing to read the values against.
    const { fallback: _, ...others } = clause.positions ?? {};
    expect(recoverValues({ ...clause, positions: others }, inDocument!)).toEqual({});
  });
});
