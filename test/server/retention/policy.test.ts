import { describe, expect, it } from 'vitest';
import {
  addYears,
  DEFAULT_POLICY,
  isDue,
  policyFor,
  type RetentionFacts,
  type RetentionPolicy,
  retentionStart,
  retentionUntil,
} from '../../../server/retention/policy';

const facts = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({
  type: 'sales',
  expiryDate: null,
  endedOn: null,
  keptUntil: null,
  ...over,
});

describe('retention policy', () => {
  const policies: RetentionPolicy[] = [
    { contractType: 'purchase', years: 5, from: 'expiry' },
    { contractType: '*', years: 7, from: 'end' },
  ];

  it('picks the type’s own policy, else the * one, else 10 years after the end', () => {
    expect(policyFor('purchase', policies)).toEqual(policies[0]);
    expect(policyFor('sales', policies)).toEqual(policies[1]);
    expect(policyFor('sales', [policies[0] as RetentionPolicy])).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toEqual({ contractType: '*', years: 10, from: 'end' });
  });

  it('adds calendar years, 29 February becoming 28 February', () => {
    expect(addYears('2015-06-30', 10)).toBe('2025-06-30');
    expect(addYears('2016-02-29', 10)).toBe('2026-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
    expect(addYears('2026-03-01', -10)).toBe('2016-03-01');
  });

  it('counts from the later of expiry and termination on the end basis', () => {
    // Terminated early: the expiry date still bounds retention.
    expect(retentionStart(facts({ expiryDate: '2020-12-31', endedOn: '2019-03-15' }), 'end')).toBe(
      '2020-12-31',
    );
    // Marked expired after its expiry date.
    expect(retentionStart(facts({ expiryDate: '2020-12-31', endedOn: '2021-01-05' }), 'end')).toBe(
      '2021-01-05',
    );
    expect(retentionStart(facts({ endedOn: '2019-03-15' }), 'end')).toBe('2019-03-15');
    expect(retentionStart(facts(), 'end')).toBeNull();
  });

  it('counts from the expiry date on the expiry basis, or from the end without one', () => {
    expect(retentionStart(facts({ expiryDate: '2020-12-31', endedOn: '2021-01-05' }), 'expiry')).toBe(
      '2020-12-31',
    );
    expect(retentionStart(facts({ endedOn: '2021-01-05' }), 'expiry')).toBe('2021-01-05');
  });

  it('computes the retention date, extended by a review decision', () => {
    expect(retentionUntil(facts({ expiryDate: '2015-06-30' }), [])).toBe('2025-06-30');
    expect(
      retentionUntil(facts({ type: 'purchase', expiryDate: '2015-06-30', endedOn: '2016-01-01' }), policies),
    ).toBe('2020-06-30');
    expect(retentionUntil(facts({ expiryDate: '2015-06-30', endedOn: '2016-01-01' }), policies)).toBe(
      '2023-01-01',
    );
    expect(retentionUntil(facts({ expiryDate: '2015-06-30', keptUntil: '2028-01-01' }), [])).toBe(
      '2028-01-01',
    );
    // A review never shortens what the policy gives.
    expect(retentionUntil(facts({ expiryDate: '2015-06-30', keptUntil: '2020-01-01' }), [])).toBe(
      '2025-06-30',
    );
    expect(retentionUntil(facts(), [])).toBeNull();
  });

  it('is due on and after the retention date', () => {
    expect(isDue('2025-06-30', '2025-06-29')).toBe(false);
    expect(isDue('2025-06-30', '2025-06-30')).toBe(true);
    expect(isDue('2025-06-30', '2026-01-01')).toBe(true);
    expect(isDue(null, '2099-01-01')).toBe(false);
  });
});
