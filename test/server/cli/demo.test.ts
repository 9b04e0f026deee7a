import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { starterLibrary } from '@shared/clauses/library';
import type { Clause } from '@shared/schemas/clause';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../server/auth/secrets';
import { DEMO_USERS } from '../../../server/cli/ops/demo-data';
import { DEMO_USERS_FILE, loadDemo } from '../../../server/cli/ops/load-demo';
import { CLI_PRINCIPAL } from '../../../server/cli/ops/principal';
import { LibraryRepo } from '../../../server/db/repos/library';
import { NumberingRepo } from '../../../server/db/repos/numbering';
import { ContractListQuery } from '../../../shared/schemas/contract';
import { openTestRegistry, scratchDir, type TestRegistry } from './helpers';

let scratch: ReturnType<typeof scratchDir>;
let t: TestRegistry;
const TODAY = '2025-06-01';

beforeEach(async () => {
  scratch = scratchDir();
  t = await openTestRegistry(join(scratch.dir, 'data'));
});
afterEach(async () => {
  await t.close();
  scratch.cleanup();
});

async function counts() {
  const db = t.registry.db.db;
  const n = async (
    table:
      | 'contracts'
      | 'versions'
      | 'users'
      | 'blobs'
      | 'numbering_rules'
      | 'payments'
      | 'approval_rules'
      | 'approval_steps'
      | 'approval_decisions'
      | 'contract_obligations'
      | 'library_items'
      | 'audit_log',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    contracts: await n('contracts'),
    versions: await n('versions'),
    users: await n('users'),
    blobs: await n('blobs'),
    rules: await n('numbering_rules'),
    payments: await n('payments'),
    approvalRules: await n('approval_rules'),
    approvalSteps: await n('approval_steps'),
    decisions: await n('approval_decisions'),
    obligations: await n('contract_obligations'),
    clauses: await n('library_items'),
    audit: await n('audit_log'),
  };
}

describe('demo', () => {
  it('loads contracts in both languages with documents, numbers, users and dates to act on', async () => {
    const result = await loadDemo(t.registry, { today: TODAY });
    expect(result.loaded).toBe(true);
    expect(result.contracts.length).toBeGreaterThanOrEqual(8);
    expect(result.contracts.length).toBeLessThanOrEqual(14);

    const { items } = await t.registry.contracts.list(ContractListQuery.parse({ limit: 200 }), CLI_PRINCIPAL);
    expect(new Set(items.map((c) => c.type))).toEqual(
      new Set(['sales', 'purchase', 'services', 'nda', 'lease', 'cooperation']),
    );
    expect(items.some((c) => /[\u4e00-\u9fff]/.test(c.title))).toBe(true);
    expect(items.some((c) => /^[\x20-\x7e–ü]+$/.test(c.title))).toBe(true);
    const sales = items.filter((c) => c.type === 'sales');
    for (const c of sales) expect(c.number).toMatch(/^XSC-\d{4}-SD-\d{3}$/);
    const soon = items.filter((c) => c.expiryDate && c.expiryDate >= TODAY && c.expiryDate <= '2025-07-01');
    expect(soon.length).toBeGreaterThanOrEqual(2);

    // Every document was stored, is what its name says, and had its text extracted.
    for (const c of items) {
      const versions = await t.registry.versions.listForContract(c.id);
      expect(versions.length).toBeGreaterThanOrEqual(1);
      for (const v of versions) {
        expect(v.text.status).toBe('done');
        expect(await t.registry.versions.text(v.id)).toContain(c.number);
      }
    }
    const twoVersions = items.find((c) => c.versionCount === 2);
    expect(twoVersions).toBeDefined();

    // Each role has a user; the printed passwords work and are kept in a private file.
    expect(new Set(result.users.map((u) => u.role))).toEqual(
      new Set(['admin', 'legal', 'staff', 'reviewer', 'viewer']),
    );
    for (const u of result.users) {
      const stored = await t.registry.users.byEmailWithHash(u.email);
      expect(await verifyPassword(u.password ?? '', stored?.passwordHash ?? '')).toBe(true);
    }
    const file = join(t.config.dataDir, DEMO_USERS_FILE);
    expect(readFileSync(file, 'utf8')).toContain(result.users[0]?.password ?? 'missing');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect((await new NumberingRepo(t.registry.db).list()).map((r) => r.type)).toContain('sales');
  });

  it('adds nothing when run twice', async () => {
    await loadDemo(t.registry, { today: TODAY });
    const first = await counts();
    const again = await loadDemo(t.registry, { today: TODAY });
    expect(again.loaded).toBe(false);
    expect(await counts()).toEqual(first);
    expect(again.contracts).toHaveLength(first.contracts);
    expect(again.users.every((u) => u.password === null)).toBe(true);
    expect(first.users).toBe(DEMO_USERS.length);
    expect(first.payments).toBeGreaterThan(0);
    expect(first.decisions).toBeGreaterThan(0);
  });

  it('keeps a company’s own approval rules and clause library, and still tells the story', async () => {
    const rules = [
      {
        id: 'department-head',
        name: 'Department head',
        match: {},
        steps: [{ name: 'Reviewer', approvers: [{ role: 'reviewer' as const }], mode: 'any' as const }],
        stop: false,
        resetOnNewVersion: true,
      },
    ];
    await t.registry.approvals.putRules(rules, 'cli');
    const own = starterLibrary('en').clauses[0];
    if (!own) throw new Error('the starter library is empty');
    await new LibraryRepo(t.registry.db).save<Clause>(
      'clause',
      'acme.own',
      (version) => ({
        data: { ...own, id: 'acme.own', version },
        index: { language: 'en', category: own.category, searchText: 'own' },
      }),
      { createdBy: null },
    );
    await loadDemo(t.registry, { today: TODAY });
    expect(await t.registry.approvals.rules()).toEqual(rules);
    expect((await new LibraryRepo(t.registry.db).listCurrent('clause')).map((c) => c.id)).toEqual([
      'acme.own',
    ]);
    const { items } = await t.registry.contracts.list(ContractListQuery.parse({ limit: 200 }), CLI_PRINCIPAL);
    // The reviewer decided the approved one under the company's rule.
    const approved = items.filter((c) => c.status === 'approved');
    expect(approved).toHaveLength(1);
    const steps = await t.registry.approvals.currentRound(approved[0]?.id ?? '');
    expect(steps.map((s) => s.ruleId)).toEqual(['department-head']);
  });

  it('keeps existing users and numbering rules', async () => {
    await t.registry.users.create({ email: DEMO_USERS[0]?.email ?? '', name: 'Someone', role: 'viewer' });
    await new NumberingRepo(t.registry.db).put('sales', 'S-{SEQ:5}');
    const result = await loadDemo(t.registry, { today: TODAY });
    expect(result.users.find((u) => u.email === DEMO_USERS[0]?.email)?.password).toBeNull();
    expect(result.rules.map((r) => r.type)).not.toContain('sales');
    expect(result.contracts.find((c) => c.number.startsWith('S-'))).toBeDefined();
    expect((await t.registry.users.byEmailWithHash(DEMO_USERS[0]?.email ?? ''))?.role).toBe('viewer');
  });
});
