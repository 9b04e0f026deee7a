import { newId, nowIso } from '../../ids';
import { inChunks } from '../in-chunks';
import type { Db } from '../kysely';

export interface Payment {
  id: string;
  contractId: string;
  milestoneId: string | null;
  amount: { value: number; currency: string };
  receivedDate: string;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** Payments received against contracts, in integer minor units. */
export class PaymentsRepo {
  constructor(private readonly d: Db) {}

  async record(
    contractId: string,
    input: {
      milestoneId: string | null;
      amount: { value: number; currency: string };
      receivedDate: string;
      note: string | null;
    },
    createdBy: string,
  ): Promise<Payment> {
    const p: Payment = { id: newId('pay'), contractId, ...input, createdBy, createdAt: nowIso() };
    await this.d.db
      .insertInto('payments')
      .values({
        id: p.id,
        contract_id: contractId,
        milestone_id: p.milestoneId,
        amount_value: p.amount.value,
        amount_currency: p.amount.currency,
        received_date: p.receivedDate,
        note: p.note,
        created_by: createdBy,
        created_at: p.createdAt,
      })
      .execute();
    return p;
  }

  /** Payments of these contracts, by contract, oldest first. */
  async ofContracts(contractIds: string[]): Promise<Map<string, Payment[]>> {
    const out = new Map<string, Payment[]>();
    if (contractIds.length === 0) return out;
    const rows = await inChunks(contractIds, (chunk) =>
      this.d.db
        .selectFrom('payments')
        .selectAll()
        .where('contract_id', 'in', chunk)
        .orderBy('received_date')
        .orderBy('id')
        .execute(),
    );
    for (const r of rows) {
      const list = out.get(r.contract_id) ?? [];
      list.push({
        id: r.id,
        contractId: r.contract_id,
        milestoneId: r.milestone_id,
        amount: { value: Number(r.amount_value), currency: r.amount_currency },
        receivedDate: r.received_date,
        note: r.note,
        createdBy: r.created_by,
        createdAt: r.created_at,
      });
      out.set(r.contract_id, list);
    }
    return out;
  }
}
