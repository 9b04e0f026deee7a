/**
 * The text of the demo's documents: a contract in the usual shape of its language, with the starter
 * library's clauses written in where the document names them (filled, and reworded where negotiated).
 */
import { starterLibrary } from '@shared/clauses/library';
import { fillBody } from '@shared/clauses/variables';
import { type Clause, localize } from '@shared/schemas/clause';
import type { ContractCreate } from '@shared/schemas/contract';
import type { DemoClause, DemoContract, DemoDocument } from './demo-data';
import { formatMinor } from './money';
import type { DocParagraph } from './sample-documents';

const SUBJECT_ZH: Record<string, string> = {
  sales: '甲方同意向乙方销售本合同附件所列产品，乙方同意按本合同约定购买并支付价款。',
  purchase: '甲方向乙方采购服务器及配套网络设备，乙方负责供货、安装调试及三年质保。',
  services: '乙方为甲方提供本合同约定的技术或专业服务，并按甲方确认的计划交付成果。',
  nda: '双方为洽谈合作而相互披露的技术信息与经营信息，均属于本协议所称保密信息。',
  lease: '甲方承租乙方位于上海市浦东新区张江路的办公场所，建筑面积一千二百平方米，用于办公。',
  cooperation: '双方在品牌推广、渠道共享与联合营销方面建立长期战略合作关系。',
};

const SUBJECT_EN: Record<string, string> = {
  sales:
    'The Seller shall supply the products listed in Schedule 1 and the Buyer shall purchase and pay for them.',
  purchase: 'The Supplier shall deliver office supplies on call-off orders placed by the Customer.',
  services: 'The Provider shall perform the services described in Schedule 1 to the agreed service levels.',
  nda: 'Each party may disclose Confidential Information to the other to evaluate a possible business relationship.',
};

/** The boilerplate of a document that names no library clause. */
const GENERIC_ZH: [string, string][] = [
  ['保密', '双方对在履行本合同过程中知悉的对方商业秘密负有保密义务，保密期限为本合同终止后三年。'],
  [
    '违约责任',
    '任何一方违反本合同约定的，应赔偿对方因此遭受的实际损失；逾期付款的，每逾期一日按应付未付金额的万分之五支付违约金。',
  ],
  ['争议解决', '因本合同引起的争议，双方应协商解决；协商不成的，提交上海仲裁委员会按其仲裁规则仲裁。'],
];

const GENERIC_EN: [string, string][] = [
  [
    'Confidentiality',
    'Each party shall keep the other party’s Confidential Information secret and use it only for this Agreement, during its term and for three years after.',
  ],
  [
    'Limitation of Liability',
    'Neither party shall be liable for indirect or consequential damages. Each party’s total liability is capped at the fees paid in the twelve months before the claim.',
  ],
  [
    'Governing Law',
    'This Agreement is governed by the laws of the People’s Republic of China. Disputes shall be submitted to the Shanghai International Arbitration Center.',
  ],
];

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function moneyText(amount: ContractCreate['amount'], language: 'zh' | 'en'): string | null {
  if (!amount) return null;
  const plain = formatMinor(amount.value, amount.currency);
  const [whole = '0', fraction] = plain.split('.');
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
  if (language === 'en') return `${amount.currency} ${grouped}`;
  return amount.currency === 'CNY' ? `人民币 ${grouped} 元` : `${amount.currency} ${grouped}`;
}

function libraryClause(id: string): Clause {
  const language = id.startsWith('zh.') ? 'zh-CN' : 'en';
  const clause = starterLibrary(language).clauses.find((c) => c.id === id);
  if (!clause) throw new Error(`The starter library has no clause ${id}.`);
  return clause;
}

