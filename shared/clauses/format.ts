/**
 * Display of variable values in the clause's language: money (`人民币 100,000.00 元`, `USD 100,000.00`),
 * dates (`2024年3月1日`, `1 March 2024`) and numbers. Money figures come from `@shared/money` (digit strings,
 * no floats).
 */
import { formatFigure } from '@shared/money/figure-amount';
import type { ClauseLanguage, MoneyValue } from '@shared/schemas/clause';

/** Chinese names of the currencies a contract usually names; others are shown by their code. */
const ZH_CURRENCY_NAMES: Record<string, string> = {
  CNY: '人民币',
  USD: '美元',
  EUR: '欧元',
  HKD: '港币',
  JPY: '日元',
  GBP: '英镑',
  MOP: '澳门元',
  TWD: '新台币',
  SGD: '新加坡元',
  AUD: '澳元',
  CAD: '加元',
  CHF: '瑞士法郎',
  KRW: '韩元',
};

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function formatMoney(value: MoneyValue, language: ClauseLanguage): string {
  const amount = formatFigure(value.value, value.currency, '0,000.00');
  if (language === 'zh-CN') {
    const name = ZH_CURRENCY_NAMES[value.currency];
    return name ? `${name} ${amount} 元` : `${value.currency} ${amount}`;
  }
  return `${value.currency} ${amount}`;
}

/** `2024-03-01` → `2024年3月1日` / `1 March 2024`. The input is assumed valid. */
export function formatDate(isoDate: string, language: ClauseLanguage): string {
  const [y, m, d] = isoDate.split('-').map((part) => Number(part));
  if (!y || !m || !d) return isoDate;
  if (language === 'zh-CN') return `${y}年${m}月${d}日`;
  return `${d} ${EN_MONTHS[m - 1] ?? m} ${y}`;
}

export function formatNumber(value: number, language: ClauseLanguage): string {
  return new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 }).format(
    value,
  );
}
