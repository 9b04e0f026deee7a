import type { Clause } from '@shared/schemas/clause';
import type { Atomic } from '../db/atomically';
import { clauseSearchText, LibraryRepo, type LibraryVersion } from '../db/repos/library';

/**
 * Saves a clause as the library's next version, inside the unit's transaction and with its audit entry.
 * A clause the registry did not know yet keeps the version and history it came with (an import); later
 * versions are rows of their own. With `expectedVersion`, someone else's save in between is a conflict.
 */
export async function saveClauseIn(
  unit: Atomic,
  clause: Clause,
  options: { actorId: string | null; note: string | null; expectedVersion?: number },
): Promise<LibraryVersion<Clause>> {
  const stored = await new LibraryRepo(unit.db).save<Clause>(
    'clause',
    clause.id,
    (version) => ({
      data: { ...clause, version, history: clause.history.filter((h) => h.version < version) },
      index: { language: clause.language, category: clause.category, searchText: clauseSearchText(clause) },
    }),
    {
      note: options.note,
      createdBy: options.actorId,
      expectedVersion: options.expectedVersion,
      firstVersion: clause.version,
    },
  );
  unit.audit({
    actorId: options.actorId,
    entityType: 'clause',
    entityId: clause.id,
    action: 'save',
    after: { version: stored.version, title: clause.title, note: options.note },
  });
  return stored;
}
