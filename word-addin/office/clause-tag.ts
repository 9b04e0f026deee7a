/**
 * Content controls of inserted clauses carry `pactfile:clause:<clauseId>@<version>` in their tag, followed by
 * `#<position>` when a negotiation position was inserted instead of the standard body
 * (`pactfile:clause:en.payment@1#fallback`). The standard keeps the plain form, so the tags of documents
 * written before positions were recorded still read as the standard text.
 */
import { CLAUSE_POSITIONS, type ClausePosition } from './document-host';

const PREFIX = 'pactfile:clause:';
/** Word shows at most 64 characters of a content control's title. */
export const MAX_TITLE = 64;

export interface ParsedClauseTag {
  clauseId: string;
  version: string;
  position: ClausePosition;
}

const isPosition = (text: string): text is ClausePosition =>
  (CLAUSE_POSITIONS as readonly string[]).includes(text);

export function clauseTag(
  clauseId: string,
  version: number | string,
  position: ClausePosition = 'standard',
): string {
  if (!clauseId || /[@#]/.test(clauseId)) throw new Error(`Not a clause id: ${clauseId}`);
  if (String(version).includes('#')) throw new Error(`Not a clause version: ${version}`);
  const base = `${PREFIX}${clauseId}@${version}`;
  return position === 'standard' ? base : `${base}#${position}`;
}

/** The clause a tag names; null for other tags, and for a position this add-in does not know. */
export function parseClauseTag(tag: string): ParsedClauseTag | null {
  if (!tag.startsWith(PREFIX)) return null;
  let rest = tag.slice(PREFIX.length);
  let position: ClausePosition = 'standard';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    const named = rest.slice(hash + 1);
    if (!isPosition(named)) return null;
    position = named;
    rest = rest.slice(0, hash);
  }
  const at = rest.lastIndexOf('@');
  if (at <= 0 || at === rest.length - 1) return null;
  return { clauseId: rest.slice(0, at), version: rest.slice(at + 1), position };
}

export function controlTitle(title: string): string {
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
