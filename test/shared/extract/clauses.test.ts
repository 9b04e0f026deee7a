import { CLAUSE_CATEGORIES, type ClauseCategory } from '@shared/extract/clause-patterns';
import { detectClauses } from '@shared/extract/clauses';
import { toDocumentText } from '@shared/extract/document-text';
import { describe, expect, it } from 'vitest';

/** For each category: sentences that contain it (English and Chinese) and English sentences that do not. */
const EXAMPLES: Record<ClauseCategory, { en: string; zh: string; not: string }> = {
  'governing-law': {
    en: 'This Agreement shall be governed by the laws of the State of New York.',
    zh: '本合同适用中华人民共和国法律。',
    not: 'Each party shall comply with all applicable laws and regulations.',
  },
  'anti-assignment': {
    en: 'Neither party may assign this Agreement without the prior written consent of the other party.',
    zh: '未经对方书面同意，任何一方不得转让本合同项下的权利义务。',
    not: 'This Agreement binds the parties and their respective successors.',
  },
  'cap-on-liability': {
    en: "In no event shall either party's aggregate liability under this Agreement exceed the fees paid in the twelve months before the claim.",
    zh: '任何一方的累计赔偿责任不超过合同总价款。',
    not: 'Each party is responsible for its own costs.',
  },
  'uncapped-liability': {
    en: 'The limitations of liability in this Section shall not apply to breaches of confidentiality or to indemnification obligations.',
    zh: '因故意或重大过失造成的损失，不受前述赔偿上限的限制。',
    not: 'The Supplier shall deliver the goods on time.',
  },
  'audit-rights': {
    en: 'The Licensor may audit the books and records of the Licensee once a year upon reasonable notice.',
    zh: '甲方有权委托会计师事务所对乙方进行审计。',
    not: 'The Licensee shall pay the royalties every quarter.',
  },
  insurance: {
    en: 'The Supplier shall maintain commercial general liability insurance with reputable insurers.',
    zh: '乙方应为货物投保运输险。',
    not: 'The Supplier shall keep the products in a dry place.',
  },
  'termination-for-convenience': {
    en: 'Either party may terminate this Agreement for any reason upon ninety (90) days written notice.',
    zh: '任何一方可提前三十日书面通知对方解除本合同。',
    not: 'Either party may terminate this Agreement upon thirty (30) days written notice if the other party materially breaches it.',
  },
  'non-compete': {
    en: 'During the Term the Distributor shall not sell any product that competes with the Products.',
    zh: '在本协议有效期内，乙方不得从事与甲方相同或类似的业务，并承担竞业限制义务。',
    not: 'The Distributor shall sell the Products in the Territory.',
  },
  exclusivity: {
    en: 'The Company appoints the Distributor as its exclusive distributor in the Territory.',
    zh: '甲方授予乙方在华东地区的独家经销权。',
    not: 'The Company grants the Distributor a non-exclusive license to use the Marks.',
  },
  'ip-ownership-assignment': {
    en: 'The Consultant hereby assigns to the Company all right, title and interest in the Work Product.',
    zh: '受托方完成的技术成果，其知识产权归委托方所有。',
    not: 'Each party keeps the intellectual property it owned before this Agreement.',
  },
  'warranty-duration': {
    en: 'The Supplier warrants that the products will be free from defects for a period of twelve (12) months after delivery.',
    zh: '设备的质保期为十二个月，自验收合格之日起计算。',
    not: 'The Supplier warrants that it has the right to enter into this Agreement.',
  },
  'liquidated-damages': {
    en: 'For each week of delay the Contractor shall pay liquidated damages equal to one percent of the price.',
    zh: '乙方逾期交货的，应按日向甲方支付违约金。',
    not: 'The Contractor shall complete the works by the agreed date.',
  },
  'change-of-control': {
    en: 'Either party may terminate this Agreement upon a Change of Control of the other party.',
    zh: '乙方发生控制权变更的，应当提前书面通知甲方。',
    not: 'The parties shall meet every quarter to review progress.',
  },
  'renewal-term': {
    en: 'This Agreement shall automatically renew for successive one (1) year terms.',
    zh: '期满前双方均未提出异议的，本合同自动续期一年。',
    not: 'This Agreement ends on December 31, 2025.',
  },
  confidentiality: {
    en: 'The Receiving Party shall hold all Confidential Information in strict confidence.',
    zh: '双方应对本合同内容承担保密义务。',
    not: 'The Receiving Party shall send the report by email.',
  },
  'dispute-resolution': {
    en: 'Any dispute arising out of this Agreement shall be finally settled by arbitration in Singapore.',
    zh: '因本合同引起的争议，提交上海国际仲裁中心仲裁。',
    not: 'The parties shall meet in Singapore to plan the launch.',
  },
};

const detect = (text: string) => detectClauses(toDocumentText(text));

describe('clause categories', () => {
  it('has examples for every category', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...CLAUSE_CATEGORIES].sort());
  });

  describe.each(CLAUSE_CATEGORIES.map((c) => [c, EXAMPLES[c]] as const))('%s', (category, example) => {
    it('is found in English', () => {
      expect(detect(example.en).present[category]).toBe(true);
    });
    it('is found in Chinese', () => {
      expect(detect(example.zh).present[category]).toBe(true);
    });
    it('is not found where absent', () => {
      expect(detect(example.not).present[category]).toBe(false);
    });
  });

  it('keeps the sentence found, as it stands in the original text', () => {
    const original = '第一条　标的。\n第二条　本合同适用中华人民共和国法律。\n第三条　其他。';
    const { evidence } = detect(original);
    const law = evidence['governing-law'];
    expect(law?.excerpt).toContain('本合同适用中华人民共和国法律');
    expect(original.slice(law?.start ?? 0, law?.end ?? 0)).toContain('适用中华人民共和国法律');
  });
});
