import { type Language, type MessageKey, translate } from '../i18n';
import { ErrorNote } from './ErrorNote';
import { formatDateTime, formatMoney } from './format';
import type { Loaded } from './load';
import { PersonName } from './people';
import type { InboxItem } from './types';

export interface InboxProps {
  lang: Language;
  result: Loaded<InboxItem[]>;
  reload(): void;
  onOpen(contractId: string): void;
}

/** The approval steps waiting for the signed-in user's decision, oldest first. */
export function Inbox({ lang, result, reload, onOpen }: InboxProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  return (
    <main data-inbox="">
      <h1>{t('inboxTitle')}</h1>
      <button type="button" className="secondary" onClick={reload}>
        {t('refresh')}
      </button>
      {result.state === 'loading' ? <p className="meta">{t('loading')}</p> : null}
      {result.state === 'error' ? <ErrorNote lang={lang} error={result.error} onRetry={reload} /> : null}
      {result.state === 'done' && result.data.length === 0 ? <p className="meta">{t('inboxEmpty')}</p> : null}
      {result.state === 'done' ? (
        <ul>
          {[...result.data]
            .sort((a, b) => a.step.createdAt.localeCompare(b.step.createdAt))
            .map(({ contract: c, step }) => (
              <li key={step.id} className="card" data-inbox-item={c.id}>
                <div className="name">
                  {c.number} · {c.title}
                </div>
                <div className="meta">
                  {[
                    t('inboxStep', { step: step.name }),
                    c.amount ? formatMoney(c.amount.value, c.amount.currency, lang) : null,
                    c.counterparty.map((p) => p.name).join(', ') || null,
                    t('waitingSince', { at: formatDateTime(step.createdAt, lang) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {c.owner ? (
                    <>
                      {' · '}
                      {t('ownerLabel')}: <PersonName lang={lang} id={c.owner} />
                    </>
                  ) : null}
                </div>
                <button type="button" className="open" onClick={() => onOpen(c.id)}>
                  {t('reviewAndDecide')}
                </button>
              </li>
            ))}
        </ul>
      ) : null}
    </main>
  );
}