/** A library clause as written in a document: its title and its filled, possibly reworded paragraphs. */
export function clauseText(c: DemoClause): { title: string; paragraphs: string[] } {
  const clause = libraryClause(c.id);
  let text = fillBody(clause.body, clause.variables, c.values ?? {}, clause.language).text;
  for (const [from, to] of c.edits ?? []) {
    if (!text.includes(from)) throw new Error(`Clause ${c.id} has no “${from}” to reword.`);
    text = text.replace(from, to);
  }
  return { title: localize(clause.title, clause.language), paragraphs: text.split('\n') };
}

/** The closing sections: the library clauses the document names, or the generic boilerplate. */
function closingSections(doc: DemoDocument, language: 'zh' | 'en'): [string, string[]][] {
  if (doc.clauses.length > 0)
    return doc.clauses.map((c) => {
      const { title, paragraphs } = clauseText(c);
      return [title, paragraphs];
    });
  return (language === 'zh' ? GENERIC_ZH : GENERIC_EN).map(([title, body]) => [title, [body]]);
}

/** The text of a demo contract's document. */
export function demoDocumentText(d: DemoContract, doc: DemoDocument, number: string): DocParagraph[] {
  const c = d.contract;
  const party = c.counterparty?.[0]?.name ?? '';
  const amount = moneyText(c.amount, d.language);
  const zh = d.language === 'zh';
  const sections: [string, string[]][] = [
    [zh ? '合同标的' : 'Subject', [(zh ? SUBJECT_ZH : SUBJECT_EN)[c.type] ?? '']],
  ];
  if (amount) {
    sections.push(
      zh
        ? [
            '合同金额与付款',
            [
              `本合同总金额为${amount}（含增值税）。甲方应于收到乙方开具的合法有效发票后 ${doc.paymentDays} 日内付款。`,
            ],
          ]
        : [
            'Price and Payment',
            [
              `The total contract value is ${amount}. Invoices are payable within ${doc.paymentDays} days of receipt.`,
            ],
          ],
    );
  }
  const dated = c.effectiveDate && c.expiryDate;
  sections.push(
    zh
      ? [
          '合同期限',
          [
            dated
              ? `本合同自 ${c.effectiveDate} 起生效，至 ${c.expiryDate} 止。${c.renewal?.noticeDays ? `任何一方如不续约，应于期满前 ${c.renewal.noticeDays} 日书面通知对方。` : ''}`
              : '本合同自双方签字盖章之日起生效，有效期三年。',
          ],
        ]
      : [
          'Term',
          [
            dated
              ? `This Agreement takes effect on ${c.effectiveDate} and ends on ${c.expiryDate}.${c.renewal?.autoRenew ? ` It renews automatically for one year unless either party gives ${c.renewal.noticeDays ?? 30} days' written notice.` : ''}`
              : 'This Agreement takes effect on signature and remains in force for two years.',
          ],
        ],
    ...closingSections(doc, d.language),
  );
  if (zh) sections.push(['其他', ['本合同一式两份，双方各执一份，具有同等法律效力。']]);

  const head: DocParagraph[] = zh
    ? [
        { text: c.title, style: 'title' },
        `合同编号：${number}`,
        `甲方：${c.ourEntity ?? ''}`,
        `乙方：${party}`,
        `签订日期：${c.signedDate ?? '（待签署）'}`,
      ]
    : [
        { text: c.title.toUpperCase(), style: 'title' },
        `Contract No. ${number}`,
        `This Agreement is made on ${c.signedDate ?? '[date of signature]'} between ${c.ourEntity ?? ''} ("Company") and ${party} ("Counterparty").`,
      ];
  const body = sections.flatMap(([title, paragraphs], i): DocParagraph[] => [
    { text: zh ? `第${ZH_NUMERALS[i] ?? i + 1}条 ${title}` : `${i + 1}. ${title}`, style: 'heading' },
    ...paragraphs,
  ]);
  const signatures = zh ? [`甲方（盖章）：${c.ourEntity ?? ''}        乙方（盖章）：${party}`] : [];
  return [...head, ...body, ...signatures];
}
