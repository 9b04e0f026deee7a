// @vitest-environment jsdom
import type { ContractPatch } from '@shared/schemas/contract';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureJob } from '../../../extension/queue/types';
import type { DueReminder, VersionAnalysis } from '../../../extension/registry/client';
import { SidePanel, type SidePanelProps } from '../../../extension/ui/SidePanel';
import { purchaseExtraction } from './extraction-fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const filedJob = (over: Partial<CaptureJob> = {}): CaptureJob => ({
  id: 'j1',
  captureKey: 'web|https://vendor.example/a.pdf',
  idempotencyKey: null,
  document: {
    key: 'web|https://vendor.example/a.pdf',
    fileName: '设备采购合同.pdf',
    fetch: { url: 'https://vendor.example/a.pdf', credentials: 'omit' },
    sizeText: null,
    sizeBytes: null,
    sourceRef: null,
    subject: null,
    site: 'web',
    pageUrl: 'https://vendor.example/',
  },
  target: { kind: 'new', title: '设备采购合同', type: 'purchase' },
  state: 'filed',
  step: null,
  sha256: 'ab',
  contractId: 'c1',
  attempts: 1,
  nextAttemptAt: 0,
  leaseUntil: 0,
  lastError: null,
  result: { contractId: 'c1', number: 'HT-2024-001', versionId: 'v1', alreadyFiled: false },
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

/** The registry's analysis and contract routes, in memory: pending a few times, then read. */
function fakeRegistry(answers: VersionAnalysis[]) {
  const asked: string[] = [];
  const patches: [string, ContractPatch][] = [];
  return {
    asked,
    patches,
    suggestions: {
      loadAnalysis: async (contractId: string, versionId: string) => {
        asked.push(`${contractId}/${versionId}`);
        return answers.length > 1 ? (answers.shift() as VersionAnalysis) : (answers[0] as VersionAnalysis);
      },
      saveContract: async (id: string, patch: ContractPatch) => {
        patches.push([id, patch]);
      },
      sleep: async () => {},
    },
  };
}

