/**
 * The clause library the pane offers: the registry's when signed in (a copy is kept for working offline),
 * else the last copy, else the starter libraries shipped in `shared/`.
 */
import { starterLibrary } from '@shared/clauses/library/index';
import { fillBody } from '@shared/clauses/variables';
import { type Clause, type ClauseLanguage, clauseSchema, localize } from '@shared/schemas/clause';
import { guessLanguage } from '@shared/text/language';
import type { ClauseToInsert, DocumentHost, TaggedClause } from '../office/document-host';
import type { RegistryClient } from '../registry/client';
import { hasPosition } from './clause-positions';
import type { OfflineCopies } from './offline-copies';

export type LibraryOrigin = 'registry' | 'offline-copy' | 'starter';

/** Where the library comes from; without a client or copies, the starter library. */
export interface ClauseSource {
  client?: RegistryClient | null;
  copies?: OfflineCopies;
}

export interface LoadedLibrary {
  clauses: Clause[];
  origin: LibraryOrigin;
}

const cacheKey = (language: ClauseLanguage) => `pactfile.word.clauses.${language}`;

async function readCopy(
  copies: OfflineCopies | undefined,
  language: ClauseLanguage,
): Promise<Clause[] | null> {
  try {
    const stored = await copies?.get(cacheKey(language));
    if (!Array.isArray(stored)) return null;
    const clauses = stored.flatMap((c) => {
      const ok = clauseSchema.safeParse(c);
      return ok.success ? [ok.data] : [];
    });
    return clauses.length ? clauses : null;
  } catch {
    return null;
  }
}

export async function loadLibrary(
  language: ClauseLanguage,
  source: ClauseSource = {},
): Promise<LoadedLibrary> {
  if (source.client) {
    try {
      const clauses = (await source.client.clauses(language)).flatMap((c) => {
        const ok = clauseSchema.safeParse(c);
        return ok.success ? [ok.data] : [];
      });
      if (clauses.length > 0) {
        try {
          await source.copies?.put(cacheKey(language), clauses);
        } catch {
          // storage full or refused: the copy is a convenience
        }
        return { clauses, origin: 'registry' };
      }
    } catch {
      // offline or signed out: fall back below
    }
  }
  const copy = await readCopy(source.copies, language);
  if (copy) return { clauses: copy, origin: 'offline-copy' };
  return { clauses: starterLibrary(language).clauses, origin: 'starter' };
}

export async function loadClauseLibrary(
  language: ClauseLanguage,
  source: ClauseSource = {},
): Promise<Clause[]> {
  return (await loadLibrary(language, source)).clauses;
}

/** The library that suits the document: its language, or the pane's when the document is still empty. */
export async function documentClauseLanguage(
  host: DocumentHost,
  fallback: ClauseLanguage,
): Promise<ClauseLanguage> {
  const text = (await host.readParagraphs()).map((p) => p.text).join('\n');
  if (!text.trim()) return fallback;
  return guessLanguage(text) === 'zh' ? 'zh-CN' : 'en';
}

/** Clauses whose title, category or id contain every word of the query. */
export function filterClauses(
  clauses: readonly Clause[],
  query: string,
  uiLanguage: ClauseLanguage,
): Clause[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return clauses.filter((c) => {
    const hay =
      `${localize(c.title, uiLanguage)} ${localize(c.title, c.language)} ${c.category} ${c.id}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The text to insert: variables take their defaults; the others keep their `{{placeholder}}` to fill in. */
export function clauseToInsert(clause: Clause): ClauseToInsert {
  const { text } = fillBody(clause.body, clause.variables, {}, clause.language);
  return {
    clauseId: clause.id,
    version: clause.version,
    title: localize(clause.title, clause.language),
    text,
  };
}

export function insertClause(host: DocumentHost, clause: Clause): Promise<void> {
  return host.insertClause(clauseToInsert(clause));
}

export interface ClauseInDocument extends TaggedClause {
  /** The library's current version, when the library has the clause. */
  latestVersion: number | null;
  /** Whether the library's current version still offers the position that was inserted. */
  positionInLatest: boolean;
}

/** Clauses inserted from the library that are in the document, with the library's latest version. */
export async function clausesInDocument(
  host: DocumentHost,
  library: readonly Clause[],
): Promise<ClauseInDocument[]> {
  const byId = new Map(library.map((c) => [c.id, c]));
  return (await host.listClauses()).map((c) => {
    const latest = byId.get(c.clauseId);
    return {
      ...c,
      latestVersion: latest?.version ?? null,
      positionInLatest: latest ? hasPosition(latest, c.position) : true,
    };
  });
}

export function isOutdated(c: ClauseInDocument): boolean {
  return c.latestVersion !== null && c.latestVersion > Number(c.version);
}
