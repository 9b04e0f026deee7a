/**
 * The deviations of a filed version from the clause library: every current, non-archived clause is
 * looked for in the version's text and compared with its standard text.
 */
import { type LocatedClause, locateClauses } from '@shared/clauses/locate';
import type { Clause } from '@shared/schemas/clause';
import type { Db } from '../db/kysely';
import { LibraryRepo } from '../db/repos/library';

export type ClauseDeviation = Omit<LocatedClause, 'paragraphs' | 'score'>;

/** The library's clauses at their current version. */
export async function currentClauses(db: Db): Promise<Clause[]> {
  const stored = await new LibraryRepo(db).listCurrent<Clause>('clause');
  return stored.map((v) => ({ ...v.data, version: v.version }));
}

export async function clauseDeviations(db: Db, text: string): Promise<ClauseDeviation[]> {
  const located = locateClauses(text, await currentClauses(db));
  return located.map(({ paragraphs: _p, score: _s, ...deviation }) => deviation);
}
