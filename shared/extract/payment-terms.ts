import { durationInDays, findDurations } from './durations';

/** When and how payment is due, read from the first payment clause. */
export interface PaymentTerms {
  /** Days allowed to pay (after invoice, delivery or acceptance); null when the clause names no period. */
  dueDays: number | null;
  /** `[start, end)` of the clause's sentence in the text searched. */
  start: number;
  end: number;
}

// "within thirty (30) days after receipt of invoice", "net 30", "收到发票后30日内支付"
const EN_PAYMENT =
  /\b(?:pay(?:able|ment)?|paid|remit(?:ted)?|invoices?)\b[^.;]{0,160}?\bwithin\s+((?:\w+[\s-]+)?(?:\(\s*\d+\s*\)\s*)?(?:\d+\s*)?(?:business\s+|calendar\s+)?days?)\b|\bnet\s+(\d{1,3})\b(?:\s+days)?/gi;
const ZH_PAYMENT =
  /(?:收到|开具|提交|验收|交付|签订)[^。；]{0,20}?(?:后|之日起)\s*([\d一二三四五六七八九十百]{1,4}\s*(?:个)?\s*(?:工作)?\s*[日天])\s*内[^。；]{0,20}(?:支付|付清|付款|结清)/;
const ZH_PAYMENT_CLAUSE = /(?:付款|支付)(?:方式|条件|期限)/;

function sentenceAround(text: string, index: number, end: number): { start: number; end: number } {
  const start = Math.max(0, ...['. ', '。', '\n', ';', '；'].map((p) => text.lastIndexOf(p, index) + 1));
  const ends = ['. ', '。', '\n', '；'].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
  return { start, end: Math.min(text.length, end + 300, ...ends.map((i) => i + 1)) };
}

/** The payment terms of a contract, or null when it has no recognisable payment clause. */
export function findPaymentTerms(text: string): PaymentTerms | null {
  const zh = ZH_PAYMENT.exec(text);
  if (zh) {
    const d = findDurations(zh[1] ?? '')[0];
    return {
      dueDays: d ? durationInDays(d) : null,
      ...sentenceAround(text, zh.index, zh.index + zh[0].length),
    };
  }
  for (const m of text.matchAll(EN_PAYMENT)) {
    const days =
      m[2] !== undefined
        ? Number(m[2])
        : (() => {
            const d = findDurations(m[1] ?? '')[0];
            return d ? durationInDays(d) : null;
          })();
    if (days === null) continue;
    return { dueDays: days, ...sentenceAround(text, m.index, m.index + m[0].length) };
  }
  const clause = ZH_PAYMENT_CLAUSE.exec(text);
  return clause
    ? { dueDays: null, ...sentenceAround(text, clause.index, clause.index + clause[0].length) }
    : null;
}
