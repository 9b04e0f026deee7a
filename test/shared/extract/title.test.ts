import { classifyContract, findTitle } from '@shared/extract/title';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';

describe('title and contract type', () => {
  it.each([
    ['zh/purchase-contract.txt', '采购合同', 'purchase'],
    ['zh/service-agreement.txt', '技术服务协议', 'services'],
    ['en/master-supply-agreement.txt', 'MASTER SUPPLY AGREEMENT', 'purchase'],
    ['en/co-branding-agreement.txt', 'CO-BRANDING AND ADVERTISING AGREEMENT', 'other'],
  ])('%s is titled %s (%s)', (file, title, type) => {
    const text = fixture(file);
    expect(findTitle(text)).toBe(title);
    expect(classifyContract(findTitle(text), text)).toBe(type);
  });

  it.each([
    ['MUTUAL NON-DISCLOSURE AGREEMENT', 'nda'],
    ['保密协议', 'nda'],
    ['劳动合同', 'employment'],
    ['Executive Employment Agreement', 'employment'],
    ['房屋租赁合同', 'lease'],
    ['OFFICE LEASE', 'lease'],
    ['Exclusive Distributor Agreement', 'distribution'],
    ['产品经销协议', 'distribution'],
    ['Content License Agreement', 'license'],
    ['商标许可使用合同', 'license'],
    ['销售合同', 'sales'],
    ['Consulting Agreement', 'services'],
    ['Joint Venture Agreement', 'other'],
  ])('%s is a %s contract', (title, type) => {
    expect(classifyContract(title, '')).toBe(type);
  });

  it('skips exhibit numbers and notices above the title', () => {
    const text =
      'EXHIBIT 10.18\n\nCERTAIN CONFIDENTIAL INFORMATION HAS BEEN EXCLUDED.\n\nSUPPLY AGREEMENT\n\nTHIS SUPPLY AGREEMENT is made …';
    expect(findTitle(text)).toBe('SUPPLY AGREEMENT');
  });
});
