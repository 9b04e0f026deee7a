/**
 * The deviations of a filed version from the clause library: every current, non-archived clause is
 * looked for in the version's text and compared with its standard text. A registry whose library was
 * never filled compares with the starter library, as the Word add-in drafts from it then.
 */
import { starterLibrary } from '@shared/clauses/library';
import { type LocatedClause, locateClauses } from '@shared/clauses/locate';
import type { Clause } from '@shared/schemas/clause';
import type { Db } from '../db/kysely';
import { LibraryRepo } from '../db/repos/library';

export type ClauseDeviation = Omit<LocatedClause, 'paragraphs' | 'score'>;

/** The library's clauses at their current version. */
export async function currentClauses(db: Db): Promise<Clause[]> {
  const repo = new LibraryRepo(db);
  const stored = await repo.listCurrent<Clause>('clause');
  if (stored.length > 0) return stored.map((v) => ({ ...v.data, version: v.version }));
  // Archiving every clause leaves a library that is the company's own, though empty.
  if ((await repo.listCurrent('clause', { includeArchived: true })).length > 0) return [];
  return [...starterLibrary('zh-CN').clauses, ...starterLibrary('en').clauses];
}

export async function clauseDeviations(db: Db, text: string): Promise<ClauseDeviation[]> {
  const located = locateClauses(text, await currentClauses(db));
  return located.map(({ paragraphs: _p, score: _s, ...deviation }) => deviation);
}
