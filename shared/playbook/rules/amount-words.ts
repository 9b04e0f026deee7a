/**
 * amount-words: an amount written twice, in words and in figures, that disagrees with itself —
 * 人民币壹拾万元整（¥100,000.00）either way round, or "One Hundred Thousand Dollars ($100,000)". Fixes rewrite
 * the words from the figures (first) or the figures from the words.
 */
import { formatChineseUppercaseAmount } from '@shared/money/chinese-uppercase';
import { formatFigure } from '@shared/money/figure-amount';
import { type AmountMention, findFigureAmounts, findUppercaseAmounts } from '@shared/money/find-amounts';
import { formatEnglishInteger } from '@shared/text/english-numerals';
import { findWordAmounts } from '../facts/english-amounts';
import {
  defineCompiled,
  type LocalFinding,
  type LocalFix,
  type ParagraphFacts,
  type RuleKind,
} from '../types';
import { findingAt, fixAt } from './local';

/** What may stand between the two writings of one amount: brackets, 大写/小写 labels, "say". */
const GAP =
  /^[\s()[\]:,、]*(?:(?:大写|小写|即|合计|计|为|金额|人民币|RMB|CNY|i\.e\.|say|namely)[\s()[\]:,、]*)*$/i;
const MAX_GAP = 16;
/** A numeral right before a money unit: worth looking for uppercase amounts. */
const ZH_HINT = /[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億一二两三四五六七八九十百千][元圆圓角分]/;

const LABELS = {
  words: { zh: '按小写金额改写大写', en: 'Rewrite the words from the figures' },
  figures: { zh: '按大写金额改写小写', en: 'Rewrite the figures from the words' },
};

interface Words {
  start: number;
  end: number;
  wordsStart: number;
  wordsEnd: number;
  value: number;
  currency: string;
  text: string;
  rewrite(value: number): string | null;
}

function nearestFigure(text: string, words: Words, figures: AmountMention[]): AmountMention | null {
  let best: AmountMention | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const f of figures) {
    const gapText =
      f.start >= words.end
        ? text.slice(words.end, f.start)
        : f.end <= words.start
          ? text.slice(f.end, words.start)
          : null;
    if (gapText === null || gapText.length > MAX_GAP || !GAP.test(gapText)) continue;
    if (f.currency !== null && f.currency !== words.currency) continue;
    if (gapText.length < bestGap) {
      best = f;
      bestGap = gapText.length;
    }
  }
  return best;
}

export const amountWordsKind: RuleKind<'amount-words'> = {
  kind: 'amount-words',
  compile(rule) {
    const wordsIn = (text: string): Words[] => {
      if (rule.script === 'zh-uppercase') {
        return findUppercaseAmounts(text).map((u) => ({
          start: u.start,
          end: u.end,
          wordsStart: u.start,
          wordsEnd: u.end,
          value: u.value,
          currency: 'CNY',
          text: u.text,
          rewrite: (v) => formatChineseUppercaseAmount(v),
        }));
      }
      return findWordAmounts(text).map((w) => ({
        ...w,
        text: text.slice(w.start, w.end),
        rewrite: (v) => (w.hasCents || v % 100 !== 0 ? null : formatEnglishInteger(v / 100)),
      }));
    };

    return defineCompiled<unknown>({
      rule,
      scan(p: ParagraphFacts) {
        const text = p.matching.text;
        if (rule.script === 'zh-uppercase' ? !ZH_HINT.test(text) : !/\d/.test(text)) return undefined;
        const words = wordsIn(text);
        if (words.length === 0) return undefined;
        const figures = findFigureAmounts(text, true);
        const findings: LocalFinding[] = [];
        for (const w of words) {
          const f = nearestFigure(text, w, figures);
          if (!f || f.value === w.value) continue;
          const fixes: LocalFix[] = [];
          const reading = w.rewrite(f.value);
          if (reading !== null) fixes.push(fixAt(p, w.wordsStart, w.wordsEnd, reading, LABELS.words));
          if (!f.scaled) {
            const figure = formatFigure(w.value, w.currency, text.slice(f.numberStart, f.numberEnd));
            fixes.push(fixAt(p, f.numberStart, f.numberEnd, figure, LABELS.figures));
          }
          findings.push(
            findingAt(p, Math.min(w.start, f.start), Math.max(w.end, f.end), {
              params: { words: w.text, figure: f.text, expected: reading ?? '' },
              fixes,
            }),
          );
        }
        return findings.length > 0 ? { findings } : undefined;
      },
    });
  },
};
