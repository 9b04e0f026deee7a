import { subtractDays } from './calendar-date';

export const REMINDER_KINDS = ['expiry', 'renewal_notice', 'payment', 'obligation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type ReminderState = 'upcoming' | 'due' | 'overdue' | 'done';

/** How many days ahead each kind of date is announced; editable per contract. */
export interface ReminderOffsets {
  expiryDaysBefore: number;
  renewalNoticeDaysBefore: number;
  paymentDaysBefore: number;
}

export const DEFAULT_OFFSETS: ReminderOffsets = {
  expiryDaysBefore: 30,
  renewalNoticeDaysBefore: 14,
  paymentDaysBefore: 7,
};

/** What reminders are derived from: the contract's own dates and its custom obligations. */
export interface ReminderSource {
  contractId: string;
  expiryDate: string | null;
  renewal: { autoRenew: boolean; noticeDays: number | null };
  paymentMilestones: { id?: string | undefined; label: string; dueDate?: string | undefined }[];
  obligations: {
    id: string;
    title: string;
    dueDate: string;
    remindDaysBefore: number;
    owner: string | null;
  }[];
}

export interface DerivedReminder {
  /** Stable while the date stays the same; a moved date gives a new reminder (not yet done). */
  id: string;
  kind: ReminderKind;
  contractId: string;
  /** The milestone's label or the obligation's title; null for the contract's own dates. */
  label: string | null;
  dueDate: string;
  remindDate: string;
  /** Milestone or obligation the reminder is about. */
  refId: string | null;
  owner: string | null;
}

const reminderId = (contractId: string, kind: ReminderKind, ref: string, due: string) =>
  `${contractId}~${kind}~${ref}~${due}`;

/** The reminders a contract's dates call for, in due-date order. */
export function deriveReminders(src: ReminderSource, offsets: ReminderOffsets): DerivedReminder[] {
  const out: DerivedReminder[] = [];
  const add = (
    kind: ReminderKind,
    ref: string,
    label: string | null,
    dueDate: string,
    daysBefore: number,
    owner: string | null = null,
  ) =>
    out.push({
      id: reminderId(src.contractId, kind, ref, dueDate),
      kind,
      contractId: src.contractId,
      label,
      dueDate,
      remindDate: subtractDays(dueDate, daysBefore),
      refId: kind === 'payment' || kind === 'obligation' ? ref : null,
      owner,
    });

  if (src.expiryDate) {
    add('expiry', '-', null, src.expiryDate, offsets.expiryDaysBefore);
    const notice = src.renewal.noticeDays;
    if (src.renewal.autoRenew && notice !== null && notice > 0) {
      // Notice must reach the other side by this day, or the contract renews itself.
      const deadline = subtractDays(src.expiryDate, notice);
      add('renewal_notice', '-', null, deadline, offsets.renewalNoticeDaysBefore);
    }
  }
  src.paymentMilestones.forEach((m, i) => {
    if (m.dueDate) add('payment', m.id ?? `m${i + 1}`, m.label, m.dueDate, offsets.paymentDaysBefore);
  });
  for (const o of src.obligations) add('obligation', o.id, o.title, o.dueDate, o.remindDaysBefore, o.owner);
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** Where a reminder stands on a given day. */
export function reminderState(
  r: Pick<DerivedReminder, 'dueDate' | 'remindDate'>,
  today: string,
  done: boolean,
): ReminderState {
  if (done) return 'done';
  if (today > r.dueDate) return 'overdue';
  if (today >= r.remindDate) return 'due';
  return 'upcoming';
}
