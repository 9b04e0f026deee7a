/**
 * Names of the contract types Pactfile suggests (and reads from titles), in both languages. Types are codes
 * each company chooses for its numbering; a code of its own is shown as it is.
 */

const NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  nda: { zh: '保密协议', en: 'Non-disclosure' },
  employment: { zh: '劳动合同', en: 'Employment' },
  lease: { zh: '租赁合同', en: 'Lease' },
  distribution: { zh: '经销合同', en: 'Distribution' },
  license: { zh: '许可合同', en: 'Licence' },
  purchase: { zh: '采购合同', en: 'Purchase' },
  sales: { zh: '销售合同', en: 'Sales' },
  services: { zh: '服务合同', en: 'Services' },
  other: { zh: '其他', en: 'Other' },
};

export function contractTypeName(type: string, language: 'zh-CN' | 'en'): string {
  const names = NAMES[type.toLowerCase()];
  if (!names) return type;
  return language === 'zh-CN' ? names.zh : names.en;
}