const setValue = (input: HTMLInputElement | null | undefined, value: string) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input?.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('suggested fields after filing', () => {
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

  const render = async (over: Partial<SidePanelProps>) => {
    await act(async () =>
      root.render(
        <SidePanel
          lang="en"
          signedIn={true}
          page={null}
          jobs={[filedJob()]}
          checks={[]}
          defaultType="general"
          onFile={() => {}}
          searchContracts={async () => []}
          onRetry={() => {}}
          onRescan={() => {}}
          onOpenOptions={() => {}}
          onOpenRegistry={() => {}}
          {...over}
        />,
      ),
    );
    // Let the polling settle.
    await act(async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    });
  };

  it('polls until the registry has read the document, then saves only the fields the user keeps', async () => {
    const registry = fakeRegistry([
      { status: 'pending' },
      { status: 'pending' },
      { status: 'done', metadata: purchaseExtraction() },
    ]);
    const settled: string[] = [];
    await render({ suggestions: { ...registry.suggestions, onSettled: (v) => settled.push(v) } });
    expect(registry.asked).toEqual(['c1/v1', 'c1/v1', 'c1/v1']);
    const box = host.querySelector('[data-suggestions]');
    expect(box?.getAttribute('data-suggestions')).toBe('form');
    expect(host.querySelector<HTMLInputElement>('input[name="type"]')?.value).toBe('purchase');
    expect(host.querySelector<HTMLInputElement>('input[name="amount"]')?.value).toBe('125000.50');
    expect(host.querySelectorAll('[data-party]')).toHaveLength(2);

    await act(async () => {
      // The user does not want the type or the expiry date, names the second party's role, fixes the amount.
      host.querySelector<HTMLInputElement>('input[name="use-type"]')?.click();
      host.querySelector<HTMLInputElement>('input[name="use-expiryDate"]')?.click();
      setValue(host.querySelectorAll<HTMLInputElement>('[data-party="1"] input')[1], '乙方');
      setValue(host.querySelector<HTMLInputElement>('input[name="amount"]'), '126,000');
    });
    await act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(registry.patches).toEqual([
      [
        'c1',
        {
          counterparty: [
            { name: '杭州甲科技有限公司', role: '甲方' },
            { name: 'Acme Supplies Ltd.', role: '乙方' },
          ],
          effectiveDate: '2024-03-01',
          amount: { value: 12_600_000, currency: 'CNY' },
        },
      ],
    ]);
    expect(host.querySelector('[data-suggestions]')?.textContent).toContain('Saved to HT-2024-001.');
    expect(settled).toEqual(['v1']);
  });

  it('says what is wrong with a field and sends nothing', async () => {
    const registry = fakeRegistry([{ status: 'done', metadata: purchaseExtraction() }]);
    await render({ suggestions: registry.suggestions, lang: 'zh-CN' });
    await act(async () => setValue(host.querySelector<HTMLInputElement>('input[name="amount"]'), '十二万'));
    await act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(registry.patches).toEqual([]);
    expect(host.querySelector('[role="alert"]')?.textContent).toBe(
      '请以数字填写金额，币种为三个字母（CNY）。',
    );
  });

  it('tells a scan from a document still being read, and suggests nothing for one filed before', async () => {
    const scan = fakeRegistry([{ status: 'no_text' }]);
    await render({ suggestions: scan.suggestions });
    expect(host.querySelector('[data-suggestions]')?.getAttribute('data-suggestions')).toBe('no_text');
    const slow = fakeRegistry([{ status: 'pending' }]);
    await render({
      suggestions: slow.suggestions,
      jobs: [
        filedJob({
          result: { contractId: 'c1', number: 'HT-2024-001', versionId: 'v2', alreadyFiled: false },
        }),
      ],
    });
    expect(host.querySelector('[data-suggestions]')?.getAttribute('data-suggestions')).toBe('pending');
    expect(slow.asked.length).toBeGreaterThan(2);
    const before = fakeRegistry([{ status: 'done', metadata: purchaseExtraction() }]);
    await render({
      suggestions: before.suggestions,
      jobs: [
        filedJob({
          result: { contractId: 'c1', number: 'HT-2024-001', versionId: 'v3', alreadyFiled: true },
        }),
      ],
    });
    expect(host.querySelector('[data-suggestions]')).toBeNull();
    expect(before.asked).toEqual([]);
  });

  it('can be put aside, and is not offered again for a version settled before', async () => {
    const registry = fakeRegistry([{ status: 'done', metadata: purchaseExtraction() }]);
    const settled: string[] = [];
    await render({ suggestions: { ...registry.suggestions, onSettled: (v) => settled.push(v) } });
    await act(async () => host.querySelector<HTMLButtonElement>('button.dismiss')?.click());
    expect(host.querySelector('[data-suggestions]')).toBeNull();
    expect(settled).toEqual(['v1']);
    expect(registry.patches).toEqual([]);
    const later = fakeRegistry([{ status: 'done', metadata: purchaseExtraction() }]);
    await render({ suggestions: { ...later.suggestions, settled: ['v1'] } });
    expect(host.querySelector('[data-suggestions]')).toBeNull();
    expect(later.asked).toEqual([]);
  });

  it('lists the reminders that are due, soonest first, each opening its contract', async () => {
    const opened: string[] = [];
    const due = (id: string, dueDate: string, kind: string): DueReminder => ({
      id,
      kind,
      contractId: `c${id}`,
      number: `HT-${id}`,
      title: `Contract ${id}`,
      dueDate,
      remindDate: dueDate,
      state: 'due',
    });
    await render({
      jobs: [],
      reminders: [due('2', '2025-05-01', 'payment'), due('1', '2025-04-01', 'expiry')],
      onOpenContract: (id) => opened.push(id),
    });
    const items = [...host.querySelectorAll('[data-reminder]')];
    expect(items.map((li) => li.textContent)).toEqual([
      'HT-1 · Contract 1Expires on 2025-04-01',
      'HT-2 · Contract 2Payment due on 2025-05-01',
    ]);
    act(() => items[1]?.querySelector('button')?.click());
    expect(opened).toEqual(['c2']);
  });
});
