import { daysBetween } from './calendar-date';
import type { CalendarEvent } from './ical';
import type { ReminderKind } from './reminder-dates';
import type { ReminderView } from './reminder-list';

export type FeedLanguage = 'zh' | 'en';

const KIND_LABELS: Record<ReminderKind, { zh: string; en: string }> = {
  expiry: { zh: '合同到期', en: 'Contract expires' },
  renewal_notice: { zh: '续约通知截止', en: 'Renewal notice deadline' },
  payment: { zh: '付款节点', en: 'Payment due' },
  obligation: { zh: '合同义务', en: 'Obligation due' },
};

export const feedName = (lang: FeedLanguage) =>
  lang === 'zh' ? 'Pactfile 合同提醒' : 'Pactfile contract reminders';

/** One all-day event per reminder, worded in the subscriber's language. */
export function reminderEvents(
  reminders: ReminderView[],
  lang: FeedLanguage,
  baseUrl: string,
): CalendarEvent[] {
  return reminders
    .filter((r) => r.state !== 'done')
    .map((r) => {
      const kind = KIND_LABELS[r.kind][lang];
      const detail = r.label ? `${r.label} · ` : '';
      const description =
        lang === 'zh'
          ? `${kind}：${detail}${r.contractTitle}\n合同编号：${r.contractNumber}\n到期日：${r.dueDate}`
          : `${kind}: ${detail}${r.contractTitle}\nContract number: ${r.contractNumber}\nDue: ${r.dueDate}`;
      return {
        uid: `${r.id}@pactfile`,
        date: r.dueDate,
        summary: `${kind}${lang === 'zh' ? '：' : ': '}${r.contractNumber} ${detail}${r.contractTitle}`,
        description,
        url: `${baseUrl}/contracts/${encodeURIComponent(r.contractId)}`,
        alarmDaysBefore: Math.max(0, daysBetween(r.remindDate, r.dueDate)),
      };
    });
}
