// @vitest-environment jsdom
import { diffClause } from '@shared/diff/redline';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractPage, type ContractPageApi } from '../../../extension/ui/ContractPage';
import { describeEntry } from '../../../extension/ui/reviewer/AuditTrail';
import type { AuditEntry, VersionDeviations } from '../../../extension/ui/reviewer/types';
import { contract, fakeApi, fakePeople, until, version } from './reviewer-fakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const V1 = [
  '第一条 货物',
  '乙方向甲方供应设备一批，规格见附件一。',
  '第二条 付款',
  '甲方应于验收合格后三十日内付款。',
  '第三条 违约责任',
  '逾期交货的，乙方每日按合同金额的千分之一支付违约金。',
].join('\n');
const V2 = [
  '第一条 货物',
  '乙方向甲方供应设备一批，规格见附件一。',
  '第三条 违约责任',
  '逾期交货的，乙方每日按合同金额的千分之一支付违约金。',
  '第二条 付款',
  '甲方应于验收合格后六十日内付款，<script>alert(1)</script>。',
].join('\n');

const audit: AuditEntry[] = [
  {
    seq: 1,
    at: '2024-03-01T08:00:00Z',
    actorId: 'u-legal',
    entityType: 'contract',
    entityId: 'c1',
    action: 'create',
    contractId: 'c1',
    before: null,
    after: { title: 'x', type: 'purchase' },
    prevHash: '',
    hash: 'h1',
  },
  {
    seq: 2,
    at: '2024-03-02T08:00:00Z',
    actorId: 'u-legal',
    entityType: 'contract',
    entityId: 'c1',
    action: 'transition',
    contractId: 'c1',
    before: { status: 'draft' },
    after: { status: 'in_review', comment: 'please review' },
    prevHash: 'h1',
    hash: 'h2',
  },
  {
    seq: 3,
    at: '2024-03-03T08:00:00Z',
    actorId: 'u-gm',
    entityType: 'approval',
    entityId: 's1',
    action: 'approve',
    contractId: 'c1',
    before: { status: 'pending' },
    after: { status: 'approved', step: 'General manager' },
    prevHash: 'h2',
    hash: 'h3',
  },
];

