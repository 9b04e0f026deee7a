/** Behaviour of each rule kind beyond the playbooks' own examples. */
import { check, defaultPlaybook, validatePlaybook } from '@shared/playbook';
import { findDurations, findRates } from '@shared/playbook/facts/quantities';
import type { Finding } from '@shared/schemas/finding';
import type { PlaybookInput, RuleInput } from '@shared/schemas/playbook';
import { describe, expect, it } from 'vitest';

const zh = defaultPlaybook('zh-CN');
const en = defaultPlaybook('en');
const run = (playbook: typeof zh, ruleId: string, paragraphs: string[]): Finding[] =>
  check(paragraphs, { ...playbook, rules: playbook.rules.filter((r) => r.id === ruleId) });

function single(rule: Partial<RuleInput> & Pick<RuleInput, 'kind'>, language: 'zh' | 'en' = 'zh') {
  const input = {
    id: 'test',
    name: { zh: '测试', en: 'Test' },
    language,
    rules: [
      {
        id: 'test.rule',
        level: 'warning',
        message: { zh: '{match} {value} {limit}', en: '{match} {value} {limit}' },
        ...rule,
      },
    ],
  } as PlaybookInput;
  return validatePlaybook(input);
}

describe('quantities', () => {
  it('reads durations in days', () => {
    const days = (s: string) => findDurations(s).map((d) => d.days);
    expect(days('收到发票后九十日内')).toEqual([90]);
    expect(days('三个月内')).toEqual([90]);
    expect(days('5个工作日')).toEqual([7]);
    expect(days('within sixty (60) days')).toEqual([60]);
    expect(days('ten (10) business days')).toEqual([14]);
    expect(days('Payment terms: Net 45')).toEqual([45]);
    expect(days('2024年3月1日')).toEqual([]);
  });

  it('reads rates in percent with their period', () => {
    const rates = (s: string) => findRates(s).map((r) => [r.percent, r.period]);
    expect(rates('每日按未付款项的万分之五支付')).toEqual([[0.05, 'day']]);
    expect(rates('每逾期一日，按合同总价的千分之一支付违约金')).toEqual([[0.1, 'day']]);
    expect(rates('按合同总价的百分之三十')).toEqual([[30, null]]);
    expect(rates('interest at 1.5% per month')).toEqual([[1.5, 'month']]);
    expect(rates('an annual rate of 12%')).toEqual([[12, 'year']]);
  });
});

describe('threshold', () => {
  it('annualises daily rates and reports the value against the limit', () => {
    const [f] = run(zh, 'zh.penalty-daily-rate-high', [
      '甲方逾期付款的，每逾期一日，应按未付款项的千分之一支付违约金。',
    ]);
    expect(f?.match).toBe('千分之一');
    expect(f?.message.en).toContain('36.5%');
    expect(f?.message.en).toContain('24%');
  });

  it('takes the value nearest the anchor in the direction asked, within the sentence', () => {
    const playbook = single({
      kind: 'threshold',
      measure: 'days',
      anchor: '通知',
      direction: 'before',
      window: 3,
      min: 30,
    });
    expect(check(['提前三十日书面通知，十日后生效。'], playbook).map((f) => f.match)).toEqual([]);
    expect(check(['提前十日通知。'], playbook).map((f) => f.match)).toEqual(['十日']);
  });
});

describe('required-clause', () => {
  it('applies only to documents that match appliesWhen, and counts distinct keywords', () => {
    const playbook = single({
      kind: 'required-clause',
      keywords: ['付款', '发票', '账户'],
      minKeywords: 2,
      appliesWhen: ['采购'],
    });
    expect(check(['本合同为保密协议。'], playbook)).toEqual([]);
    expect(check(['甲方采购设备。', '凭发票付款。'], playbook)).toEqual([]);
    expect(check(['甲方采购设备。', '凭发票结算。'], playbook).map((f) => f.range)).toEqual([[0, 0]]);
  });

  it('recognises a clause by its heading', () => {
    expect(run(zh, 'zh.required-force-majeure', ['第九条 不可抗力', '双方按约定处理。'])).toEqual([]);
  });
});

