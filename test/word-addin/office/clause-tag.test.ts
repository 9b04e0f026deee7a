import { describe, expect, it } from 'vitest';
import { clauseTag, parseClauseTag } from '../../../word-addin/office/clause-tag';
import { CLAUSE_POSITIONS } from '../../../word-addin/office/document-host';

describe('clause tags with positions', () => {
  it('writes the standard text in the plain form and a position after `#`', () => {
    expect(clauseTag('en.payment', 2)).toBe('pactfile:clause:en.payment@2');
    expect(clauseTag('en.payment', 2, 'standard')).toBe('pactfile:clause:en.payment@2');
    expect(clauseTag('en.payment', 2, 'fallback')).toBe('pactfile:clause:en.payment@2#fallback');
    expect(clauseTag('zh.payment', '1', 'walkAway')).toBe('pactfile:clause:zh.payment@1#walkAway');
  });

  it('round-trips every position', () => {
    for (const position of CLAUSE_POSITIONS) {
      expect(parseClauseTag(clauseTag('zh.dispute-resolution.arbitration', 3, position))).toEqual({
        clauseId: 'zh.dispute-resolution.arbitration',
        version: '3',
        position,
      });
    }
  });

  it('reads tags written before positions were recorded as the standard text', () => {
    expect(parseClauseTag('pactfile:clause:zh.payment@1')).toEqual({
      clauseId: 'zh.payment',
      version: '1',
      position: 'standard',
    });
    expect(parseClauseTag('pactfile:clause:zh.payment@1#standard')?.position).toBe('standard');
  });

  it('refuses positions it does not know and tags without an id or version', () => {
    expect(parseClauseTag('pactfile:clause:zh.payment@1#compromise')).toBeNull();
    expect(parseClauseTag('pactfile:clause:zh.payment@1#')).toBeNull();
    expect(parseClauseTag('pactfile:clause:zh.payment@#fallback')).toBeNull();
    expect(parseClauseTag('pactfile:clause:@1#fallback')).toBeNull();
    expect(parseClauseTag('other:clause:a@1#fallback')).toBeNull();
  });

  it('refuses ids and versions that would make the tag ambiguous', () => {
    expect(() => clauseTag('a#b', 1, 'fallback')).toThrow();
    expect(() => clauseTag('a', '1#fallback')).toThrow();
  });
});
