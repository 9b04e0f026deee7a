// @vitest-environment jsdom
import type { Finding } from '@shared/schemas/finding';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit, VersionAnalysis } from '../../../extension/registry/client';
import { RegistryError } from '../../../extension/registry/errors';
import { ContractPage, type ContractPageProps } from '../../../extension/ui/ContractPage';
import { groupFindings } from '../../../extension/ui/findings';
import { RegistrySearch } from '../../../extension/ui/RegistrySearch';
import { approvalsOf, contract, fakeApi, step, until, version } from './reviewer-fakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const finding = (
  ruleId: string,
  level: Finding['level'],
  zh: string,
  en: string,
  over: Partial<Finding> = {},
) =>
  ({
    ruleId,
    level,
    message: { zh, en },
    paragraphIndex: 0,
    range: [0, 0],
    match: '',
    fixes: [],
    fingerprint: ruleId,
    ...over,
  }) as Finding;

const findings = [
  finding('zh.missing-dispute', 'info', '未约定争议解决方式', 'No dispute resolution clause'),
  finding('zh.amount-words-mismatch', 'error', '大写金额与小写不一致', 'The amount in words differs', {
    match: '壹拾贰万元',
  }),
  finding('zh.penalty-high', 'warning', '违约金过高', 'The penalty is high'),
  finding('zh.old-rule', 'error', '已接受', 'Accepted', { suppression: { reason: 'agreed with legal' } }),
];

describe('findings by level', () => {
  it('puts errors first, leaves out suppressed findings and empty levels', () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.level, g.items.map((f) => f.ruleId)])).toEqual([
      ['error', ['zh.amount-words-mismatch']],
      ['warning', ['zh.penalty-high']],
      ['info', ['zh.missing-dispute']],
    ]);
    expect(groupFindings([findings[0] as Finding])).toHaveLength(1);
  });
});

