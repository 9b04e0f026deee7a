/**
 * The demo data set: a small company's registry in Chinese and English. Dates are relative to the
 * day it is loaded, so some contracts are always about to expire. Pure data, written with builders.
 */
import { addToDate } from '@shared/extract/dates';
import type { ContractCreate, ContractStatus } from '@shared/schemas/contract';
import type { Role } from '../../auth/principal';
import type { ApprovalRule } from '../../lifecycle/approval-rules';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  department: string | null;
}

/** A clause of the starter library written into a document, filled and possibly reworded. */
export interface DemoClause {
  id: string;
  values?: Record<string, unknown>;
  /** Replacements applied to the filled text (`[from, to]`): a negotiated change the library will flag. */
  edits?: [string, string][];
}

export interface DemoDocument {
  filename: string;
  format: 'docx' | 'pdf';
  /** Payment term written into the text; revisions differ in it. */
  paymentDays: number;
  /** Library clauses written in place of the generic boilerplate. */
  clauses: DemoClause[];
}

/** A payment received: against a milestone (its index) or the contract as a whole. */
export interface DemoPayment {
  milestone: number | null;
  /** Major units, in the contract's currency. */
  amount: number;
  receivedDate: string;
  note: string;
}

/**
 * How the contract went through approval, starting from draft: approved after every step, waiting at
 * the first step, or rejected at it (which sends it back to draft).
 */
export type DemoJourney = 'approved' | 'waiting' | 'rejected';

export interface DemoObligation {
  title: string;
  dueDate: string;
  remindDaysBefore: number;
  ownerEmail: string;
}

export interface DemoContract {
  language: 'zh' | 'en';
  contract: ContractCreate;
  ownerEmail: string;
  /** Oldest first: each becomes a version. */
  documents: DemoDocument[];
  payments: DemoPayment[];
  journey: DemoJourney | null;
  obligations: DemoObligation[];
  /** The reason of a legal hold placed on the contract. */
  legalHold: string | null;
}

const EMAIL = {
  admin: 'zhang.wei@demo.pactfile.local',
  legal: 'li.na@demo.pactfile.local',
  reviewer: 'emily.carter@demo.pactfile.local',
  sales: 'wang.fang@demo.pactfile.local',
  purchasing: 'chen.qiang@demo.pactfile.local',
  finance: 'liu.yang@demo.pactfile.local',
} as const;

export const DEMO_USERS: DemoUser[] = [
  { email: EMAIL.admin, name: '张伟', role: 'admin', department: null },
  { email: EMAIL.legal, name: '李娜', role: 'legal', department: 'LEGAL' },
  { email: EMAIL.reviewer, name: 'Emily Carter', role: 'reviewer', department: 'LEGAL' },
  { email: EMAIL.sales, name: '王芳', role: 'staff', department: 'SD' },
  { email: EMAIL.purchasing, name: '陈强', role: 'staff', department: 'PD' },
  { email: EMAIL.finance, name: '刘洋', role: 'viewer', department: 'FIN' },
];

/** The general manager who signs off large contracts. */
export const DEMO_GENERAL_MANAGER = EMAIL.admin;

/** Numbering rules per contract type, set only where the registry has none. */
export const DEMO_NUMBERING: Record<string, string> = {
  sales: 'XSC-{YYYY}-{DEPT}-{SEQ:3}',
  purchase: 'CGC-{YYYY}-{DEPT}-{SEQ:3}',
  services: 'FWC-{YYYY}-{SEQ:3}',
  nda: 'BMXY-{YYYY}-{SEQ:3}',
  lease: 'ZLC-{YYYY}-{SEQ:3}',
  cooperation: 'HZXY-{YYYY}-{SEQ:3}',
};

/**
 * Approval rules, set only where the registry has none: legal review of every contract, then the
 * general manager for amounts of ¥100,000 and more (amounts in other currencies, or none, count as
 * above any threshold, so they reach the general manager too).
 */
export function demoApprovalRules(generalManagerId: string | null): ApprovalRule[] {
  const legal: ApprovalRule = {
    id: 'legal-review',
    name: '法务审核 / Legal review',
    match: {},
    steps: [{ name: '法务审核 / Legal review', approvers: [{ role: 'legal' }], mode: 'any' }],
    stop: false,
    resetOnNewVersion: true,
  };
  if (!generalManagerId) return [legal];
  return [
    legal,
    {
      id: 'general-manager-100k',
      name: '总经理审批（十万元以上）/ General manager, ¥100,000 and above',
      match: { amount: { currency: 'CNY', min: 100_000 * 100 } },
      steps: [
        { name: '总经理审批 / General manager', approvers: [{ userId: generalManagerId }], mode: 'all' },
      ],
      stop: false,
      resetOnNewVersion: true,
    },
  ];
}

