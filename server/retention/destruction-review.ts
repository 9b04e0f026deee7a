/**
 * The destruction review: contracts whose retention has run out, and the decision on each — destroy
 * its documents, or keep it longer. Contract metadata and audit entries always stay.
 */
import type { Contract } from '@shared/schemas/contract';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal';
import { visibleTo } from '../db/repos/contracts';
import { loadHolds, loadPolicies, retentionOf, withRetention } from '../db/repos/retention';
import { conflict, HttpProblem } from '../errors';
import { nowIso } from '../ids';
import { canTransition } from '../lifecycle/status-machine';
import { addDays } from '../obligations/calendar-date';
import type { Registry } from '../registry';
import { DESTRUCTION_NOTICE, storeDestructionNotice } from './destruction-notice';
import { ANY_TYPE, addYears, DEFAULT_POLICY, ENDING_STATUSES, isDue } from './policy';

type Deps = Pick<Registry, 'db' | 'contracts' | 'audit' | 'blobs' | 'lifecycle' | 'reindex'>;

export interface DueItem {
  contract: {
    id: string;
    number: string;
    title: string;
    type: string;
    department: string | null;
    status: string;
    expiryDate: string | null;
  };
  retentionUntil: string;
  legalHold: Contract['legalHold'];
}

/** Contracts visible to `p` whose retention ran out on or before `asOf` and whose documents still exist. */
export async function dueForReview(deps: Pick<Deps, 'db'>, p: Principal, asOf: string): Promise<DueItem[]> {
  const policies = await loadPolicies(deps.db.db);
  const years = policies.map((x) => x.years);
  if (!policies.some((x) => x.contractType === ANY_TYPE)) years.push(DEFAULT_POLICY.years);
  // Retention never ends before expiry + the shortest period: rows beyond that bound are not read.
  // One day of slack covers 29 February, which adding years turns into the 28th.
  const latestExpiry = addDays(addYears(asOf, -Math.min(...years)), 1);
  const rows = await deps.db.db
    .selectFrom('contracts')
    .selectAll()
    .where(visibleTo(p))
    .where((eb) =>
      eb.or([
        eb('contracts.expiry_date', '<=', latestExpiry),
        eb.and([
          eb('contracts.expiry_date', 'is', null),
          eb('contracts.status', 'in', [...ENDING_STATUSES, 'archived']),
        ]),
      ]),
    )
    .where(
      sql<boolean>`not exists (select 1 from retention_reviews rr where rr.contract_id = contracts.id and rr.destroyed_at is not null)`,
    )
    .execute();
  const retention = await retentionOf(deps.db, rows);
  const items: DueItem[] = [];
  for (const row of rows) {
    const facts = retention.get(row.id);
    if (!facts?.retentionUntil || !isDue(facts.retentionUntil, asOf)) continue;
    items.push({
      contract: {
        id: row.id,
        number: row.number,
        title: row.title,
        type: row.type,
        department: row.department,
        status: row.status,
        expiryDate: row.expiry_date,
      },
      retentionUntil: facts.retentionUntil,
      legalHold: facts.legalHold,
    });
  }
  return items.sort(
    (a, b) =>
      a.retentionUntil.localeCompare(b.retentionUntil) || a.contract.number.localeCompare(b.contract.number),
  );
}

/** When the files of a version were destroyed, and of which contract; undefined while they exist. */
export async function versionDestruction(
  deps: Pick<Deps, 'db'>,
  versionId: string,
): Promise<{ versionId: string; contractId: string; destroyedAt: string } | undefined> {
  const row = await withRetention(deps.db.db)
    .selectFrom('destroyed_versions')
    .select(['contract_id', 'destroyed_at'])
    .where('version_id', '=', versionId)
    .executeTakeFirst();
  return row ? { versionId, contractId: row.contract_id, destroyedAt: row.destroyed_at } : undefined;
}

/** The versions, each with the moment its file was destroyed (null while it exists). */
export async function withDestroyedAt<V extends { id: string; contractId: string }>(
  deps: Pick<Deps, 'db'>,
  contractId: string,
  versions: V[],
): Promise<Array<V & { destroyedAt: string | null }>> {
  const rows = await withRetention(deps.db.db)
    .selectFrom('destroyed_versions')
    .select(['version_id', 'destroyed_at'])
    .where('contract_id', '=', contractId)
    .execute();
  const at = new Map(rows.map((r) => [r.version_id, r.destroyed_at]));
  return versions.map((v) => ({ ...v, destroyedAt: at.get(v.id) ?? null }));
}

