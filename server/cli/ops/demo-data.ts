/**
 * The demo data set: a small company's registry in Chinese and English. Dates are relative to the
 * day it is loaded, so some contracts are always about to expire. Pure data and text templates.
 */
import { addToDate } from '@shared/extract/dates';
import type { ContractCreate } from '@shared/schemas/contract';
import type { Role } from '../../auth/principal';
import { formatMinor } from './money';
import type { DocParagraph } from './sample-documents';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  department: string | null;
}

export interface DemoDocument {
  filename: string;
  format: 'docx' | 'pdf';
  /** Payment term written into the text; revisions differ in it. */
  paymentDays: number;
}

export interface DemoContract {
  language: 'zh' | 'en';
  contract: ContractCreate;
  ownerEmail: string;
  /** Oldest first: each becomes a version. */
  documents: DemoDocument[];
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'zhang.wei@demo.pactfile.local', name: '张伟', role: 'admin', department: null },
  { email: 'li.na@demo.pactfile.local', name: '李娜', role: 'legal', department: 'LEGAL' },
  { email: 'emily.carter@demo.pactfile.local', name: 'Emily Carter', role: 'reviewer', department: 'LEGAL' },
  { email: 'wang.fang@demo.pactfile.local', name: '王芳', role: 'staff', department: 'SD' },
  { email: 'chen.qiang@demo.pactfile.local', name: '陈强', role: 'staff', department: 'PD' },
  { email: 'liu.yang@demo.pactfile.local', name: '刘洋', role: 'viewer', department: 'FIN' },
];

/** Numbering rules per contract type, set only where the registry has none. */
export const DEMO_NUMBERING: Record<string, string> = {
  sales: 'XSC-{YYYY}-{DEPT}-{SEQ:3}',
  purchase: 'CGC-{YYYY}-{DEPT}-{SEQ:3}',
  services: 'FWC-{YYYY}-{SEQ:3}',
  nda: 'BMXY-{YYYY}-{SEQ:3}',
  lease: 'ZLC-{YYYY}-{SEQ:3}',
  cooperation: 'HZXY-{YYYY}-{SEQ:3}',
};

const OUR_ZH = '上海示例科技有限公司';
const OUR_EN = 'Shanghai Example Technology Co., Ltd.';

