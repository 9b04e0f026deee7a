import type { Principal } from '../../auth/principal';
import type { StatusMove } from '../../obligations/reports';
import type { Db } from '../kysely';
import { visibleTo } from './contracts';
import { targetStatus } from './transition-status';

/**
 * The status moves of the contracts the principal can see, in the order they were recorded. Every
 * move (a PATCH, an action, the last approval, a rejection, a reset by a new version) is an audit
 * `transition` entry, so the log is where they are complete.
 */
export async function statusMoves(d: Db, p: Principal): Promise<StatusMove[]> {
  const rows = await d.db
    .selectFrom('audit_log')
    .select(['contract_id', 'at', 'after'])
    .where('entity_type', '=', 'contract')
    .where('action', '=', 'transition')
    .where('contract_id', 'in', (eb) => eb.selectFrom('contracts').select('contracts.id').where(visibleTo(p)))
    .orderBy('seq')
    .execute();
  return rows.flatMap((r) => {
    const to = targetStatus(r.after);
    return r.contract_id && to ? [{ contractId: r.contract_id, at: r.at, to }] : [];
  });
}
