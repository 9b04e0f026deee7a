import { addDays, addMonths } from './calendar-date';
import {
  type Amount,
  type CurrencyTotals,
  collectionRateBp,
  contractTotals,
  type MilestoneInput,
  type PaymentInput,
  sumTotals,
} from './collection';

export const REPORT_GROUPS = ['department', 'owner', 'type'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
export const EXPIRY_WINDOWS = [30, 60, 90] as const;

export interface ReportContract {
  id: string;
  department: string | null;
  owner: string | null;
  type: string;
  amount: Amount | null;
  signedDate: string | null;
  expiryDate: string | null;
  paymentMilestones: MilestoneInput[];
}

export interface CurrencySummary {
  currency: string;
  /** Sum of the amounts of signed contracts. */
  signed: number;
  /** Payments received on signed contracts. */
  received: number;
  /** received / signed, in basis points (rounded down); null when nothing is signed in this currency. */
  collectionRateBp: number | null;
  /** Milestones past due and not fully paid, over all contracts of the group. */
  overdue: number;
}

export interface SummaryRow {
  group: string | null;
  contracts: number;
  currencies: CurrencySummary[];
  /** Contracts whose expiry falls in the next 30 / 60 / 90 days (today excluded, the last day included). */
  expiring30: number;
  expiring60: number;
  expiring90: number;
  /**
   * Average days from entering review to approval over the group's approved contracts, one decimal;
   * null when none was approved.
   */
  averageApprovalDays: number | null;
}

/** A recorded move of a contract's status, in the order of the record. */
export interface StatusMove {
  contractId: string;
  /** ISO timestamp. */
  at: string;
  to: string;
}

const DAY_MS = 86_400_000;

/**
 * How long each contract's approval took, in milliseconds: from the last entry into `in_review` to
 * its first move to `approved` (the round that was approved: a rejection and a resubmission start
 * the clock again, a later re-approval after a new version does not count).
 */
export function approvalDurations(moves: readonly StatusMove[]): Map<string, number> {
  const reviewSince = new Map<string, number>();
  const out = new Map<string, number>();
  for (const m of moves) {
    if (out.has(m.contractId)) continue;
    const at = Date.parse(m.at);
    if (m.to === 'in_review') reviewSince.set(m.contractId, at);
    else if (m.to === 'approved') {
      const since = reviewSince.get(m.contractId);
      if (since !== undefined) out.set(m.contractId, at - since);
    }
  }
  return out;
}

/** Average of durations in days, rounded to one decimal; null for none. */
export function averageDays(durationsMs: readonly number[]): number | null {
  if (durationsMs.length === 0) return null;
  const mean = durationsMs.reduce((a, b) => a + b, 0) / durationsMs.length;
  return Math.round((mean / DAY_MS) * 10) / 10;
}

const groupKey = (c: ReportContract, by: ReportGroup): string | null =>
  by === 'department' ? c.department : by === 'owner' ? c.owner : c.type;

/** The summary report: one row per group, groups in order, the ungrouped (null) last. */
export function summarize(
  contracts: ReportContract[],
  paymentsByContract: Map<string, PaymentInput[]>,
  groupBy: ReportGroup,
  today: string,
  approvalMs: ReadonlyMap<string, number> = new Map(),
): SummaryRow[] {
  const groups = new Map<string | null, ReportContract[]>();
  for (const c of contracts) {
    const key = groupKey(c, groupBy);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const horizons = EXPIRY_WINDOWS.map((d) => addDays(today, d));
  const rows: SummaryRow[] = [];
  for (const [group, list] of groups) {
    const all: CurrencyTotals[][] = [];
    const signed: CurrencyTotals[][] = [];
    for (const c of list) {
      const t = contractTotals(c, paymentsByContract.get(c.id) ?? [], today);
      all.push(t);
      if (c.signedDate) signed.push(t);
    }
    const overdue = new Map(sumTotals(all).map((t) => [t.currency, t.overdue]));
    const signedTotals = new Map(sumTotals(signed).map((t) => [t.currency, t]));
    const currencies = [...new Set([...overdue.keys(), ...signedTotals.keys()])].sort();
    const expiring = horizons.map(
      (h) => list.filter((c) => c.expiryDate !== null && c.expiryDate > today && c.expiryDate <= h).length,
    );
    rows.push({
      group,
      contracts: list.length,
      currencies: currencies.map((currency) => {
        const s = signedTotals.get(currency);
        return {
          currency,
          signed: s?.contracted ?? 0,
          received: s?.received ?? 0,
          collectionRateBp: collectionRateBp(s?.received ?? 0, s?.contracted ?? 0),
          overdue: overdue.get(currency) ?? 0,
        };
      }),
      expiring30: expiring[0] ?? 0,
      expiring60: expiring[1] ?? 0,
      expiring90: expiring[2] ?? 0,
      averageApprovalDays: averageDays(list.flatMap((c) => approvalMs.get(c.id) ?? [])),
    });
  }
  return rows.sort((a, b) => (a.group === null ? 1 : b.group === null ? -1 : a.group.localeCompare(b.group)));
}

/** Flat table for CSV: one line per group and currency (a group without amounts gets one line). */
export function summaryTable(rows: SummaryRow[], groupBy: ReportGroup): string[][] {
  const header = [
    groupBy,
    'contracts',
    'currency',
    'signed_minor_units',
    'received_minor_units',
    'collection_rate_bp',
    'overdue_minor_units',
    'expiring_30d',
    'expiring_60d',
    'expiring_90d',
    'average_approval_days',
  ];
  const lines = [header];
  for (const r of rows) {
    const tail = [r.expiring30, r.expiring60, r.expiring90, r.averageApprovalDays ?? ''].map(String);
    const cur = r.currencies.length ? r.currencies : [null];
    for (const c of cur) {
      lines.push([
        r.group ?? '',
        String(r.contracts),
        c?.currency ?? '',
        c ? String(c.signed) : '',
        c ? String(c.received) : '',
        c?.collectionRateBp === null || !c ? '' : String(c.collectionRateBp),
        c ? String(c.overdue) : '',
        ...tail,
      ]);
    }
  }
  return lines;
}

export interface ExpiringMonth {
  month: string;
  count: number;
  byType: Record<string, number>;
}

/** `YYYY-MM` plus whole months. */
export const addCalendarMonths = (month: string, n: number): string =>
  addMonths(`${month}-01`, n).slice(0, 7);

/** Expiries per calendar month from `from` on, `months` months, each split by contract type. */
export function expiringByMonth(
  contracts: readonly { type: string; expiryDate: string | null }[],
  from: string,
  months: number,
): ExpiringMonth[] {
  const out: ExpiringMonth[] = Array.from({ length: months }, (_, i) => ({
    month: addCalendarMonths(from, i),
    count: 0,
    byType: {},
  }));
  const index = new Map(out.map((m, i) => [m.month, i]));
  for (const c of contracts) {
    const i = c.expiryDate ? index.get(c.expiryDate.slice(0, 7)) : undefined;
    const bucket = i === undefined ? undefined : out[i];
    if (!bucket) continue;
    bucket.count++;
    bucket.byType[c.type] = (bucket.byType[c.type] ?? 0) + 1;
  }
  return out;
}

/** Flat table for CSV: one line per month, a column per contract type (in order) after the total. */
export function expiringTable(months: readonly ExpiringMonth[]): string[][] {
  const types = [...new Set(months.flatMap((m) => Object.keys(m.byType)))].sort();
  return [
    ['month', 'total', ...types],
    ...months.map((m) => [m.month, String(m.count), ...types.map((t) => String(m.byType[t] ?? 0))]),
  ];
}
