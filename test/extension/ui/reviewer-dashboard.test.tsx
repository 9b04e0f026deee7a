// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../../extension/registry/errors';
import { Dashboard } from '../../../extension/ui/reviewer/Dashboard';
import type { ExpiringReport, SummaryReport } from '../../../extension/ui/reviewer/types';
import { until } from './reviewer-fakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const summary: SummaryReport = {
  groupBy: 'department',
  today: '2025-01-15',
  rows: [
    {
      group: 'SD',
      contracts: 5,
      currencies: [
        { currency: 'CNY', signed: 50_000_000, received: 40_000_000, collectionRateBp: 8000, overdue: 0 },
        { currency: 'USD', signed: 1_000_000, received: 0, collectionRateBp: 0, overdue: 1 },
      ],
      expiring30: 1,
      expiring60: 2,
      expiring90: 2,
      averageApprovalDays: 3.5,
    },
    {
      group: 'PD',
      contracts: 3,
      currencies: [
        { currency: 'CNY', signed: 120_000_000, received: 30_000_000, collectionRateBp: 2500, overdue: 2 },
      ],
      expiring30: 0,
      expiring60: 1,
      expiring90: 3,
      averageApprovalDays: 6.25,
    },
    {
      group: null,
      contracts: 1,
      currencies: [],
      expiring30: 0,
      expiring60: 0,
      expiring90: 0,
      averageApprovalDays: null,
    },
  ],
};

const expiring: ExpiringReport = {
  from: '2025-01',
  months: [
    { month: '2025-01', count: 1, byType: { sales: 1 } },
    { month: '2025-02', count: 3, byType: { sales: 1, purchase: 2 } },
    { month: '2025-03', count: 0, byType: {} },
  ],
};

