import { findContractAmount } from '@shared/extract/amounts';
import { documentMatchingText as normalizeForMatching } from '@shared/extract/document-text';
import { findPaymentTerms } from '@shared/extract/payment-terms';
import { describe, expect, it } from 'vitest';

const amount = (text: string) => findContractAmount(normalizeForMatching(text));

describe('contract amount', () => {
  it('reads a Chinese total in figures and checks the 大写', () => {
    const found = amount('本合同总价款为人民币1,200,000.00元（大写：人民币壹佰贰拾万元整），含税。');
    expect(found?.amount).toEqual({ value: 120000000, currency: 'CNY' });
    expect(found?.wordsMatch).toBe(true);
  });

  it('notices 大写 that disagrees with the figures', () => {
    const found = amount('合同金额：¥100,000.00元（大写：壹拾贰万元整）');
    expect(found?.amount).toEqual({ value: 10000000, currency: 'CNY' });
    expect(found?.wordsMatch).toBe(false);
  });

  it('reads an amount written only in 大写', () => {
    expect(amount('合同总价：人民币伍万元整。')?.amount).toEqual({ value: 5000000, currency: 'CNY' });
  });

  it('reads an English total with its currency', () => {
    expect(amount('The total contract price is US$1,234,567.89, payable as follows.')?.amount).toEqual({
      value: 123456789,
      currency: 'USD',
    });
  });

  it('returns null when no total is stated', () => {
    expect(amount('Insurance with limits of not less than $1,000,000 per occurrence.')).toBeNull();
  });
});

describe('payment terms', () => {
  it.each([
    ['甲方应在收到乙方开具的发票后30日内支付全部合同价款。', 30],
    ['委托方应于收到发票后十五日内支付当期服务费。', 15],
    ['Buyer shall pay each invoice within thirty (30) days after receipt.', 30],
    ['All invoices are payable net 45.', 45],
  ])('%s → due in %i days', (text, days) => {
    expect(findPaymentTerms(normalizeForMatching(text))?.dueDays).toBe(days);
  });

  it('finds none in a contract without payment', () => {
    expect(findPaymentTerms('The parties shall cooperate in good faith.')).toBeNull();
  });
});