/** The contracts, with dates counted from `today`. */
export function demoContracts(today: string): DemoContract[] {
  const day = (offset: number) => addToDate(today, { days: offset }) ?? today;
  const cny = (yuan: number) => ({ value: yuan * 100, currency: 'CNY' });
  const money = (major: number, currency: string) => ({ value: major * 100, currency });
  return [
    {
      language: 'zh',
      ownerEmail: 'wang.fang@demo.pactfile.local',
      contract: {
        title: '华东区域年度销售合同',
        type: 'sales',
        department: 'SD',
        counterparty: [{ name: '杭州云帆电子商务有限公司', role: '乙方' }],
        ourEntity: OUR_ZH,
        amount: cny(1_280_000),
        signedDate: day(-200),
        effectiveDate: day(-190),
        expiryDate: day(25),
        renewal: { autoRenew: false, noticeDays: 30 },
        paymentMilestones: [
          { label: '预付款 30%', amount: cny(384_000), dueDate: day(-180) },
          { label: '验收款 70%', amount: cny(896_000), dueDate: day(20) },
        ],
        status: 'active',
        tags: ['重点客户', '年度框架'],
      },
      documents: [
        { filename: '华东区域年度销售合同（草稿）.docx', format: 'docx', paymentDays: 60 },
        { filename: '华东区域年度销售合同（签署版）.docx', format: 'docx', paymentDays: 45 },
      ],
    },
    {
      language: 'en',
      ownerEmail: 'wang.fang@demo.pactfile.local',
      contract: {
        title: 'Distribution Agreement – Northwind Traders',
        type: 'sales',
        department: 'SD',
        counterparty: [{ name: 'Northwind Traders Ltd.', role: 'Distributor' }],
        ourEntity: OUR_EN,
        amount: money(250_000, 'USD'),
        signedDate: day(-120),
        effectiveDate: day(-120),
        expiryDate: day(245),
        renewal: { autoRenew: true, noticeDays: 60 },
        status: 'active',
        tags: ['distribution'],
      },
      documents: [{ filename: 'Northwind Distribution Agreement.pdf', format: 'pdf', paymentDays: 30 }],
    },
    {
      language: 'en',
      ownerEmail: 'wang.fang@demo.pactfile.local',
      contract: {
        title: 'Export Sales Contract – Müller Maschinenbau',
        type: 'sales',
        department: 'SD',
        counterparty: [{ name: 'Müller Maschinenbau GmbH', role: 'Buyer' }],
        ourEntity: OUR_EN,
        amount: money(120_000, 'EUR'),
        signedDate: day(-30),
        effectiveDate: day(-30),
        expiryDate: day(335),
        status: 'active',
        tags: ['export'],
      },
      documents: [{ filename: 'Export Sales Contract Mueller.pdf', format: 'pdf', paymentDays: 60 }],
    },
    {
      language: 'zh',
      ownerEmail: 'chen.qiang@demo.pactfile.local',
      contract: {
        title: '服务器设备采购合同',
        type: 'purchase',
        department: 'PD',
        counterparty: [{ name: '深圳华芯科技有限公司', role: '乙方' }],
        ourEntity: OUR_ZH,
        amount: cny(356_000),
        signedDate: day(-60),
        effectiveDate: day(-55),
        expiryDate: day(10),
        status: 'active',
        tags: ['IT设备'],
      },
      documents: [{ filename: '服务器设备采购合同.docx', format: 'docx', paymentDays: 30 }],
    },
    {
      language: 'en',
      ownerEmail: 'chen.qiang@demo.pactfile.local',
      contract: {
        title: 'Office Supplies Framework Agreement',
        type: 'purchase',
        department: 'PD',
        counterparty: [{ name: 'Contoso Office Supply Co.', role: 'Supplier' }],
        ourEntity: OUR_EN,
        amount: money(18_500, 'USD'),
        signedDate: day(-400),
        effectiveDate: day(-395),
        expiryDate: day(-30),
        status: 'expired',
      },
      documents: [{ filename: 'Office Supplies Framework Agreement.pdf', format: 'pdf', paymentDays: 30 }],
    },
    {
      language: 'zh',
      ownerEmail: 'li.na@demo.pactfile.local',
      contract: {
        title: '软件开发技术服务合同',
        type: 'services',
        department: 'IT',
        counterparty: [{ name: '北京智码信息技术有限公司', role: '乙方' }],
        ourEntity: OUR_ZH,
        amount: cny(480_000),
        signedDate: day(-90),
        effectiveDate: day(-85),
        expiryDate: day(55),
        status: 'active',
      },
      documents: [{ filename: '软件开发技术服务合同.docx', format: 'docx', paymentDays: 15 }],
    },
    {
      language: 'en',
      ownerEmail: 'li.na@demo.pactfile.local',
      contract: {
        title: 'Cloud Hosting Services Agreement',
        type: 'services',
        department: 'IT',
        counterparty: [{ name: 'Fabrikam Cloud Inc.', role: 'Provider' }],
        ourEntity: OUR_EN,
        amount: money(36_000, 'USD'),
        signedDate: day(-320),
        effectiveDate: day(-320),
        expiryDate: day(45),
        renewal: { autoRenew: true, noticeDays: 30 },
        status: 'active',
      },
      documents: [{ filename: 'Cloud Hosting Services Agreement.pdf', format: 'pdf', paymentDays: 30 }],
    },
    {
      language: 'zh',
      ownerEmail: 'li.na@demo.pactfile.local',
      contract: {
        title: '保密协议（苏州启明生物医药）',
        type: 'nda',
        department: 'LEGAL',
        counterparty: [{ name: '苏州启明生物医药有限公司', role: '乙方' }],
        ourEntity: OUR_ZH,
        signedDate: day(-20),
        effectiveDate: day(-20),
        expiryDate: day(710),
        status: 'active',
      },
      documents: [{ filename: '保密协议-苏州启明生物医药.docx', format: 'docx', paymentDays: 0 }],
    },
    {
      language: 'en',
      ownerEmail: 'emily.carter@demo.pactfile.local',
      contract: {
        title: 'Mutual Non-Disclosure Agreement – Tailspin Toys',
        type: 'nda',
        department: 'LEGAL',
        counterparty: [{ name: 'Tailspin Toys Inc.', role: 'Party' }],
        ourEntity: OUR_EN,
        status: 'in_review',
      },
      documents: [{ filename: 'Mutual NDA Tailspin Toys.pdf', format: 'pdf', paymentDays: 0 }],
    },
    {
      language: 'zh',
      ownerEmail: 'zhang.wei@demo.pactfile.local',
      contract: {
        title: '办公场所租赁合同（浦东张江）',
        type: 'lease',
        department: 'ADMIN',
        counterparty: [{ name: '上海浦江置业有限公司', role: '出租方' }],
        ourEntity: OUR_ZH,
        amount: cny(2_880_000),
        signedDate: day(-700),
        effectiveDate: day(-690),
        expiryDate: day(80),
        renewal: { autoRenew: false, noticeDays: 90 },
        status: 'active',
        tags: ['续租评估'],
      },
      documents: [{ filename: '办公场所租赁合同.docx', format: 'docx', paymentDays: 10 }],
    },
    {
      language: 'zh',
      ownerEmail: 'wang.fang@demo.pactfile.local',
      contract: {
        title: '战略合作框架协议',
        type: 'cooperation',
        department: 'SD',
        counterparty: [{ name: '广州星河传媒有限公司', role: '乙方' }],
        ourEntity: OUR_ZH,
        status: 'draft',
      },
      documents: [{ filename: '战略合作框架协议（草稿）.docx', format: 'docx', paymentDays: 0 }],
    },
  ];
}