describe('defined-terms', () => {
  it('reports a capitalised term that is never defined, unless definitions come from elsewhere', () => {
    const doc = ['The Supplier shall sell the Products in the Territory.'];
    expect(run(en, 'en.term-undefined', doc).map((f) => f.match)).toEqual(['Territory']);
    expect(
      run(en, 'en.term-undefined', [
        'Capitalized terms used but not defined herein have the meanings given in the Master Agreement.',
        ...doc,
      ]),
    ).toEqual([]);
    // At the start of a sentence a capital means nothing.
    expect(run(en, 'en.term-undefined', ['Territory restrictions do not apply.'])).toEqual([]);
  });

  it('counts any spelling of a term, and plurals, as a use', () => {
    const unused = (doc: string[]) => run(en, 'en.term-unused', doc).map((f) => f.match);
    expect(unused(['"Loss or Losses" means damages.', 'Supplier indemnifies Buyer against Losses.'])).toEqual(
      [],
    );
    expect(unused(['"Affiliate" means a controlled entity.', 'Its Affiliates may order.'])).toEqual([]);
    expect(unused(['"Affiliate" means a controlled entity.', 'Nothing else.'])).toEqual(['Affiliate']);
    expect(unused(['本合同所称"保密信息"是指技术信息。', '乙方不得披露保密信息。'])).toEqual([]);
  });

  it('reports mixed capitals with the defined spelling as the fix, not all-capitals or ordinary lower case', () => {
    const found = run(en, 'en.term-capitalisation', [
      '"Receiving Party" means the party receiving information.',
      'The receiving Party shall protect it. THE RECEIVING PARTY IS LIABLE. Any receiving party may ask.',
    ]);
    expect(found.map((f) => f.match)).toEqual(['receiving Party']);
    expect(found[0]?.fixes[0]?.replacement).toBe('Receiving Party');
  });
});

describe('party-consistency', () => {
  it('proposes the defined role of the same side as the fix', () => {
    const found = run(zh, 'zh.party-designation', [
      '甲方（买方）：北京星河科技有限公司',
      '乙方（卖方）：上海远帆贸易有限公司',
      '供方应按期交货。',
    ]);
    expect(found.map((f) => [f.match, f.fixes[0]?.replacement])).toEqual([['供方', '卖方']]);
  });

  it('does not take 提供方 for 供方', () => {
    expect(
      run(zh, 'zh.party-designation', ['甲方：北京星河科技有限公司', '数据提供方应保证数据真实。']),
    ).toEqual([]);
  });

  it('reports a party name written another way, but not another company of the group', () => {
    const preamble =
      'This Agreement is made between Acme Holdings, Inc., a Delaware corporation ("Acme"), and Widget LLC ("Widget").';
    const found = run(en, 'en.party-name-variant', [
      preamble,
      'Acme Holding, Inc. shall pay.',
      'Acme Europe GmbH may order.',
    ]);
    expect(found.map((f) => [f.match, f.fixes[0]?.replacement])).toEqual([
      ['Acme Holding, Inc.', 'Acme Holdings, Inc.'],
    ]);
    const zhFound = run(zh, 'zh.party-name-variant', [
      '甲方：北京星河科技有限公司',
      '北京星河科技公司负责验收，北京星河科技有限公司付款。',
    ]);
    expect(zhFound.map((f) => f.match)).toEqual(['北京星河科技公司']);
  });
});

describe('date-order', () => {
  it('compares an expiry date with the effective date defined elsewhere', () => {
    const found = run(en, 'en.date-order', [
      'This Agreement is made as of March 1, 2024 (the "Effective Date").',
      'This Agreement shall expire on February 28, 2024.',
    ]);
    expect(found.map((f) => [f.paragraphIndex, f.match])).toEqual([[1, 'February 28, 2024']]);
    expect(found[0]?.message.en).toContain('2024-03-01');
  });

  it('leaves dates without a start or end label alone', () => {
    expect(
      run(zh, 'zh.date-order', ['本合同于2024年3月1日签订。', '乙方应于2023年1月1日前完成备案。']),
    ).toEqual([]);
  });
});

