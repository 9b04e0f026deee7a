import { describe, expect, it } from 'vitest';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import {
  acceptedFindings,
  commentOnFinding,
  groupByLevel,
  isLocated,
  runChecks,
} from '../../../word-addin/state/run-checks';
import {
  acceptFinding,
  loadSuppressions,
  reopenFinding,
  SUPPRESSIONS_SETTING,
} from '../../../word-addin/state/suppressions';

const DRAFT = ['采购合同', '1. 甲方应于收到发票后三十日内付款，合同总价为人民币壹万元整（¥12,000）。'];
const open = (findings: Parameters<typeof groupByLevel>[0]) =>
  groupByLevel(findings).flatMap((g) => g.findings);

describe('accepting a finding with a reason', () => {
  it('keeps the decision in the document and leaves the finding out of the open ones until reopened', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    const first = await runChecks(host);
    const target = first.findings.find(isLocated)!;
    expect(target).toBeDefined();
    const openBefore = open(first.findings).length;

    await acceptFinding(host, target, '  Agreed with the counterparty on 3 May  ', '王律师');
    const stored = await loadSuppressions(host);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      ruleId: target.ruleId,
      reason: 'Agreed with the counterparty on 3 May',
      by: '王律师',
    });

    const second = await runChecks(host);
    expect(open(second.findings)).toHaveLength(openBefore - 1);
    expect(acceptedFindings(second.findings).map((f) => f.ruleId)).toEqual([target.ruleId]);

    await reopenFinding(host, target);
    const third = await runChecks(host);
    expect(open(third.findings)).toHaveLength(openBefore);
    expect(acceptedFindings(third.findings)).toEqual([]);
  });

  it('ignores unreadable stored decisions instead of failing the check', async () => {
    const host = createFakeDocumentHost({
      paragraphs: DRAFT,
      settings: { [SUPPRESSIONS_SETTING]: '{not json' },
    });
    expect(await loadSuppressions(host)).toEqual([]);
    host.state.settings[SUPPRESSIONS_SETTING] = JSON.stringify([{ ruleId: 'x.y', reason: '' }, 'junk']);
    expect(await loadSuppressions(host)).toEqual([]);
    expect((await runChecks(host)).findings.length).toBeGreaterThan(0);
  });
});

describe('commenting on a finding', () => {
  it('puts the message and rule id on the finding’s text', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT, comments: true });
    const run = await runChecks(host);
    const f = run.findings.find(isLocated)!;
    expect(await commentOnFinding(host, run, f, 'en')).toBe('done');
    expect(host.state.comments).toEqual([
      {
        target: {
          paragraphIndex: f.paragraphIndex,
          start: f.range[0],
          end: f.range[1],
          paragraphText: DRAFT[f.paragraphIndex],
        },
        text: `${f.message.en} [${f.ruleId}]`,
      },
    ]);
  });
});
