/**
 * Collection of payments against a contract's milestones (回款). Amounts are integer minor units;
 * sums stay integers and rates are whole basis points (1 bp = 0.01 %), computed with BigInt.
 */
export interface Amount {
  value: number;
  currency: string;
}

export interface MilestoneInput {
  id?: string | undefined;
  label: string;
  amount?: Amount | undefined;
  dueDate?: string | undefined;
}

export interface PaymentInput {
  milestoneId: string | null;
  amount: Amount;
}

export interface MilestoneCollection {
  id: string;
  label: string;
  dueDate: string | null;
  amount: Amount | null;
  paid: number;
  outstanding: number;
  overdue: boolean;
}

/** Totals in one currency. */
export interface CurrencyTotals {
  currency: string;
  contracted: number;
  received: number;
  overdue: number;
}

/** received / contracted in basis points, rounded down; null when nothing was contracted. */
export function collectionRateBp(received: number, contracted: number): number | null {
  if (contracted <= 0) return null;
  return Number((BigInt(received) * 10_000n) / BigInt(contracted));
}

const milestoneId = (m: MilestoneInput, i: number) => m.id ?? `m${i + 1}`;

/**
 * Spreads payments over milestones: a payment naming a milestone goes to it; the others fill the
 * earliest milestones of their currency that are still open.
 */
export function allocatePayments(
  milestones: MilestoneInput[],
  payments: PaymentInput[],
  today: string,
): MilestoneCollection[] {
  const rows = milestones.map((m, i) => ({
    id: milestoneId(m, i),
    label: m.label,
    dueDate: m.dueDate ?? null,
    amount: m.amount ?? null,
    paid: 0,
  }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const loose: PaymentInput[] = [];
  for (const p of payments) {
    const target = p.milestoneId ? byId.get(p.milestoneId) : undefined;
    if (target && target.amount?.currency === p.amount.currency) target.paid += p.amount.value;
    else loose.push(p);
  }
  const order = [...rows].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  for (const p of loose) {
    let left = p.amount.value;
    for (const r of order) {
      if (left === 0) break;
      if (r.amount?.currency !== p.amount.currency) continue;
      const take = Math.min(left, Math.max(0, r.amount.value - r.paid));
      r.paid += take;
      left -= take;
    }
  }
  return rows.map((r) => {
    const outstanding = r.amount ? Math.max(0, r.amount.value - r.paid) : 0;
    return { ...r, outstanding, overdue: outstanding > 0 && r.dueDate !== null && r.dueDate < today };
  });
}

/** One contract's totals per currency: contracted (its amount), received, overdue. */
export function contractTotals(
  contract: { amount: Amount | null; paymentMilestones: MilestoneInput[] },
  payments: PaymentInput[],
  today: string,
): CurrencyTotals[] {
  const totals = new Map<string, CurrencyTotals>();
  const get = (currency: string) => {
    let t = totals.get(currency);
    if (!t) {
      t = { currency, contracted: 0, received: 0, overdue: 0 };
      totals.set(currency, t);
    }
    return t;
  };
  if (contract.amount) get(contract.amount.currency).contracted += contract.amount.value;
  for (const p of payments) get(p.amount.currency).received += p.amount.value;
  for (const m of allocatePayments(contract.paymentMilestones, payments, today)) {
    if (m.overdue && m.amount) get(m.amount.currency).overdue += m.outstanding;
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Adds per-currency totals together. */
export function sumTotals(lists: CurrencyTotals[][]): CurrencyTotals[] {
  const out = new Map<string, CurrencyTotals>();
  for (const list of lists) {
    for (const t of list) {
      const acc = out.get(t.currency) ?? { currency: t.currency, contracted: 0, received: 0, overdue: 0 };
      acc.contracted += t.contracted;
      acc.received += t.received;
      acc.overdue += t.overdue;
      out.set(t.currency, acc);
    }
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
