// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../../extension/registry/errors';
import { ContractPage, type ContractPageProps } from '../../../extension/ui/ContractPage';
import { Inbox } from '../../../extension/ui/reviewer/Inbox';
import { PeopleProvider } from '../../../extension/ui/reviewer/people';
import type { AuditEntry } from '../../../extension/ui/reviewer/types';
import { approvalsOf, contract, fakeApi, fakePeople, step, until } from './reviewer-fakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const entry = (seq: number, actorId: string | null): AuditEntry => ({
  seq,
  at: `2024-03-0${seq}T08:00:00Z`,
  actorId,
  entityType: 'contract',
  entityId: 'c1',
  action: 'create',
  contractId: 'c1',
  before: null,
  after: {},
  prevHash: '',
  hash: '',
});

const review = contract({
  status: 'in_review',
  owner: 'u-sales',
  legalHold: { reason: 'Case 17', by: 'u-legal', at: '2024-05-01T08:00:00Z' },
});
const steps = [
  step({
    id: 's1',
    status: 'approved',
    approvers: [{ userId: 'u-legal' }, { userId: 'u-gone' }],
    decisions: [
      {
        id: 'd1',
        userId: 'u-legal',
        approverIndex: 0,
        decision: 'approve',
        comment: null,
        superseded: false,
        decidedAt: '2024-03-01T09:00:00Z',
      },
    ],
  }),
  step({ id: 's2', position: 1, name: 'GM', approvers: [{ userId: 'u-gm' }] }),
];

describe('people by name', () => {
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
          lang="en"
          contractId="c1"
          api={fakeApi()}
          me={null}
          download={async () => {}}
          onBack={() => {}}
          {...over}
        />,
      ),
    );
  };
  const person = (where: string) =>
    [...host.querySelectorAll(`${where} [data-user]`)].map((e) => [e.textContent, e.getAttribute('title')]);

  it('names the owner, the hold, approvers, deciders and the audit trail, asking once for the ids shown', async () => {
    const { calls, people } = fakePeople();
    const api = fakeApi({
      getContract: async () => review,
      approvals: async () => approvalsOf(review, steps),
      audit: async () => [entry(1, 'u-sales'), entry(2, 'u-legal'), entry(3, null)],
      people,
    });
    await render({ api });
    await until(() => host.querySelectorAll('[data-audit]').length === 3, 'the audit trail');
    await until(() => host.querySelector('[data-user="u-gm"]')?.textContent === 'Grace Miller', 'the names');

    expect(person('dl')).toEqual([['李销售', 'li@example.com']]);
    expect(person('[data-legal-hold]')).toEqual([['王律师', 'wang@example.com']]);
    // An id the registry does not know stays the id, without a title.
    expect(person('[data-step="s1"] .meta')).toEqual([
      ['王律师', 'wang@example.com'],
      ['u-gone', null],
    ]);
    expect(host.querySelector('[data-step="s1"] .decisions')?.textContent).toMatch(/^Approved by 王律师 on /);
    expect(person('[data-step="s2"]')).toEqual([['Grace Miller', 'grace@example.com']]);
    expect(person('ol.audit')).toEqual([
      ['王律师', 'wang@example.com'],
      ['李销售', 'li@example.com'],
    ]);
    expect(host.querySelector('ol.audit li:first-child')?.textContent).toContain('the registry');
    // Each id is asked for once, however often it is shown.
    const asked = calls.flat();
    expect(asked.sort()).toEqual(['u-gm', 'u-gone', 'u-legal', 'u-sales']);
    expect(calls.length).toBeLessThanOrEqual(2);
  });

  it('shows “you” for the signed-in user, and ids when the registry cannot name people', async () => {
    const api = fakeApi({
      getContract: async () => review,
      approvals: async () => approvalsOf(review, steps),
      people: async () => {
        throw new RegistryError(404, 'Not Found');
      },
    });
    await render({ lang: 'zh-CN', api, me: { id: 'u-legal', role: 'legal', department: 'LEGAL' } });
    await until(() => !!host.querySelector('[data-step]'), 'the steps');
    expect(host.querySelector('[data-step="s1"] .decisions')?.textContent).toMatch(/^您 于 /);
    expect(person('dl')).toEqual([['u-sales', null]]);
    expect(person('[data-step="s2"]')).toEqual([['u-gm', null]]);
  });

  it('names the owner of each contract in the inbox', async () => {
    const { calls, people } = fakePeople();
    await act(async () =>
      root.render(
        <PeopleProvider lookup={people}>
          <Inbox
            lang="en"
            result={{ state: 'done', data: [{ contract: review, step: steps[1] ?? step() }] }}
            reload={() => {}}
            onOpen={() => {}}
          />
        </PeopleProvider>,
      ),
    );
    await until(() => host.querySelector('[data-user="u-sales"]')?.textContent === '李销售', 'the owner');
    expect(host.querySelector('[data-inbox-item] .meta')?.textContent).toContain('Owner: 李销售');
    expect(calls).toEqual([['u-sales']]);
  });
});
