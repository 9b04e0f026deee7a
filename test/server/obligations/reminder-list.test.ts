import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindersFor } from '../../../server/obligations/reminder-list';
import { openTestRegistry, type TestRegistry } from '../../helpers/registry';

const ADMIN = { userId: 'admin', role: 'admin', department: null } as const;

describe('the reminders of a registry larger than one batch of contracts', () => {
  let t: TestRegistry;
  const COUNT = 1_205;

  beforeAll(async () => {
    t = await openTestRegistry('sqlite');
    for (let i = 0; i < COUNT; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await t.registry.contracts.create(
        {
          title: `Lease ${i}`,
          type: 'lease',
          department: i % 2 === 0 ? 'SD' : 'PD',
          status: 'active',
          expiryDate: `2030-0${1 + (i % 9)}-${day}`,
        },
        null,
      );
    }
  }, 120_000);
  afterAll(() => t.close());

  it('reads every contract, batch after batch, and answers the reminders by due date', async () => {
    const all = await remindersFor(t.registry, ADMIN, '2029-06-01');
    const expiries = all.filter((r) => r.kind === 'expiry');
    expect(new Set(expiries.map((r) => r.contractId)).size).toBe(COUNT);
    const dates = all.map((r) => r.dueDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('keeps only what is asked for, and only what the principal may see', async () => {
    const staff = { userId: 'someone', role: 'staff', department: 'SD' } as const;
    const inJanuary = await remindersFor(t.registry, staff, '2029-06-01', undefined, (r) =>
      r.dueDate.startsWith('2030-01'),
    );
    // Contracts 0, 9, 18, … expire in January; of them the even ones are SD's.
    const expected = Array.from({ length: COUNT }, (_, i) => i).filter(
      (i) => i % 9 === 0 && i % 2 === 0,
    ).length;
    expect(inJanuary.filter((r) => r.kind === 'expiry')).toHaveLength(expected);
    expect(inJanuary.every((r) => r.dueDate.startsWith('2030-01'))).toBe(true);
  });
});
