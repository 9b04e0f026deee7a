// @vitest-environment jsdom
import type { Contract } from '@shared/schemas/contract';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VersionInfo } from '../../../extension/registry/client';
import { RegistryError } from '../../../extension/registry/errors';
import { ContractPage, type ContractPageProps } from '../../../extension/ui/ContractPage';
import { describeEntry } from '../../../extension/ui/reviewer/AuditTrail';
import { RegistryApp, type RegistryAppApi } from '../../../extension/ui/reviewer/RegistryApp';
import { RetentionReview, type RetentionReviewProps } from '../../../extension/ui/reviewer/RetentionReview';
import type { AuditEntry, DestructionDecision, RetentionDueItem } from '../../../extension/ui/reviewer/types';
import { contract, fakeApi, fakePeople, until, version } from './reviewer-fakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LEGAL = { id: 'u-legal', role: 'legal', department: 'LEGAL' };

/** Types into a field as a person would (React reads the value from the input event). */
async function type(field: HTMLInputElement | HTMLTextAreaElement | null | undefined, text: string) {
  if (!field) throw new Error('no such field');
  await act(async () => {
    const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
    Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const destroyed = (seq: number): VersionInfo => ({ ...version(seq), destroyedAt: '2035-01-02T03:00:00Z' });

const due = (id: string, number: string, held = false): RetentionDueItem => ({
  contract: {
    id,
    number,
    title: `Contract ${number}`,
    type: 'purchase',
    department: 'SD',
    status: 'expired',
    expiryDate: '2020-01-31',
  },
  retentionUntil: '2025-01-31',
  legalHold: held ? { reason: 'Case 17', by: 'u-legal', at: '2024-05-01T08:00:00Z' } : null,
});

describe('retention on the registry pages', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    history.replaceState(null, '', '/registry.html');
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  const renderPage = async (over: Partial<ContractPageProps>) => {
    await act(async () =>
      root.render(
        <ContractPage
          lang="en"
          contractId="c1"
          api={fakeApi()}
          me={LEGAL}
          download={async () => {}}
          onBack={() => {}}
          {...over}
        />,
      ),
    );
    await until(() => !!host.querySelector('[data-contract-page]'), 'the contract');
  };
  const click = (selector: string) =>
    act(async () => {
      const button = host.querySelector<HTMLButtonElement>(selector);
      if (!button) throw new Error(`no ${selector}`);
      button.click();
    });

  it('shows a destroyed version as destroyed, without download, and leaves it out of the pickers', async () => {
    const downloaded: string[] = [];
    await renderPage({
      api: fakeApi({ versions: async () => [destroyed(1), version(2), version(3)] }),
      download: async (v) => {
        downloaded.push(v.id);
      },
    });
    const v1 = host.querySelector('[data-version="v1"]');
    expect(v1?.querySelector('[data-destroyed]')?.textContent).toBe(
      'Destroyed on 2 Jan 2035 at the end of retention',
    );
    expect(v1?.querySelector('button')).toBeNull();
    expect(host.querySelector('[data-version="v2"] button')?.textContent).toBe('Download');
    const options = (name: string) =>
      [...host.querySelectorAll(`.compare select[name="${name}"] option`)].map((o) =>
        o.getAttribute('value'),
      );
    expect(options('from')).toEqual(['v3', 'v2']);
    expect(options('to')).toEqual(['v3', 'v2']);
    expect(
      [...host.querySelectorAll('#sec-deviations select option')].map((o) => o.getAttribute('value')),
    ).toEqual(['v3', 'v2']);
  });

  it('says it in Chinese, and says a redline needs two versions when only one is left', async () => {
    await renderPage({ lang: 'zh-CN', api: fakeApi({ versions: async () => [destroyed(1), version(2)] }) });
    expect(host.querySelector('[data-destroyed]')?.textContent).toBe('已于 2035年1月2日 因保存期限届满销毁');
    expect(host.querySelector('.compare')).toBeNull();
    expect(host.textContent).toContain('比对需要两个版本');
  });

  it('says the documents were destroyed rather than offering deviations or findings of them', async () => {
    const analysed: string[] = [];
    await renderPage({
      api: fakeApi({
        versions: async () => [destroyed(1), destroyed(2)],
        analysis: async (_c, v) => {
          analysed.push(v);
          return { status: 'no_text' };
        },
      }),
    });
    expect(host.querySelector('#sec-deviations')?.textContent).toContain(
      'The documents of this contract were destroyed at the end of retention.',
    );
    expect(host.querySelector('#sec-deviations select')).toBeNull();
    expect(host.querySelector('#sec-findings')?.textContent).toContain('Destroyed on 2 Jan 2035');
    expect(analysed).toEqual([]);
  });

  it('places a legal hold with its reason and shows it at once, then lifts it', async () => {
    let current = contract();
    const calls: string[] = [];
    const api = fakeApi({
      getContract: async () => current,
      placeLegalHold: async (id, reason) => {
        calls.push(`place ${id}: ${reason}`);
        current = contract({ legalHold: { reason, by: 'u-legal', at: '2025-02-01T08:00:00Z' } });
        return current;
      },
      liftLegalHold: async (id) => {
        calls.push(`lift ${id}`);
        current = contract();
        return current;
      },
      people: fakePeople().people,
    });
    await renderPage({ api });
    expect(host.querySelector('[data-legal-hold]')).toBeNull();
    // Cancelling the form places nothing and gives the focus back to its button.
    await click('[data-place-hold]');
    await click('.hold-form button[type="button"]');
    expect(host.querySelector('.hold-form')).toBeNull();
    expect(document.activeElement).toBe(host.querySelector('[data-place-hold]'));
    await click('[data-place-hold]');
    // No reason, no hold: the field says what it needs.
    await click('.hold-form button[type="submit"]');
    expect(calls).toEqual([]);
    expect(host.querySelector('.hold-form textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('.hold-form')?.textContent).toContain('Give the reason for the hold');
    await type(host.querySelector<HTMLTextAreaElement>('.hold-form textarea'), '  Litigation 2025-03 ');
    await click('.hold-form button[type="submit"]');
    await until(() => !!host.querySelector('[data-legal-hold]'), 'the hold');
    expect(calls).toEqual(['place c1: Litigation 2025-03']);
    expect(host.querySelector('[data-legal-hold]')?.textContent).toContain('Legal hold: Litigation 2025-03');
    // Placed by the signed-in user: “you”, with their email as the title.
    await until(() => !!host.querySelector('[data-legal-hold] [data-user][title]'), 'the name');
    expect(host.querySelector('[data-legal-hold] [data-user]')?.textContent).toBe('you');
    expect(host.querySelector('[data-legal-hold] [data-user]')?.getAttribute('title')).toBe(
      'wang@example.com',
    );
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Legal hold placed');
    expect(host.querySelector('[data-place-hold]')).toBeNull();

    await click('[data-lift-hold]');
    await until(() => !host.querySelector('[data-legal-hold]'), 'the hold lifted');
    expect(calls).toEqual(['place c1: Litigation 2025-03', 'lift c1']);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Legal hold lifted.');
    expect(host.querySelector('[data-place-hold]')).not.toBeNull();
  });

  it('says why a hold was refused and what to do, in Chinese', async () => {
    const held = contract({ legalHold: { reason: 'Case', by: 'u-legal', at: '2025-02-01T08:00:00Z' } });
    await renderPage({
      lang: 'zh-CN',
      api: fakeApi({
        getContract: async () => held,
        liftLegalHold: async () => {
          throw new RegistryError(409, 'The contract is not under legal hold.');
        },
      }),
    });
    await click('[data-lift-hold]');
    await until(() => !!host.querySelector('[data-hold-actions] [role="alert"]'), 'the refusal');
    expect(host.querySelector('[data-hold-actions] [role="alert"]')?.textContent).toBe(
      '当前无法执行：The contract is not under legal hold. 请刷新页面查看最新状态。',
    );
  });

  it('offers the hold to legal and administrators only', async () => {
    await renderPage({ me: { id: 'u-s', role: 'staff', department: 'SD' } });
    expect(host.querySelector('[data-hold-actions]')).toBeNull();
    await renderPage({ contractId: 'c2', me: { id: 'u-a', role: 'admin', department: null } });
    expect(host.querySelector('[data-place-hold]')).not.toBeNull();
  });

  it('words the retention entries of the audit trail', () => {
    const e = (entityType: string, action: string, before: unknown, after: unknown): AuditEntry => ({
      seq: 1,
      at: '2035-01-02T03:00:00Z',
      actorId: 'u-legal',
      entityType,
      entityId: 'c1',
      action,
      contractId: 'c1',
      before,
      after,
      prevHash: '',
      hash: '',
    });
    const hold = { legalHold: { reason: 'Case 17', by: 'u-legal', at: '2035-01-01T00:00:00Z' } };
    expect(describeEntry('en', e('contract', 'legal_hold', { legalHold: null }, hold))).toBe(
      'Legal hold placed: Case 17',
    );
    expect(describeEntry('zh-CN', e('contract', 'legal_hold_released', hold, { legalHold: null }))).toBe(
      '解除诉讼保全',
    );
    expect(describeEntry('en', e('version', 'destroy', { filename: 'a.pdf' }, { destroyed: true }))).toBe(
      'File destroyed: a.pdf',
    );
    expect(
      describeEntry('en', e('contract', 'destroy_documents', {}, { versions: ['v1'], comment: 'board' })),
    ).toBe('Documents destroyed at the end of retention — “board”');
    expect(
      describeEntry('zh-CN', e('contract', 'retention_kept', {}, { retentionUntil: '2040-01-02', years: 5 })),
    ).toBe('延长保存至 2040年1月2日');
  });

  describe('the retention review', () => {
    const renderReview = async (over: Partial<RetentionReviewProps>) => {
      await act(async () =>
        root.render(
          <RetentionReview
            lang="en"
            retentionDue={async () => [due('c1', 'HT-2015-001'), due('c2', 'HT-2015-002', true)]}
            decideDestruction={async () => {
              throw new Error('not expected');
            }}
            onOpen={() => {}}
            {...over}
          />,
        ),
      );
      await until(() => !!host.querySelector('[data-due]'), 'the contracts due');
    };

    it('destroys a contract’s documents only once confirmed, naming the contract', async () => {
      const decisions: string[] = [];
      await renderReview({
        decideDestruction: async (id, d: DestructionDecision) => {
          decisions.push(`${id} ${JSON.stringify(d)}`);
          return {
            decision: 'destroy',
            contract: { ...contract({ id, number: 'HT-2015-001' }) } as Contract,
            destroyedVersions: ['v1', 'v2'],
            removedFiles: 2,
          };
        },
      });
      const first = '[data-due="c1"]';
      expect(host.querySelector(first)?.textContent).toContain('Retention ended 31 Jan 2025');
      await click(`${first} [data-destroy]`);
      const confirm = host.querySelector(`${first} [role="alertdialog"]`);
      expect(confirm?.textContent).toContain('Destroy the documents of HT-2015-001?');
      expect(confirm?.textContent).toContain('cannot be undone');
      // The safe choice has the focus; cancelling destroys nothing.
      expect(document.activeElement?.textContent).toBe('Cancel');
      await act(async () => (document.activeElement as HTMLButtonElement).click());
      expect(host.querySelector(`${first} [role="alertdialog"]`)).toBeNull();
      expect(decisions).toEqual([]);

      await type(host.querySelector<HTMLInputElement>(`${first} input.title`), 'board decision 12');
      await click(`${first} [data-destroy]`);
      await click(`${first} [data-destroy-confirm]`);
      await until(() => !host.querySelector(first), 'the contract to leave the list');
      expect(decisions).toEqual(['c1 {"decision":"destroy","comment":"board decision 12"}']);
      expect(host.querySelector('[data-outcome="destroy"]')?.textContent).toBe(
        'Documents of HT-2015-001 destroyed (2 files deleted).',
      );
      expect(document.activeElement?.getAttribute('data-outcome')).toBe('destroy');
      expect(host.querySelector('[data-due="c2"]')).not.toBeNull();
    });

    it('keeps a contract the years chosen', async () => {
      const decisions: DestructionDecision[] = [];
      await renderReview({
        decideDestruction: async (id, d) => {
          decisions.push(d);
          return {
            decision: 'keep',
            contract: contract({
              id,
              number: 'HT-2015-002',
              retentionUntil: '2030-03-01',
            } as Partial<Contract>),
          };
        },
      });
      const held = '[data-due="c2"]';
      const years = host.querySelector<HTMLInputElement>(`${held} input[type="number"]`);
      await type(years, '0');
      expect(host.querySelector<HTMLButtonElement>(`${held} [data-keep]`)?.disabled).toBe(true);
      await type(years, '5');
      expect(host.querySelector(`${held} [data-keep]`)?.textContent).toBe('Keep for 5 more years');
      await click(`${held} [data-keep]`);
      await until(() => !host.querySelector(held), 'the contract to leave the list');
      expect(decisions).toEqual([{ decision: 'keep', years: 5 }]);
      expect(host.querySelector('[data-outcome="keep"]')?.textContent).toBe(
        'HT-2015-002 is now kept until 1 Mar 2030.',
      );
    });

    it('shows a held contract’s hold and offers no destruction for it', async () => {
      await renderReview({ lang: 'zh-CN', decideDestruction: undefined });
      const held = host.querySelector('[data-due="c2"]');
      expect(held?.querySelector('[data-legal-hold]')?.textContent).toContain('诉讼保全：Case 17');
      expect(held?.textContent).toContain('请先在合同页面解除保全');
      expect(held?.querySelector('[data-destroy]')).toBeNull();
      expect(held?.querySelector('[data-keep]')?.textContent).toBe('再保存 2 年');
      expect(host.querySelector('[data-due="c1"] [data-destroy]')?.textContent).toBe('销毁文件');
    });

    it('shows the registry’s 409 detail with what to do, and keeps the contract listed', async () => {
      await renderReview({
        decideDestruction: async () => {
          throw new RegistryError(
            409,
            'The contract is under legal hold: its documents cannot be destroyed.',
          );
        },
      });
      await click('[data-due="c1"] [data-destroy]');
      await click('[data-due="c1"] [data-destroy-confirm]');
      await until(() => !!host.querySelector('[data-due="c1"] [role="alert"]'), 'the refusal');
      expect(host.querySelector('[data-due="c1"] [role="alert"]')?.textContent).toBe(
        'Not possible now: The contract is under legal hold: its documents cannot be destroyed. Reload the page to see the current state.',
      );
      expect(host.querySelector('[data-due="c1"] [role="alertdialog"]')).toBeNull();
    });

    it('says when nothing is due', async () => {
      await act(async () =>
        root.render(
          <RetentionReview
            lang="en"
            retentionDue={async () => []}
            decideDestruction={async () => {
              throw new Error('not expected');
            }}
            onOpen={() => {}}
          />,
        ),
      );
      await until(() => host.textContent?.includes('No contract has reached the end') ?? false);
    });
  });

  describe('the Retention review tab', () => {
    const appApi = (role: string): RegistryAppApi => ({
      ...fakeApi(),
      search: async () => ({ total: 0, items: [] }),
      me: async () => ({ id: 'u1', email: 'u1@example.com', name: 'U1', role, department: null }),
      inbox: async () => [],
      reportSummary: async () => ({ groupBy: 'department', today: '2025-01-01', rows: [] }),
      reportExpiring: async () => ({ from: '2025-01', months: [] }),
      retentionDue: async () => [due('c1', 'HT-2015-001')],
      decideDestruction: async () => {
        throw new Error('not expected');
      },
    });
    const renderApp = async (role: string) => {
      await act(async () =>
        root.render(
          <RegistryApp key={role} lang="en" signedIn={true} api={appApi(role)} download={async () => {}} />,
        ),
      );
      await until(() => !host.querySelector('nav.tabs')?.textContent?.includes('…'), 'the inbox count');
    };
    const tabs = () => [...host.querySelectorAll('nav.tabs button')].map((b) => b.getAttribute('data-view'));

    it('is there for legal and administrators, lists the contracts due and opens one', async () => {
      await renderApp('legal');
      expect(tabs()).toEqual(['search', 'inbox', 'dashboard', 'retention']);
      expect(host.querySelector('[data-view="retention"]')?.textContent).toBe('Retention review');
      await click('[data-view="retention"]');
      expect(location.search).toBe('?view=retention');
      await until(() => !!host.querySelector('[data-due="c1"]'), 'the contracts due');
      await click('[data-due="c1"] button.open');
      await until(() => !!host.querySelector('[data-contract-page]'), 'the contract');
      expect(new URLSearchParams(location.search).get('contract')).toBe('c1');
    });

    it('is not there for other roles, even when the address names it', async () => {
      history.replaceState(null, '', '/registry.html?view=retention');
      await renderApp('staff');
      expect(tabs()).toEqual(['search', 'inbox', 'dashboard']);
      expect(host.querySelector('[data-retention]')).toBeNull();
      expect(host.querySelector('[data-view="search"]')?.getAttribute('aria-current')).toBe('page');
    });
  });
});
