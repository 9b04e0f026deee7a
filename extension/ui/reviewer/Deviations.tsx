import { useCallback, useState } from 'react';
import type { VersionInfo } from '../../registry/client';
import { type Language, type MessageKey, translate } from '../i18n';
import { SectionError } from './ErrorNote';
import { useLoad } from './load';
import { RedlineView } from './RedlineView';
import type { VersionDeviations } from './types';

export interface DeviationsProps {
  lang: Language;
  contractId: string;
  /** Newest first. */
  versions: VersionInfo[];
  deviations(contractId: string, versionId: string): Promise<VersionDeviations>;
}

/** The library clauses found in a version and how each differs from the library's text. */
export function Deviations({ lang, contractId, versions, deviations }: DeviationsProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [versionId, setVersionId] = useState(versions[0]?.id ?? '');
  const load = useCallback(() => deviations(contractId, versionId), [deviations, contractId, versionId]);
  const { result, reload } = useLoad(load);
  if (versions.length === 0) return <p className="meta">{t('noVersions')}</p>;
  const clauses = result.state === 'done' ? result.data.clauses : [];
  const changed = clauses.filter((c) => !c.redline.summary.identical);
  return (
    <>
      {versions.length > 1 ? (
        <label className="inline">
          {t('versionLabel')}{' '}
          <select value={versionId} onChange={(e) => setVersionId(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                v{v.seq} · {v.filename}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {result.state === 'loading' ? <p className="meta">{t('loading')}</p> : null}
      {result.state === 'error' ? <SectionError lang={lang} error={result.error} onRetry={reload} /> : null}
      {result.state === 'done' && clauses.length === 0 ? (
        <p className="meta">{t('noLibraryClauses')}</p>
      ) : null}
      {result.state === 'done' && clauses.length > 0 ? (
        <p className="meta">
          {t('deviationsCount', { found: String(clauses.length), changed: String(changed.length) })}
        </p>
      ) : null}
      <ul>
        {clauses.map((c) => {
          const s = c.redline.summary;
          return (
            <li key={`${c.clauseId}-${c.range.start}`} className="card" data-clause={c.clauseId}>
              <details open={!s.identical && clauses.length <= 5}>
                <summary>
                  <span className="name">{c.title}</span>{' '}
                  <span className="meta">
                    {c.category} · v{c.clauseVersion} ·{' '}
                    {s.identical
                      ? t('clauseMatches')
                      : t('clauseDiffers', {
                          inserted: String(s.words.inserted),
                          deleted: String(s.words.deleted),
                        })}
                  </span>
                </summary>
                <RedlineView redline={c.redline} lang={lang} context={1} showSummary={false} />
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
}
