import { randomBytes } from 'node:crypto';
import { newId, nowIso } from '../../ids';
import { DEFAULT_OFFSETS, type ReminderOffsets } from '../../obligations/reminder-dates';
import type { Db } from '../kysely';

export interface Obligation {
  id: string;
  contractId: string;
  title: string;
  dueDate: string;
  remindDaysBefore: number;
  owner: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface CalendarFeedSecret {
  userId: string;
  token: string;
  language: 'zh' | 'en';
}

/** Custom obligations, reminder offsets, reminders marked done and calendar feed secrets. */
export class RemindersRepo {
  constructor(private readonly d: Db) {}

  async addObligation(
    contractId: string,
    input: { title: string; dueDate: string; remindDaysBefore: number; owner: string | null },
    createdBy: string,
  ): Promise<Obligation> {
    const o: Obligation = {
      id: newId('ob'),
      contractId,
      ...input,
      createdBy,
      createdAt: nowIso(),
    };
    await this.d.db
      .insertInto('contract_obligations')
      .values({
        id: o.id,
        contract_id: contractId,
        title: o.title,
        due_date: o.dueDate,
        remind_days_before: o.remindDaysBefore,
        owner_id: o.owner,
        created_by: createdBy,
        created_at: o.createdAt,
      })
      .execute();
    return o;
  }

  async obligationsOf(contractIds: string[]): Promise<Obligation[]> {
    if (contractIds.length === 0) return [];
    const rows = await this.d.db
      .selectFrom('contract_obligations')
      .selectAll()
      .where('contract_id', 'in', contractIds)
      .orderBy('due_date')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      contractId: r.contract_id,
      title: r.title,
      dueDate: r.due_date,
      remindDaysBefore: Number(r.remind_days_before),
      owner: r.owner_id,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
  }

  /** Removes an obligation of a contract; false when there is none of that id. */
  async removeObligation(contractId: string, id: string): Promise<boolean> {
    const res = await this.d.db
      .deleteFrom('contract_obligations')
      .where('contract_id', '=', contractId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** Offsets per contract; contracts without their own get the defaults. */
  async offsetsOf(contractIds: string[]): Promise<Map<string, ReminderOffsets>> {
    const out = new Map<string, ReminderOffsets>(contractIds.map((id) => [id, { ...DEFAULT_OFFSETS }]));
    if (contractIds.length === 0) return out;
    const rows = await this.d.db
      .selectFrom('reminder_settings')
      .selectAll()
      .where('contract_id', 'in', contractIds)
      .execute();
    for (const r of rows) {
      out.set(r.contract_id, {
        expiryDaysBefore: Number(r.expiry_days_before),
        renewalNoticeDaysBefore: Number(r.renewal_notice_days_before),
        paymentDaysBefore: Number(r.payment_days_before),
      });
    }
    return out;
  }

  async setOffsets(contractId: string, o: ReminderOffsets): Promise<void> {
    const values = {
      expiry_days_before: o.expiryDaysBefore,
      renewal_notice_days_before: o.renewalNoticeDaysBefore,
      payment_days_before: o.paymentDaysBefore,
      updated_at: nowIso(),
    };
    await this.d.db
      .insertInto('reminder_settings')
      .values({ contract_id: contractId, ...values })
      .onConflict((oc) => oc.column('contract_id').doUpdateSet(values))
      .execute();
  }

  async doneIds(contractIds: string[]): Promise<Set<string>> {
    if (contractIds.length === 0) return new Set();
    const rows = await this.d.db
      .selectFrom('reminders_done')
      .select('reminder_id')
      .where('contract_id', 'in', contractIds)
      .execute();
    return new Set(rows.map((r) => r.reminder_id));
  }

  async markDone(reminderId: string, contractId: string, userId: string): Promise<void> {
    await this.d.db
      .insertInto('reminders_done')
      .values({ reminder_id: reminderId, contract_id: contractId, done_by: userId, done_at: nowIso() })
      .onConflict((oc) => oc.column('reminder_id').doNothing())
      .execute();
  }

  /** Claims the right to announce a reminder; true for exactly one caller, however many processes ask. */
  async claimNotice(reminderId: string, contractId: string): Promise<boolean> {
    const res = await this.d.db
      .insertInto('reminder_notices')
      .values({ reminder_id: reminderId, contract_id: contractId, notified_at: nowIso() })
      .onConflict((oc) => oc.column('reminder_id').doNothing())
      .returning('reminder_id')
      .executeTakeFirst();
    return res !== undefined;
  }

  /** The user's calendar feed secret, created on first use. */
  async feedOf(userId: string, language: 'zh' | 'en'): Promise<CalendarFeedSecret> {
    const row = await this.d.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (row) {
      if (row.language !== language) {
        await this.d.db
          .updateTable('calendar_feeds')
          .set({ language })
          .where('user_id', '=', userId)
          .execute();
      }
      return { userId, token: row.token, language };
    }
    const token = newFeedToken();
    await this.d.db
      .insertInto('calendar_feeds')
      .values({ user_id: userId, token, language, created_at: nowIso() })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    return this.feedOf(userId, language);
  }

  /** Replaces the secret: the old feed URL stops working. */
  async rotateFeed(userId: string, language: 'zh' | 'en'): Promise<CalendarFeedSecret> {
    const token = newFeedToken();
    await this.d.db
      .insertInto('calendar_feeds')
      .values({ user_id: userId, token, language, created_at: nowIso() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ token, language, created_at: nowIso() }))
      .execute();
    return { userId, token, language };
  }

  async feedByToken(token: string): Promise<CalendarFeedSecret | null> {
    const row = await this.d.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('token', '=', token)
      .executeTakeFirst();
    return row ? { userId: row.user_id, token: row.token, language: row.language } : null;
  }
}

/** 32 random bytes, URL-safe. */
const newFeedToken = () => randomBytes(32).toString('base64url');