describe('the contract page', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  const render = async (over: Partial<ContractPageProps>) => {
    await act(async () =>
      root.render(
        <ContractPage
          lang="zh-CN"
          contractId="c1"
          api={fakeApi({ analysis: async () => ({ status: 'done', findings }) })}
          me={null}
          download={async () => {}}
          onBack={() => {}}
          {...over}
        />,
      ),
    );
  };
  const loaded = () => until(() => !!host.querySelector('[data-contract-page]'), 'the contract');

  it('shows the fields, the versions newest first, and the newest version’s findings grouped by level', async () => {
    const analysed: string[] = [];
    const downloaded: string[] = [];
    await render({
      api: fakeApi({
        analysis: async (id, vid): Promise<VersionAnalysis> => {
          analysed.push(`${id}/${vid}`);
          return { status: 'done', findings };
        },
      }),
      download: async (v) => {
        downloaded.push(v.id);
      },
    });
    await until(() => !!host.querySelector('section[data-level]'), 'the findings');
    expect(host.querySelector('h1')?.textContent).toBe('HT-2024-001 · 设备采购合同');
    expect(host.querySelector('dl')?.textContent).toContain('Acme Supplies Ltd. (乙方)');
    expect(host.querySelector('dl')?.textContent).toContain('合同类型采购合同');
    expect(host.querySelector('dl')?.textContent).toContain('¥125,000.50');
    expect(host.querySelector('dl')?.textContent).toContain('2024年2月20日');
    expect([...host.querySelectorAll('[data-version] .name')].map((e) => e.textContent)).toEqual([
      'v2 · 采购合同-v2.pdf',
      'v1 · 采购合同-v1.pdf',
    ]);
    expect(analysed).toEqual(['c1/v2']);
    expect(host.textContent).toContain('审查结果（第 2 版）');
    const levels = [...host.querySelectorAll('section[data-level]')];
    expect(levels.map((s) => s.querySelector('h3')?.textContent)).toEqual([
      '错误 (1)',
      '警告 (1)',
      '提示 (1)',
    ]);
    expect(levels[0]?.textContent).toContain('大写金额与小写不一致');
    expect(levels[0]?.querySelector('q')?.textContent).toBe('壹拾贰万元');
    expect(host.textContent).not.toContain('已接受');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-version="v1"] button')?.click());
    expect(downloaded).toEqual(['v1']);
  });

  it('shows English messages, and says when the newest version has not been read', async () => {
    await render({ lang: 'en' });
    await until(() => !!host.querySelector('section[data-level="warning"]'));
    expect(host.querySelector('section[data-level="warning"]')?.textContent).toContain('The penalty is high');
    await render({
      lang: 'en',
      contractId: 'c2',
      api: fakeApi({ analysis: async () => ({ status: 'no_text' }) }),
    });
    await until(() => host.textContent?.includes('No text could be read from this document') ?? false);
    expect(host.querySelector('section[data-level]')).toBeNull();
  });

  it('shows the registry’s refusal with what to do, tries again, and goes back to the search', async () => {
    let back = 0;
    let calls = 0;
    await render({
      contractId: 'gone',
      api: fakeApi({
        getContract: async () => {
          calls += 1;
          throw new RegistryError(404, 'Contract gone');
        },
      }),
      onBack: () => {
        back += 1;
      },
    });
    await until(() => !!host.querySelector('[role="alert"]'));
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('未找到：Contract gone');
    await act(async () => host.querySelector<HTMLButtonElement>('button.retry')?.click());
    await until(() => calls === 2, 'a second attempt');
    act(() => host.querySelector('button')?.click());
    expect(back).toBe(1);
  });

  it('offers the moves the lifecycle allows, and moves the contract with a comment', async () => {
    let current = contract({ status: 'draft' });
    const moves: string[] = [];
    let changed = 0;
    await render({
      lang: 'en',
      me: { id: 'u-legal', role: 'legal', department: null },
      onChanged: () => {
        changed += 1;
      },
      api: fakeApi({
        getContract: async () => current,
        approvals: async () => approvalsOf(current),
        transition: async (_id, to, comment) => {
          moves.push(`${to}:${comment ?? ''}`);
          current = contract({ status: to });
          return current;
        },
      }),
    });
    await loaded();
    const buttons = () =>
      [...host.querySelectorAll<HTMLButtonElement>('[data-to]')].map((b) => b.textContent);
    expect(buttons()).toEqual(['Submit for review', 'Archive']);
    expect(host.querySelector('strong[data-status]')?.textContent).toBe('Draft');
    const input = host.querySelector<HTMLInputElement>('.status-actions input');
    await act(async () => {
      if (!input) return;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, 'ready');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => host.querySelector<HTMLButtonElement>('[data-to="in_review"]')?.click());
    await until(
      () => host.querySelector('strong[data-status]')?.textContent === 'In review',
      'the new status',
    );
    expect(moves).toEqual(['in_review:ready']);
    expect(changed).toBe(1);
    expect(buttons()).toEqual(['Back to draft', 'Mark approved']);
  });

  it('says why a move was refused', async () => {
    const draft = contract({ status: 'draft' });
    await render({
      lang: 'en',
      me: { id: 'u-legal', role: 'legal', department: null },
      api: fakeApi({
        getContract: async () => draft,
        approvals: async () => approvalsOf(draft),
        transition: async () => {
          throw new RegistryError(409, 'Every approval step must be approved first.');
        },
      }),
    });
    await loaded();
    await act(async () => host.querySelector<HTMLButtonElement>('[data-to="in_review"]')?.click());
    await until(() => !!host.querySelector('.status-actions [role="alert"]'));
    expect(host.querySelector('.status-actions [role="alert"]')?.textContent).toBe(
      'Not possible now: Every approval step must be approved first. Reload the page to see the current state.',
    );
  });

  it('hides the moves from a role that cannot make them', async () => {
    const draft = contract({ status: 'draft' });
    await render({
      lang: 'en',
      me: { id: 'u-gm', role: 'reviewer', department: null },
      api: fakeApi({ getContract: async () => draft, approvals: async () => approvalsOf(draft) }),
    });
    await loaded();
    expect(host.querySelector('[data-to]')).toBeNull();
    expect(host.textContent).toContain('Your role cannot change the status of contracts.');
  });

  it('lets the approver of the waiting step approve it with a comment, and no one else', async () => {
    const review = contract({ status: 'in_review' });
    const steps = [
      step({
        id: 's1',
        name: 'Legal review',
        status: 'approved',
        decisions: [
          {
            id: 'd1',
            userId: 'u-legal',
            approverIndex: 0,
            decision: 'approve',
            comment: 'fine',
            superseded: false,
            decidedAt: '2024-03-01T09:00:00Z',
          },
        ],
      }),
      step({ id: 's2', position: 1, name: 'General manager', approvers: [{ role: 'reviewer' }] }),
    ];
    const decided: string[] = [];
    const api = fakeApi({
      getContract: async () => review,
      approvals: async () => approvalsOf(review, steps),
      decide: async (_id, stepId, decision, comment) => {
        decided.push(`${stepId}:${decision}:${comment ?? ''}`);
        return approvalsOf(review, steps);
      },
    });
    await render({ lang: 'en', me: { id: 'u-legal', role: 'legal', department: null }, api });
    await loaded();
    const stepItems = [...host.querySelectorAll('[data-step]')];
    expect(stepItems.map((s) => s.getAttribute('data-step-status'))).toEqual(['approved', 'pending']);
    expect(stepItems[0]?.textContent).toContain('Approved by you on');
    expect(stepItems[0]?.querySelector('q')?.textContent).toBe('fine');
    expect(stepItems[1]?.textContent).toContain('All of: Reviewer');
    expect(host.querySelector('button.approve')).toBeNull();
    // A step still waits: approving by hand is not offered, the last approval does it.
    expect([...host.querySelectorAll('[data-to]')].map((b) => b.getAttribute('data-to'))).toEqual(['draft']);

    await render({ lang: 'en', me: { id: 'u-gm', role: 'reviewer', department: null }, api });
    await loaded();
    const form = host.querySelector('[data-step="s2"] .decision');
    expect(form).not.toBeNull();
    const text = form?.querySelector('textarea');
    await act(async () => {
      if (!text) return;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(text, '同意签署');
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => form?.querySelector<HTMLButtonElement>('button.approve')?.click());
    expect(decided).toEqual(['s2:approve:同意签署']);
  });

  it('shows the legal hold and the retention date', async () => {
    const held = contract({
      legalHold: { reason: 'Litigation 2024-17', by: 'u-legal', at: '2024-05-01T08:00:00Z' },
      retentionUntil: '2034-12-31',
    });
    await render({ lang: 'en', api: fakeApi({ getContract: async () => held }) });
    await loaded();
    expect(host.querySelector('[data-legal-hold]')?.textContent).toContain('Legal hold: Litigation 2024-17');
    expect(host.querySelector('dl')?.textContent).toContain('31 Dec 2034');
  });

  it('is opened from a search result', async () => {
    const opened: string[] = [];
    const hit = { contract: contract(), score: 1, snippet: '设备' } as unknown as SearchHit;
    await act(async () =>
      root.render(
        <RegistrySearch
          lang="en"
          signedIn={true}
          initialQuery="设备"
          search={async () => ({ total: 1, items: [hit] })}
          onOpen={(id) => opened.push(id)}
        />,
      ),
    );
    await act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    act(() => host.querySelector<HTMLButtonElement>('button.open')?.click());
    expect(opened).toEqual(['c1']);
  });

  it('lists the versions even when there is only one', async () => {
    await render({ lang: 'en', api: fakeApi({ versions: async () => [version(1)] }) });
    await loaded();
    expect(host.textContent).toContain('A redline needs two versions');
  });
});