describe('the dashboard', () => {
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

  const render = async (over: Partial<Parameters<typeof Dashboard>[0]> = {}) => {
    await act(async () =>
      root.render(
        <Dashboard
          lang="en"
          reportSummary={async () => summary}
          reportExpiring={async () => expiring}
          {...over}
        />,
      ),
    );
    await until(() => !!host.querySelector('[data-kpis]') && !host.textContent?.includes('Loading'));
  };
  const table = (name: string) =>
    [...host.querySelectorAll(`[data-chart="${name}"] tbody tr`)].map((r) =>
      [...r.children].map((c) => c.textContent),
    );

  it('draws the four charts, each with a summary and its numbers as a table', async () => {
    await render();
    expect([...host.querySelectorAll('figure[data-chart]')].map((f) => f.getAttribute('data-chart'))).toEqual(
      ['expiring', 'signed', 'collection', 'cycle'],
    );
    for (const f of host.querySelectorAll('figure[data-chart]')) {
      expect(f.querySelector('svg')).not.toBeNull();
      const described = f.getAttribute('aria-describedby') ?? '';
      expect(host.querySelector(`[id="${described}"]`)?.textContent).not.toBe('');
    }
    expect(host.querySelector('[data-kpis]')?.textContent).toBe(
      '9 contracts; expiring within 30 days: 1, 60 days: 3, 90 days: 5.',
    );
    expect(
      [...host.querySelectorAll('[data-chart="expiring"] thead th')].map((th) => th.textContent),
    ).toEqual(['Month', 'Total', 'Purchase', 'Sales']);
    expect(table('expiring')).toEqual([
      ['Jan 2025', '1', '0', '1'],
      ['Feb 2025', '3', '2', '1'],
      ['Mar 2025', '0', '0', '0'],
    ]);
    expect(host.querySelector('[data-chart="expiring"] .chart-summary')?.textContent).toBe(
      '4 contracts expire in the next 3 months; the most in Feb 2025 (3).',
    );
    // The currency with the largest signed amount is shown first; departments by amount.
    expect(table('signed')).toEqual([
      ['PD', 'CN¥1,200,000.00'],
      ['SD', 'CN¥500,000.00'],
      ['(none)', 'CN¥0.00'],
    ]);
    expect(table('collection')).toEqual([
      ['SD', '80.0% (CN¥400,000.00 / CN¥500,000.00)'],
      ['PD', '25.0% (CN¥300,000.00 / CN¥1,200,000.00)'],
    ]);
    expect(host.querySelector('[data-chart="collection"] .chart-summary')?.textContent).toBe(
      'Lowest collection rate: PD (25.0%).',
    );
    expect(table('cycle')).toEqual([
      ['SD', '3.5 days'],
      ['PD', '6.3 days'],
    ]);
  });

  it('switches the money charts to another currency', async () => {
    await render();
    const select = host.querySelector('select');
    await act(async () => {
      if (!select) return;
      select.value = 'USD';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(table('signed')[0]).toEqual(['SD', 'US$10,000.00']);
  });

  it('shows the tables on request, and speaks Chinese', async () => {
    await render({ lang: 'zh-CN' });
    const tables = () => [...host.querySelectorAll('figure[data-chart] > div:last-child')];
    expect(tables().every((d) => d.className === 'sr-only')).toBe(true);
    const box = host.querySelector<HTMLInputElement>('input[type="checkbox"]');
    await act(async () => box?.click());
    expect(tables().every((d) => d.className === '')).toBe(true);
    expect(host.querySelector('[data-chart="cycle"] figcaption')?.textContent).toBe('各部门审批周期');
    expect(table('expiring')[1]?.[0]).toBe('2025年2月');
  });

  it('draws no empty axes: a chart with nothing to show is only its sentence', async () => {
    await render({
      reportSummary: async () => ({
        ...summary,
        rows: summary.rows.map((r) => ({ ...r, averageApprovalDays: null })),
      }),
      reportExpiring: async () => ({
        from: '2025-01',
        months: [
          { month: '2025-01', count: 0, byType: {} },
          { month: '2025-02', count: 0, byType: {} },
        ],
      }),
    });
    expect(host.querySelector('[data-chart="cycle"] svg')).toBeNull();
    expect(host.querySelector('[data-chart="cycle"]')?.textContent).toContain('No approval completed yet.');
    expect(host.querySelector('[data-chart="expiring"] svg')).toBeNull();
    expect(host.querySelector('[data-chart="expiring"]')?.textContent).toContain(
      'No contract expires in the next 2 months.',
    );
    expect(host.querySelector('[data-chart="signed"] svg')).not.toBeNull();
  });

  it('fits its charts to the room the page gives them, and follows a resize', async () => {
    // jsdom lays nothing out: this observer reports the sizes a browser would.
    const observed: { callback: ResizeObserverCallback; target: Element }[] = [];
    class FakeResizeObserver {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        observed.push({ callback: this.callback, target });
      }
      unobserve() {}
      disconnect() {}
    }
    const resize = (width: number) =>
      act(async () => {
        for (const o of observed) {
          const entry = { target: o.target, contentRect: { width, height: 240 } } as ResizeObserverEntry;
          o.callback([entry], {} as ResizeObserver);
        }
      });
    const widths = () =>
      [...host.querySelectorAll('figure[data-chart] .recharts-wrapper > svg')].map((svg) =>
        svg.getAttribute('width'),
      );
    const original = globalThis.ResizeObserver;
    globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
    try {
      await render();
      expect(observed.length).toBe(4);
      await resize(420);
      expect(widths()).toEqual(['420', '420', '420', '420']);
      await resize(1100);
      expect(widths()).toEqual(['1100', '1100', '1100', '1100']);
    } finally {
      globalThis.ResizeObserver = original;
    }
  });

  it('keeps the department charts when the expiring report is not offered yet', async () => {
    await render({
      reportExpiring: async () => {
        throw new RegistryError(404, 'Not Found');
      },
    });
    expect(host.querySelector('[data-missing]')?.textContent).toContain(
      'This registry does not offer this yet',
    );
    expect(host.querySelector('[data-chart="signed"]')).not.toBeNull();
  });
});
