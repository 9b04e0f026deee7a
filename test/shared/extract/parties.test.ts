import { documentMatchingText as normalizeForMatching } from '@shared/extract/document-text';
import { findParties } from '@shared/extract/parties';
import { normalizePartyName, samePartyName } from '@shared/extract/party-names';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';

const parties = (text: string) => findParties(normalizeForMatching(text));

describe('parties in an English preamble', () => {
  it('reads names and roles from defined terms (CUAD excerpt)', () => {
    expect(parties(fixture('en/master-supply-agreement.txt'))).toEqual([
      { name: 'Premier Nutrition Company, LLC', role: 'Buyer' },
      { name: 'Fonterra (USA) Inc.', role: 'Supplier' },
    ]);
  });

  it('takes the defined term as the role when it is not a role word (CUAD excerpt)', () => {
    expect(parties(fixture('en/co-branding-agreement.txt'))).toEqual([
      { name: 'I-ESCROW, INC.', role: 'i-Escrow' },
      { name: '2THEMART.COM, INC.', role: '2TheMart' },
    ]);
  });

  it('reads "hereinafter referred to as" and a description before the defined term', () => {
    const text =
      'This License Agreement is made on 1 March 2024 by and between Alpha Software GmbH, a German company having its seat in Berlin (hereinafter referred to as "Licensor"), and Beta Systems Ltd., a company incorporated in England (hereinafter referred to as "Licensee").\n\nWHEREAS …';
    expect(parties(text)).toEqual([
      { name: 'Alpha Software GmbH', role: 'Licensor' },
      { name: 'Beta Systems Ltd.', role: 'Licensee' },
    ]);
  });

  it('reads a cover page "BETWEEN X AND Y" when there are no defined terms', () => {
    const text = 'MAINTENANCE AGREEMENT\n\nBETWEEN\n\nXIMAGE\n\nAND\n\nSAGEM S.A.\n\nPage 1';
    expect(parties(text).map((p) => p.name)).toEqual(['XIMAGE', 'SAGEM S.A.']);
  });
});

describe('parties in a Chinese contract', () => {
  it('reads labelled lines with 甲方/乙方 and keeps the first label as the role', () => {
    expect(parties(fixture('zh/purchase-contract.txt'))).toEqual([
      { name: '上海明远科技有限公司', role: '甲方' },
      { name: '杭州恒信电子设备有限公司', role: '乙方' },
    ]);
  });

  it('reads parties introduced inline with 以下简称', () => {
    expect(parties(fixture('zh/service-agreement.txt'))).toEqual([
      { name: '北京云启信息技术有限公司', role: '委托方' },
      { name: '深圳数衡软件有限公司', role: '受托方' },
    ]);
  });

  it('reads 出租方/承租方 lines', () => {
    const text = '房屋租赁合同\n出租方（甲方）：王小明\n承租方（乙方）：广州南方贸易有限公司\n';
    expect(parties(text)).toEqual([
      { name: '王小明', role: '出租方' },
      { name: '广州南方贸易有限公司', role: '承租方' },
    ]);
  });
});

describe('party names', () => {
  it('sets aside case, punctuation, "the" and legal forms', () => {
    expect(normalizePartyName('The Acme Co., Ltd.')).toBe('acme');
    expect(normalizePartyName('ACME, INC.')).toBe('acme');
    expect(normalizePartyName('上海明远科技有限公司')).toBe('上海明远科技');
    expect(samePartyName('Fonterra (USA) Inc.', 'FONTERRA INC')).toBe(true);
    expect(samePartyName('Apollo Endosurgery', 'Apollo Endosurgery UK Ltd')).toBe(true);
    expect(samePartyName('Acme Corp', 'Apex Corp')).toBe(false);
  });
});
