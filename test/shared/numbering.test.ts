import { describe, expect, it } from 'vitest';
import { NumberingPatternError, numberingScope, parsePattern, renderNumber } from '../../shared/numbering';

describe('numbering patterns', () => {
  const ctx = { type: 'xsc', department: 'SD', date: '2024-03-07' };

  it('renders the tokens', () => {
    expect(renderNumber('XSC-{YYYY}-{DEPT}-{SEQ:3}', ctx, 1)).toBe('XSC-2024-SD-001');
    expect(renderNumber('{TYPE}/{YY}{MM}{DD}-{SEQ:5}'.replace('/', '.'), ctx, 42)).toBe('XSC.240307-00042');
    expect(renderNumber('HT{YYYY}{SEQ}', { ...ctx, department: null }, 7)).toBe('HT2024007');
  });

  it('keeps every digit when the sequence outgrows its width', () => {
    expect(renderNumber('A-{SEQ:2}', ctx, 123)).toBe('A-123');
  });

  it('gives one scope per year and department, so the sequence restarts', () => {
    const p = 'XSC-{YYYY}-{DEPT}-{SEQ:3}';
    expect(numberingScope(p, ctx)).toBe(numberingScope(p, { ...ctx, date: '2024-12-31' }));
    expect(numberingScope(p, ctx)).not.toBe(numberingScope(p, { ...ctx, date: '2025-01-01' }));
    expect(numberingScope(p, ctx)).not.toBe(numberingScope(p, { ...ctx, department: 'PD' }));
  });

  it.each([
    ['XSC-{YYYY}', 'exactly one {SEQ}'],
    ['{SEQ}-{SEQ}', 'exactly one {SEQ}'],
    ['{FOO}-{SEQ}', 'not a known token'],
    ['{SEQ:0}', 'width of SEQ'],
    ['A{-{SEQ}', 'malformed'],
    ['A/{SEQ}', 'spaces or slashes'],
  ])('rejects %s', (pattern, message) => {
    expect(() => parsePattern(pattern)).toThrow(NumberingPatternError);
    expect(() => parsePattern(pattern)).toThrow(message);
  });
});
