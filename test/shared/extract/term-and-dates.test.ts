import { findContractDates } from '@shared/extract/contract-dates';
import { documentMatchingText as normalizeForMatching } from '@shared/extract/document-text';
import { findRenewal, findTerminationNoticeDays } from '@shared/extract/renewal';
import { findInitialTerm } from '@shared/extract/term';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';

const datesOf = (raw: string) => {
  const text = normalizeForMatching(raw);
  return findContractDates(text, findInitialTerm(text));
};

describe('contract dates, English', () => {
  it('reads the preamble date and the defined effective date, and adds the initial term (CUAD excerpt)', () => {
    expect(datesOf(fixture('en/master-supply-agreement.txt'))).toEqual({
      agreementDate: '2019-10-31',
      effectiveDate: '2019-10-31',
      expiryDate: '2024-10-31',
    });
  });

  it('reads "this 20th day of March 2002" and leaves the effective date unset when none is given', () => {
    const text =
      'ENDORSEMENT AGREEMENT\n\nThis Agreement is made as of the 20th day of March 2002, by and between Holiday RV Superstores, Inc. and Affinity Group, Inc.';
    expect(datesOf(text)).toEqual({ agreementDate: '2002-03-20', effectiveDate: null, expiryDate: null });
  });

  it('reads an explicit end date and skips dates of other agreements', () => {
    const text =
      'This Agreement, dated as of January 26, 1998, amends that certain agreement dated December 5, 1997. The term of this Agreement (the "Term") will begin on February 1, 1998 and shall terminate on December 31, 1999.';
    expect(datesOf(text)).toEqual({
      agreementDate: '1998-01-26',
      effectiveDate: '1998-02-01',
      expiryDate: '1999-12-31',
    });
  });

  it('ignores EDGAR filing stamps', () => {
    const text =
      'Source: ACME CORP, 10-K, 3/30/2016\n\nThis Agreement is entered into on February 26, 1999 by the parties.';
    expect(datesOf(text).agreementDate).toBe('1999-02-26');
  });
});

describe('contract dates, Chinese', () => {
  it('reads 签订日期 and 有效期自…至…止 (purchase contract)', () => {
    expect(datesOf(fixture('zh/purchase-contract.txt'))).toEqual({
      agreementDate: '2024-03-01',
      effectiveDate: '2024-03-01',
      expiryDate: '2025-02-28',
    });
  });

  it('reads 于二〇二三年十二月十五日签订, 自…起生效 and 有效期为两年', () => {
    expect(datesOf(fixture('zh/service-agreement.txt'))).toEqual({
      agreementDate: '2023-12-15',
      effectiveDate: '2024-01-01',
      expiryDate: '2026-01-01',
    });
  });
});

describe('initial term', () => {
  it('reads the term and not periods that run after the end', () => {
    const term = findInitialTerm(
      normalizeForMatching(
        'The initial term of this Agreement shall be five (5) years from the Effective Date.',
      ),
    );
    expect(term?.duration).toMatchObject({ count: 5, unit: 'year' });
    expect(
      findInitialTerm(
        'Each party shall keep the information confidential during the term of this Agreement and for three (3) years thereafter.',
      ),
    ).toBeNull();
  });
});

describe('renewal and notice', () => {
  it('reads an automatic renewal with its non-renewal notice (CUAD excerpt)', () => {
    const r = findRenewal(normalizeForMatching(fixture('en/master-supply-agreement.txt')));
    expect(r).toMatchObject({ renewalTerm: '5 years', autoRenew: true, noticePeriodDays: 360 });
  });

  it('reads successive renewals and a notice in the following sentence (CUAD excerpt)', () => {
    const r = findRenewal(normalizeForMatching(fixture('en/co-branding-agreement.txt')));
    expect(r).toMatchObject({ renewalTerm: 'successive 1 year', autoRenew: true, noticePeriodDays: 30 });
  });

  it('reads month-to-month and evergreen continuations', () => {
    expect(
      findRenewal(
        'After the Initial Term, this Agreement shall continue on a month to month basis until terminated by either party upon thirty (30) days prior written notice.',
      ),
    ).toMatchObject({ renewalTerm: 'successive 1 month', noticePeriodDays: 30 });
    expect(
      findRenewal(
        'This contract shall be for a term of one year; thereafter, it shall automatically continue until terminated by either party upon not less than thirty (30) days prior written notice.',
      ),
    ).toMatchObject({ renewalTerm: 'until terminated', autoRenew: true, noticePeriodDays: 30 });
  });

  it('reads a Chinese automatic renewal and its notice', () => {
    const r = findRenewal(normalizeForMatching(fixture('zh/purchase-contract.txt')));
    expect(r).toMatchObject({ renewalTerm: '1年', autoRenew: true, noticePeriodDays: 30 });
  });

  it('finds no renewal where renewal needs a new contract', () => {
    expect(findRenewal(normalizeForMatching(fixture('zh/service-agreement.txt'))).renewalTerm).toBeNull();
  });

  it('reads termination notice periods in both languages', () => {
    expect(findTerminationNoticeDays('任何一方可提前三十日书面通知对方解除本合同。')).toBe(30);
    expect(
      findTerminationNoticeDays(
        "Either Party may terminate this Agreement by giving the other Party sixty (60) days' prior written notice.",
      ),
    ).toBe(60);
  });
});
