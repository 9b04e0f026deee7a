import { useCallback } from 'react';
import type { VersionAnalysis, VersionInfo } from '../../registry/client';
import { groupFindings } from '../findings';
import { type Language, localized, type MessageKey, translate } from '../i18n';
import { SectionError } from './ErrorNote';
import { useLoad } from './load';

export interface FindingsProps {
  lang: Language;
  contractId: string;
  version: VersionInfo;
  analysis(contractId: string, versionId: string): Promise<VersionAnalysis>;
}

/** The playbook findings of one version, most serious first. */
export function Findings({ lang, contractId, version, analysis }: FindingsProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const load = useCallback(() => analysis(contractId, version.id), [analysis, contractId, version.id]);
  const { result, reload } = useLoad(load);
  if (result.state === 'loading') return <p className="meta">{t('loading')}</p>;
  if (result.state === 'error') return <SectionError lang={lang} error={result.error} onRetry={reload} />;
  const read = result.data;
  const groups = read.status === 'done' ? groupFindings(read.findings ?? []) : [];
  return (
    <>
      {read.status === 'pending' ? <p className="meta">{t('suggestPending')}</p> : null}
      {read.status === 'no_text' ? <p className="meta">{t('suggestNoText')}</p> : null}
      {read.status === 'done' && groups.length === 0 ? <p className="meta">{t('noFindings')}</p> : null}
      {groups.map((g) => (
        <section key={g.level} data-level={g.level}>
          <h3>
            {t(`level.${g.level}`)} ({g.items.length})
          </h3>
          <ul>
            {g.items.map((f, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: one rule may report the same paragraph twice
                key={`${f.ruleId}-${f.fingerprint}-${i}`}
                className={`finding ${f.level}`}
                data-rule={f.ruleId}
              >
                {localized(lang, f.message)}
                {f.match ? <q>{f.match}</q> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
