/**
 * Cues for the type of a contract, as data, in table order: the first type whose cue matches the title wins
 * (so "Licensing and Web Site Hosting Agreement" is a licence, "Exclusive Distributor Agreement" a
 * distribution contract). A franchise is filed as a licence: it licenses a brand and a system.
 */

export const CONTRACT_TYPES = [
  'nda',
  'employment',
  'lease',
  'distribution',
  'license',
  'purchase',
  'sales',
  'services',
  'other',
] as const;

export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_TYPE_CUES: ReadonlyArray<{
  type: Exclude<ContractType, 'other'>;
  en: RegExp;
  zh: RegExp;
}> = [
  {
    type: 'nda',
    en: /\bnon-?disclosure\b|\bconfidentiality\s+(?:and\s+non-?use\s+)?agreement\b|\bNDA\b|\bsecrecy\s+agreement\b/i,
    zh: /保密(?:协议|合同|承诺书?)/,
  },
  {
    type: 'employment',
    en: /\bemployment\b|\bexecutive\s+agreement\b|\boffer\s+letter\b/i,
    zh: /劳动合同|聘用合同|雇佣合同|劳务合同|聘用协议/,
  },
  { type: 'lease', en: /\blease\b|\btenancy\b|\brental\s+agreement\b|\bsublease\b/i, zh: /租赁|租约|租用/ },
  {
    type: 'distribution',
    en: /\bdistribut(?:ion|or|orship)\b|\breseller\b|\bresale\b|\bdealer(?:ship)?\b/i,
    zh: /经销|分销|代理(?:合同|协议)|代销|销售代理/,
  },
  {
    type: 'license',
    en: /\blicen[cs](?:e|ing)\b|\bfranchise\b|\broyalty\s+agreement\b/i,
    zh: /许可(?:使用)?(?:合同|协议)|授权(?:使用)?(?:合同|协议)|特许经营/,
  },
  {
    type: 'purchase',
    en: /\bpurchase\b|\bsupply\b|\bprocurement\b|\bpurchasing\b|\bmanufacturing\b/i,
    zh: /采购|订购|购货|供货|加工|定作/,
  },
  {
    type: 'sales',
    en: /\bsales?\s+(?:agreement|contract)\b|\bsale\s+of\s+goods\b/i,
    zh: /销售合同|买卖合同|购销|销售协议/,
  },
  {
    type: 'services',
    en: /\bservices?\b|\bconsult(?:ing|ancy)\b|\bmaintenance\b|\boutsourcing\b|\bhosting\b|\btransportation\b|\bsupport\s+agreement\b|\bstatement\s+of\s+work\b|\bmanagement\s+agreement\b|\bdevelopment\s+agreement\b/i,
    zh: /服务|委托|咨询|技术开发|外包|运输|维护|维保|承揽|建设工程|施工/,
  },
];
