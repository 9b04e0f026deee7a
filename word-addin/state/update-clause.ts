/**
 * Bringing an inserted clause up to the library's newer version, in the same position (standard body or
 * negotiation position) as inserted: the values the drafter filled in are read back from the document (by
 * comparing it with the text that was inserted) and put into the new text, so updating does not lose them;
 * variables new in this version take their defaults. When the newer version no longer offers the position,
 * nothing is replaced until the drafter chooses the standard text instead.
 */
import { fillBody, parseVariables } from '@shared/clauses/variables';
import { diffClause } from '@shared/diff/index';
import { type Clause, localize } from '@shared/schemas/clause';
import type { ClausePosition, ClauseToInsert, DocumentHost, TaggedClause } from '../office/document-host';
import { positionBody, positionBodyOfVersion } from './clause-positions';

/** The text put in place of each variable, read from the document against the inserted text. */
export function recoverValues(clause: Clause, inDocument: TaggedClause): Record<string, string> {
  const body = positionBodyOfVersion(clause, Number(inDocument.version), inDocument.position);
  if (!body) return {};
  // Every placeholder of the body is a slot (given as a span), even when the document still shows some
  // placeholders of its own that were never filled.
  const slots = parseVariables(body).map((r) => ({ name: r.name, start: r.start, end: r.end }));
  const redline = diffClause(body, inDocument.text, {
    ignoreWhitespace: true,
    ignorePunctuationWidth: true,
    oldSpans: slots,
  });
  const values: Record<string, string> = {};
  for (const p of redline.paragraphs)
    for (const op of p.ops) {
      // A placeholder still standing in the document was not filled: nothing to keep.
      if (op.op === 'variable' && !(op.name in values) && !/^\{\{.*\}\}$/.test(op.text))
        values[op.name] = op.text;
    }
  return values;
}

/**
 * The latest version's text in the `target` position (by default the one inserted) with the values
 * recovered from the document; null when the latest version does not offer that position.
 */
export function updatedClause(
  clause: Clause,
  inDocument: TaggedClause,
  target: ClausePosition = inDocument.position,
): ClauseToInsert | null {
  const body = positionBody(clause, target);
  if (body === null) return null;
  const recovered = recoverValues(clause, inDocument);
  // Recovered values are already written out; the others are filled (or keep their placeholder) as usual.
  const definitions = clause.variables.filter((v) => !(v.name in recovered));
  const { text } = fillBody(body, definitions, recovered, clause.language);
  return {
    clauseId: clause.id,
    version: clause.version,
    position: target,
    title: localize(clause.title, clause.language),
    text,
  };
}

/**
 * `updated`: the text was replaced; `gone`: the clause is no longer in the document; `position-missing`:
 * the latest version does not offer the position asked for (nothing was changed).
 */
export type UpdateOutcome = 'updated' | 'gone' | 'position-missing';

/** Replaces the `index`-th library clause of the document by the library's latest version. */
export async function updateClause(
  host: DocumentHost,
  index: number,
  inDocument: TaggedClause,
  clause: Clause,
  target: ClausePosition = inDocument.position,
): Promise<UpdateOutcome> {
  const updated = updatedClause(clause, inDocument, target);
  if (!updated) return 'position-missing';
  return (await host.replaceClause(index, updated)) ? 'updated' : 'gone';
}
