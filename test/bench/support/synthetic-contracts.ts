/**
 * Made-up but plausible contracts for load tests: Chinese and English titles, company names, departments,
 * types, amounts, dates, and for a fraction of them a short document text. Deterministic for a seed.
 */
import type { ContractCreate } from '@shared/schemas/contract';
import type { Random } from './random';

export interface SyntheticContract {
  /** What a client would send to create it. */
  input: ContractCreate;
  /** The day it was filed (`YYYY-MM-DD`): its number's year and its createdAt. */
  filedOn: string;
  /** Text of its signed document, or null when no document was filed. */
  body: string | null;
}

const CITIES_ZH = [
  '北京',
  '上海',
  '深圳',
  '杭州',
  '广州',
  '成都',
  '南京',
  '苏州',
  '武汉',
  '西安',
  '天津',
  '重庆',
];
const CITIES_EN = [
  'Shanghai',
  'Singapore',
  'London',
  'Frankfurt',
  'Hong Kong',
  'New York',
  'Tokyo',
  'Sydney',
];
const NAME_CORES_ZH = [
  '华信',
  '瑞丰',
  '金石',
  '天成',
  '宏达',
  '远航',
  '博雅',
  '中科',
  '新元',
  '恒通',
  '嘉禾',
  '鼎盛',
  '启明',
  '海纳',
  '云帆',
  '万象',
  '正泰',
  '汇通',
  '星河',
  '卓越',
  '锦程',
  '长风',
  '泰和',
  '永安',
];
const INDUSTRIES_ZH = [
  '科技',
  '信息技术',
  '贸易',
  '建设工程',
  '物流',
  '医药',
  '电子',
  '文化传媒',
  '环保科技',
  '食品',
  '软件',
  '物业管理',
];
const SUFFIXES_ZH = ['有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const NAME_CORES_EN = [
  'Acme',
  'Northwind',
  'Globex',
  'Initech',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Wingtip',
  'Litware',
  'Proseware',
  'Blue Yonder',
  'Woodgrove',
  'Lucerne',
  'Humongous',
  'Coho',
  'Alpine Ski',
  'Margie',
  'Trey',
  'Fourth Coffee',
];
const INDUSTRIES_EN = [
  'Technologies',
  'Logistics',
  'Trading',
  'Pharmaceuticals',
  'Software',
  'Capital',
  'Manufacturing',
  'Media',
];
const SUFFIXES_EN = ['Ltd.', 'Inc.', 'LLC', 'GmbH', 'Pte. Ltd.', 'Co., Ltd.', 'Limited'];
const OUR_ENTITIES = [
  '星辰科技（集团）有限公司',
  '星辰科技（深圳）有限公司',
  '上海星辰信息服务有限公司',
  'Xingchen Technology (HK) Limited',
];
const DEPARTMENTS = ['SD', 'PD', 'RD', 'HR', 'IT', 'FIN', 'LEGAL', 'MKT', 'OPS', 'ADMIN'] as const;
const STATUSES = [
  ['active', 40],
  ['expired', 18],
  ['draft', 8],
  ['in_review', 6],
  ['approved', 4],
  ['signing', 4],
  ['terminated', 5],
  ['renewed', 8],
  ['archived', 7],
] as const;
const TAGS = [
  '重要',
  '框架',
  '年度',
  '关联交易',
  'urgent',
  'framework',
  'renewal-watch',
  'gdpr',
  '海外',
  '政府采购',
];
const SUBJECTS = [
  ['服务器', 'servers'],
  ['办公家具', 'office furniture'],
  ['原材料', 'raw materials'],
  ['物流运输', 'freight services'],
  ['广告投放', 'advertising'],
  ['云计算服务', 'cloud services'],
  ['数据中心托管', 'data centre colocation'],
  ['网络安全审计', 'security audit'],
  ['员工培训', 'staff training'],
  ['设备维修', 'equipment maintenance'],
  ['包装材料', 'packaging'],
  ['软件开发', 'software development'],
  ['市场调研', 'market research'],
  ['电子元器件', 'electronic components'],
] as const;

type Lang = 'zh' | 'en';
type Subject = (typeof SUBJECTS)[number];
interface TitleContext {
  subject: Subject;
  party: string;
  year: number;
  city: string;
}
type TitleMaker = (c: TitleContext) => string;