/** 410 for a version whose file was destroyed. */
export const versionGone = (versionId: string, destroyedAt: string) =>
  new HttpProblem(
    410,
    'Gone',
    `The file of version ${versionId} was destroyed on ${destroyedAt.slice(0, 10)} at the end of its retention.`,
    { detailZh: `该版本文件已于 ${destroyedAt.slice(0, 10)} 保管期满后销毁。`, destroyedAt },
  );

const alreadyDestroyed = (destroyedAt: string) =>
  conflict('The documents of this contract were destroyed already.', {
    detailZh: '该合同的文件已销毁。',
    destroyedAt,
  });

/** Throws 409 unless the contract is due for review today, and not destroyed already. */
async function assertDue(deps: Deps, contract: Contract, today: string): Promise<void> {
  const review = await withRetention(deps.db.db)
    .selectFrom('retention_reviews')
    .select('destroyed_at')
    .where('contract_id', '=', contract.id)
    .executeTakeFirst();
  if (review?.destroyed_at) throw alreadyDestroyed(review.destroyed_at);
  if (!isDue(contract.retentionUntil, today)) {
    throw conflict(
      contract.retentionUntil
        ? `The retention of this contract runs until ${contract.retentionUntil}.`
        : 'This contract has not ended: its retention has not started.',
      {
        detailZh: contract.retentionUntil
          ? `该合同保管期至 ${contract.retentionUntil}，尚未到期。`
          : '该合同尚未终止，保管期尚未开始。',
        retentionUntil: contract.retentionUntil,
      },
    );
  }
}

export interface DestroyOutcome {
  destroyedVersions: string[];
  /** Files deleted from the store. */
  removedFiles: number;
  /** Files kept because a version of another contract still holds the same bytes. */
  sharedFilesKept: number;
  archived: boolean;
}

/**
 * Destroys the documents of a due contract: its versions are marked destroyed, lose their text and
 * point at the destruction notice; their files are deleted unless a version of another contract
 * holds the same bytes. The contract is archived when its status allows. A legal hold answers 409.
 */