const SUBJECT_ZH: Record<string, string> = {
  sales: '甲方同意向乙方销售本合同附件所列产品，乙方同意按本合同约定购买并支付价款。',
  purchase: '甲方向乙方采购服务器及配套网络设备，乙方负责供货、安装调试及三年质保。',
  services: '乙方为甲方提供合同管理系统的定制开发、测试与上线支持服务。',
  nda: '双方为洽谈合作而相互披露的技术信息与经营信息，均属于本协议所称保密信息。',
  lease: '甲方承租乙方位于上海市浦东新区张江路的办公场所，建筑面积一千二百平方米，用于办公。',
  cooperation: '双方在品牌推广、渠道共享与联合营销方面建立长期战略合作关系。',
};

const SUBJECT_EN: Record<string, string> = {
  sales:
    'The Seller shall supply the products listed in Schedule 1 and the Buyer shall purchase and pay for them.',
  purchase: 'The Supplier shall deliver office supplies on call-off orders placed by the Customer.',
  services: 'The Provider shall host, operate and back up the Customer’s production systems.',
  nda: 'Each party may disclose Confidential Information to the other to evaluate a possible business relationship.',
};

function moneyText(amount: ContractCreate['amount'], language: 'zh' | 'en'): string | null {
  if (!amount) return null;
  const plain = formatMinor(amount.value, amount.currency);
  const [whole = '0', fraction] = plain.split('.');
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
  if (language === 'en') return `${amount.currency} ${grouped}`;
  return amount.currency === 'CNY' ? `人民币 ${grouped} 元` : `${amount.currency} ${grouped}`;
}