describe('the contract page sections', () => {
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

  const render = async (api: ContractPageApi, lang: 'en' | 'zh-CN' = 'en') => {
    await act(async () =>
      root.render(
        <ContractPage
          lang={lang}
          contractId="c1"
          api={api}
          me={{ id: 'u-legal', role: 'legal', department: null }}
          download={async () => {}}
          onBack={() => {}}
        />,
      ),
    );
    await until(() => !!host.querySelector('[data-contract-page]'), 'the contract');
  };

  it('draws a redline between two versions chosen, with its summary, and contract text only as text', async () => {
    const fetched: string[] = [];
    await render(
      fakeApi({
        versionText: async (_c, vid) => {
          fetched.push(vid);
          return vid === 'v1' ? V1 : V2;
        },
      }),
    );
    const from = host.querySelector<HTMLSelectElement>('select[name="from"]');
    const to = host.querySelector<HTMLSelectElement>('select[name="to"]');
    expect([from?.value, to?.value]).toEqual(['v1', 'v2']);
    await act(async () =>
      host
        .querySelector('.compare form')
        ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
    await until(() => !!host.querySelector('[data-redline]'), 'the redline');
    expect(fetched.sort()).toEqual(['v1', 'v2']);
    const summary = host.querySelector('[data-summary]')?.textContent ?? '';
    expect(summary).toMatch(/1 moved/);
    expect(summary).toMatch(/Words: [1-9]\d* inserted, [1-9]\d* deleted/);
    const redline = host.querySelector('[data-redline]');
    expect(redline?.querySelector('.para.moved')?.textContent).toContain('moved from');
    expect([...(redline?.querySelectorAll('ins') ?? [])].map((e) => e.textContent).join('')).toContain('六');
    expect([...(redline?.querySelectorAll('del') ?? [])].map((e) => e.textContent).join('')).toContain('三');
    expect(redline?.querySelector('script')).toBeNull();
    expect(redline?.textContent).toContain('<script>');
  });

  it('says what to do when a text cannot be fetched for the comparison', async () => {
    const { RegistryError } = await import('../../../extension/registry/errors');
    await render(
      fakeApi({
        versionText: async () => {
          throw new RegistryError(0, 'Failed to fetch');
        },
      }),
    );
    await act(async () =>
      host
        .querySelector('.compare form')
        ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
    await until(() => !!host.querySelector('.compare [role="alert"]'));
    expect(host.querySelector('.compare [role="alert"]')?.textContent).toContain(
      'Check your network and the registry address in the settings',
    );
  });

  it('shows each library clause found and its redline against the library', async () => {
    const asked: string[] = [];
    const answer: VersionDeviations = {
      versionId: 'v2',
      clauses: [
        {
          clauseId: 'cl-pay',
          clauseVersion: 3,
          title: '付款条款',
          category: 'payment',
          language: 'zh',
          range: { start: 0, end: 20 },
          redline: diffClause('甲方应于验收合格后三十日内付款。', '甲方应于验收合格后六十日内付款。'),
        },
        {
          clauseId: 'cl-goods',
          clauseVersion: 1,
          title: '货物条款',
          category: 'goods',
          language: 'zh',
          range: { start: 30, end: 50 },
          redline: diffClause('乙方向甲方供应设备一批。', '乙方向甲方供应设备一批。'),
        },
      ],
    };
    await render(
      fakeApi({
        deviations: async (_c, vid) => {
          asked.push(vid);
          return answer;
        },
      }),
      'zh-CN',
    );
    await until(() => !!host.querySelector('[data-clause]'), 'the clauses');
    expect(asked).toEqual(['v2']);
    expect(host.querySelector('[data-section="deviations"]')?.textContent).toContain(
      '找到 2 个条款库条款，其中 1 个与条款库不一致。',
    );
    const pay = host.querySelector('[data-clause="cl-pay"]');
    expect(pay?.querySelector('summary')?.textContent).toContain('付款条款');
    expect(pay?.querySelector('ins')?.textContent).toContain('六');
    expect(host.querySelector('[data-clause="cl-goods"] summary')?.textContent).toContain('与条款库一致');
  });

  it('says the deviations are not offered yet when the registry has no such endpoint', async () => {
    await render(fakeApi());
    await until(() => !!host.querySelector('[data-section="deviations"] [data-missing]'));
    expect(host.querySelector('[data-section="deviations"]')?.textContent).toContain(
      'This registry does not offer this yet',
    );
  });

  it('shows payments with amounts from minor units, the collection rate, and what is overdue', async () => {
    await render(
      fakeApi({
        payments: async () => ({
          payments: [
            {
              id: 'p1',
              contractId: 'c1',
              milestoneId: 'm1',
              amount: { value: 5_000_000, currency: 'CNY' },
              receivedDate: '2024-04-01',
              note: '首付款',
              createdBy: 'u-legal',
              createdAt: '2024-04-01T08:00:00Z',
            },
          ],
          milestones: [
            {
              id: 'm1',
              label: 'Advance',
              dueDate: '2024-03-15',
              amount: { value: 5_000_000, currency: 'CNY' },
              paid: 5_000_000,
              outstanding: 0,
              overdue: false,
            },
            {
              id: 'm2',
              label: 'Balance',
              dueDate: '2024-06-30',
              amount: { value: 7_500_050, currency: 'CNY' },
              paid: 0,
              outstanding: 7_500_050,
              overdue: true,
            },
          ],
          totals: [
            {
              currency: 'CNY',
              contracted: 12_500_050,
              received: 5_000_000,
              overdue: 7_500_050,
              collectionRateBp: 4000,
            },
          ],
        }),
      }),
    );
    await until(() => !!host.querySelector('[data-totals]'), 'the payments');
    expect(host.querySelector('[data-totals="CNY"]')?.textContent).toBe(
      'Contracted CN¥125,000.50, received CN¥50,000.00 (collection rate 40.0%). Overdue: CN¥75,000.50',
    );
    const rows = [...host.querySelectorAll('[data-section="payments"] tbody tr')].map((r) => r.textContent);
    expect(rows).toContain('Balance30 Jun 2024CN¥75,000.50CN¥0.00CN¥75,000.50 · overdue');
    expect(host.querySelector('[data-payment="p1"]')?.textContent).toBe('1 Apr 2024CN¥50,000.00首付款');
  });

  it('shows the contract’s reminders and obligations', async () => {
    await render(
      fakeApi({
        people: fakePeople().people,
        contractReminders: async () => [
          {
            id: 'r1',
            kind: 'expiry',
            contractId: 'c1',
            contractNumber: 'HT-2024-001',
            contractTitle: 't',
            label: null,
            dueDate: '2025-02-28',
            remindDate: '2025-01-29',
            state: 'upcoming',
            refId: null,
            owner: null,
          },
        ],
        obligations: async () => [
          {
            id: 'o1',
            contractId: 'c1',
            title: '提交年度审计报告',
            dueDate: '2024-12-31',
            remindDaysBefore: 14,
            owner: 'u-gm',
            createdBy: null,
            createdAt: '2024-03-01T08:00:00Z',
          },
        ],
      }),
      'zh-CN',
    );
    await until(() => !!host.querySelector('[data-reminder]'), 'the reminders');
    expect(host.querySelector('[data-reminder="r1"]')?.textContent).toContain('2025年2月28日 到期');
    expect(host.querySelector('[data-obligation="o1"]')?.textContent).toContain('提前 14 天提醒');
    await until(
      () =>
        host.querySelector('[data-obligation="o1"]')?.textContent?.includes('负责人：Grace Miller') ?? false,
      'the owner by name',
    );
  });

  it('shows the audit trail newest first, in words', async () => {
    await render(fakeApi({ audit: async () => audit }));
    await until(() => !!host.querySelector('[data-audit]'), 'the audit trail');
    const items = [...host.querySelectorAll('[data-audit]')].map(
      (e) => e.querySelector('.what')?.textContent,
    );
    expect(items).toEqual([
      'Approved “General manager”',
      'Status Draft → In review — “please review”',
      'Contract created',
    ]);
    expect(host.querySelector('[data-audit="transition"]')?.textContent).toContain('you');
    expect(host.querySelector('[data-audit="approve"]')?.textContent).toContain('u-gm');
  });

  it('words the audit entries in Chinese', () => {
    expect(describeEntry('zh-CN', audit[1] as AuditEntry)).toBe('状态 草稿 → 审批中 — “please review”');
    expect(describeEntry('zh-CN', audit[2] as AuditEntry)).toBe('同意“General manager”');
  });

  it('keeps the other sections when one of them fails, with a retry', async () => {
    const { RegistryError } = await import('../../../extension/registry/errors');
    let calls = 0;
    await render(
      fakeApi({
        payments: async () => {
          calls += 1;
          if (calls === 1) throw new RegistryError(503, 'Service Unavailable');
          return { payments: [], milestones: [], totals: [] };
        },
        versions: async () => [version(1), version(2)],
        getContract: async () => contract(),
      }),
    );
    await until(() => !!host.querySelector('[data-section="payments"] [role="alert"]'));
    expect(host.querySelector('[data-section="payments"] [role="alert"]')?.textContent).toContain(
      'The registry refused the request (503)',
    );
    await act(async () =>
      host.querySelector<HTMLButtonElement>('[data-section="payments"] button.retry')?.click(),
    );
    await until(
      () => host.querySelector('[data-section="payments"]')?.textContent?.includes('No payment') ?? false,
    );
    expect(host.querySelector('[data-section="audit"]')?.textContent).toContain('Nothing recorded yet.');
  });
});
