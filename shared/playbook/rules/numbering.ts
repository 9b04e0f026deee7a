/**
 * numbering: clause numbers that skip or repeat (第一条, 第二条, 第四条…; 1., 2., 2., 3.). Each scheme is
 * followed on its own; a scheme that first appears inside another (（一） under 第X条, 1.1 under 1.) starts
 * over under each new parent. A list that starts again at 1 is a new list, not a repeat.
 */
import { formatChineseInteger } from '@shared/text/chinese-numerals';
import type { Heading, HeadingScheme } from '../facts/headings';
import { type DocumentFinding, defineCompiled, type ParagraphFacts, type RuleKind } from '../types';

/** Schemes whose headings are numbered reliably enough to flag any break, not only small gaps. */
const STRICT: ReadonlySet<HeadingScheme> = new Set(['zh-article', 'zh-chapter']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for number `n` of the heading's scheme written inside running text (not opening a paragraph). */
function inlinePattern(h: Heading, n: number, original: string): RegExp {
  const token = escapeRegExp(writeNumber(h, n, original));
  const digits = escapeRegExp([...h.numbers.slice(0, -1), n].join('.'));
  switch (h.scheme) {
    case 'zh-article':
      return new RegExp(`第(?:${token}|${n})条`);
    case 'zh-chapter':
      return new RegExp(`第(?:${token}|${n})章`);
    case 'zh-list':
      return new RegExp(`(?:^|[。；;\\s])${token}[、.]`);
    case 'zh-paren':
      return new RegExp(`\\(${token}\\)`);
    case 'en-article':
      return new RegExp(`\\bArticle\\s+(?:${n}|${token})\\b`, 'i');
    default:
      return new RegExp(`(?:^|[\\s;:.])(?:Section\\s+)?${digits}\\.?\\s+["(]?[A-Z\\u4e00-\\u9fff]`);
  }
}

function writeNumber(h: Heading, n: number, original: string): string {
  if (h.scheme === 'decimal' || h.scheme === 'en-section') return [...h.numbers.slice(0, -1), n].join('.');
  if (/^\d+$/.test(original)) return String(n);
  if (/^[IVXLC]+$/.test(original)) return original; // Roman numerals: leave to the author
  return formatChineseInteger(n);
}

export const numberingKind: RuleKind<'numbering'> = {
  kind: 'numbering',
  compile(rule) {
    const schemes = new Set<HeadingScheme>(rule.schemes);
    /** Results per structure, when they were found from the headings alone (no look into running text). */
    const cache = new WeakMap<object, DocumentFinding[]>();
    return defineCompiled<unknown>({
      rule,
      evaluate(doc) {
        const cached = cache.get(doc.structure);
        if (cached) return cached;
        let readText = false;
        const out: DocumentFinding[] = [];
        const order: HeadingScheme[] = [];
        /** Per scheme, the last number seen under each parent path ("3" → last child of 3), and where. */
        const last = new Map<HeadingScheme, Map<string, { n: number; index: number }>>();
        /** Do the missing numbers sit inside the text between two headings (a document run together)? */
        const missingInline = (
          h: Heading,
          written: string,
          from: number,
          to: number,
          first: number,
          stop: number,
        ) => {
          readText = true;
          for (let k = first; k < stop; k++) {
            const re = inlinePattern(h, k, written);
            let found = false;
            for (let i = from; i <= to && !found; i++)
              found = re.test(doc.paragraphs[i]?.matching.text ?? '');
            if (!found) return false;
          }
          return true;
        };
        for (const { index, heading } of doc.structure.headings) {
          const scheme = heading.scheme;
          if (!schemes.has(scheme)) continue;
          let seen = last.get(scheme);
          if (!seen) {
            seen = new Map();
            last.set(scheme, seen);
            order.push(scheme);
          }
          // A heading restarts the schemes that first appeared after (inside) its own.
          for (let k = order.indexOf(scheme) + 1; k < order.length; k++)
            last.get(order[k] as HeadingScheme)?.clear();
          const n = heading.numbers[heading.numbers.length - 1] ?? 0;
          const parent = heading.numbers.slice(0, -1).join('.');
          const before = seen.get(parent);
          const previous = before?.n;
          seen.set(parent, { n, index });
          if (heading.numbers.length > 1 || scheme === 'decimal' || scheme === 'en-section') {
            // Deeper levels under this number start over.
            const own = heading.numbers.join('.');
            for (const k of seen.keys()) if (k === own || k.startsWith(`${own}.`)) seen.delete(k);
          }
          if (previous === undefined || n === 1) continue;
          const expected = previous + 1;
          if (n === expected) continue;
          const strict = STRICT.has(scheme);
          // The same heading line again (a page header, a table row) is not a second clause.
          const repeat =
            n === previous &&
            doc.paragraphs[before?.index ?? -1]?.text.trim() !== doc.paragraphs[index]?.text.trim();
          if (n === previous && !repeat) continue;
          const gap = n > expected && (strict || n - expected <= rule.maxGap);
          const backwards = strict && n < previous;
          if (!repeat && !gap && !backwards) continue;
          const p = doc.paragraphs[index] as ParagraphFacts;
          const [start, end] = p.matching.toOriginalRange(heading.numberStart, heading.numberEnd);
          const written = p.text.slice(start, end);
          if (gap && missingInline(heading, written, before?.index ?? index, index, expected, n)) continue;
          const replacement = writeNumber(heading, expected, written);
          out.push({
            paragraph: index,
            start,
            end,
            params: { value: written, expected: replacement, problem: repeat ? 'repeat' : 'gap' },
            fixes: replacement !== written ? [{ start, end, replacement }] : undefined,
          });
        }
        if (!readText) cache.set(doc.structure, out);
        return out;
      },
    });
  },
};
