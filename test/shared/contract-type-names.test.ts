import { contractTypeName } from '@shared/contract-type-names';
import { CONTRACT_TYPES } from '@shared/extract';
import { describe, expect, it } from 'vitest';

describe('contract type names', () => {
  it('names every type the extraction suggests, in both languages', () => {
    for (const type of CONTRACT_TYPES) {
      expect(contractTypeName(type, 'zh-CN')).toMatch(/\p{Script=Han}/u);
      expect(contractTypeName(type, 'en')).not.toBe(type);
    }
    expect(contractTypeName('sales', 'zh-CN')).toBe('销售合同');
    expect(contractTypeName('Purchase', 'en')).toBe('Purchase');
  });

  it('shows a company’s own type code as it is', () => {
    expect(contractTypeName('XSC', 'zh-CN')).toBe('XSC');
    expect(contractTypeName('框架协议', 'en')).toBe('框架协议');
  });
});
