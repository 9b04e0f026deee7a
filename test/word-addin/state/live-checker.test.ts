import type { Checker } from '@shared/playbook';
import { check, createChecker, playbookForLanguage } from '@shared/playbook';
import { describe, expect, it } from 'vitest';
import { applyParagraphChanges, createLiveChecker } from '../../../word-addin/state/live-checker';

const playbook = playbookForLanguage('zh');
const DOC = [
  '采购合同',
  '甲方：上海示例科技有限公司',
  '乙方：示例供应有限公司',
  '1. 甲方应于收到发票后九十日内付款，合同总价为人民币壹万元整（¥12,000）。',
  '2. 乙方应按约定交付货物。',
  '3. 因本合同发生的争议，提交上海仲裁委员会仲裁。',
  '4. 本合同自双方签字盖章之日起生效。',
];

/** A checker that counts what it was asked to do. */
function counting(inner: Checker) {
  const calls = { checkAll: 0, update: 0, insert: 0, remove: 0 };
  const wrapped: Checker = {
    ...inner,
    playbook: inner.playbook,
    checkAll: (p) => {
      calls.checkAll++;
      return inner.checkAll(p);
    },
    update: (i, t) => {
      calls.update++;
      return inner.update(i, t);
    },
    insert: (i, t) => {
      calls.insert++;
      return inner.insert(i, t);
    },
    remove: (i) => {
      calls.remove++;
      return inner.remove(i);
    },
    findings: () => inner.findings(),
    paragraphs: () => inner.paragraphs(),
  };
  return { checker: wrapped, calls };
}

const edits: Array<[string, (d: string[]) => string[]]> = [
  ['one paragraph edited', (d) => d.map((p, i) => (i === 3 ? p.replace('九十日', '三十日') : p))],
  ['a paragraph inserted', (d) => [...d.slice(0, 4), '5. 乙方的违约责任以合同总价为限。', ...d.slice(4)]],
  ['a paragraph removed', (d) => [...d.slice(0, 5), ...d.slice(6)]],
  [
    'two edited and one added at the end',
    (d) => [...d.map((p, i) => (i === 1 || i === 2 ? `${p}。` : p)), '附件一'],
  ],
  ['nothing changed', (d) => [...d]],
  ['everything replaced', () => ['合同', '甲方应于收到发票后六十日内付款。']],
];

describe('checking while typing', () => {
  for (const [name, edit] of edits) {
    it(`gives the same findings as a fresh check: ${name}`, () => {
      const checker = createChecker(playbook);
      checker.checkAll(DOC);
      const next = edit(DOC);
      expect(applyParagraphChanges(checker, next)).toEqual(check(next, playbook));
      expect(checker.paragraphs()).toEqual(next);
    });
  }

  it('re-scans only the paragraph that changed', () => {
    const inner = createChecker(playbook);
    inner.checkAll(DOC);
    const { checker, calls } = counting(inner);
    applyParagraphChanges(
      checker,
      DOC.map((p, i) => (i === 4 ? `${p}（含运输）` : p)),
    );
    expect(calls).toEqual({ checkAll: 0, update: 1, insert: 0, remove: 0 });
    applyParagraphChanges(checker, [
      ...inner.paragraphs().slice(0, 2),
      '新增条款',
      ...inner.paragraphs().slice(2),
    ]);
    expect(calls).toEqual({ checkAll: 0, update: 1, insert: 1, remove: 0 });
  });

  it('starts afresh when the suppressions or the playbook change', () => {
    const live = createLiveChecker();
    const first = live.check(DOC, playbook, []);
    expect(first).toEqual(check(DOC, playbook));
    const target = first.find((f) => f.match)!;
    const entry = {
      ruleId: target.ruleId,
      fingerprint: target.fingerprint,
      match: target.match,
      reason: 'agreed',
    };
    const second = live.check(DOC, playbook, [entry]);
    expect(second.filter((f) => f.suppression).map((f) => f.ruleId)).toContain(target.ruleId);
    const english = playbookForLanguage('en');
    expect(live.check(DOC, english, [entry])).toEqual(check(DOC, english, { suppressions: [entry] }));
  });
});
