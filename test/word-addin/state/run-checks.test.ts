import { describe, expect, it } from 'vitest';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import {
  applyAllFixes,
  applyFix,
  fixableFindings,
  groupByLevel,
  isLocated,
  runChecks,
  selectFinding,
} from '../../../word-addin/state/run-checks';

const DRAFT = [
  '采购合同',
  '甲方：上海示例科技有限公司    乙方：示例供应有限公司',
  '1. 甲方应于收到发票后三十日内付款，合同总价为人民币壹万元整（¥12,000）。',
];

describe('checks over the open document', () => {
  it('runs the playbook of the document’s language and groups findings by level', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    const run = await runChecks(host);
    expect(run.language).toBe('zh');
    expect(run.paragraphs).toEqual(DRAFT);
    expect(run.findings.length).toBeGreaterThan(0);
    const groups = groupByLevel(run.findings);
    expect(groups.map((g) => g.level)).toEqual(
      ['error', 'warning', 'info'].filter((l) => groups.some((g) => g.level === l)),
    );
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(run.findings.length);
  });

  it('selects a finding’s text and applies its fix as an edit of that text only', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    const run = await runChecks(host);
    const fixable = run.findings.find((f) => f.fixes.length > 0 && isLocated(f));
    expect(fixable).toBeDefined();
    if (!fixable) return;
    expect(await selectFinding(host, run, fixable)).toBe('done');
    expect(host.state.selection).toEqual({
      paragraphIndex: fixable.paragraphIndex,
      start: fixable.range[0],
      end: fixable.range[1],
    });
    const before = DRAFT[fixable.paragraphIndex]!;
    const [fix] = fixable.fixes;
    expect(await applyFix(host, run, fixable, fix!)).toBe('done');
    const after = host.state.paragraphs[fixable.paragraphIndex];
    expect(after).toBe(before.slice(0, fix!.range[0]) + fix!.replacement + before.slice(fix!.range[1]));
    const again = await runChecks(host);
    expect(
      again.findings.some((f) => f.ruleId === fixable.ruleId && f.paragraphIndex === fixable.paragraphIndex),
    ).toBe(false);
    // The old run's offsets no longer hold for the edited paragraph.
    expect(await selectFinding(host, run, fixable)).toBe('stale');
  });

  it('treats findings about something missing as the whole document', async () => {
    const run = await runChecks(createFakeDocumentHost({ paragraphs: DRAFT }));
    const missing = run.findings.filter((f) => !isLocated(f));
    expect(missing.length).toBeGreaterThan(0);
    for (const f of missing) expect(f.match).toBe('');
  });

  it('applies every unambiguous fix in one batch and leaves findings with a choice alone', async () => {
    const paragraphs = [...DRAFT, '乙方应将款项汇入甲方帐户，其它费用由乙方承担。', '双方每月对帐一次。'];
    const host = createFakeDocumentHost({ paragraphs });
    const run = await runChecks(host);
    const single = fixableFindings(run.findings);
    expect(single.length).toBeGreaterThanOrEqual(3);
    expect(await applyAllFixes(host, run)).toEqual({ applied: single.length, skipped: 0 });
    expect(host.state.paragraphs[3]).toBe('乙方应将款项汇入甲方账户，其他费用由乙方承担。');
    expect(host.state.paragraphs[4]).toBe('双方每月对账一次。');
    // The amount in words has two possible fixes: it is still there.
    expect(host.state.paragraphs[2]).toBe(DRAFT[2]);
    expect(fixableFindings((await runChecks(host)).findings)).toEqual([]);
  });
});