/** Contract types with title patterns in both languages. */
const TYPES: ReadonlyArray<{ code: string; weight: number; zh: TitleMaker[]; en: TitleMaker[] }> = [
  {
    code: 'sales',
    weight: 20,
    zh: [(c) => `${c.subject[0]}销售合同`, (c) => `${c.year}年度${c.subject[0]}供货合同`],
    en: [(c) => `Sales Agreement for ${c.subject[1]}`, (c) => `Supply Agreement – ${c.subject[1]}`],
  },
  {
    code: 'purchase',
    weight: 20,
    zh: [(c) => `${c.subject[0]}采购合同`, (c) => `${c.subject[0]}采购框架协议（${c.year}）`],
    en: [(c) => `Purchase Agreement – ${c.subject[1]}`, (c) => `Master Purchase Agreement ${c.year}`],
  },
  {
    code: 'service',
    weight: 15,
    zh: [(c) => `${c.subject[0]}技术服务协议`, (c) => `${c.subject[0]}服务合同`],
    en: [() => 'Master Services Agreement', (c) => `Statement of Work: ${c.subject[1]}`],
  },
  {
    code: 'nda',
    weight: 12,
    zh: [(c) => `保密协议（${c.party}）`, () => '双方保密协议'],
    en: [() => 'Mutual Non-Disclosure Agreement', (c) => `Confidentiality Agreement with ${c.party}`],
  },
  {
    code: 'lease',
    weight: 6,
    zh: [(c) => `${c.city}办公室租赁合同`, (c) => `${c.city}仓库租赁合同`],
    en: [(c) => `Office Lease – ${c.city}`, (c) => `Warehouse Lease Agreement (${c.city})`],
  },
  {
    code: 'license',
    weight: 7,
    zh: [() => '软件许可协议', () => '商标许可使用合同'],
    en: [() => 'Software License Agreement', () => 'Trademark License Agreement'],
  },
  {
    code: 'labor',
    weight: 8,
    zh: [() => '劳动合同', () => '劳务派遣协议'],
    en: [() => 'Employment Agreement', () => 'Contractor Agreement'],
  },
  {
    code: 'cooperation',
    weight: 7,
    zh: [() => '战略合作协议', (c) => `${c.subject[0]}合作框架协议`],
    en: [() => 'Strategic Cooperation Agreement', () => 'Joint Marketing Agreement'],
  },
  {
    code: 'consulting',
    weight: 5,
    zh: [() => '咨询服务合同', () => '法律顾问协议'],
    en: [() => 'Consulting Agreement', () => 'Advisory Services Agreement'],
  },
];

/** Clause sentences; {A} is our entity, {B} the counterparty, {AMT} an amount. */
const CLAUSES_ZH = [
  '{A}（以下简称“甲方”）与{B}（以下简称“乙方”）经友好协商，就下列事项达成一致。',
  '甲方应当在收到乙方开具的合法有效增值税专用发票后三十日内支付合同价款人民币{AMT}元。',
  '乙方应当按照甲方的要求按时交付，并保证所交付的货物符合国家标准及本合同约定的质量标准。',
  '任何一方违反本合同约定的，应当向守约方支付合同总价款百分之十的违约金。',
  '因不可抗力不能履行合同的，根据不可抗力的影响，部分或者全部免除责任。',
  '双方对在履行本合同过程中知悉的对方商业秘密负有保密义务，保密期限为合同终止后三年。',
  '本合同的订立、效力、解释、履行及争议解决均适用中华人民共和国法律。',
  '因本合同引起的争议，双方应协商解决；协商不成的，提交上海国际经济贸易仲裁委员会仲裁。',
  '本合同期满前三十日，如任何一方未书面提出异议，本合同自动续期一年。',
  '乙方交付的软件应当经甲方验收合格，验收期限为交付之日起十五个工作日。',
  '未经对方书面同意，任何一方不得将本合同项下的权利义务转让给第三方。',
  '甲方有权对乙方的履约情况进行审计，乙方应当予以配合并提供相关资料。',
  '本合同一式两份，双方各执一份，自双方签字盖章之日起生效。',
];
const CLAUSES_EN = [
  'This Agreement is entered into by and between {A} and {B} (each a "Party").',
  'The Customer shall pay the fees of {AMT} within thirty (30) days of receipt of a valid invoice.',
  'The Supplier shall deliver the Products in accordance with the delivery schedule set out in Schedule 2.',
  'Each Party shall keep the Confidential Information of the other Party strictly confidential.',
  'Neither Party shall be liable for any failure to perform caused by a force majeure event.',
  'In case of delay, the Supplier shall pay liquidated damages of 0.5% of the fees per week of delay.',
  "Each Party's total liability under this Agreement shall not exceed the fees paid in the preceding twelve months.",
  'This Agreement shall be governed by and construed in accordance with the laws of England and Wales.',
  'Any dispute shall be finally resolved by arbitration administered by the Singapore International Arbitration Centre.',
  'This Agreement renews automatically for successive one-year terms unless either Party gives ninety days notice.',
  'The Customer may audit the Supplier once per year upon reasonable prior written notice.',
  'Neither Party may assign this Agreement without the prior written consent of the other Party.',
  'The Supplier warrants that the Services will be performed with reasonable skill and care.',
];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (day: string, days: number) =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

