import { documentMatchingText as normalizeForMatching } from '@shared/extract/document-text';
import { canonicalJurisdiction, findGoverningLaw, sameJurisdiction } from '@shared/extract/governing-law';
import { describe, expect, it } from 'vitest';

const law = (text: string) => findGoverningLaw(normalizeForMatching(text))?.jurisdiction ?? null;

describe('governing law, English', () => {
  it.each([
    [
      'This Agreement shall be governed by the laws of the State of New York, without regard to conflicts of law.',
      'New York',
    ],
    [
      'THIS AGREEMENT SHALL BE GOVERNED IN ALL RESPECTS BY THE LAWS OF THE STATE OF DELAWARE WITHOUT GIVING EFFECT',
      'Delaware',
    ],
    [
      'This Agreement shall be governed by the Laws of England (English common and statutory Law).',
      'England',
    ],
    [
      'shall be governed by and construed in accordance with the laws of the Commonwealth of Pennsylvania.',
      'Pennsylvania',
    ],
    [
      'This Agreement shall be governed by laws of the Province of Ontario and the federal laws of Canada',
      'Ontario',
    ],
    [
      'governed in all respects by the laws of the United States and the State of Florida, except for',
      'Florida',
    ],
    ['The validity and interpretation of this Agreement shall be governed by the laws of PRC.', 'PRC'],
    ['Any such arbitration shall be subject to the application of the Italian Law.', 'Italy'],
    [
      'This Agreement is accepted by Company in the State of Nevada and shall be governed by and construed in accordance with the laws thereof.',
      'Nevada',
    ],
  ])('%s → %s', (text, expected) => {
    expect(law(text)).toBe(expected);
  });

  it('ignores where a party is organised', () => {
    expect(
      law('Acme Inc., a corporation organized under the laws of the State of Delaware, and Beta LLC.'),
    ).toBeNull();
  });

  it('ignores laws that point at no jurisdiction', () => {
    expect(
      law('shall be construed under the laws of the state in which the franchised restaurant is located'),
    ).toBeNull();
  });
});

describe('governing law, Chinese', () => {
  it.each([
    ['本合同的订立、效力、解释、履行和争议的解决均适用中华人民共和国法律。', '中华人民共和国'],
    ['本协议受中国法律管辖。', '中华人民共和国'],
    ['本合同适用中华人民共和国（为本合同之目的，不包括香港、澳门和台湾地区）法律。', '中华人民共和国'],
    ['本协议适用香港特别行政区法律。', '香港特别行政区'],
  ])('%s → %s', (text, expected) => {
    expect(law(text)).toBe(expected);
  });

  it('finds nothing where no law is chosen', () => {
    expect(law('双方应友好协商解决争议。')).toBeNull();
  });
});

describe('comparing jurisdictions', () => {
  it('treats aliases, case and "State of" as the same', () => {
    expect(sameJurisdiction('PRC', "People's Republic of China")).toBe(true);
    expect(sameJurisdiction('中华人民共和国', "People's Republic of China")).toBe(true);
    expect(sameJurisdiction('State of New York', 'new york')).toBe(true);
    expect(sameJurisdiction('New York', 'New Jersey')).toBe(false);
    expect(canonicalJurisdiction('中国')).toBe("People's Republic of China");
  });
});