describe('cross-reference', () => {
  const doc = [
    '1. Definitions',
    '2. Supply',
    '12. Term',
    '12.1 Initial term.',
    '12.2 Renewal.',
    'See Section 12.3 and Section 12.2.',
  ];

  it('reports a sub-clause past the end of its clause', () => {
    expect(run(en, 'en.cross-reference', doc).map((f) => f.match)).toEqual(['Section 12.3']);
  });

  it('leaves references into other instruments alone', () => {
    const refs = [
      'Section 365 of the Bankruptcy Code applies.',
      'under Section 409A of the Code',
      'Section 13 of the Master Agreement',
    ];
    expect(run(en, 'en.cross-reference', [...doc.slice(0, 5), ...refs])).toEqual([]);
    expect(
      run(zh, 'zh.cross-reference', [
        '第一条 标的',
        '第二条 价款',
        '第三条 违约',
        '依照《民法典》第五百八十五条处理。',
      ]),
    ).toEqual([]);
  });

  it('says nothing when the numbering cannot be read', () => {
    expect(run(en, 'en.cross-reference', ['This Agreement refers to Section 14.'])).toEqual([]);
  });
});

describe('numbering', () => {
  it('reports a repeat and renumbers it', () => {
    const found = run(en, 'en.numbering', ['1. Definitions', '2. Supply', '2. Price', '3. Term']);
    expect(found.map((f) => [f.paragraphIndex, f.match, f.fixes[0]?.replacement])).toEqual([[2, '2', '3']]);
  });

  it('lets nested lists start over under each article, and new lists start at 1', () => {
    const doc = [
      '第一条 标的',
      '（一）名称',
      '（二）数量',
      '第二条 价款',
      '（一）单价',
      '（二）总价',
      '1. 附件',
      '2. 附件',
    ];
    expect(run(zh, 'zh.numbering', doc)).toEqual([]);
  });

  it('does not take a number inside running text for a gap (pages run together)', () => {
    const doc = ['1. Definitions. Terms. 2. Supply. Supplier supplies.', '3. Price. Prices are fixed.'];
    expect(run(en, 'en.numbering', doc)).toEqual([]);
    expect(
      run(en, 'en.numbering', ['1. Definitions. Terms.', '3. Price. Prices are fixed.']).map((f) => f.match),
    ).toEqual(['3']);
  });
});

describe('placeholder', () => {
  it('reports a blank once and leaves signature lines alone', () => {
    const found = run(en, 'en.placeholder', [
      'made this _____ day of ________, 2024',
      'By: ______________',
      'Name: ____________',
    ]);
    expect(found.map((f) => f.match)).toEqual(['_____', '________']);
  });

  it('treats 年 月 日 with blanks as one blank', () => {
    expect(run(zh, 'zh.date-blank', ['本合同自____年__月__日起生效。']).map((f) => f.match)).toEqual([
      '____年__月__日',
    ]);
  });
});

describe('liability-cap', () => {
  it('compares an amount cap with the contract amount in the same currency', () => {
    const doc = [
      '合同总价为人民币壹拾万元整（¥100,000.00）。',
      '乙方的赔偿责任以人民币伍万元（¥50,000.00）为限。',
    ];
    const [f] = run(zh, 'zh.liability-cap-low', doc);
    expect(f?.message.zh).toContain('50%');
    expect(run(zh, 'zh.liability-cap-low', [doc[1] as string])).toEqual([]);
  });
});

describe('amount-words (English)', () => {
  it('reports words and figures that disagree, with both fixes', () => {
    const [f] = run(en, 'en.amount-words-mismatch', ['a fee of Ten Thousand Dollars ($1,000)']);
    expect(f?.match).toBe('Ten Thousand Dollars ($1,000');
    expect(f?.fixes.map((x) => x.replacement)).toEqual(['One Thousand', '10,000']);
  });
});
