import type { Contract } from '@shared/schemas/contract';
import { useEffect, useId, useRef, useState } from 'react';
import { type Language, type MessageKey, translate } from '../i18n';
import { ErrorNote } from './ErrorNote';

export interface LegalHoldActionsProps {
  lang: Language;
  held: boolean;
  place(reason: string): Promise<Contract>;
  lift(): Promise<Contract>;
  /** Told the contract as the registry answered it, hold placed or lifted. */
  onChanged(contract: Contract): void;
}

/** Places a legal hold (with its reason) or lifts it: for legal and administrators. */
export function LegalHoldActions({ lang, held, place, lift, onChanged }: LegalHoldActionsProps) {
  const t = (k: MessageKey) => translate(lang, k);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<MessageKey | null>(null);
  const id = useId();
  const placeButton = useRef<HTMLButtonElement>(null);
  // Cancelling the form gives the focus back to the button that opened it.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || asking) return;
    placeButton.current?.focus();
    setRefocus(false);
  }, [refocus, asking]);
  const run = async (call: () => Promise<Contract>, said: MessageKey) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const contract = await call();
      setAsking(false);
      setReason('');
      setDone(said);
      onChanged(contract);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    const text = reason.trim();
    setMissing(!text);
    if (text) void run(() => place(text), 'holdPlaced');
  };
  return (
    <div className="hold-actions" data-hold-actions="">
      {held ? (
        <button
          type="button"
          className="secondary"
          data-lift-hold=""
          disabled={busy}
          onClick={() => void run(lift, 'holdLifted')}
        >
          {t('liftHold')}
        </button>
      ) : null}
      {!held && !asking ? (
        <button
          type="button"
          className="secondary"
          data-place-hold=""
          ref={placeButton}
          onClick={() => {
            setAsking(true);
            setDone(null);
          }}
        >
          {t('placeHold')}
        </button>
      ) : null}
      {!held && asking ? (
        <form
          className="hold-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={id}>{t('holdReason')}</label>
          <textarea
            id={id}
            name="reason"
            rows={2}
            // biome-ignore lint/a11y/noAutofocus: the field the reader just asked for
            autoFocus
            value={reason}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${id}-missing` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {missing ? (
            <p id={`${id}-missing`} className="status error">
              {t('holdReasonNeeded')}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" disabled={busy}>
              {t('confirmHold')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                setAsking(false);
                setRefocus(true);
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <div aria-live="polite">
        {done ? (
          <p className="status success" role="status">
            {t(done)}
          </p>
        ) : null}
      </div>
      {error ? <ErrorNote lang={lang} error={error} /> : null}
    </div>
  );
}
