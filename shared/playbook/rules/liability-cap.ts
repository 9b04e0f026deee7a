/**
 * liability-cap: a cap on liability compared with the contract amount. The cap is read from a capping
 * sentence as a percentage (合同总价的20%) or an amount (¥50,000); the contract amount is the first amount
 * of a sentence that states it. Caps stated any other way (fees paid in the last 12 months) are left alone.
 */

import { formatFigure } from '@shared/money/figure-amount';
import { type AmountMention, findAmounts } from '@shared/money/find-amounts';
import { findRates } from '../facts/quantities';
import { sentenceRanges } from '../facts/sentences';
import { compileAny, test } from '../patterns';
import { type DocumentFinding, defineCompiled, type RuleKind } from '../types';

interface Cap {
  start: number;
  end: number;
  ratio?: number;
  amount?: { value: number; currency: string | null };
  shown: string;
}

interface Facts {
  caps: Cap[];
  contract?: { value: number; currency: string | null };
}

const OF_CONTRACT = /合同|协议|价款|总价|总额|金额|price|fees?|amount|consideration/i;

function originalRange(
  p: { matching: { toOriginalRange(s: number, e: number): [number, number] } },
  s: number,
  e: number,
) {
  return p.matching.toOriginalRange(s, e);
}

export const liabilityCapKind: RuleKind<'liability-cap'> = {
  kind: 'liability-cap',
  compile(rule) {
    const capSentence = compileAny(rule.sentence, rule);
    const contractSentence = compileAny(rule.contractAmount, rule);
    return defineCompiled<Facts>({
      rule,
      scan(p) {
        const text = p.matching.text;
        const isCap = capSentence !== null && test(capSentence, text);
        const isContract = contractSentence !== null && test(contractSentence, text);
        if (!isCap && !isContract) return undefined;
        const facts: Facts = { caps: [] };
        for (const [s, e] of sentenceRanges(text)) {
          const piece = text.slice(s, e);
          if (isContract && !facts.contract && contractSentence && test(contractSentence, piece)) {
            const amount: AmountMention | undefined = findAmounts(piece)[0];
            if (amount) facts.contract = { value: amount.value, currency: amount.currency };
          }
          if (!isCap || !capSentence || !test(capSentence, piece)) continue;
          // 合同总价的20% / 20% of the total contract price: the share must be of the contract amount.
          const rate = findRates(piece).find(
            (r) =>
              r.period === null &&
              (OF_CONTRACT.test(piece.slice(Math.max(0, r.start - 20), r.start)) ||
                OF_CONTRACT.test(piece.slice(r.end, r.end + 40))),
          );
          if (rate) {
            const [start, end] = originalRange(p, s + rate.start, s + rate.end);
            facts.caps.push({ start, end, ratio: rate.percent / 100, shown: `${rate.percent}%` });
            continue;
          }
          const amount = findAmounts(piece)[0];
          if (amount) {
            const [start, end] = originalRange(p, s + amount.start, s + amount.end);
            facts.caps.push({
              start,
              end,
              amount: { value: amount.value, currency: amount.currency },
              shown: amount.text,
            });
          }
        }
        return facts.caps.length > 0 || facts.contract ? { facts } : undefined;
      },
      evaluate(doc) {
        const contract = doc.facts.find((f) => f?.contract)?.contract;
        const out: DocumentFinding[] = [];
        doc.facts.forEach((f, paragraph) => {
          for (const cap of f?.caps ?? []) {
            let ratio = cap.ratio;
            if (ratio === undefined && cap.amount && contract && contract.value > 0) {
              if (cap.amount.currency !== contract.currency) continue;
              ratio = cap.amount.value / contract.value;
            }
            if (ratio === undefined) continue;
            const low = rule.minRatio !== undefined && ratio < rule.minRatio;
            const high = rule.maxRatio !== undefined && ratio > rule.maxRatio;
            if (!low && !high) continue;
            const limit = low ? rule.minRatio : rule.maxRatio;
            out.push({
              paragraph,
              start: cap.start,
              end: cap.end,
              params: {
                value: `${Math.round(ratio * 1000) / 10}%`,
                limit: `${Math.round((limit ?? 0) * 1000) / 10}%`,
                contract: contract
                  ? formatFigure(contract.value, contract.currency ?? 'CNY', '0,000.00')
                  : '',
              },
            });
          }
        });
        return out;
      },
    });
  },
};
