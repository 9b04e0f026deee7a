import { useState } from 'react';
import type { LocalizedMessage } from '../queue/types';
import type { DueReminder } from '../registry/client';
import { type Language, localized, type MessageKey, translate } from './i18n';

const KNOWN_KINDS = ['expiry', 'renewal_notice', 'payment', 'obligation'];

/** "Expires on 2025-03-31", in the user's language, for any kind of reminder. */
export function describeReminder(lang: Language, r: Pick<DueReminder, 'kind' | 'dueDate'>): string {
  const key = (KNOWN_KINDS.includes(r.kind) ? `reminder.${r.kind}` : 'reminder.other') as MessageKey;
  return translate(lang, key, { date: r.dueDate });
}

/**
 * The reminders that are due, soonest first, under a heading that counts them; each opens its contract,
 * and "Done" marks it done (it leaves the list once the registry has it).
 */
export function RemindersList(props: {
  lang: Language;
  reminders: DueReminder[];
  onOpen?: (contractId: string) => void;
  /** Marks a reminder done; answers why it could not, or null. */
  onDone?: (reminder: DueReminder) => Promise<LocalizedMessage | null>;
}) {
  const { lang } = props;
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<string, LocalizedMessage>>(new Map());
  const sorted = [...props.reminders].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const done = async (r: DueReminder) => {
    if (!props.onDone) return;
    setPending((p) => new Set(p).add(r.id));
    const error = await props.onDone(r).catch(
      (err: unknown): LocalizedMessage => ({
        code: 'unexpected',
        zh: `意外错误：${String(err)}`,
        en: `Unexpected error: ${String(err)}`,
      }),
    );
    setPending((p) => new Set([...p].filter((id) => id !== r.id)));
    setErrors((e) => {
      const next = new Map(e);
      if (error) next.set(r.id, error);
      else next.delete(r.id);
      return next;
    });
  };
  return (
    <section className="reminders" aria-label={translate(lang, 'remindersTitle')}>
      <h2 data-reminders-due={sorted.length}>
        {translate(lang, 'remindersDueCount', { count: String(sorted.length) })}
      </h2>
      <ul>
        {sorted.map((r) => {
          const error = errors.get(r.id);
          return (
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
              <div className="status warning">{describeReminder(lang, r)}</div>
              {props.onDone ? (
                <button
                  type="button"
                  className="secondary done"
                  disabled={pending.has(r.id)}
                  onClick={() => void done(r)}
                >
                  {translate(lang, 'reminderDone')}
                </button>
              ) : null}
              {error ? (
                <div className="status error" role="alert">
                  {translate(lang, 'reminderDoneFailed', { error: localized(lang, error) })}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
