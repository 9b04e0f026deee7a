// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterResult, Candidate } from '../../../extension/adapters/types';
import type { CaptureJob, FilingTarget } from '../../../extension/queue/types';
import { SidePanel, type SidePanelProps } from '../../../extension/ui/SidePanel';
import { contract, step } from './reviewer-fakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  key: 'gmail|m1|a.pdf',
  fileName: 'Supply Agreement.pdf',
  fetch: { url: 'https://mail.google.com/mail/u/0/?attid=0.1&disp=safe', credentials: 'include' },
  mediaType: 'application/pdf',
  sizeText: '245 KB',
  sizeBytes: 250880,
  sourceRef: 'gmail:m1',
  subject: '供货合同（签字版）',
  sender: { name: 'Li Wei', email: 'li.wei@supplier.example' },
  date: '5 Mar 2024',
  mailbox: 'u/0',
  site: 'gmail',
  pageUrl: 'https://mail.google.com/mail/u/0/#inbox/m1',
  ...over,
});

const job = (over: Partial<CaptureJob>): CaptureJob => ({
  id: 'j1',
  captureKey: 'gmail|m1|a.pdf',
  idempotencyKey: null,
  document: candidate(),
  target: { kind: 'new', title: 't', type: 'sales' },
  state: 'queued',
  step: null,
  sha256: null,
  contractId: null,
  attempts: 0,
  nextAttemptAt: 0,
  leaseUntil: 0,
  lastError: null,
  result: null,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('the side panel', () => {
  let host: HTMLDivElement;
  let root: Root;
  let filed: [Candidate, FilingTarget][];

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    filed = [];
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  const render = (over: Partial<SidePanelProps>) =>
    act(() =>
      root.render(
        <SidePanel
          lang="en"
          signedIn={true}
          page={{ adapterId: 'gmail', candidates: [candidate()], warnings: [] }}
          jobs={[]}
          checks={[]}
          defaultType="purchase"
          onFile={(c, t) => filed.push([c, t])}
          searchContracts={async (text) =>
            [
              { id: 'c1', number: 'HT-2024-001', title: 'Framework agreement' },
              { id: 'c2', number: 'HT-2024-002', title: 'Lease' },
            ].filter((c) => c.number.includes(text) || c.title.includes(text))
          }
          onRetry={() => {}}
          onRescan={() => {}}
          onOpenOptions={() => {}}
          onOpenRegistry={() => {}}
          {...over}
        />,
      ),
    );

  it('lists each document with its size and source, and files it with the title and type shown', () => {
    render({});
    expect(host.textContent).toContain('Supply Agreement.pdf');
    expect(host.textContent).toContain('245 KB');
    expect(host.textContent).toContain('Li Wei <li.wei@supplier.example>');
    const title = host.querySelector<HTMLInputElement>('input.title');
    expect(title?.value).toBe('供货合同（签字版）');
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'File');
    act(() => button?.click());
    expect(filed).toEqual([[candidate(), { kind: 'new', title: '供货合同（签字版）', type: 'purchase' }]]);
    // The type field suggests the usual codes with their names.
    const typeField = host.querySelector<HTMLInputElement>('input[aria-label="Contract type"]');
    const options = host.querySelectorAll(`datalist#${typeField?.getAttribute('list')} option`);
    expect([...options].find((o) => o.getAttribute('value') === 'purchase')?.getAttribute('label')).toBe(
      'Purchase',
    );
  });

  it('files a document as a new version of a contract found by number or title', async () => {
    render({});
    const select = host.querySelector('select');
    act(() => {
      if (select) {
        select.value = 'existing';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    const search = host.querySelector<HTMLInputElement>('.picker input');
    expect(search).not.toBeNull();
    const fileButton = () => host.querySelector<HTMLButtonElement>('button.file');
    expect(fileButton()?.disabled).toBe(true);
    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(search, 'Framework');
      search?.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
    });
    const results = [...host.querySelectorAll('.picker li')].map((li) => li.textContent);
    expect(results).toEqual(['HT-2024-001 · Framework agreementChoose']);
    act(() => host.querySelector<HTMLButtonElement>('.picker li button')?.click());
    expect(fileButton()?.textContent).toBe('File → HT-2024-001');
    act(() => fileButton()?.click());
    expect(filed).toEqual([[candidate(), { kind: 'existing', contractId: 'c1' }]]);
  });

  it('shows where a filing stands, in Chinese or English, instead of the File button', () => {
    render({ jobs: [job({ state: 'uploading', step: 'upload' })] });
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Uploading…');
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'File')).toBe(false);
    render({
      lang: 'zh-CN',
      jobs: [
        job({
          state: 'filed',
          result: { contractId: 'c1', number: 'HT-2024-007', versionId: 'v1', alreadyFiled: true },
        }),
      ],
    });
    expect(host.querySelector('[role="status"]')?.textContent).toBe('已归档过，编号 HT-2024-007');
    render({
      jobs: [
        job({
          state: 'failed',
          lastError: { code: 'registry.http-415', zh: '类型不符', en: 'The file is not a PDF' },
        }),
      ],
    });
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Not filed: The file is not a PDF');
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'Try again')).toBe(true);
  });

  it('says a document is already filed before anyone files it, without a File button', () => {
    const filings = [
      { contractId: 'c1', number: 'HT-2024-001', title: 'Supply', versionId: 'v1', seq: 1 },
      { contractId: 'c2', number: 'HT-2024-009', title: 'Supply (copy)', versionId: 'v2', seq: 1 },
    ];
    render({ checks: [{ key: 'gmail|m1|a.pdf', sha256: 'ab', filings, checkedAt: 0 }] });
    expect(host.querySelector('[role="status"]')?.textContent).toBe(
      'Already filed as HT-2024-001, HT-2024-009',
    );
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'File')).toBe(false);
    // A check that found nothing leaves the File button.
    render({ checks: [{ key: 'gmail|m1|a.pdf', sha256: 'ab', filings: [], checkedAt: 0 }] });
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'File')).toBe(true);
  });

  it('shows the page’s warnings, and asks to sign in before filing', () => {
    const page: AdapterResult = {
      adapterId: 'gmail',
      candidates: [candidate()],
      warnings: [
        { code: 'gmail.unreadable-attachments', zh: '无法读取附件', en: 'Attachments could not be read' },
      ],
    };
    render({ page, signedIn: false, lang: 'zh-CN' });
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('无法读取附件');
    expect(host.textContent).toContain('请先登录登记系统');
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === '归档');
    expect(button?.disabled).toBe(true);
  });

  it('counts the approvals waiting for me, oldest first, each opening its contract, and links the whole inbox', () => {
    const opened: string[] = [];
    let inboxOpened = 0;
    const items = Array.from({ length: 7 }, (_, i) => ({
      contract: contract({ id: `c${i}`, number: `XSC-2024-SD-00${i}`, title: `合同${i}` }),
      step: step({
        id: `s${i}`,
        name: i === 6 ? '总经理审批' : '法务审核',
        createdAt: `2024-03-0${7 - i}T08:00:00Z`,
      }),
    }));
    render({
      lang: 'zh-CN',
      inbox: items,
      onOpenContract: (id) => opened.push(id),
      onOpenInbox: () => inboxOpened++,
    });
    expect(host.querySelector('[data-inbox-count]')?.textContent).toBe('待我审批（7）');
    const listed = [...host.querySelectorAll('[data-inbox-item]')].map((li) =>
      li.getAttribute('data-inbox-item'),
    );
    expect(listed).toEqual(['c6', 'c5', 'c4', 'c3', 'c2']);
    expect(host.querySelector('[data-inbox-item="c6"]')?.textContent).toContain('总经理审批');
    act(() => host.querySelector<HTMLButtonElement>('[data-inbox-item="c5"] button')?.click());
    expect(opened).toEqual(['c5']);
    const all = [...host.querySelectorAll('button')].find((b) => b.textContent === '查看全部 7 项');
    act(() => all?.click());
    expect(inboxOpened).toBe(1);
  });

  it('shows no inbox when nothing waits or the registry could not say', () => {
    render({ inbox: [] });
    expect(host.querySelector('[data-inbox-count]')).toBeNull();
    render({ inbox: null });
    expect(host.querySelector('[data-inbox-count]')).toBeNull();
  });

  it('shows page text as text, never as markup', () => {
    render({
      page: {
        adapterId: 'web',
        candidates: [candidate({ fileName: '<img src=x onerror="alert(1)">.pdf', subject: '<b>bold</b>' })],
        warnings: [],
      },
    });
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('b')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror="alert(1)">.pdf');
  });
});
