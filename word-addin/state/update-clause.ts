/**
 * Bringing an inserted clause up to the library's newer version: the values the drafter filled in are
 * read back from the document (by comparing it with the body of the version that was inserted) and put
 * into the new body, so updating does not lose them; variables new in this version take their defaults.
 */
import { fillBody, parseVariables } from '@shared/clauses/variables';
import { diffClause } from '@shared/diff/index';
import { type Clause, localize } from '@shared/schemas/clause';
import type { ClauseToInsert, DocumentHost, TaggedClause } from '../office/document-host';

/** The body of one version of a clause, when the library still has it. */
export function bodyOfVersion(clause: Clause, version: number): string | null {
  if (version === clause.version) return clause.body;
  return clause.history.find((h) => h.version === version)?.body ?? null;
}

/** The text put in place of each variable, read from the document against the inserted version's body. */
export function recoverValues(clause: Clause, inDocument: TaggedClause): Record<string, string> {
  const body = bodyOfVersion(clause, Number(inDocument.version));
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

/** The latest version's text with the values recovered from the document. */
export function updatedClause(clause: Clause, inDocument: TaggedClause): ClauseToInsert {
  const recovered = recoverValues(clause, inDocument);
  // Recovered values are already written out; the others are filled (or keep their placeholder) as usual.
  const definitions = clause.variables.filter((v) => !(v.name in recovered));
  const { text } = fillBody(clause.body, definitions, recovered, clause.language);
  return {
    clauseId: clause.id,
    version: clause.version,
    title: localize(clause.title, clause.language),
    text,
  };
}

/** Replaces the `index`-th library clause of the document by the library's latest version. */
export async function updateClause(
  host: DocumentHost,
  index: number,
  inDocument: TaggedClause,
  clause: Clause,
): Promise<boolean> {
  return host.replaceClause(index, updatedClause(clause, inDocument));
}
