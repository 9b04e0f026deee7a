import { extractContractMetadata } from '@shared/extract/index';
import { Extraction } from '@shared/schemas/extraction';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';

describe('extractContractMetadata', () => {
  it('reads a Chinese purchase contract', () => {
    const r = extractContractMetadata(fixture('zh/purchase-contract.txt'));
    expect(Extraction.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      language: 'zh',
      title: '采购合同',
      contractType: 'purchase',
      parties: [
        { name: '上海明远科技有限公司', role: '甲方' },
        { name: '杭州恒信电子设备有限公司', role: '乙方' },
      ],
      agreementDate: '2024-03-01',
      expiryDate: '2025-02-28',
      renewalTerm: '1年',
      autoRenew: true,
      noticePeriodDays: 30,
      governingLaw: '中华人民共和国',
      amount: { value: 120000000, currency: 'CNY' },
      amountWordsMatch: true,
      paymentTerms: { dueDays: 30 },
    });
    expect(r.clauses).toMatchObject({
      'anti-assignment': true,
      'liquidated-damages': true,
      'warranty-duration': true,
      confidentiality: true,
      'dispute-resolution': true,
      'non-compete': false,
      exclusivity: false,
    });
  });

  it('reads an English supply agreement (CUAD excerpt)', () => {
    const r = extractContractMetadata(fixture('en/master-supply-agreement.txt'));
    expect(Extraction.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      language: 'en',
      contractType: 'purchase',
      agreementDate: '2019-10-31',
      effectiveDate: '2019-10-31',
      expiryDate: '2024-10-31',
      initialTerm: '5 years',
      renewalTerm: '5 years',
      noticePeriodDays: 360,
      governingLaw: 'Delaware',
      amount: null,
    });
    expect(r.clauses).toMatchObject({ insurance: true, 'audit-rights': true, 'anti-assignment': true });
  });

  it('points clause evidence at the original text, full-width characters included', () => {
    const original = '第十条　本合同适用中华人民共和国法律。争议提交上海仲裁委员会仲裁。';
    const r = extractContractMetadata(original);
    const evidence = r.clauseEvidence['dispute-resolution'];
    expect(evidence).toBeDefined();
    expect(original.slice(evidence?.start, evidence?.end)).toContain('仲裁');
  });

  it('returns empty fields for a text that is not a contract', () => {
    const r = extractContractMetadata('Shopping list: apples, bread, milk.');
    expect(r).toMatchObject({
      parties: [],
      agreementDate: null,
      effectiveDate: null,
      expiryDate: null,
      governingLaw: null,
      amount: null,
      renewalTerm: null,
    });
    expect(Object.values(r.clauses).some(Boolean)).toBe(false);
  });
});
