import type { Extraction } from '@shared/schemas/extraction';

/** What the registry reads from a Chinese purchase contract, as `GET …/analysis` gives it. */
export function purchaseExtraction(over: Partial<Extraction> = {}): Extraction {
  return {
    language: 'zh',
    title: '设备采购合同',
    contractType: 'purchase',
    parties: [
      { name: '杭州甲科技有限公司', role: '甲方' },
      { name: 'Acme Supplies Ltd.', role: null },
    ],
    agreementDate: '2024-02-20',
    effectiveDate: '2024-03-01',
    expiryDate: '2025-02-28',
    initialTerm: null,
    renewalTerm: null,
    autoRenew: null,
    noticePeriodDays: null,
    terminationNoticeDays: null,
    governingLaw: null,
    amount: { value: 12_500_050, currency: 'CNY' },
    amountWordsMatch: true,
    paymentTerms: null,
    clauses: {},
    clauseEvidence: {},
    ...over,
  } as Extraction;
}