const FIRST_DAY = Date.parse('2019-01-01T00:00:00Z');
const LAST_DAY = Date.parse('2026-10-31T00:00:00Z');

export function companyName(rnd: Random, lang: Lang): string {
  if (lang === 'zh') {
    return `${rnd.pick(CITIES_ZH)}${rnd.pick(NAME_CORES_ZH)}${rnd.pick(INDUSTRIES_ZH)}${rnd.pick(SUFFIXES_ZH)}`;
  }
  return `${rnd.pick(NAME_CORES_EN)} ${rnd.pick(INDUSTRIES_EN)} ${rnd.pick(SUFFIXES_EN)}`;
}

function body(rnd: Random, lang: Lang, ourEntity: string, party: string, amount: string): string {
  const pool = lang === 'zh' ? CLAUSES_ZH : CLAUSES_EN;
  const first = pool[0] ?? '';
  const sentences = [first];
  const count = rnd.int(4, 10);
  for (let i = 0; i < count; i++) sentences.push(rnd.pick(pool.slice(1)));
  const text = sentences.map((s) =>
    s.replaceAll('{A}', ourEntity).replaceAll('{B}', party).replaceAll('{AMT}', amount),
  );
  return text.join(lang === 'zh' ? '' : ' ');
}

/** One contract; `bodyShare` is the fraction of contracts that come with document text. */
export function syntheticContract(rnd: Random, bodyShare: number): SyntheticContract {
  const lang: Lang = rnd.chance(0.6) ? 'zh' : 'en';
  const type = rnd.weighted(TYPES.map((t) => [t, t.weight] as const));
  const signedOn = isoDay(new Date(FIRST_DAY + rnd.next() * (LAST_DAY - FIRST_DAY)));
  const filedOn = addDays(signedOn, rnd.int(0, 20));
  const effectiveDate = addDays(signedOn, rnd.int(0, 30));
  const expiryDate = rnd.chance(0.85) ? addDays(effectiveDate, 365 * rnd.int(1, 3) - 1) : null;
  const counterpartyLang: Lang = rnd.chance(0.85) ? lang : lang === 'zh' ? 'en' : 'zh';
  const counterparty = [
    { name: companyName(rnd, counterpartyLang), role: lang === 'zh' ? '乙方' : 'counterparty' },
  ];
  if (rnd.chance(0.1))
    counterparty.push({
      name: companyName(rnd, counterpartyLang),
      role: lang === 'zh' ? '丙方' : 'guarantor',
    });
  const firstParty = counterparty[0]?.name ?? '';
  const ourEntity =
    lang === 'en' && rnd.chance(0.5) ? (OUR_ENTITIES[3] ?? '') : rnd.pick(OUR_ENTITIES.slice(0, 3));
  const subject = rnd.pick(SUBJECTS);
  const titleContext = {
    subject,
    party: firstParty,
    year: Number(signedOn.slice(0, 4)),
    city: lang === 'zh' ? rnd.pick(CITIES_ZH) : rnd.pick(CITIES_EN),
  };
  const title = rnd.pick(type[lang])(titleContext);
  const currency = rnd.weighted([
    ['CNY', 80],
    ['USD', 14],
    ['EUR', 3],
    ['HKD', 3],
  ] as const);
  // Amounts spread over four orders of magnitude (1,000 to 50,000,000 in major units), kept in minor units.
  const major = Math.round(10 ** (3 + rnd.next() * 4.7));
  const amount = rnd.chance(0.75) ? { value: major * 100, currency } : null;
  const amountText = major.toLocaleString('en-US');
  const tags = rnd.chance(0.3) ? [rnd.pick(TAGS)] : [];
  return {
    filedOn,
    body: rnd.chance(bodyShare) ? body(rnd, lang, ourEntity, firstParty, amountText) : null,
    input: {
      title,
      type: type.code,
      department: rnd.pick(DEPARTMENTS),
      counterparty,
      ourEntity,
      amount,
      signedDate: signedOn,
      effectiveDate,
      expiryDate,
      renewal: { autoRenew: rnd.chance(0.3), noticeDays: rnd.chance(0.5) ? rnd.pick([30, 60, 90]) : null },
      status: rnd.weighted(STATUSES),
      tags,
    },
  };
}
