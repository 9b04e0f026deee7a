/**
 * Each library clause in the document against the library text it was inserted from — the standard body,
 * or the negotiation position its tag names: the shared clause diff, where filled variables are not
 * deviations and punctuation width and spacing are ignored.
 */
import { fillBody, parseVariables } from '@shared/clauses/variables';
import { diffClause } from '@shared/diff/index';
import type { Redline } from '@shared/diff/types';
import type { Clause } from '@shared/schemas/clause';
import type { ClausePosition, DocumentHost, TaggedClause } from '../office/document-host';
import { type ClauseSource, loadClauseLibrary } from './clause-library';
import { positionBody } from './clause-positions';

export interface ClauseComparison {
  inDocument: TaggedClause;
  /** The library's clause; null when the library does not have it (any more). */
  standard: Clause | null;
  /**
   * The text compared with: the inserted position, or the standard when the library's clause no longer
   * offers that position.
   */
  comparedWith: ClausePosition;
  /** The library's clause no longer offers the position that was inserted. */
  positionMissing: boolean;
  redline: Redline | null;
  /** The library has a newer version than the one inserted. */
  outdated: boolean;
}

export async function libraryById(source: ClauseSource = {}): Promise<Map<string, Clause>> {
  const all = [...(await loadClauseLibrary('zh-CN', source)), ...(await loadClauseLibrary('en', source))];
  return new Map(all.map((c) => [c.id, c]));
}

export function compareClause(inDocument: TaggedClause, standard: Clause | null): ClauseComparison {
  const position = inDocument.position;
  if (!standard)
    return {
      inDocument,
      standard: null,
      comparedWith: position,
      positionMissing: false,
      redline: null,
      outdated: false,
    };
  const body = positionBody(standard, position);
  // The text as it was inserted (defaults filled), its filled values marked as variables: any value the
  // drafter put in their place is not a deviation.
  const filled = fillBody(body ?? standard.body, standard.variables, {}, standard.language);
  // Variables without a default keep their `{{placeholder}}`: marked as spans too, they are slots for the
  // drafter's value even when the document still has other placeholders to fill.
  const open = parseVariables(filled.text).map((r) => ({ name: r.name, start: r.start, end: r.end }));
  const ignore = { ignoreWhitespace: true, ignorePunctuationWidth: true };
  const redline = diffClause(filled.text, inDocument.text, {
    ...ignore,
    oldSpans: [...filled.spans, ...open],
  });
  return {
    inDocument,
    standard,
    comparedWith: body === null ? 'standard' : position,
    positionMissing: body === null,
    redline,
    outdated: standard.version > Number(inDocument.version),
  };
}

export async function compareClauses(
  host: DocumentHost,
  source: ClauseSource = {},
): Promise<ClauseComparison[]> {
  const [clauses, library] = await Promise.all([host.listClauses(), libraryById(source)]);
  return clauses.map((c) => compareClause(c, library.get(c.clauseId) ?? null));
}
