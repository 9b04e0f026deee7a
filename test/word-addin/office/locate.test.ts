import { describe, expect, it } from 'vitest';
import { normaliseBreaks, splitParagraphs } from '../../../word-addin/office/breaks';
import { clauseTag, controlTitle, parseClauseTag } from '../../../word-addin/office/clause-tag';
import { MAX_PIECE, occurrenceAt, planLocate, toWordSearchText } from '../../../word-addin/office/locate';

describe('occurrenceAt', () => {
  it('counts matches the way Word does, left to right without overlap', () => {
    expect(occurrenceAt('甲方与甲方及甲方', '甲方', 6)).toBe(2);
    expect(occurrenceAt('甲方与甲方及甲方', '甲方', 5)).toBe(-1);
    expect(occurrenceAt('aaaa', 'aa', 2)).toBe(1);
    expect(occurrenceAt('aaaa', 'aa', 1)).toBe(-1);
    expect(occurrenceAt('abc', '', 0)).toBe(-1);
  });
});

describe('planLocate', () => {
  it('plans a search for short ranges and a span for long ones', () => {
    expect(planLocate('pay 30 days, pay', { start: 13, end: 16 })).toEqual({
      kind: 'range',
      search: { needle: 'pay', occurrence: 1 },
    });
    const long = 'x'.repeat(10) + 'y'.repeat(300);
    const plan = planLocate(long, { start: 5, end: 305 });
    expect(plan?.kind).toBe('span');
    if (plan?.kind === 'span') {
      expect(plan.head.needle).toHaveLength(MAX_PIECE);
      expect(plan.tail.needle.length).toBeGreaterThan(0);
      expect(plan.tail.needle.length).toBeLessThanOrEqual(MAX_PIECE);
      expect(occurrenceAt(long, plan.tail.needle, 305 - plan.tail.needle.length)).toBe(plan.tail.occurrence);
    }
    // Between two of Word's matches of "aa": found as a span of shorter pieces.
    expect(planLocate('aaaa', { start: 1, end: 3 })).toEqual({
      kind: 'span',
      head: { needle: 'a', occurrence: 1 },
      tail: { needle: 'a', occurrence: 2 },
    });
  });

  it('plans insertions at empty ranges', () => {
    expect(planLocate('abc', { start: 2, end: 2 })).toEqual({
      kind: 'after',
      search: { needle: 'b', occurrence: 0 },
    });
    expect(planLocate('abc', { start: 0, end: 0 })).toEqual({
      kind: 'before',
      search: { needle: 'a', occurrence: 0 },
    });
    expect(planLocate('', { start: 0, end: 0 })).toEqual({ kind: 'paragraph-start' });
  });

  it('refuses ranges outside the paragraph', () => {
    expect(planLocate('abc', { start: 2, end: 9 })).toBeNull();
    expect(planLocate('abc', { start: 2, end: 1 })).toBeNull();
  });

  it('escapes Word search syntax', () => {
    expect(toWordSearchText('a^b\nc')).toBe('a^^b^lc');
  });
});

describe('breaks and tags', () => {
  it('normalises breaks one for one and drops a trailing one', () => {
    expect(normaliseBreaks('a\rb\vc\r')).toBe('a\nb\nc');
    expect(normaliseBreaks('a\nb')).toBe('a\nb');
    expect(splitParagraphs('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('round-trips clause tags and shortens titles', () => {
    expect(parseClauseTag(clauseTag('nda/confidentiality', 2))).toEqual({
      clauseId: 'nda/confidentiality',
      version: '2',
      position: 'standard',
    });
    expect(parseClauseTag('pactfile:clause:nope')).toBeNull();
    expect(parseClauseTag('other:clause:a@1')).toBeNull();
    expect(() => clauseTag('a@b', 1)).toThrow();
    expect(controlTitle('t'.repeat(100))).toHaveLength(64);
  });
});
