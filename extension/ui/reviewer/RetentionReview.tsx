import { contractTypeName } from '@shared/contract-type-names';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { type Language, type MessageKey, translate } from '../i18n';
import { ErrorNote } from './ErrorNote';
import { formatDate, formatDateTime } from './format';
import { useLoad } from './load';
import { PersonName, translateWith } from './people';
import type { DestructionDecision, DestructionOutcome, RetentionDueItem } from './types';

export interface RetentionReviewProps {
  lang: Language;
  retentionDue(): Promise<RetentionDueItem[]>;
  decideDestruction(contractId: string, decision: DestructionDecision): Promise<DestructionOutcome>;
  onOpen(contractId: string): void;
}

const DEFAULT_YEARS = 2;

function DueContract({
  lang,
  item,
  decideDestruction,
  onDecided,
  onOpen,
}: {
  lang: Language;
  item: RetentionDueItem;
  decideDestruction: RetentionReviewProps['decideDestruction'];
  onDecided(outcome: DestructionOutcome): void;
  onOpen(contractId: string): void;
}) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const c = item.contract;
  const [years, setYears] = useState(String(DEFAULT_YEARS));
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const n = Number(years);
  const validYears = Number.isInteger(n) && n >= 1 && n <= 100;
  const decide = async (decision: DestructionDecision) => {
    setBusy(true);
    setError(null);
    try {
      onDecided(await decideDestruction(c.id, decision));
    } catch (err) {
      setError(err);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const note = comment.trim() ? { comment: comment.trim() } : {};
  return (
    <li className="card due" data-due={c.id} data-held={item.legalHold ? '' : undefined}>
      <div className="name">
        {c.number} · {c.title}
      </div>
      <div className="meta">
        {[
          contractTypeName(c.type, lang),
          c.department,
          t(`status.${c.status}` as MessageKey),
          c.expiryDate ? `${t('expiryDateLabel')} ${formatDate(c.expiryDate, lang)}` : null,
          t('retentionUntilLabel', { date: formatDate(item.retentionUntil, lang) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {item.legalHold ? (
        <div className="banner hold" role="note" data-legal-hold="">
          {translateWith(
            lang,
            'legalHold',
            { reason: item.legalHold.reason, at: formatDateTime(item.legalHold.at, lang) },
            { by: <PersonName lang={lang} id={item.legalHold.by} /> },
          )}{' '}
          {t('heldCannotDestroy')}
        </div>
      ) : null}
      <div className="row">
        <button type="button" className="secondary open" onClick={() => onOpen(c.id)}>
          {t('open')}
        </button>
      </div>
      <label htmlFor={`${id}-comment`}>{t('decisionComment')}</label>
      <input
        id={`${id}-comment`}
        className="title"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="row">
        <label className="inline" htmlFor={`${id}-years`}>
          {t('yearsLabel')}
        </label>
        <input
          id={`${id}-years`}
          type="number"
          min={1}
          max={100}
          step={1}
          className="years"
          value={years}
          onChange={(e) => setYears(e.target.value)}
        />
        <button
          type="button"
          data-keep=""
          disabled={busy || !validYears}
          onClick={() => void decide({ decision: 'keep', years: n, ...note })}
        >
          {t('keepYears', { years: validYears ? String(n) : 'N' })}
        </button>
        {item.legalHold ? null : (
          <button
            type="button"
            className="danger"
            data-destroy=""
            disabled={busy || confirming}
            onClick={() => setConfirming(true)}
          >
            {t('destroyDocuments')}
          </button>
        )}
      </div>
      {confirming && !item.legalHold ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`} data-confirm="">
          <p id={`${id}-confirm`}>{t('destroyConfirm', { number: c.number })}</p>
          <div className="row">
            <button
              type="button"
              className="danger"
              data-destroy-confirm=""
              disabled={busy}
              onClick={() => void decide({ decision: 'destroy', ...note })}
            >
              {t('destroyForGood')}
            </button>
            <button
              type="button"
              className="secondary"
              // biome-ignore lint/a11y/noAutofocus: the safe choice gets the focus in a confirmation
              autoFocus
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? <ErrorNote lang={lang} error={error} /> : null}
    </li>
  );
}

function outcomeText(lang: Language, o: DestructionOutcome): string {
  if (o.decision === 'destroy') {
    return translate(lang, 'destroyedOutcome', {
      number: o.contract.number,
      files: String(o.removedFiles ?? o.destroyedVersions?.length ?? 0),
    });
  }
  const until = o.contract.retentionUntil;
  return translate(lang, 'keptOutcome', {
    number: o.contract.number,
    date: until ? formatDate(until, lang) : '—',
  });
}

/** The contracts whose retention has run out, each to keep longer or to have its documents destroyed. */
export function RetentionReview({ lang, retentionDue, decideDestruction, onOpen }: RetentionReviewProps) {
  const t = (k: MessageKey) => translate(lang, k);
  const load = useCallback(() => retentionDue(), [retentionDue]);
  const { result, reload } = useLoad(load);
  const [outcomes, setOutcomes] = useState<DestructionOutcome[]>([]);
  // The decided contract leaves the list: the focus goes to what was done rather than to the page's top.
  const newest = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcomes.length > 0) newest.current?.focus();
  }, [outcomes]);
  const decided = new Set(outcomes.map((o) => o.contract.id));
  const onDecided = (o: DestructionOutcome) => {
    setOutcomes((list) => [o, ...list]);
  };
  const items = result.state === 'done' ? result.data.filter((i) => !decided.has(i.contract.id)) : [];
  return (
    <main data-retention="">
      <h1>{t('retentionTitle')}</h1>
      <p className="meta">{t('retentionIntro')}</p>
      <button type="button" className="secondary" onClick={reload}>
        {t('refresh')}
      </button>
      <div aria-live="polite">
        {outcomes.map((o, i) => (
          <p
            key={o.contract.id}
            ref={i === 0 ? newest : undefined}
            tabIndex={-1}
            className="status success"
            role="status"
            data-outcome={o.decision}
          >
            {outcomeText(lang, o)}
          </p>
        ))}
      </div>
      {result.state === 'loading' ? <p className="meta">{t('loading')}</p> : null}
      {result.state === 'error' ? <ErrorNote lang={lang} error={result.error} onRetry={reload} /> : null}
      {result.state === 'done' && items.length === 0 ? <p className="meta">{t('retentionEmpty')}</p> : null}
      <ul>
        {items.map((item) => (
          <DueContract
            key={item.contract.id}
            lang={lang}
            item={item}
            decideDestruction={decideDestruction}
            onDecided={onDecided}
            onOpen={onOpen}
          />
        ))}
      </ul>
    </main>
  );
}
