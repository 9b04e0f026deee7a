/**
 * The texts of a library clause by position: the standard body, or one of its negotiation positions
 * (preferred / fallback / walk-away), in the current version or an earlier one.
 */
import type { Clause } from '@shared/schemas/clause';
import type { ClausePosition } from '../office/document-host';

/** The position's body in the clause's current version; null when this version does not offer it. */
export function positionBody(clause: Clause, position: ClausePosition): string | null {
  if (position === 'standard') return clause.body;
  return clause.positions?.[position]?.body ?? null;
}

export function hasPosition(clause: Clause, position: ClausePosition): boolean {
  return positionBody(clause, position) !== null;
}

/**
 * The position's body as inserted from `version`, when it can be known. The library's history keeps only
 * the standard body of earlier versions: for a position of an earlier version the current version's
 * position is the closest text there is (the clause diff only reads a value back where the words around
 * it still match, so a reworded position loses values rather than picking up wrong ones).
 */
export function positionBodyOfVersion(
  clause: Clause,
  version: number,
  position: ClausePosition,
): string | null {
  if (version === clause.version) return positionBody(clause, position);
  const earlier = clause.history.find((h) => h.version === version);
  if (!earlier) return null;
  return position === 'standard' ? earlier.body : positionBody(clause, position);
}
