import { useCallback } from 'react';
import { type Language, type MessageKey, translate } from '../i18n';
import { SectionError } from './ErrorNote';
import { formatDate, formatMoney, formatRate } from './format';
import { useLoad } from './load';
import type { PaymentCollection } from './types';

export interface PaymentsProps {
  lang: Language;
  contractId: string;
  revision: number;
  payments(contractId: string): Promise<PaymentCollection>;
}

/** What is contracted, received and overdue, milestone by milestone, and the payments received. */
export function Payments({ lang, contractId, revision, payments }: PaymentsProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision reads the payments again
  const load = useCallback(() => payments(contractId), [payments, contractId, revision]);
  const { result, reload } = useLoad(load);
  if (result.state === 'loading') return <p className="meta">{t('loading')}</p>;
  if (result.state === 'error') return <SectionError lang={lang} error={result.error} onRetry={reload} />;
  const { totals, milestones, payments: received } = result.data;
  if (totals.length === 0 && milestones.length === 0 && received.length === 0) {
    return <p className="meta">{t('noPayments')}</p>;
  }
  return (
    <>
      {totals.map((x) => (
        <p key={x.currency} data-totals={x.currency}>
          {t('paymentTotals', {
            contracted: formatMoney(x.contracted, x.currency, lang),
            received: formatMoney(x.received, x.currency, lang),
            rate: x.collectionRateBp === null ? '—' : formatRate(x.collectionRateBp, lang),
          })}
          {x.overdue > 0 ? (
            <span className="status error">
              {' '}
              {t('overdueAmount', { amount: formatMoney(x.overdue, x.currency, lang) })}
            </span>
          ) : null}
        </p>
      ))}
      {milestones.length > 0 ? (
        <table className="grid">
          <caption>{t('milestonesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('milestone')}</th>
              <th scope="col">{t('dueDate')}</th>
              <th scope="col">{t('amountLabel')}</th>
              <th scope="col">{t('paid')}</th>
              <th scope="col">{t('outstanding')}</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m) => {
              const currency = m.amount?.currency ?? totals[0]?.currency ?? 'CNY';
              return (
                <tr key={m.id} className={m.overdue ? 'overdue' : ''}>
                  <th scope="row">{m.label}</th>
                  <td>{m.dueDate ? formatDate(m.dueDate, lang) : '—'}</td>
                  <td className="num">
                    {m.amount ? formatMoney(m.amount.value, m.amount.currency, lang) : '—'}
                  </td>
                  <td className="num">{formatMoney(m.paid, currency, lang)}</td>
                  <td className="num">
                    {formatMoney(m.outstanding, currency, lang)}
                    {m.overdue ? ` · ${t('overdue')}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {received.length > 0 ? (
        <table className="grid">
          <caption>{t('paymentsReceived')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('receivedDate')}</th>
              <th scope="col">{t('amountLabel')}</th>
              <th scope="col">{t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {received.map((p) => (
              <tr key={p.id} data-payment={p.id}>
                <td>{formatDate(p.receivedDate, lang)}</td>
                <td className="num">{formatMoney(p.amount.value, p.amount.currency, lang)}</td>
                <td>{p.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