export async function destroyDocuments(
  deps: Deps,
  contract: Contract,
  actor: Principal,
  comment: string | null,
  today: string,
): Promise<DestroyOutcome> {
  await assertDue(deps, contract, today);
  await storeDestructionNotice(deps.blobs);
  const now = nowIso();
  let destroyed: { id: string; sha256: string; filename: string }[] = [];
  const removable: string[] = [];
  let kept = 0;
  await deps.db.db.transaction().execute(async (tx) => {
    const r = withRetention(tx);
    // Two reviewers deciding at once: the second waits for the first, then finds the work done.
    let lock = r.selectFrom('contracts').select('id').where('id', '=', contract.id);
    if (deps.db.dialect === 'postgres') lock = lock.forUpdate();
    await lock.executeTakeFirst();
    const done = await r
      .selectFrom('retention_reviews')
      .select('destroyed_at')
      .where('contract_id', '=', contract.id)
      .executeTakeFirst();
    if (done?.destroyed_at) throw alreadyDestroyed(done.destroyed_at);
    const hold = (await loadHolds(tx, [contract.id])).get(contract.id);
    if (hold) {
      throw conflict('The contract is under legal hold: its documents cannot be destroyed.', {
        detailZh: '该合同处于法律保全（诉讼保留）状态，文件不得销毁。',
        legalHold: hold,
      });
    }
    destroyed = await r
      .selectFrom('versions')
      .select(['versions.id', 'versions.sha256', 'versions.filename'])
      .where('versions.contract_id', '=', contract.id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('destroyed_versions as dv')
              .select(sql.lit(1).as('one'))
              .whereRef('dv.version_id', '=', 'versions.id'),
          ),
        ),
      )
      .orderBy('versions.seq')
      .execute();
    const ids = destroyed.map((v) => v.id);
    if (ids.length > 0) {
      await r
        .insertInto('blobs')
        .values({ ...blobRow(), created_at: now })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      await r
        .insertInto('destroyed_versions')
        .values(
          destroyed.map((v) => ({
            version_id: v.id,
            contract_id: contract.id,
            sha256: v.sha256,
            destroyed_by: actor.userId,
            destroyed_at: now,
          })),
        )
        .execute();
      await r
        .updateTable('versions')
        .set({ text_status: 'error', text_error: 'destroyed at the end of retention' })
        .where('id', 'in', ids)
        .where('text_status', '=', 'pending')
        .execute();
      await r
        .updateTable('versions')
        .set({ sha256: DESTRUCTION_NOTICE.sha256, text: null })
        .where('id', 'in', ids)
        .execute();
      await r.deleteFrom('version_analysis').where('version_id', 'in', ids).execute();
    }
    // Content-addressed: bytes that another version still holds stay; the others go, row and file.
    for (const sha256 of new Set(destroyed.map((v) => v.sha256))) {
      const live = await r
        .selectFrom('versions')
        .select('id')
        .where('sha256', '=', sha256)
        .limit(1)
        .executeTakeFirst();
      if (live) {
        kept++;
      } else {
        removable.push(sha256);
        await r.deleteFrom('blobs').where('sha256', '=', sha256).execute();
      }
    }
    await r
      .insertInto('retention_reviews')
      .values({
        contract_id: contract.id,
        kept_until: null,
        destroyed_at: now,
        reviewed_by: actor.userId,
        reviewed_at: now,
      })
      .onConflict((oc) =>
        oc
          .column('contract_id')
          .doUpdateSet({ destroyed_at: now, reviewed_by: actor.userId, reviewed_at: now }),
      )
      .execute();
    await deps.audit.appendIn(tx, [
      ...destroyed.map((v) => ({
        actorId: actor.userId,
        entityType: 'version' as const,
        entityId: v.id,
        contractId: contract.id,
        action: 'destroy',
        before: { sha256: v.sha256, filename: v.filename },
        after: { destroyed: true, sha256: DESTRUCTION_NOTICE.sha256 },
      })),
      {
        actorId: actor.userId,
        entityType: 'contract',
        entityId: contract.id,
        contractId: contract.id,
        action: 'destroy_documents',
        before: { retentionUntil: contract.retentionUntil },
        after: {
          versions: ids,
          removedFiles: removable.length,
          sharedFilesKept: kept,
          ...(comment ? { comment } : {}),
        },
      },
    ]);
  });
  // Files go once the rows no longer point at them.
  for (const sha256 of removable) await deps.blobs.remove(sha256);
  const archived = canTransition(contract.status, 'archived');
  if (archived) {
    await deps.lifecycle.transition(contract, 'archived', actor.userId, comment ?? 'documents destroyed');
  }
  await deps.reindex(contract.id);
  return {
    destroyedVersions: destroyed.map((v) => v.id),
    removedFiles: removable.length,
    sharedFilesKept: kept,
    archived,
  };
}

const blobRow = () => ({
  sha256: DESTRUCTION_NOTICE.sha256,
  size: DESTRUCTION_NOTICE.size,
  media_type: DESTRUCTION_NOTICE.mediaType,
});

/** Keeps a due contract `years` longer, counted from today. */
export async function keepLonger(
  deps: Deps,
  contract: Contract,
  actor: Principal,
  years: number,
  comment: string | null,
  today: string,
): Promise<string> {
  await assertDue(deps, contract, today);
  const keptUntil = addYears(today, years);
  const now = nowIso();
  await deps.db.db.transaction().execute(async (tx) => {
    await withRetention(tx)
      .insertInto('retention_reviews')
      .values({
        contract_id: contract.id,
        kept_until: keptUntil,
        destroyed_at: null,
        reviewed_by: actor.userId,
        reviewed_at: now,
      })
      .onConflict((oc) =>
        oc
          .column('contract_id')
          .doUpdateSet({ kept_until: keptUntil, reviewed_by: actor.userId, reviewed_at: now }),
      )
      .execute();
    await deps.audit.appendIn(tx, [
      {
        actorId: actor.userId,
        entityType: 'contract',
        entityId: contract.id,
        contractId: contract.id,
        action: 'retention_kept',
        before: { retentionUntil: contract.retentionUntil },
        after: { retentionUntil: keptUntil, years, ...(comment ? { comment } : {}) },
      },
    ]);
  });
  return keptUntil;
}
