import { describe, expect, it } from 'vitest';
import type { VersionAnalysis } from '../../../extension/registry/client';
import { waitForAnalysis } from '../../../extension/registry/poll-analysis';
import {
  formatMinorUnits,
  parseMajorUnits,
  patchFrom,
  suggestionsFrom,
} from '../../../extension/ui/suggestions';
import { purchaseExtraction } from './extraction-fixture';

describe('amounts', () => {
  it('shows minor units as a decimal and reads typed amounts back', () => {
    expect(formatMinorUnits(12_500_050)).toBe('125000.50');
    expect(formatMinorUnits(7)).toBe('0.07');
    expect(parseMajorUnits('125,000.5')).toBe(12_500_050);
    expect(parseMajorUnits('125 000')).toBe(12_500_000);
    expect(parseMajorUnits('0.07')).toBe(7);
    expect(parseMajorUnits('1.234')).toBeNull();
    expect(parseMajorUnits('-5')).toBeNull();
    expect(parseMajorUnits('ten')).toBeNull();
  });
});

describe('suggested fields', () => {
  it('fills the form from what the registry read and offers only what it found', () => {
    const { form, offered } = suggestionsFrom(purchaseExtraction());
    expect(offered).toEqual(['type', 'counterparty', 'effectiveDate', 'expiryDate', 'amount']);
    expect(form).toEqual({
      type: 'purchase',
      parties: [
        { name: '杭州甲科技有限公司', role: '甲方' },
        { name: 'Acme Supplies Ltd.', role: '' },
      ],
      effectiveDate: '2024-03-01',
      expiryDate: '2025-02-28',
      amount: '125000.50',
      currency: 'CNY',
    });
    const sparse = suggestionsFrom(
      purchaseExtraction({
        contractType: 'other',
        parties: [],
        amount: null,
        effectiveDate: null,
        expiryDate: null,
      }),
    );
    // The signing date stands in for a missing effective date.
    expect(sparse.offered).toEqual(['effectiveDate']);
    expect(sparse.form.effectiveDate).toBe('2024-02-20');
  });

  it('writes only the accepted fields, as the registry takes them', () => {
    const { form } = suggestionsFrom(purchaseExtraction());
    expect(patchFrom(form, ['counterparty', 'amount'])).toEqual({
      patch: {
        counterparty: [
          { name: '杭州甲科技有限公司', role: '甲方' },
          { name: 'Acme Supplies Ltd.', role: 'counterparty' },
        ],
        amount: { value: 12_500_050, currency: 'CNY' },
      },
    });
    expect(patchFrom({ ...form, expiryDate: '' }, ['expiryDate'])).toEqual({ patch: { expiryDate: null } });
    expect(patchFrom(form, [])).toEqual({ patch: {} });
  });

  it('says what is wrong instead of sending what the registry would refuse', () => {
    const { form } = suggestionsFrom(purchaseExtraction());
    expect(patchFrom({ ...form, amount: '12万' }, ['amount'])).toEqual({ problem: 'amount' });
    expect(patchFrom({ ...form, currency: 'yuan' }, ['amount'])).toEqual({ problem: 'amount' });
    expect(patchFrom({ ...form, effectiveDate: '1/3/2024' }, ['effectiveDate'])).toEqual({ problem: 'date' });
    expect(patchFrom({ ...form, expiryDate: '2023-01-01' }, ['effectiveDate', 'expiryDate'])).toEqual({
      problem: 'dateOrder',
    });
    expect(patchFrom({ ...form, type: 'a b' }, ['type'])).toEqual({ problem: 'type' });
  });
});

describe('waiting for the analysis', () => {
  it('asks again with growing waits until the registry has read the document', async () => {
    const answers: VersionAnalysis[] = [
      { status: 'pending' },
      { status: 'pending' },
      { status: 'done', metadata: purchaseExtraction() },
    ];
    const waits: number[] = [];
    const result = await waitForAnalysis(async () => answers.shift() ?? { status: 'pending' }, {
      delays: [100, 200, 400],
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result.status).toBe('done');
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after the last wait, and stops when cancelled', async () => {
    let asked = 0;
    const pending = async (): Promise<VersionAnalysis> => {
      asked += 1;
      return { status: 'pending' };
    };
    expect((await waitForAnalysis(pending, { delays: [1, 2], sleep: async () => {} })).status).toBe(
      'pending',
    );
    expect(asked).toBe(3);
    asked = 0;
    let cancelled = false;
    await waitForAnalysis(pending, {
      delays: [1, 2, 3],
      sleep: async () => {
        cancelled = true;
      },
      cancelled: () => cancelled,
    });
    expect(asked).toBe(1);
  });
});
