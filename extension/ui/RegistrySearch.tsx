import { useState } from 'react';
import type { SearchHit } from '../registry/client';
import { type Language, translate } from './i18n';
import { snippetParts } from './snippet';

export interface RegistrySearchProps {
  lang: Language;
  signedIn: boolean;
  initialQuery: string;
  search(q: string): Promise<{ total: number; items: SearchHit[] }>;
  /** Opens a contract's page. */
  onOpen?(contractId: string): void;
}

/** Full-text search over the registry (numbers, titles, parties, document text). */
export function RegistrySearch({ lang, signedIn, initialQuery, search, onOpen }: RegistrySearchProps) {
  const [q, setQ] = useState(initialQuery);
  const [result, setResult] = useState<{ total: number; items: SearchHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (!q.trim()) return;
    setError(null);
    try {
      setResult(await search(q.trim()));
    } catch (err) {
      setResult(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <main>
      <h1>{translate(lang, 'searchTitle')}</h1>
      {signedIn ? null : <div className="banner">{translate(lang, 'signedOutBanner')}</div>}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <input
          className="title"
          name="q"
          type="search"
          aria-label={translate(lang, 'searchTitle')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" disabled={!signedIn}>
          {translate(lang, 'search')}
        </button>
      </form>
      {error ? (
        <p className="status error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <p className="meta">{translate(lang, 'searchTotal', { total: String(result.total) })}</p>
      ) : null}
      <ul>
        {result?.items.map((hit) => (
          <li className="card" key={hit.contract.id} data-contract={hit.contract.id}>
            <div className="name">
              {hit.contract.number} · {hit.contract.title}
            </div>
            {onOpen ? (
              <button type="button" className="secondary open" onClick={() => onOpen(hit.contract.id)}>
                {translate(lang, 'open')}
              </button>
            ) : null}
            <div className="meta">
              {[hit.contract.counterparty.map((p) => p.name).join(', '), hit.contract.status]
                .filter(Boolean)
                .join(' · ')}
            </div>
            <div className="snippet">
              {snippetParts(hit.snippet).map((part, i) =>
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one snippet never reorder
                part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
              )}
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
