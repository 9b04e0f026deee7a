import { diffTexts } from '@shared/diff/redline';
import type { Redline } from '@shared/diff/types';
import { useState } from 'react';
import type { VersionInfo } from '../../registry/client';
import { type Language, type MessageKey, translate } from '../i18n';
import { ErrorNote } from './ErrorNote';
import { RedlineView } from './RedlineView';

export interface VersionCompareProps {
  lang: Language;
  contractId: string;
  /** Newest first. */
  versions: VersionInfo[];
  versionText(contractId: string, versionId: string): Promise<string>;
}

type Phase =
  | { at: 'idle' }
  | { at: 'fetching'; received: number }
  | { at: 'comparing' }
  | { at: 'done'; redline: Redline; names: [string, string] }
  | { at: 'error'; error: unknown };

/** Lets the browser paint the progress line before the comparison takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const label = (v: VersionInfo) => `v${v.seq} · ${v.filename}`;

/** A redline between any two versions, compared in the page from their extracted texts. */
export function VersionCompare({ lang, contractId, versions, versionText }: VersionCompareProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [fromId, setFromId] = useState(versions[1]?.id ?? '');
  const [toId, setToId] = useState(versions[0]?.id ?? '');
  const [ignoreSpace, setIgnoreSpace] = useState(true);
  const [ignoreWidth, setIgnoreWidth] = useState(true);
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  if (versions.length < 2) return <p className="meta">{t('compareNeedsTwo')}</p>;

  const compare = async () => {
    const from = versions.find((v) => v.id === fromId);
    const to = versions.find((v) => v.id === toId);
    if (!from || !to) return;
    setPhase({ at: 'fetching', received: 0 });
    try {
      let received = 0;
      const fetchOne = async (v: VersionInfo) => {
        const text = await versionText(contractId, v.id);
        received += 1;
        setPhase({ at: 'fetching', received });
        return text;
      };
      const [oldText, newText] = await Promise.all([fetchOne(from), fetchOne(to)]);
      setPhase({ at: 'comparing' });
      await nextFrame();
      const redline = diffTexts(oldText, newText, {
        ignoreWhitespace: ignoreSpace,
        ignorePunctuationWidth: ignoreWidth,
      });
      setPhase({ at: 'done', redline, names: [label(from), label(to)] });
    } catch (error) {
      setPhase({ at: 'error', error });
    }
  };

  const busy = phase.at === 'fetching' || phase.at === 'comparing';
  const option = (v: VersionInfo) => (
    <option key={v.id} value={v.id}>
      {label(v)}
      {v.text.status === 'done' ? '' : ` (${t('noTextYet')})`}
    </option>
  );
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h3 id="compare-title">{t('compareTitle')}</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <label className="inline">
          {t('compareFrom')}{' '}
          <select name="from" value={fromId} onChange={(e) => setFromId(e.target.value)}>
            {versions.map(option)}
          </select>
        </label>
        <label className="inline">
          {t('compareTo')}{' '}
          <select name="to" value={toId} onChange={(e) => setToId(e.target.value)}>
            {versions.map(option)}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={ignoreSpace} onChange={(e) => setIgnoreSpace(e.target.checked)} />{' '}
          {t('ignoreWhitespace')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={ignoreWidth} onChange={(e) => setIgnoreWidth(e.target.checked)} />{' '}
          {t('ignoreWidth')}
        </label>
        <button type="submit" disabled={busy || fromId === toId}>
          {t('compare')}
        </button>
      </form>
      {fromId === toId ? <p className="meta">{t('compareSame')}</p> : null}
      <div aria-live="polite">
        {phase.at === 'fetching' ? (
          <p className="status info" role="status">
            <progress max={2} value={phase.received} /> {t('fetchingTexts', { done: String(phase.received) })}
          </p>
        ) : null}
        {phase.at === 'comparing' ? (
          <p className="status info" role="status">
            {t('comparing')}
          </p>
        ) : null}
      </div>
      {phase.at === 'error' ? (
        <ErrorNote lang={lang} error={phase.error} onRetry={() => void compare()} />
      ) : null}
      {phase.at === 'done' ? (
        <div data-redline="">
          <p className="meta">
            {phase.names[0]} → {phase.names[1]}
          </p>
          <RedlineView redline={phase.redline} lang={lang} />
        </div>
      ) : null}
    </section>
  );
}
