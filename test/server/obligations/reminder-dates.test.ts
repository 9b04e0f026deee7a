import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OFFSETS,
  deriveReminders,
  type ReminderSource,
  reminderState,
} from '../../../server/obligations/reminder-dates';

const base: ReminderSource = {
  contractId: 'c_1',
  expiryDate: '2024-03-01',
  renewal: { autoRenew: false, noticeDays: null },
  paymentMilestones: [],
  obligations: [],
};

describe('reminders derived from contract dates', () => {
  it('reminds of expiry 30 days ahead by default', () => {
    const [r] = deriveReminders(base, DEFAULT_OFFSETS);
    expect(r).toMatchObject({ kind: 'expiry', dueDate: '2024-03-01', remindDate: '2024-01-31' });
  });

  it('adds the renewal-notice deadline only for auto-renewing contracts', () => {
    expect(deriveReminders(base, DEFAULT_OFFSETS).map((r) => r.kind)).toEqual(['expiry']);
    const renewing = deriveReminders(
      { ...base, renewal: { autoRenew: true, noticeDays: 60 } },
      DEFAULT_OFFSETS,
    );
    const notice = renewing.find((r) => r.kind === 'renewal_notice');
    // 60 days before 2024-03-01 in a leap year is 2024-01-01; reminded 14 days earlier.
    expect(notice).toMatchObject({ dueDate: '2024-01-01', remindDate: '2023-12-18' });
  });

  it('reminds of payment milestones 7 days ahead and of custom obligations by their own offset', () => {
    const list = deriveReminders(
      {
        ...base,
        expiryDate: null,
        paymentMilestones: [
          { label: 'Deposit', dueDate: '2024-03-05' },
          { id: 'final', label: 'Final', dueDate: '2024-06-30' },
          { label: 'No date' },
        ],
        obligations: [
          { id: 'ob_1', title: 'Audit report', dueDate: '2024-04-10', remindDaysBefore: 10, owner: 'u_1' },
        ],
      },
      { ...DEFAULT_OFFSETS, paymentDaysBefore: 7 },
    );
    expect(list.map((r) => [r.kind, r.refId, r.remindDate, r.owner])).toEqual([
      ['payment', 'm1', '2024-02-27', null],
      ['obligation', 'ob_1', '2024-03-31', 'u_1'],
      ['payment', 'final', '2024-06-23', null],
    ]);
  });

  it('follows edited offsets', () => {
    const [r] = deriveReminders(base, { ...DEFAULT_OFFSETS, expiryDaysBefore: 90 });
    expect(r?.remindDate).toBe('2023-12-02');
  });

  it('gives a new id when the date moves, so a done reminder does not hide the new date', () => {
    const [a] = deriveReminders(base, DEFAULT_OFFSETS);
    const [b] = deriveReminders({ ...base, expiryDate: '2024-04-01' }, DEFAULT_OFFSETS);
    expect(a?.id).not.toBe(b?.id);
    expect(a?.id.startsWith('c_1~')).toBe(true);
  });
});

describe('reminder state', () => {
  const r = { dueDate: '2024-03-01', remindDate: '2024-01-31' };
  it('is upcoming, due, overdue or done', () => {
    expect(reminderState(r, '2024-01-30', false)).toBe('upcoming');
    expect(reminderState(r, '2024-01-31', false)).toBe('due');
    expect(reminderState(r, '2024-03-01', false)).toBe('due');
    expect(reminderState(r, '2024-03-02', false)).toBe('overdue');
    expect(reminderState(r, '2024-03-02', true)).toBe('done');
  });
});
