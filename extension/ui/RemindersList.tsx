import type { DueReminder } from '../registry/client';
import { type Language, type MessageKey, translate } from './i18n';

const KNOWN_KINDS = ['expiry', 'renewal_notice', 'payment', 'obligation'];

/** "Expires on 2025-03-31", in the user's language, for any kind of reminder. */
export function describeReminder(lang: Language, r: Pick<DueReminder, 'kind' | 'dueDate'>): string {
  const key = (KNOWN_KINDS.includes(r.kind) ? `reminder.${r.kind}` : 'reminder.other') as MessageKey;
  return translate(lang, key, { date: r.dueDate });
}

/** The reminders that are due, soonest first; each opens its contract. */
export function RemindersList(props: {
  lang: Language;
  reminders: DueReminder[];
  onOpen?: (contractId: string) => void;
}) {
  const sorted = [...props.reminders].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <section className="reminders" aria-label={translate(props.lang, 'remindersTitle')}>
      <h2>{translate(props.lang, 'remindersTitle')}</h2>
      <ul>
        {sorted.map((r) => (
          <li className="card" key={r.id} data-reminder={r.id}>
            <div className="name">
              {props.onOpen ? (
                <button type="button" className="link" onClick={() => props.onOpen?.(r.contractId)}>
                  {r.number}
                </button>
              ) : (
                r.number
              )}{' '}
              · {r.title}
            </div>
            <div className="status warning">{describeReminder(props.lang, r)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
