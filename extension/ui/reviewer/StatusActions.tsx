import type { ContractStatus } from '@shared/schemas/contract';
import { useId, useState } from 'react';
import { type Language, type MessageKey, translate } from '../i18n';
import { ErrorNote } from './ErrorNote';

export interface StatusActionsProps {
  lang: Language;
  status: ContractStatus;
  allowed: readonly ContractStatus[];
  /** False when the signed-in role cannot change statuses (the registry would refuse). */
  mayEdit: boolean;
  transition(to: ContractStatus, comment: string): Promise<void>;
}

/** The contract's status and the moves its lifecycle allows from there, each a button. */
export function StatusActions({ lang, status, allowed, mayEdit, transition }: StatusActionsProps) {
  const t = (k: MessageKey) => translate(lang, k);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const move = async (to: ContractStatus) => {
    setBusy(true);
    setError(null);
    try {
      await transition(to, comment.trim());
      setComment('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="status-actions">
      <p>
        {t('statusLabel')}:{' '}
        <strong className={`badge ${status}`} data-status={status}>
          {t(`status.${status}`)}
        </strong>
      </p>
      {allowed.length === 0 ? <p className="meta">{t('noMoves')}</p> : null}
      {allowed.length > 0 && !mayEdit ? <p className="meta">{t('movesNotYours')}</p> : null}
      {allowed.length > 0 && mayEdit ? (
        <>
          <label htmlFor={id}>{t('moveComment')}</label>
          <input id={id} className="title" value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="row">
            {allowed.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'draft' || to === 'archived' ? 'secondary' : ''}
                data-to={to}
                disabled={busy}
                onClick={() => void move(to)}
              >
                {t(`to.${to}`)}
              </button>
            ))}
          </div>
        </>
      ) : null}
      {status === 'in_review' ? <p className="meta">{t('approvedByApprovers')}</p> : null}
      {error ? <ErrorNote lang={lang} error={error} /> : null}
    </div>
  );
}
