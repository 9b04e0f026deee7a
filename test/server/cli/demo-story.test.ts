import { starterLibrary } from '@shared/clauses/library';
import { diffTexts } from '@shared/diff/redline';
import type { Redline } from '@shared/diff/types';
import type { Contract } from '@shared/schemas/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../server/cli/ops/demo-data';
import { loadDemo } from '../../../server/cli/ops/load-demo';
import { PaymentsRepo } from '../../../server/db/repos/payments';
import { DIALECTS, openTestRegistry, type TestRegistry } from '../../helpers/registry';

interface CurrencyRow {
  currency: string;
  signed: number;
  received: number;
  collectionRateBp: number | null;
  overdue: number;
}
interface SummaryRow {
  group: string | null;
  currencies: CurrencyRow[];
  averageApprovalDays: number | null;
}
interface Step {
  name: string;
  status: string;
  decisions: { decision: string; userId: string }[];
}
interface Deviation {
  clauseId: string;
  redline: Redline;
}

const emailOf = (role: string) => DEMO_USERS.find((u) => u.role === role)?.email ?? '';

describe.each(DIALECTS)('the demo tells the product’s story (%s)', (dialect) => {
  let t: TestRegistry;
  let contracts: Contract[];
  const ids = new Map<string, string>();

  /** A demo user's view of the API. */
  const as = async (email: string) => {
    const user = await t.registry.users.byEmailWithHash(email);
    if (!user) throw new Error(`no demo user ${email}`);
    const { token } = await t.registry.users.createToken(user.id, 'test');
    return async <T>(path: string): Promise<T> => {
      const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    };
  };
  const byTitle = (part: string) => {
    const c = contracts.find((x) => x.title.includes(part));
    if (!c) throw new Error(`no demo contract “${part}”`);
    return c;
  };

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    const result = await loadDemo(t.registry);
    expect(result.loaded).toBe(true);
    const get = await as(emailOf('admin'));
    contracts = (await get<{ items: Contract[] }>('/api/contracts?limit=200')).items;
    for (const u of DEMO_USERS) ids.set(u.email, (await t.registry.users.byEmailWithHash(u.email))?.id ?? '');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('collects payments: rates by department follow what was received, one milestone overdue unpaid', async () => {
    const get = await as(emailOf('admin'));
    const { rows } = await get<{ rows: SummaryRow[] }>('/api/reports/summary?groupBy=department');
    const payments = await new PaymentsRepo(t.registry.db).ofContracts(contracts.map((c) => c.id));
    const rates: number[] = [];
    for (const row of rows) {
      for (const cur of row.currencies) {
        const signed = contracts.filter(
          (c) => c.department === row.group && c.signedDate && c.amount?.currency === cur.currency,
        );
        const received = signed
          .flatMap((c) => payments.get(c.id) ?? [])
          .filter((p) => p.amount.currency === cur.currency)
          .reduce((sum, p) => sum + p.amount.value, 0);
        const contracted = signed.reduce((sum, c) => sum + (c.amount?.value ?? 0), 0);
        expect(cur.received, `${row.group} ${cur.currency}`).toBe(received);
        expect(cur.signed).toBe(contracted);
        if (contracted > 0) {
          expect(cur.collectionRateBp).toBe(Math.floor((received * 10_000) / contracted));
          rates.push(cur.collectionRateBp ?? -1);
        }
      }
    }
    expect(rates.some((r) => r > 0)).toBe(true);
    expect(new Set(rates).size).toBeGreaterThan(2);

    // Fully paid, partly paid and unpaid past due milestones all appear.
    const milestones = (
      await Promise.all(
        contracts
          .filter((c) => c.paymentMilestones.length > 0)
          .map((c) =>
            get<{ milestones: { paid: number; outstanding: number; overdue: boolean }[] }>(
              `/api/contracts/${c.id}/payments`,
            ),
          ),
      )
    ).flatMap((p) => p.milestones);
    expect(milestones.some((m) => m.paid > 0 && m.outstanding === 0)).toBe(true);
    expect(milestones.some((m) => m.paid > 0 && m.outstanding > 0)).toBe(true);
    expect(milestones.some((m) => m.paid === 0 && m.overdue)).toBe(true);
  });

  it('runs approvals: one approved after two steps, one waiting for legal, one rejected', async () => {
    const admin = await as(emailOf('admin'));
    const approved = contracts.filter((c) => c.status === 'approved');
    expect(approved).toHaveLength(1);
    const approvedOne = approved[0] as Contract;
    const { steps } = await admin<{ steps: Step[] }>(`/api/contracts/${approvedOne.id}/approvals`);
    expect(steps.map((s) => s.status)).toEqual(['approved', 'approved']);
    expect(steps[0]?.decisions[0]?.userId).toBe(ids.get(emailOf('legal')));
    expect(steps[1]?.decisions[0]?.userId).toBe(ids.get(emailOf('admin')));

    const { rows } = await admin<{ rows: SummaryRow[] }>('/api/reports/summary?groupBy=department');
    for (const row of rows) {
      if (row.group === approvedOne.department) expect(row.averageApprovalDays).not.toBeNull();
      else expect(row.averageApprovalDays).toBeNull();
    }

    const waiting = contracts.filter((c) => c.status === 'in_review');
    expect(waiting).toHaveLength(1);
    const legalInbox = await (await as(emailOf('legal')))<{ contract: Contract; step: Step }[]>(
      '/api/me/inbox',
    );
    expect(legalInbox.map((i) => i.contract.id)).toEqual(waiting.map((c) => c.id));
    expect(await (await as(emailOf('staff')))<unknown[]>('/api/me/inbox')).toEqual([]);

    const rejected = byTitle('战略合作框架协议');
    expect(rejected.status).toBe('draft');
    const round = await admin<{ steps: Step[] }>(`/api/contracts/${rejected.id}/approvals`);
    expect(round.steps[0]?.status).toBe('rejected');
    expect(round.steps[0]?.decisions[0]?.decision).toBe('reject');

    expect(new Set(contracts.map((c) => c.status))).toEqual(
      new Set(['draft', 'in_review', 'approved', 'active', 'expired', 'terminated']),
    );
  });

  it('holds library clauses in its documents: verbatim, reworded, in both languages', async () => {
    const get = await as(emailOf('legal'));
    const library = (await get<{ items: { id: string }[] }>('/api/clauses')).items.map((c) => c.id);
    const starter = [...starterLibrary('zh-CN').clauses, ...starterLibrary('en').clauses].map((c) => c.id);
    expect(library.sort()).toEqual(starter.sort());

    const found: Deviation[] = [];
    for (const c of contracts) {
      for (const v of await t.registry.versions.listForContract(c.id)) {
        const { clauses } = await get<{ clauses: Deviation[] }>(
          `/api/contracts/${c.id}/versions/${v.id}/deviations`,
        );
        found.push(...clauses);
      }
    }
    const verbatim = found.filter((d) => d.redline.summary.words.changed === 0);
    const reworded = found.filter((d) => d.redline.summary.words.changed > 0);
    expect(verbatim.some((d) => d.clauseId.startsWith('zh.') && d.redline.summary.words.variables > 0)).toBe(
      true,
    );
    expect(verbatim.some((d) => d.clauseId.startsWith('en.'))).toBe(true);
    expect(reworded.map((d) => d.clauseId)).toEqual(
      expect.arrayContaining(['zh.limitation-of-liability', 'en.termination']),
    );
  });

  it('has a second version that differs from the first in a few words', async () => {
    const c = byTitle('华东区域年度销售合同');
    const [v1, v2] = await t.registry.versions.listForContract(c.id);
    const texts = await Promise.all([v1, v2].map((v) => t.registry.versions.text(v?.id ?? '')));
    const redline = diffTexts(texts[0] ?? '', texts[1] ?? '');
    expect(redline.summary.identical).toBe(false);
    expect(redline.summary.paragraphs.changed).toBeGreaterThan(0);
    expect(redline.summary.words.changed).toBeLessThanOrEqual(6);
  });

  it('lists a custom obligation with its owner, and keeps a terminated contract under legal hold', async () => {
    const get = await as(emailOf('legal'));
    const purchase = byTitle('服务器设备采购合同');
    const { items } = await get<{ items: { id: string; owner: string | null }[] }>(
      `/api/contracts/${purchase.id}/obligations`,
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.owner).toBe(purchase.owner);
    // The owner finds it among their own reminders.
    const owner = DEMO_USERS.find((u) => ids.get(u.email) === purchase.owner)?.email ?? '';
    const mine = await (await as(owner))<{ items: { owner: string | null; title: string }[] }>(
      '/api/reminders?mine=1',
    );
    expect(mine.items.some((r) => r.owner === purchase.owner)).toBe(true);

    const held = contracts.filter((c) => c.legalHold !== null);
    expect(held.map((c) => c.status)).toEqual(['terminated']);
    expect(held[0]?.legalHold?.by).toBe(ids.get(emailOf('legal')));
  });
});