/** The text of a demo contract's document. */
export function demoDocumentText(d: DemoContract, doc: DemoDocument, number: string): DocParagraph[] {
  const c = d.contract;
  const party = c.counterparty?.[0]?.name ?? '';
  const amount = moneyText(c.amount, d.language);
  if (d.language === 'zh') {
    const p: DocParagraph[] = [
      { text: c.title, style: 'title' },
      `合同编号：${number}`,
      `甲方：${c.ourEntity ?? ''}`,
      `乙方：${party}`,
      `签订日期：${c.signedDate ?? '（待签署）'}`,
      { text: '第一条 合同标的', style: 'heading' },
      SUBJECT_ZH[c.type] ?? '',
    ];
    if (amount) {
      p.push({ text: '第二条 合同金额与付款', style: 'heading' });
      p.push(
        `本合同总金额为${amount}（含增值税）。甲方应于收到乙方开具的合法有效发票后 ${doc.paymentDays} 日内付款。`,
      );
    }
    p.push(
      { text: '第三条 合同期限', style: 'heading' },
      c.effectiveDate && c.expiryDate
        ? `本合同自 ${c.effectiveDate} 起生效，至 ${c.expiryDate} 止。${c.renewal?.noticeDays ? `任何一方如不续约，应于期满前 ${c.renewal.noticeDays} 日书面通知对方。` : ''}`
        : '本合同自双方签字盖章之日起生效，有效期三年。',
      { text: '第四条 保密', style: 'heading' },
      '双方对在履行本合同过程中知悉的对方商业秘密负有保密义务，保密期限为本合同终止后三年。',
      { text: '第五条 违约责任', style: 'heading' },
      '任何一方违反本合同约定的，应赔偿对方因此遭受的实际损失；逾期付款的，每逾期一日按应付未付金额的万分之五支付违约金。',
      { text: '第六条 争议解决', style: 'heading' },
      '因本合同引起的争议，双方应协商解决；协商不成的，提交上海仲裁委员会按其仲裁规则仲裁。',
      { text: '第七条 其他', style: 'heading' },
      '本合同一式两份，双方各执一份，具有同等法律效力。',
      `甲方（盖章）：${c.ourEntity ?? ''}        乙方（盖章）：${party}`,
    );
    return p;
  }
  const p: DocParagraph[] = [
    { text: c.title.toUpperCase(), style: 'title' },
    `Contract No. ${number}`,
    `This Agreement is made on ${c.signedDate ?? '[date of signature]'} between ${c.ourEntity ?? ''} ("Company") and ${party} ("Counterparty").`,
    { text: '1. Subject', style: 'heading' },
    SUBJECT_EN[c.type] ?? '',
  ];
  if (amount) {
    p.push({ text: '2. Price and Payment', style: 'heading' });
    p.push(
      `The total contract value is ${amount}. Invoices are payable within ${doc.paymentDays} days of receipt.`,
    );
  }
  p.push(
    { text: '3. Term', style: 'heading' },
    c.effectiveDate && c.expiryDate
      ? `This Agreement takes effect on ${c.effectiveDate} and ends on ${c.expiryDate}.${c.renewal?.autoRenew ? ` It renews automatically for one year unless either party gives ${c.renewal.noticeDays ?? 30} days' written notice.` : ''}`
      : 'This Agreement takes effect on signature and remains in force for two years.',
    { text: '4. Confidentiality', style: 'heading' },
    'Each party shall keep the other party’s Confidential Information secret and use it only for this Agreement, during its term and for three years after.',
    { text: '5. Limitation of Liability', style: 'heading' },
    'Neither party shall be liable for indirect or consequential damages. Each party’s total liability is capped at the fees paid in the twelve months before the claim.',
    { text: '6. Governing Law', style: 'heading' },
    'This Agreement is governed by the laws of the People’s Republic of China. Disputes shall be submitted to the Shanghai International Arbitration Center.',
  );
  return p;
}
