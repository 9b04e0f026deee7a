import { nowIso } from '../../ids';
import type { Db } from '../kysely';

export class NumberingRepo {
  constructor(private readonly d: Db) {}

  async put(type: string, pattern: string): Promise<{ type: string; pattern: string; updatedAt: string }> {
    const updatedAt = nowIso();
    await this.d.db
      .insertInto('numbering_rules')
      .values({ type, pattern, updated_at: updatedAt })
      .onConflict((oc) => oc.column('type').doUpdateSet({ pattern, updated_at: updatedAt }))
      .execute();
    return { type, pattern, updatedAt };
  }

  async list() {
    return this.d.db
      .selectFrom('numbering_rules')
      .select(['type', 'pattern', 'updated_at as updatedAt'])
      .orderBy('type')
      .execute();
  }
}
