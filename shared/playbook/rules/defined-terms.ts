/**
 * defined-terms: terms used but never defined (from a list of terms that are only used once defined),
 * terms defined but never used again, and defined terms written with other capitals
 * ("confidential information" where "Confidential Information" is defined).
 */
import type { Definition } from '../facts/definitions';
import { findDefinitions } from '../facts/definitions';
import { compileAll, compileAny, test } from '../patterns';
import {
  type DocumentFinding,
  type DocumentView,
  defineCompiled,
  type ParagraphFacts,
  type RuleKind,
} from '../types';
import { countTerm, isLatinTerm, PatternCache, termCounter, termForms, termProbes } from './term-matchers';

interface Facts {
  definitions: readonly Definition[];
  incorporation: boolean;
}

/** Most findings reported for one term, so one habit does not drown a document. */
const MAX_PER_TERM = 25;

/** True when a word at `at` opens a sentence (where any word is capitalised). */
function opensSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if (at <= 12 && /^\s*(?:(?:[\d.]+|\([a-z0-9]{1,4}\)|[a-zA-Z]\.|[IVX]+\.)\s+)?["'(]?$/.test(before))
    return true;
  return /[.!?;:]["')\]]?\s+["'(]?$/.test(before);
}

function inHeadingTitle(p: ParagraphFacts, start: number): boolean {
  const h = p.heading;
  return h !== null && start >= h.titleStart && start < h.titleEnd;
}

export const definedTermsKind: RuleKind<'defined-terms'> = {
  kind: 'defined-terms',
  compile(rule) {
    const extra = compileAll(rule.definitionPatterns, rule);
    const incorporation = compileAny(rule.incorporation, rule);
    const ignore = new Set(rule.ignore);
    const patterns = new PatternCache();
    const key = (mode: string, term: string) => `${rule.id}:${mode}:${term}`;

    /** Every occurrence of a term, as written (or in any case). */
    const counter = (term: string, ignoreCase: boolean) => termCounter(term, patterns.get(term, ignoreCase));

    /** Occurrences that read as the term: not opening a sentence (single words), not a heading's title. */
    const usageCounter = (term: string) => {
      const re = patterns.get(term, false);
      return (p: ParagraphFacts) => {
        const text = p.matching.text;
        if (!re) return countTerm(text, term, null);
        if (!text.includes(term.slice(0, 3))) return 0;
        const single = !/\s/.test(term);
        let n = 0;
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (inHeadingTitle(p, m.index)) continue;
          if (single && opensSentence(text, m.index)) continue;
          n++;
        }
        return n;
      };
    };

    const firstMatch = (p: ParagraphFacts, term: string, accept: (s: string, at: number) => boolean) => {
      const re = patterns.get(term, true);
      const text = p.matching.text;
      if (!re) {
        const at = text.indexOf(term);
        return at >= 0 ? [at, at + term.length] : null;
      }
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text))
        if (accept(m[0], m.index)) return [m.index, m.index + m[0].length];
      return null;
    };

    const unused = (doc: DocumentView<Facts>): DocumentFinding[] => {
      const defs = new Map<string, { paragraph: number; def: Definition; sites: number }>();
      doc.facts.forEach((f, paragraph) => {
        for (const def of f?.definitions ?? []) {
          const term = def.term.replace(/\s+/g, ' ').trim();
          // Acronyms and terms defined in capitals (GAAP, "CONTRACT PERIOD") are left alone.
          if (def.source === 'party' || ignore.has(term) || (/[A-Z]/.test(term) && !/[a-z]/.test(term)))
            continue;
          const seen = defs.get(term);
          if (seen) seen.sites++;
          else defs.set(term, { paragraph, def, sites: 1 });
        }
      });
      const out: DocumentFinding[] = [];
      for (const [term, { paragraph, def, sites }] of defs) {
        // "Loss or Losses", "Indemnified Party/ies": any of the spellings counts as a use.
        const spellings = term.split(/\s+or\s+|\s*\/\s*/).filter((t) => t.length > 1);
        let uses = 0;
        let atDefinitions = 0;
        for (const t of spellings) {
          uses += doc.terms.count(key('any', t), counter(t, false), termProbes(t));
          // The definitions themselves contain the spellings; they are not uses.
          atDefinitions += sites * countTerm(term, t, patterns.get(t, false));
        }
        if (uses > atDefinitions) continue;
        const p = doc.paragraphs[paragraph];
        if (!p) continue;
        const [start, end] = p.matching.toOriginalRange(def.start, def.end);
        out.push({ paragraph, start, end, params: { term } });
      }
      return out;
    };

    const undefinedTerms = (doc: DocumentView<Facts>): DocumentFinding[] => {
      const defined = new Set<string>();
      for (const f of doc.facts) {
        if (f?.incorporation) return [];
        for (const d of f?.definitions ?? []) for (const form of termForms(d.term)) defined.add(form);
      }
      const out: DocumentFinding[] = [];
      for (const term of rule.candidates) {
        if (termForms(term).some((f) => defined.has(f))) continue;
        const k = key('use', term);
        const c = usageCounter(term);
        const probes = termProbes(term);
        if (doc.terms.count(k, c, probes) === 0) continue;
        const paragraph = doc.terms.firstIndex(k, c, probes);
        const p = doc.paragraphs[paragraph];
        if (!p) continue;
        const single = !/\s/.test(term);
        const range = firstMatch(p, term, (s, at) => {
          if (isLatinTerm(term) && !termForms(term).includes(s)) return false;
          if (inHeadingTitle(p, at)) return false;
          return !(single && opensSentence(p.matching.text, at));
        });
        if (!range) continue;
        const [start, end] = p.matching.toOriginalRange(range[0] ?? 0, range[1] ?? 0);
        out.push({ paragraph, start, end, params: { term } });
      }
      return out;
    };

    const capitalisation = (doc: DocumentView<Facts>): DocumentFinding[] => {
      const terms = new Set<string>();
      for (const f of doc.facts) {
        for (const d of f?.definitions ?? []) {
          const term = d.term.replace(/\s+/g, ' ').trim();
          // Multi-word terms with capitals, not written all in capitals (those are headings or acronyms).
          if (
            isLatinTerm(term) &&
            term.includes(' ') &&
            /[A-Z]/.test(term) &&
            /[a-z]/.test(term) &&
            !ignore.has(term)
          ) {
            terms.add(term);
          }
        }
      }
      const out: DocumentFinding[] = [];
      for (const term of terms) {
        const exact = counter(term, false);
        const loose = counter(term, true);
        const probes = termProbes(term);
        const exactCount = doc.terms.count(key('any', term), exact, probes);
        if (doc.terms.count(key('ci', term), loose, probes) <= exactCount) continue;
        const forms = termForms(term);
        const lowerForms = forms.map((f) => f.toLowerCase());
        const mixed: DocumentFinding[] = [];
        const exactAt = new Map(doc.terms.paragraphsWith(key('any', term), exact, probes));
        for (const [i, n] of doc.terms.paragraphsWith(key('ci', term), loose, probes)) {
          if (mixed.length >= MAX_PER_TERM) break;
          if (n <= (exactAt.get(i) ?? 0)) continue;
          const p = doc.paragraphs[i] as ParagraphFacts;
          const re = patterns.get(term, true);
          if (!re) continue;
          re.lastIndex = 0;
          for (let m = re.exec(p.matching.text); m !== null; m = re.exec(p.matching.text)) {
            const written = m[0].replace(/\s+/g, ' ');
            // Exact forms, and ALL-CAPS headings and disclaimers, are fine.
            if (forms.includes(written) || written === written.toUpperCase()) continue;
            const form = forms[lowerForms.indexOf(written.toLowerCase())] ?? term;
            const [start, end] = p.matching.toOriginalRange(m.index, m.index + m[0].length);
            const finding = {
              paragraph: i,
              start,
              end,
              params: { term, expected: form },
              fixes: [{ start, end, replacement: form }],
            };
            if (written !== written.toLowerCase()) mixed.push(finding);
          }
        }
        // All-lower-case uses are most often the ordinary phrase ("the effective date of the notice");
        // only mixed capitals ("Confidential information", "receiving Party") are reported.
        out.push(...mixed);
      }
      return out.slice(0, MAX_PER_TERM * 8);
    };

    return defineCompiled<Facts>({
      rule,
      scan(p) {
        const definitions = extra.length > 0 ? findDefinitions(p.matching.text, extra) : p.definitions;
        const inc = incorporation !== null && test(incorporation, p.matching.text);
        return definitions.length > 0 || inc ? { facts: { definitions, incorporation: inc } } : undefined;
      },
      evaluate(doc) {
        if (rule.check === 'unused') return unused(doc);
        if (rule.check === 'undefined') return undefinedTerms(doc);
        return capitalisation(doc);
      },
    });
  },
};
