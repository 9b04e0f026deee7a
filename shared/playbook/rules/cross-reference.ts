/**
 * cross-reference: a reference to a clause the document does not have — 第十五条 in a twelve-article
 * contract, Section 12.3 where section 12 stops at 12.2, Clause 7 in a five-clause agreement. References
 * into other instruments (《民法典》第五百八十五条, Section 365 of the Bankruptcy Code) are left alone, and
 * nothing is said when the document's own numbering cannot be read reliably.
 */
import type { HeadingScheme } from '../facts/headings';
import { findReferences, type Reference } from '../facts/references';
import { patternFlags } from '../patterns';
import type { DocumentStructure } from '../structure';
import {
  type DocumentFinding,
  type DocumentView,
  defineCompiled,
  type ParagraphFacts,
  type RuleKind,
} from '../types';

interface Facts {
  refs: Reference[];
}

/** Fewest headings for a numbering to be trusted. */
const MIN_HEADINGS = 3;

interface Numbering {
  /** Every numbered path, joined by dots: "12", "12.3". */
  paths: Set<string>;
  /** Top-level numbers present. */
  tops: Set<number>;
  maxTop: number;
}

/** Numberings per structure: a structure is kept while edits leave the headings alone. */
const numberings = new WeakMap<DocumentStructure, Map<string, Numbering>>();

function numberingOf(doc: DocumentView<Facts>, schemes: readonly HeadingScheme[]): Numbering {
  const key = schemes.join(',');
  let byKey = numberings.get(doc.structure);
  if (!byKey) {
    byKey = new Map();
    numberings.set(doc.structure, byKey);
  }
  let numbering = byKey.get(key);
  if (!numbering) {
    numbering = computeNumbering(doc.structure, schemes);
    byKey.set(key, numbering);
  }
  return numbering;
}

function computeNumbering(structure: DocumentStructure, schemes: readonly HeadingScheme[]): Numbering {
  const paths = new Set<string>();
  const tops = new Set<number>();
  for (const { heading } of structure.headings) {
    if (!schemes.includes(heading.scheme)) continue;
    paths.add(heading.path);
    const top = heading.numbers[0];
    if (top !== undefined) tops.add(top);
  }
  return { paths, tops, maxTop: Math.max(0, ...tops) };
}

/**
 * A number far past the last clause (Section 365 in a twenty-clause agreement) names a section of a statute
 * or of another document more often than a missing clause of this one.
 */
function withinReach(top: number, n: Numbering): boolean {
  return top <= n.maxTop * 2 + 2;
}

/** Does the reference point at nothing, as far as the numbering can tell? */
function isDangling(ref: Reference, n: Numbering): boolean {
  if (n.tops.size < MIN_HEADINGS) return false;
  const [top = 0, ...rest] = ref.numbers;
  const path = ref.numbers.join('.');
  if (n.paths.has(path)) return false;
  if (rest.length === 0) {
    if (n.tops.has(top)) return false;
    // Beyond the last clause, or a hole in a numbering that is otherwise complete.
    return (top > n.maxTop && withinReach(top, n)) || (top < n.maxTop && n.tops.size >= n.maxTop * 0.8);
  }
  if (!n.tops.has(top)) return top > n.maxTop && withinReach(top, n);
  // Sub-clauses: only when the parent's own sub-numbering is visible.
  const prefix = `${ref.numbers.slice(0, -1).join('.')}.`;
  let siblings = 0;
  let maxSibling = 0;
  for (const p of n.paths) {
    if (p.startsWith(prefix) && !p.slice(prefix.length).includes('.')) {
      siblings++;
      maxSibling = Math.max(maxSibling, Number(p.slice(prefix.length)));
    }
  }
  for (const p of n.paths) if (p.startsWith(`${path}.`)) return false;
  return siblings >= 2 && (ref.numbers[ref.numbers.length - 1] ?? 0) > maxSibling;
}

export const crossReferenceKind: RuleKind<'cross-reference'> = {
  kind: 'cross-reference',
  compile(rule) {
    const before = rule.external.map(
      (s) => new RegExp(`(?:${s})\\s*$`, patternFlags(s, rule.caseSensitive, '')),
    );
    const after = rule.external.map(
      (s) => new RegExp(`^\\s*(?:${s})`, patternFlags(s, rule.caseSensitive, '')),
    );
    const forms = new Set(rule.forms);
    return defineCompiled<Facts>({
      rule,
      scan(p: ParagraphFacts) {
        const text = p.matching.text;
        if (!/条|Section|Clause|Article|Paragraph/i.test(text)) return undefined;
        const headingEnd = p.heading && p.heading.scheme !== 'plain' ? p.heading.numberEnd : 0;
        const refs = findReferences(text, headingEnd, { before, after }).filter(
          (r) => !r.external && forms.has(r.form),
        );
        return refs.length > 0 ? { facts: { refs } } : undefined;
      },
      evaluate(doc) {
        /**
         * An English clause may exist inside running text, where its heading was not read (documents whose
         * pages were run together). Chinese articles keep their own paragraphs.
         */
        const appearsInline = (ref: Reference): boolean => {
          if (ref.form === 'zh-article') return false;
          const path = ref.numbers.join('.').replace(/\./g, '\\.');
          let re: RegExp | null = null;
          const counter = (p: ParagraphFacts) => {
            re ??= new RegExp(
              `(?:^|[\\s;:.])(?:(?:Section|Article|Clause)\\s+)?${path}\\.?\\s+["(]?[A-Z]`,
              'g',
            );
            re.lastIndex = 0;
            let n = 0;
            while (re.exec(p.matching.text) !== null) n++;
            return n;
          };
          return (
            doc.terms.count(`${rule.id}:inline:${ref.form}:${path}`, counter, [String(ref.numbers[0])]) > 0
          );
        };
        const zhArticles = numberingOf(doc, ['zh-article']);
        const zh = zhArticles.tops.size > 0 ? zhArticles : numberingOf(doc, ['zh-list']);
        const sections = numberingOf(doc, ['decimal', 'en-section']);
        const articles = numberingOf(doc, ['en-article']);
        const out: DocumentFinding[] = [];
        doc.facts.forEach((f, paragraph) => {
          for (const ref of f?.refs ?? []) {
            const numbering =
              ref.form === 'zh-article'
                ? zh
                : ref.form === 'en-article' && articles.tops.size > 0
                  ? articles
                  : sections;
            if (!isDangling(ref, numbering) || appearsInline(ref)) continue;
            const p = doc.paragraphs[paragraph] as ParagraphFacts;
            const [start, end] = p.matching.toOriginalRange(ref.start, ref.end);
            out.push({
              paragraph,
              start,
              end,
              params: { target: ref.numbers.join('.'), last: numbering.maxTop },
            });
          }
        });
        return out;
      },
    });
  },
};
