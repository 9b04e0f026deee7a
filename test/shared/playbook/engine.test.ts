import { readFileSync } from 'node:fs';
import {
  check,
  checkText,
  createChecker,
  defaultPlaybook,
  documentOffset,
  validatePlaybook,
} from '@shared/playbook';
import type { Finding } from '@shared/schemas/finding';
import { splitParagraphs } from '@shared/text/paragraphs';
import { describe, expect, it } from 'vitest';

const zh = defaultPlaybook('zh-CN');
const en = defaultPlaybook('en');
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/playbook/${name}`, import.meta.url), 'utf8');
const lines = (name: string) => splitParagraphs(fixture(name)).map((p) => p.text);
const only = (ruleId: string, findings: Finding[]) => findings.filter((f) => f.ruleId === ruleId);

/** Applies one fix to its paragraph. */
function applyFix(paragraphs: string[], finding: Finding, fixIndex = 0): string[] {
  const fix = finding.fixes[fixIndex];
  if (!fix) throw new Error(`no fix ${fixIndex} on ${finding.ruleId}`);
  const out = [...paragraphs];
  const p = out[finding.paragraphIndex] ?? '';
  out[finding.paragraphIndex] = p.slice(0, fix.range[0]) + fix.replacement + p.slice(fix.range[1]);
  return out;
}

describe('offsets', () => {
  it('reports ranges in the original text, whatever normalisation did to the matching copy', () => {
    // ㈱ and … expand under NFKC, full-width digits and brackets fold: offsets must still point at the original.
    const paragraph = '㈱星河…合同总价为人民币壹拾万元整（￥１，０００，０００．００），见附件。';
    const [finding] = only('zh.amount-words-mismatch', check([paragraph], zh));
    expect(finding).toBeDefined();
    const f = finding as Finding;
    expect(paragraph.slice(f.range[0], f.range[1])).toBe(f.match);
    expect(f.match).toBe('壹拾万元整（￥１，０００，０００．００');
    const fixed = applyFix([paragraph], f, 1)[0] ?? '';
    expect(fixed).toBe('㈱星河…合同总价为人民币壹拾万元整（￥100,000.00），见附件。');
  });

  it('finds Chinese wording only where it is a word (text without spaces)', () => {
    const findings = check(['预订金额为十万元。', '甲方支付订金人民币壹万元。'], zh);
    const deposit = only('zh.deposit-wording', findings);
    expect(deposit.map((f) => f.paragraphIndex)).toEqual([1]);
    expect(deposit[0]?.fixes[0]?.replacement).toBe('定金');
  });
});

describe('fixes', () => {
  it('rewrites the uppercase amount from the figures, or the figures from the words', () => {
    const paragraphs = ['合同总价为人民币壹拾万元整（¥120,000.00）。'];
    const [f] = only('zh.amount-words-mismatch', check(paragraphs, zh));
    expect(f?.fixes.map((x) => x.replacement)).toEqual(['壹拾贰万元整', '100,000.00']);
    for (const i of [0, 1]) {
      const fixed = applyFix(paragraphs, f as Finding, i);
      expect(only('zh.amount-words-mismatch', check(fixed, zh))).toEqual([]);
    }
  });

  it('works figure first as well', () => {
    const paragraphs = ['合同总价为¥120,000.00元（大写：人民币壹拾万元整）。'];
    const [f] = only('zh.amount-words-mismatch', check(paragraphs, zh));
    expect(f?.fixes[0]?.replacement).toBe('壹拾贰万元整');
    expect(only('zh.amount-words-mismatch', check(applyFix(paragraphs, f as Finding), zh))).toEqual([]);
  });

  it('renumbers a clause that skips, and offers substitutions', () => {
    const paragraphs = ['第一条 标的', '第二条 价款', '第四条 违约责任'];
    const [gap] = only('zh.numbering', check(paragraphs, zh));
    expect(gap?.match).toBe('四');
    expect(gap?.fixes[0]?.replacement).toBe('三');
    expect(only('zh.numbering', check(applyFix(paragraphs, gap as Finding), zh))).toEqual([]);

    const [andOr] = only('en.best-efforts', check(['Supplier shall use its best efforts.'], en));
    expect(andOr?.fixes[0]?.replacement).toBe('commercially reasonable efforts');
  });
});

describe('suppressions', () => {
  const doc = ['交货地点：[●]。', '验收地点：[●]。', '付款账户：[●]。'];

  it('suppress one finding with a reason, leaving the same wording elsewhere reported', () => {
    const checker = createChecker(zh);
    const findings = only('zh.placeholder', checker.checkAll(doc));
    expect(findings.length).toBe(3);
    const entry = checker.suppress(
      findings[1] as Finding,
      '验收地点待现场确定',
      '张律师',
      '2024-03-01T08:00:00.000Z',
    );
    expect(entry).toMatchObject({
      ruleId: 'zh.placeholder',
      match: '[●]',
      reason: '验收地点待现场确定',
      by: '张律师',
    });
    const after = only('zh.placeholder', checker.findings());
    expect(after.filter((f) => f.suppression).map((f) => f.paragraphIndex)).toEqual([1]);
    expect(after[1]?.suppression).toEqual({
      reason: '验收地点待现场确定',
      by: '张律师',
      at: '2024-03-01T08:00:00.000Z',
    });

    // The suppression follows the paragraph's text when paragraphs move...
    const moved = only('zh.placeholder', checker.insert(0, '第一条 标的'));
    expect(moved.filter((f) => f.suppression).map((f) => f.paragraphIndex)).toEqual([2]);
    // ...and lapses when the paragraph's text changes.
    const edited = only('zh.placeholder', checker.update(2, '验收地点：[●]（甲方指定）。'));
    expect(edited.some((f) => f.suppression)).toBe(false);
    expect(checker.suppressions().length).toBe(1);
  });

  it('takes recorded suppressions as an option and can lift them', () => {
    const first = only('zh.placeholder', check(doc, zh))[0] as Finding;
    const entry = { ruleId: first.ruleId, fingerprint: first.fingerprint, reason: '模板示例' };
    const found = only('zh.placeholder', check(doc, zh, { suppressions: [entry] }));
    expect(found.map((f) => Boolean(f.suppression))).toEqual([true, false, false]);

    const checker = createChecker(zh, { suppressions: [entry] });
    checker.checkAll(doc);
    expect(checker.unsuppress(first)).toBe(true);
    expect(checker.findings().some((f) => f.suppression)).toBe(false);
  });

  it('suppresses a finding about the whole document by its rule and fingerprint', () => {
    const doc2 = ['第一条 标的', '乙方向甲方供货。'];
    const missing = only('zh.required-dispute-resolution', check(doc2, zh))[0] as Finding;
    expect(missing.fingerprint).toBe('document');
    expect(missing.range).toEqual([0, 0]);
    const checker = createChecker(zh);
    checker.checkAll(doc2);
    checker.suppress(missing, '争议解决见框架协议');
    expect(
      only('zh.required-dispute-resolution', checker.update(1, '乙方向甲方供应设备。'))[0]?.suppression
        ?.reason,
    ).toBe('争议解决见框架协议');
  });
});

/** Texts the random edits are made of: headings, definitions, amounts, references, placeholders… */
const ZH_PIECES = [
  '第三条 违约责任',
  '第五条 其他',
  '本合同所称"交付物"是指乙方交付的软件。',
  '乙方应按期提交交付物。',
  '合同总价为人民币壹拾万元整（¥1,000,000.00）。',
  '按第九条执行。',
  '卖方应于2024年3月1日前交货。',
  '本合同有效期自2024年1月1日起至2023年12月31日止。',
  '交货地点：[●]。',
  '北京星河科技公司负责验收。',
  '乙方的累计赔偿责任不超过合同总价的20%。',
  '',
];
const EN_PIECES = [
  '4. Warranties',
  '"Deliverables" means the software delivered by Supplier.',
  'Supplier shall deliver the Deliverables.',
  'The Recipient shall protect the Confidential information.',
  'Subject to Section 12, Customer shall pay within ninety (90) days.',
  'Seller shall deliver the goods.',
  'This Agreement shall expire on February 28, 2023.',
  'Acme Holding, Inc. shall pay the fees.',
  '',
];

function randomEdits(start: string[], pieces: string[], playbook: typeof zh, seed: number) {
  let s = seed;
  const random = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  };
  const checker = createChecker(playbook);
  let paragraphs = [...start];
  checker.checkAll(paragraphs);
  for (let step = 0; step < 120; step++) {
    const op = random(4);
    const piece = pieces[random(pieces.length)] ?? '';
    let result: Finding[];
    if (op === 0 && paragraphs.length > 1) {
      const i = random(paragraphs.length);
      paragraphs.splice(i, 1);
      result = checker.remove(i);
    } else if (op === 1) {
      const i = random(paragraphs.length + 1);
      paragraphs.splice(i, 0, piece);
      result = checker.insert(i, piece);
    } else {
      const i = random(paragraphs.length);
      const text = op === 2 ? piece : `${paragraphs[i]}${piece}`;
      paragraphs[i] = text;
      result = checker.update(i, text);
    }
    paragraphs = [...paragraphs];
    expect(checker.paragraphs()).toEqual(paragraphs);
    expect(result).toEqual(check(paragraphs, playbook));
  }
}

describe('incremental checker', () => {
  it('agrees with a full check after every edit, insertion and removal (Chinese)', () => {
    randomEdits(lines('purchase-contract.zh.txt'), ZH_PIECES, zh, 11);
  });

  it('agrees with a full check after every edit, insertion and removal (English)', () => {
    randomEdits(lines('services-agreement.en.md'), EN_PIECES, en, 29);
  });

  it('re-checks only what changed: unchanged paragraphs keep their finding objects', () => {
    const checker = createChecker(zh);
    const before = checker.checkAll(lines('purchase-contract.zh.txt'));
    const placeholder = before.find((f) => f.ruleId === 'zh.placeholder');
    const after = checker.update(0, '设备采购合同（2024版）');
    expect(after.find((f) => f.ruleId === 'zh.placeholder')).toBe(placeholder);
  });

  it('refuses paragraph indexes outside the document', () => {
    const checker = createChecker(zh);
    checker.checkAll(['a', 'b']);
    expect(() => checker.update(2, 'x')).toThrow(RangeError);
    expect(() => checker.remove(-1)).toThrow(RangeError);
    expect(() => checker.insert(3, 'x')).toThrow(RangeError);
    expect(checker.insert(2, 'c').length).toBeGreaterThanOrEqual(0);
  });
});

describe('rule data', () => {
  it('honours scope, exceptions and disabled rules', () => {
    const playbook = validatePlaybook({
      id: 'test',
      name: { zh: '测试', en: 'Test' },
      language: 'zh',
      rules: [
        {
          id: 'test.liability-only',
          kind: 'existence',
          level: 'warning',
          message: { zh: '{match}', en: '{match}' },
          scope: 'clause',
          clauses: ['违约'],
          words: ['一切损失'],
        },
        {
          id: 'test.with-exceptions',
          kind: 'existence',
          level: 'warning',
          message: { zh: '{match}', en: '{match}' },
          patterns: ['不承担任何责任'],
          exceptions: { context: ['不可抗力'], near: ['除外'] },
        },
        {
          id: 'test.disabled',
          kind: 'existence',
          level: 'error',
          message: { zh: 'x', en: 'x' },
          words: ['合同'],
          enabled: false,
        },
      ],
    });
    const findings = check(
      [
        '第一条 标的',
        '乙方赔偿甲方一切损失。',
        '第二条 违约责任',
        '违约方赔偿守约方一切损失。',
        '因不可抗力不承担任何责任。',
        '甲方不承担任何责任，但本合同另有约定的除外。',
        '乙方不承担任何责任。',
      ],
      playbook,
    );
    expect(findings.map((f) => [f.ruleId, f.paragraphIndex])).toEqual([
      ['test.liability-only', 3],
      ['test.with-exceptions', 6],
    ]);
  });
});

describe('checkText', () => {
  it('splits a plain-text document, picks the playbook by language and locates findings', () => {
    const text = fixture('purchase-contract.zh.txt');
    const result = checkText(text);
    expect(result.language).toBe('zh');
    expect(result.playbook.id).toBe('zh-CN');
    for (const f of result.findings) {
      const at = documentOffset(result.paragraphs, f);
      expect(text.slice(at, at + f.match.length)).toBe(f.match);
    }
    expect(checkText(fixture('services-agreement.en.md')).playbook.id).toBe('en');
  });
});
