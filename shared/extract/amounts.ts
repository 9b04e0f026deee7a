import { type AmountMention, findAmounts } from '@shared/money';
import type { Money } from '@shared/schemas/common';

/** The contract's total amount, and whether the amount in Chinese words (大写) agrees with the figures. */
export interface ContractAmount {
  amount: Money;
  /** True or false when the contract also writes the amount in 大写 next to the figures; null otherwise. */
  wordsMatch: boolean | null;
  /** `[start, end)` of the amount in the text searched. */
  start: number;
  end: number;
}

// Words that introduce the total value of a contract.
const TOTAL_CUES =
  /合同(?:总)?(?:价款|金额|总价|价格|总额)|(?:总|全部)(?:价款|金额|价格)|总价|价款(?:总计|合计)|(?:服务|技术服务|咨询|租金|许可使用)费(?:用)?(?:总额|总计|合计|共计)|合计|共计|\b(?:total|aggregate)\s+(?:contract\s+)?(?:price|amount|value|consideration|fees?|purchase\s+price|compensation|cost)\b|\bcontract\s+(?:price|sum|value|amount)\b|\bpurchase\s+price\b|\b(?:license|licence|service|consulting|sponsorship|endorsement)\s+fees?\s+of\b|\bin\s+the\s+(?:total\s+)?amount\s+of\b|\bsum\s+of\b/gi;

/** The amount right after a cue: the first figure with a currency, or the first 大写 amount. */
function amountAfter(
  mentions: AmountMention[],
  from: number,
): { figure: AmountMention | null; words: AmountMention | null } {
  const near = mentions.filter((m) => m.start >= from && m.start - from <= 60 && m.value > 0);
  const figure = near.find((m) => m.kind === 'figure' && m.currency !== null) ?? null;
  const words =
    mentions.find(
      (m) =>
        m.kind === 'uppercase' && m.start >= (figure?.end ?? from) && m.start - (figure?.end ?? from) <= 40,
    ) ?? null;
  return { figure, words };
}

/** The total amount of the contract, as integer minor units and ISO 4217 currency; null when none is stated. */
export function findContractAmount(text: string): ContractAmount | null {
  const mentions = findAmounts(text);
  if (mentions.length === 0) return null;
  for (const cue of text.matchAll(TOTAL_CUES)) {
    const { figure, words } = amountAfter(mentions, cue.index + cue[0].length);
    if (figure?.currency) {
      return {
        amount: { value: figure.value, currency: figure.currency },
        wordsMatch: words ? words.value === figure.value : null,
        start: figure.start,
        end: figure.end,
      };
    }
    if (words?.currency) {
      return {
        amount: { value: words.value, currency: words.currency },
        wordsMatch: null,
        start: words.start,
        end: words.end,
      };
    }
  }
  return null;
}
