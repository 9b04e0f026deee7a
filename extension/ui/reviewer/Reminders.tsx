import { useCallback } from 'react';
import { type Language, type MessageKey, translate } from '../i18n';
import { SectionError } from './ErrorNote';
import { formatDate } from './format';
import { useLoad } from './load';
import { PersonName } from './people';
import type { ContractReminder, Obligation } from './types';

export interface RemindersProps {
  lang: Language;
  contractId: string;
  revision: number;
  contractReminders(contractId: string): Promise<ContractReminder[]>;
  obligations(contractId: string): Promise<Obligation[]>;
}

const KINDS = ['expiry', 'renewal_notice', 'payment', 'obligation'];

/** The contract's reminders (expiry, renewal notice, payments, obligations) and its custom obligations. */
export function Reminders({ lang, contractId, revision, contractReminders, obligations }: RemindersProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision reads the reminders again
  const load = useCallback(
    () => Promise.all([contractReminders(contractId), obligations(contractId)]),
    [contractReminders, obligations, contractId, revision],
  );
  const { result, reload } = useLoad(load);
  if (result.state === 'loading') return <p className="meta">{t('loading')}</p>;
  if (result.state === 'error') return <SectionError lang={lang} error={result.error} onRetry={reload} />;
  const [reminders, owed] = result.data;
  if (reminders.length === 0 && owed.length === 0) return <p className="meta">{t('noReminders')}</p>;
  return (
    <>
      <ul>
        {reminders.map((r) => (
          <li key={r.id} className={`card reminder ${r.state}`} data-reminder={r.id}>
            <div className="name">
              {t(`reminder.${KINDS.includes(r.kind) ? r.kind : 'other'}` as MessageKey, {
                date: formatDate(r.dueDate, lang),
              })}
              {r.label ? ` · ${r.label}` : ''}
            </div>
            <div className="meta">
              {t(`reminderState.${r.state}`)} · {t('remindFrom', { date: formatDate(r.remindDate, lang) })}
            </div>
          </li>
        ))}
      </ul>
      {owed.length > 0 ? (
        <>
          <h3>{t('obligationsTitle')}</h3>
          <ul>
            {owed.map((o) => (
              <li key={o.id} className="card" data-obligation={o.id}>
                <div className="name">{o.title}</div>
                <div className="meta">
                  {t('obligationDue', {
                    date: formatDate(o.dueDate, lang),
                    days: String(o.remindDaysBefore),
                  })}
                  {o.owner ? (
                    <>
                      {' · '}
                      {t('ownerLabel')}
                      {lang === 'zh-CN' ? '：' : ': '}
                      <PersonName lang={lang} id={o.owner} />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
