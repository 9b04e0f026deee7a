// @vitest-environment jsdom
import type { Contract } from '@shared/schemas/contract';
import type { Finding } from '@shared/schemas/finding';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit, VersionAnalysis, VersionInfo } from '../../../extension/registry/client';
import { ContractPage, type ContractPageProps } from '../../../extension/ui/ContractPage';
import { groupFindings } from '../../../extension/ui/findings';
import { RegistrySearch } from '../../../extension/ui/RegistrySearch';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const contract = {
  id: 'c1',
  number: 'HT-2024-001',
  title: '设备采购合同',
  type: 'purchase',
  status: 'active',
  counterparty: [{ name: 'Acme Supplies Ltd.', role: '乙方' }],
  signedDate: '2024-02-20',
  effectiveDate: '2024-03-01',
  expiryDate: null,
  amount: { value: 12_500_050, currency: 'CNY' },
} as unknown as Contract;

const version = (seq: number): VersionInfo => ({
  id: `v${seq}`,
  contractId: 'c1',
  seq,
  sha256: `sha${seq}`,
  filename: `采购合同-v${seq}.pdf`,
  mediaType: 'application/pdf',
  size: 20_480 * seq,
  source: 'extension',
  sourceRef: null,
  createdAt: `2024-03-0${seq}T08:00:00Z`,
  text: { status: 'done', pageCount: 3 },
});

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
          getContract={async () => contract}
          versions={async () => [version(1), version(2)]}
          analysis={async () => ({ status: 'done', findings })}
          download={async () => {}}
          onBack={() => {}}
          {...over}
        />,
      ),
    );
  };

  it('shows the fields, the versions newest first, and the newest version’s findings grouped by level', async () => {
    const analysed: string[] = [];
    const downloaded: string[] = [];
    await render({
      analysis: async (id, vid): Promise<VersionAnalysis> => {
        analysed.push(`${id}/${vid}`);
        return { status: 'done', findings };
      },
      download: async (v) => {
        downloaded.push(v.id);
      },
    });
    expect(host.querySelector('h1')?.textContent).toBe('HT-2024-001 · 设备采购合同');
    expect(host.querySelector('dl')?.textContent).toContain('Acme Supplies Ltd. (乙方)');
    expect(host.querySelector('dl')?.textContent).toContain('CNY 125000.50');
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
    await render({ lang: 'en', analysis: async () => ({ status: 'done', findings }) });
    expect(host.querySelector('section[data-level="warning"]')?.textContent).toContain('The penalty is high');
    await render({ lang: 'en', contractId: 'c2', analysis: async () => ({ status: 'no_text' }) });
    expect(host.textContent).toContain('No text could be read from this document');
    expect(host.querySelector('section[data-level]')).toBeNull();
  });

  it('shows the registry’s refusal and goes back to the search', async () => {
    let back = 0;
    await render({
      contractId: 'gone',
      getContract: async () => {
        throw new Error('Registry answered 404: Contract gone not found');
      },
      onBack: () => {
        back += 1;
      },
    });
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('404');
    act(() => host.querySelector('button')?.click());
    expect(back).toBe(1);
  });

  it('is opened from a search result', async () => {
    const opened: string[] = [];
    const hit = { contract, score: 1, snippet: '设备' } as unknown as SearchHit;
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
});
