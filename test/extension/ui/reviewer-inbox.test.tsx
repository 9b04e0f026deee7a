// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryApp, type RegistryAppApi } from '../../../extension/ui/reviewer/RegistryApp';
import type { InboxItem } from '../../../extension/ui/reviewer/types';
import { approvalsOf, contract, fakeApi, step, until } from './reviewer-fakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the registry page with its inbox', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    history.replaceState(null, '', '/registry.html');
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  /** A registry where one contract waits for the general manager's approval until it is given. */
  function registry() {
    const review = contract({ status: 'in_review', title: 'Supply agreement' });
    let approved = false;
    const gmStep = () =>
      step({
        id: 's-gm',
        name: 'General manager',
        approvers: [{ userId: 'u-gm' }],
        status: approved ? 'approved' : 'pending',
      });
    const decisions: string[] = [];
    const api: RegistryAppApi = {
      ...fakeApi({
        getContract: async () => (approved ? contract({ status: 'approved' }) : review),
        approvals: async () => approvalsOf(approved ? contract({ status: 'approved' }) : review, [gmStep()]),
        decide: async (id, stepId, decision) => {
          decisions.push(`${id}/${stepId}/${decision}`);
          approved = true;
          return approvalsOf(contract({ status: 'approved' }), [gmStep()]);
        },
      }),
      search: async () => ({ total: 0, items: [] }),
      me: async () => ({
        id: 'u-gm',
        email: 'gm@example.com',
        name: 'GM',
        role: 'reviewer',
        department: null,
      }),
      inbox: async (): Promise<InboxItem[]> => (approved ? [] : [{ contract: review, step: gmStep() }]),
      reportSummary: async () => ({ groupBy: 'department', today: '2025-01-01', rows: [] }),
      reportExpiring: async () => ({ from: '2025-01', months: [] }),
      retentionDue: async () => [],
      decideDestruction: async () => {
        throw new Error('not decided here');
      },
    };
    return { api, decisions };
  }

  const render = async (api: RegistryAppApi) => {
    await act(async () =>
      root.render(<RegistryApp lang="en" signedIn={true} api={api} download={async () => {}} />),
    );
  };
  const tab = (view: string) => host.querySelector<HTMLButtonElement>(`nav.tabs [data-view="${view}"]`);

  it('counts what waits, opens it from the inbox, and approves it there', async () => {
    const { api, decisions } = registry();
    await render(api);
    await until(() => tab('inbox')?.textContent === 'Inbox (1)', 'the inbox count');
    await act(async () => tab('inbox')?.click());
    expect(location.search).toBe('?view=inbox');
    const item = host.querySelector('[data-inbox-item="c1"]');
    expect(item?.textContent).toContain('HT-2024-001 · Supply agreement');
    expect(item?.textContent).toContain('Step: General manager');
    await act(async () => item?.querySelector<HTMLButtonElement>('button.open')?.click());
    expect(new URLSearchParams(location.search).get('contract')).toBe('c1');
    await until(() => !!host.querySelector('[data-step="s-gm"] button.approve'), 'the approve button');
    await act(async () =>
      host.querySelector<HTMLButtonElement>('[data-step="s-gm"] button.approve')?.click(),
    );
    expect(decisions).toEqual(['c1/s-gm/approve']);
    await until(() => tab('inbox')?.textContent === 'Inbox (0)', 'the inbox to empty');
    await until(
      () => host.querySelector('strong[data-status]')?.textContent === 'Approved',
      'the new status',
    );
    // Back returns to the inbox, now empty.
    await act(async () => host.querySelector<HTMLButtonElement>('[data-contract-page] > button')?.click());
    expect(host.querySelector('[data-inbox]')?.textContent).toContain('Nothing waits for you.');
  });

  it('opens the dashboard and follows the browser’s Back', async () => {
    const { api } = registry();
    await render(api);
    await act(async () => tab('dashboard')?.click());
    await until(() => !!host.querySelector('[data-dashboard]'));
    expect(tab('dashboard')?.getAttribute('aria-current')).toBe('page');
    await act(async () => {
      history.replaceState(null, '', '?view=inbox');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(host.querySelector('[data-dashboard]')).toBeNull();
    expect(host.querySelector('[data-inbox]')).not.toBeNull();
  });
});
