import type { ContractPatch } from '@shared/schemas/contract';
import { useEffect, useRef, useState } from 'react';
import type { VersionAnalysis } from '../registry/client';
import { waitForAnalysis } from '../registry/poll-analysis';
import { type Language, type MessageKey, translate } from './i18n';
import { patchFrom, type SuggestedField, type SuggestionForm, suggestionsFrom } from './suggestions';

export interface SuggestedFieldsProps {
  lang: Language;
  contractId: string;
  versionId: string;
  number: string;
  loadAnalysis(contractId: string, versionId: string): Promise<VersionAnalysis>;
  saveContract(contractId: string, patch: ContractPatch): Promise<void>;
  /** The user saved or dismissed the suggestions: not to be offered again for this version. */
  onSettled?(versionId: string): void;
  /** Waits between looks at the analysis (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

type Phase =
  | { kind: 'reading' }
  | { kind: 'pending' | 'no_text' | 'none' }
  | { kind: 'form'; form: SuggestionForm; offered: SuggestedField[] }
  | { kind: 'saved' }
  | { kind: 'dismissed' }
  | { kind: 'error'; message: string };

/**
 * After a document is filed: the fields the registry read from it, to correct and confirm. Only the fields
 * left ticked are written to the contract.
 */
export function SuggestedFields(props: SuggestedFieldsProps) {
  const { lang, contractId, versionId } = props;
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [accepted, setAccepted] = useState<Set<SuggestedField>>(new Set());
  const [problem, setProblem] = useState<MessageKey | null>(null);
  // Kept in a ref: a parent passing new functions on each render must not start the polling again.
  const io = useRef(props);
  io.current = props;

  useEffect(() => {
    let cancelled = false;
    waitForAnalysis(() => io.current.loadAnalysis(contractId, versionId), {
      sleep: io.current.sleep,
      cancelled: () => cancelled,
    })
      .then((analysis) => {
        if (cancelled) return;
        if (analysis.status !== 'done') return setPhase({ kind: analysis.status });
        if (!analysis.metadata) return setPhase({ kind: 'none' });
        const { form, offered } = suggestionsFrom(analysis.metadata);
        setAccepted(new Set(offered));
        setPhase(offered.length > 0 ? { kind: 'form', form, offered } : { kind: 'none' });
      })
      .catch((err: unknown) => {
        if (!cancelled)
          setPhase({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      cancelled = true;
    };
  }, [contractId, versionId]);

  const box = (children: React.ReactNode, state: string) => (
    <section className="suggestions" data-suggestions={state} aria-label={t('suggestTitle')}>
      <div className="meta">{t('suggestTitle')}</div>
      {children}
    </section>
  );
  switch (phase.kind) {
    case 'dismissed':
      return null;
    case 'reading':
      return box(<div className="status info">{t('suggestReading')}</div>, 'reading');
    case 'pending':
      return box(<div className="status info">{t('suggestPending')}</div>, 'pending');
    case 'no_text':
      return box(<div className="status warning">{t('suggestNoText')}</div>, 'no_text');
    case 'none':
      return box(<div className="status info">{t('suggestNone')}</div>, 'none');
    case 'saved':
      return box(
        <div className="status success" role="status">
          {t('suggestSaved', { number: props.number })}
        </div>,
        'saved',
      );
    case 'error':
      return box(
        <div className="status error" role="alert">
          {phase.message}
        </div>,
        'error',
      );
  }

  const { form, offered } = phase;
  const edit = (changes: Partial<SuggestionForm>) => setPhase({ ...phase, form: { ...form, ...changes } });
  const toggle = (field: SuggestedField, on: boolean) => {
    const next = new Set(accepted);
    if (on) next.add(field);
    else next.delete(field);
    setAccepted(next);
  };
  const use = (field: SuggestedField) => (
    <label className="use">
      <input
        type="checkbox"
        name={`use-${field}`}
        checked={accepted.has(field)}
        onChange={(e) => toggle(field, e.target.checked)}
      />{' '}
      {t('fieldUse')}
    </label>
  );
  const save = async () => {
    const result = patchFrom(form, [...accepted]);
    if ('problem' in result) return setProblem(`problem.${result.problem}`);
    setProblem(null);
    try {
      await io.current.saveContract(contractId, result.patch);
      setPhase({ kind: 'saved' });
      io.current.onSettled?.(versionId);
    } catch (err) {
      setPhase({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  const shown = new Set(offered);
  return box(
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {shown.has('type') ? (
        <div className="row">
          {use('type')}
          <input
            aria-label={t('typeLabel')}
            name="type"
            list="contract-types"
            value={form.type}
            onChange={(e) => edit({ type: e.target.value })}
          />
        </div>
      ) : null}
      {shown.has('counterparty') ? (
        <fieldset>
          <legend>
            {use('counterparty')} {t('partiesLabel')}
          </legend>
          {form.parties.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parties are edited in place, never reordered
            <div className="row" key={i} data-party={i}>
              <input
                aria-label={t('partyName')}
                value={p.name}
                onChange={(e) =>
                  edit({
                    parties: form.parties.map((q, j) => (j === i ? { ...q, name: e.target.value } : q)),
                  })
                }
              />
              <input
                aria-label={t('partyRole')}
                size={8}
                value={p.role}
                onChange={(e) =>
                  edit({
                    parties: form.parties.map((q, j) => (j === i ? { ...q, role: e.target.value } : q)),
                  })
                }
              />
              <button
                type="button"
                className="secondary"
                onClick={() => edit({ parties: form.parties.filter((_, j) => j !== i) })}
              >
                {t('removeParty')}
              </button>
            </div>
          ))}
        </fieldset>
      ) : null}
      {(['effectiveDate', 'expiryDate'] as const)
        .filter((f) => shown.has(f))
        .map((f) => (
          <div className="row" key={f}>
            {use(f)}
            <label>
              {t(`${f}Label`)}{' '}
              <input type="date" name={f} value={form[f]} onChange={(e) => edit({ [f]: e.target.value })} />
            </label>
          </div>
        ))}
      {shown.has('amount') ? (
        <div className="row">
          {use('amount')}
          <input
            aria-label={t('amountLabel')}
            name="amount"
            inputMode="decimal"
            value={form.amount}
            onChange={(e) => edit({ amount: e.target.value })}
          />
          <input
            aria-label={t('currencyLabel')}
            name="currency"
            size={4}
            value={form.currency}
            onChange={(e) => edit({ currency: e.target.value })}
          />
        </div>
      ) : null}
      {problem ? (
        <div className="status error" role="alert">
          {t(problem)}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="confirm" disabled={accepted.size === 0}>
          {t('confirm')}
        </button>
        <button
          type="button"
          className="secondary dismiss"
          onClick={() => {
            setPhase({ kind: 'dismissed' });
            io.current.onSettled?.(versionId);
          }}
        >
          {t('dismiss')}
        </button>
      </div>
    </form>,
    'form',
  );
}