const OUR = { zh: '上海示例科技有限公司', en: 'Shanghai Example Technology Co., Ltd.' } as const;

/** What a contract of the demo is made of; the builder turns it into a `DemoContract`. */
interface Spec {
  language: 'zh' | 'en';
  owner: string;
  title: string;
  type: string;
  department: string;
  party: [name: string, role: string];
  /** Major units. */
  amount?: [value: number, currency: string];
  /** Day offsets from today. */
  signed?: number;
  effective?: number;
  expiry?: number;
  renewal?: ContractCreate['renewal'];
  /** Label, major units (in the contract's currency), due day offset. */
  milestones?: [label: string, amount: number, due: number][];
  status: ContractStatus;
  tags?: string[];
  documents: DemoDocument[];
  payments?: DemoPayment[];
  journey?: DemoJourney;
  obligations?: DemoObligation[];
  legalHold?: string;
}

const doc = (filename: string, paymentDays: number, clauses: DemoClause[] = []): DemoDocument => ({
  filename,
  format: filename.endsWith('.pdf') ? 'pdf' : 'docx',
  paymentDays,
  clauses,
});

/** The contracts, with dates counted from `today`. */
export function demoContracts(today: string): DemoContract[] {
  const day = (offset: number) => addToDate(today, { days: offset }) ?? today;
  const paid = (milestone: number | null, amount: number, offset: number, note: string): DemoPayment => ({
    milestone,
    amount,
    receivedDate: day(offset),
    note,
  });
  const build = (s: Spec): DemoContract => {
    const currency = s.amount?.[1] ?? 'CNY';
    const money = (major: number) => ({ value: Math.round(major * 100), currency });
    const at = (offset: number | undefined) => (offset === undefined ? undefined : day(offset));
    return {
      language: s.language,
      ownerEmail: s.owner,
      contract: {
        title: s.title,
        type: s.type,
        department: s.department,
        counterparty: [{ name: s.party[0], role: s.party[1] }],
        ourEntity: OUR[s.language],
        ...(s.amount ? { amount: money(s.amount[0]) } : {}),
        signedDate: at(s.signed),
        effectiveDate: at(s.effective),
        expiryDate: at(s.expiry),
        ...(s.renewal ? { renewal: s.renewal } : {}),
        ...(s.milestones
          ? {
              paymentMilestones: s.milestones.map(([label, amount, due]) => ({
                label,
                amount: money(amount),
                dueDate: day(due),
              })),
            }
          : {}),
        status: s.status,
        ...(s.tags ? { tags: s.tags } : {}),
      },
      documents: s.documents,
      payments: s.payments ?? [],
      journey: s.journey ?? null,
      obligations: s.obligations ?? [],
      legalHold: s.legalHold ?? null,
    };
  };

  const arbitrationShanghai = {
    id: 'zh.dispute-resolution.arbitration',
    values: {
      arbitrationInstitution: '上海国际经济贸易仲裁委员会（上海国际仲裁中心）',
      arbitrationSeat: '上海',
    },
  };
  return [
    build({
      language: 'zh',
      owner: EMAIL.sales,
      title: '华东区域年度销售合同',
      type: 'sales',
      department: 'SD',
      party: ['杭州云帆电子商务有限公司', '乙方'],
      amount: [1_280_000, 'CNY'],
      signed: -200,
      effective: -190,
      expiry: 25,
      renewal: { autoRenew: false, noticeDays: 30 },
      milestones: [
        ['预付款 30%', 384_000, -180],
        ['验收款 70%', 896_000, 20],
      ],
      status: 'active',
      tags: ['重点客户', '年度框架'],
      // The signed version settled a shorter payment term and a longer confidentiality period.
      documents: [
        doc('华东区域年度销售合同（草稿）.docx', 60, [
          { id: 'zh.confidentiality.mutual', values: { confidentialityYears: 2 } },
          arbitrationShanghai,
        ]),
        doc('华东区域年度销售合同（签署版）.docx', 45, [
          { id: 'zh.confidentiality.mutual', values: { confidentialityYears: 3 } },
          arbitrationShanghai,
        ]),
      ],
      payments: [paid(0, 384_000, -178, '预付款已到账')],
    }),
    build({
      language: 'en',
      owner: EMAIL.sales,
      title: 'Distribution Agreement – Northwind Traders',
      type: 'sales',
      department: 'SD',
      party: ['Northwind Traders Ltd.', 'Distributor'],
      amount: [250_000, 'USD'],
      signed: -120,
      effective: -120,
      expiry: 245,
      renewal: { autoRenew: true, noticeDays: 60 },
      milestones: [
        ['First quarter minimum order', 100_000, -90],
        ['Second quarter minimum order', 100_000, -5],
        ['Third quarter minimum order', 50_000, 85],
      ],
      status: 'active',
      tags: ['distribution'],
      documents: [doc('Northwind Distribution Agreement.pdf', 30)],
      payments: [
        paid(0, 100_000, -88, 'Q1 order paid in full'),
        paid(1, 40_000, -3, 'Q2 order, first instalment'),
      ],
    }),
    build({
      language: 'en',
      owner: EMAIL.sales,
      title: 'Export Sales Contract – Müller Maschinenbau',
      type: 'sales',
      department: 'SD',
      party: ['Müller Maschinenbau GmbH', 'Buyer'],
      amount: [120_000, 'EUR'],
      signed: -30,
      effective: -30,
      expiry: 335,
      milestones: [
        ['Deposit 30% on order', 36_000, -15],
        ['Balance on delivery', 84_000, 60],
      ],
      status: 'active',
      tags: ['export'],
      documents: [doc('Export Sales Contract Mueller.pdf', 60)],
    }),
    build({
      language: 'zh',
      owner: EMAIL.purchasing,
      title: '服务器设备采购合同',
      type: 'purchase',
      department: 'PD',
      party: ['深圳华芯科技有限公司', '乙方'],
      amount: [356_000, 'CNY'],
      signed: -60,
      effective: -55,
      expiry: 10,
      milestones: [
        ['预付款 50%', 178_000, -50],
        ['到货验收款 50%', 178_000, 5],
      ],
      status: 'active',
      tags: ['IT设备'],
      // The supplier struck our exceptions for confidentiality and IP from the liability cap.
      documents: [
        doc('服务器设备采购合同.docx', 30, [
          { id: 'zh.warranties', values: { warrantyMonths: 36 } },
          {
            id: 'zh.limitation-of-liability',
            values: { liabilityCap: { value: 356_000 * 100, currency: 'CNY' } },
            edits: [
              ['（三）违反本合同保密义务的；（四）侵犯对方知识产权的；（五）', '（三）'],
              ['间接损失、利润损失或者商誉损失', '任何间接损失'],
            ],
          },
        ]),
      ],
      payments: [paid(0, 178_000, -48, '预付款（对方已开票）')],
      obligations: [
        {
          title: '组织服务器到货验收并签署验收单',
          dueDate: day(7),
          remindDaysBefore: 3,
          ownerEmail: EMAIL.purchasing,
        },
      ],
    }),
    build({
      language: 'en',
      owner: EMAIL.purchasing,
      title: 'Office Supplies Framework Agreement',
      type: 'purchase',
      department: 'PD',
      party: ['Contoso Office Supply Co.', 'Supplier'],
      amount: [18_500, 'USD'],
      signed: -400,
      effective: -395,
      expiry: -30,
      status: 'expired',
      documents: [doc('Office Supplies Framework Agreement.pdf', 30)],
      payments: [paid(null, 18_500, -35, 'Final settlement of all call-off orders')],
    }),
    build({
      language: 'zh',
      owner: EMAIL.legal,
      title: '软件开发技术服务合同',
      type: 'services',
      department: 'IT',
      party: ['北京智码信息技术有限公司', '乙方'],
      amount: [480_000, 'CNY'],
      effective: 10,
      expiry: 190,
      status: 'draft',
      documents: [
        doc('软件开发技术服务合同.docx', 15, [
          { id: 'zh.intellectual-property', values: { ipOwner: '甲方' } },
          { id: 'zh.governing-law' },
        ]),
      ],
      journey: 'approved',
    }),
    build({
      language: 'en',
      owner: EMAIL.legal,
      title: 'Cloud Hosting Services Agreement',
      type: 'services',
      department: 'IT',
      party: ['Fabrikam Cloud Inc.', 'Provider'],
      amount: [36_000, 'USD'],
      signed: -320,
      effective: -320,
      expiry: 45,
      renewal: { autoRenew: true, noticeDays: 30 },
      milestones: [
        ['Q1 hosting fees', 9_000, -300],
        ['Q2 hosting fees', 9_000, -210],
        ['Q3 hosting fees', 9_000, -120],
        ['Q4 hosting fees', 9_000, -30],
      ],
      status: 'active',
      // The provider's paper: our liability clause as is; any breach, not only a material one, allows termination.
      documents: [
        doc('Cloud Hosting Services Agreement.docx', 30, [
          {
            id: 'en.limitation-of-liability',
            values: { liabilityCap: { value: 36_000 * 100, currency: 'USD' } },
          },
          {
            id: 'en.termination',
            values: { cureDays: 30 },
            edits: [['commits a material breach', 'commits any breach']],
          },
          { id: 'en.governing-law', values: { governingLaw: 'the People’s Republic of China' } },
        ]),
      ],
      payments: [
        paid(0, 9_000, -298, 'Q1 invoice'),
        paid(1, 9_000, -205, 'Q2 invoice'),
        paid(2, 9_000, -118, 'Q3 invoice'),
        paid(3, 4_500, -20, 'Q4 invoice, half disputed'),
      ],
      obligations: [
        {
          title: 'Review Fabrikam’s SOC 2 report before renewal',
          dueDate: day(15),
          remindDaysBefore: 7,
          ownerEmail: EMAIL.reviewer,
        },
      ],
    }),
    build({
      language: 'zh',
      owner: EMAIL.legal,
      title: '保密协议（苏州启明生物医药）',
      type: 'nda',
      department: 'LEGAL',
      party: ['苏州启明生物医药有限公司', '乙方'],
      signed: -20,
      effective: -20,
      expiry: 710,
      status: 'active',
      documents: [
        doc('保密协议-苏州启明生物医药.docx', 0, [
          { id: 'zh.confidentiality.mutual', values: { confidentialityYears: 5, returnDays: 10 } },
        ]),
      ],
    }),
    build({
      language: 'en',
      owner: EMAIL.reviewer,
      title: 'Mutual Non-Disclosure Agreement – Tailspin Toys',
      type: 'nda',
      department: 'LEGAL',
      party: ['Tailspin Toys Inc.', 'Party'],
      status: 'draft',
      documents: [doc('Mutual NDA Tailspin Toys.pdf', 0)],
      journey: 'waiting',
    }),
    build({
      language: 'zh',
      owner: EMAIL.admin,
      title: '办公场所租赁合同（浦东张江）',
      type: 'lease',
      department: 'ADMIN',
      party: ['上海浦江置业有限公司', '出租方'],
      amount: [2_880_000, 'CNY'],
      signed: -700,
      effective: -690,
      expiry: 80,
      renewal: { autoRenew: false, noticeDays: 90 },
      milestones: [
        ['第一年租金', 960_000, -690],
        ['第二年租金', 960_000, -325],
        ['第三年租金', 960_000, 40],
      ],
      status: 'active',
      tags: ['续租评估'],
      documents: [doc('办公场所租赁合同.docx', 10)],
      payments: [paid(0, 960_000, -690, '第一年租金'), paid(1, 960_000, -326, '第二年租金')],
    }),
    build({
      language: 'zh',
      owner: EMAIL.sales,
      title: '战略合作框架协议',
      type: 'cooperation',
      department: 'SD',
      party: ['广州星河传媒有限公司', '乙方'],
      status: 'draft',
      documents: [doc('战略合作框架协议（草稿）.docx', 0)],
      journey: 'rejected',
    }),
    build({
      language: 'en',
      owner: EMAIL.sales,
      title: 'Marketing Services Agreement – Adventure Works',
      type: 'services',
      department: 'SD',
      party: ['Adventure Works Marketing LLC', 'Agency'],
      amount: [60_000, 'USD'],
      signed: -300,
      effective: -300,
      expiry: 65,
      milestones: [
        ['Campaign launch', 30_000, -240],
        ['Campaign close', 30_000, -60],
      ],
      status: 'terminated',
      documents: [doc('Marketing Services Agreement Adventure Works.pdf', 30)],
      payments: [paid(0, 30_000, -236, 'Launch fee')],
      legalHold: '提前终止引发争议，保留全部文件。Dispute over the early termination: keep every record.',
    }),
    build({
      language: 'zh',
      owner: EMAIL.purchasing,
      title: '仓储物流服务合同',
      type: 'services',
      department: 'PD',
      party: ['苏州顺达仓储物流有限公司', '乙方'],
      amount: [96_000, 'CNY'],
      status: 'draft',
      documents: [doc('仓储物流服务合同（草稿）.docx', 30)],
    }),
  ];
}

/** The comments of the demo's approval journeys. */
export const DEMO_COMMENTS = {
  submit: '提交审批。Submitted for approval.',
  approve: '条款已审核，同意。Reviewed, approved.',
  reject:
    '合作范围与费用分担约定不明，请补充后重新提交。The scope and the sharing of costs are unclear; complete them and resubmit.',
};
