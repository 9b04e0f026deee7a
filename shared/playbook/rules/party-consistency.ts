/**
 * party-consistency. `designations`: a role name (卖方, Seller) used although the parties were given other
 * ones (甲方/乙方, Supplier/Buyer). `names`: a party's name written in another form than in the party block
 * (北京星河科技公司 for 北京星河科技有限公司; Acme Holding, Inc. for Acme Holdings, Inc.).
 */
import { compilePattern, matches, onChineseWordBoundaries, wordSource } from '../patterns';
import { countLiteral, probeWord } from '../term-index';
import {
  type DocumentFinding,
  type DocumentView,
  defineCompiled,
  type ParagraphFacts,
  type RuleKind,
} from '../types';
import { countTerm, isLatinTerm, PatternCache } from './term-matchers';

interface Use {
  word: string;
  start: number;
  end: number;
}

interface Facts {
  defined: string[];
  uses: Use[];
  /** The distinct words in `uses`. */
  words: string[];
  names: string[];
}

const MAX_PER_WORD = 10;

const HAN = /[\u3400-\u9fff]/;
/** Characters that usually stand before a party's name as words of their own: 向甲方, 由乙方, 与丙方. */
const BEFORE_ROLE = new Set([...'向由与和及对给为将使经或让请若如因应在于是及其该各另本即从被至']);
/** Characters that make a longer word after 人 or 方: 人员, 人民, 方式, 方案. */
const AFTER_ROLE = new Set([...'员民身士格口数力式案法面向针位']);

/** Whether `[start, end)` is the term of one of the paragraph's own definitions (甲方：…, ("Buyer")). */
function atDefinition(p: ParagraphFacts, start: number, end: number): boolean {
  for (const d of p.definitions) if (d.start <= start && end <= d.end + 1) return true;
  return false;
}

/**
 * Whether a role name might be part of a longer word (提供方, 方式), so that the segmenter must decide.
 * Most occurrences stand between punctuation or after a preposition, and need no segmenting.
 */
function mayBeInsideWord(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  return (HAN.test(before) && !BEFORE_ROLE.has(before)) || AFTER_ROLE.has(after);
}
/** Largest edit distance between a variant and the party's name: a slip, not another company. */
const MAX_VARIANT_DISTANCE = 2;

const ZH_ORG =
  /(?:股份有限公司|有限责任公司|有限公司|公司|集团|厂|中心|研究院|研究所|事务所|银行|医院|大学|学院|合伙企业|合作社)$/;
const ZH_ORG_IN_TEXT =
  /(?:股份有限公司|有限责任公司|有限公司|公司|集团|厂|中心|研究院|研究所|事务所|银行|医院|大学|学院|合伙企业|合作社)/g;

const SUFFIX_SOURCE =
  'Incorporated|Inc|L\\.L\\.C|LLC|Ltd|Limited|Corporation|Corp|Company|Co|GmbH|AG|S\\.A|SA|N\\.V|NV|B\\.V|BV|plc|PLC|L\\.P|LP|LLP|Pty\\.?\\s+Ltd';
const EN_COMPANY = new RegExp(
  `\\b[A-Z][\\w&'’-]*(?:\\s+(?:[A-Z(][\\w&'’().-]*|of|&|de|du|la))*?,?\\s+(?:${SUFFIX_SOURCE})(?![\\w])\\.?`,
  'g',
);
const EN_COMPANY_AT = new RegExp(EN_COMPANY.source, 'y');
const SUFFIX_CLASS: ReadonlyArray<[RegExp, string]> = [
  [/(?:incorporated|inc)\.?$/i, 'inc'],
  [/(?:l\.l\.c|llc)\.?$/i, 'llc'],
  [/(?:pty\.?\s+ltd|ltd|limited)\.?$/i, 'ltd'],
  [/(?:corporation|corp)\.?$/i, 'corp'],
  [/(?:company|co)\.?$/i, 'co'],
  [/(?:l\.p|lp|llp)\.?$/i, 'lp'],
];

function suffixClass(name: string): string {
  for (const [re, cls] of SUFFIX_CLASS) if (re.test(name)) return cls;
  return name.split(/\s+/).pop()?.toLowerCase() ?? '';
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

/** A variant of `name`: differently written, yet so close that it is the same party miswritten. */
function isVariant(candidate: string, name: string): boolean {
  const a = fold(candidate);
  const b = fold(name);
  return a !== b && editDistance(a, b, MAX_VARIANT_DISTANCE) <= MAX_VARIANT_DISTANCE;
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]/g, '');
}

/** A party's name from the party block, cleaned of a trailing (盖章) or punctuation. */
function cleanZhName(text: string): string | null {
  const name = text
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .replace(/[\s,，;；。]+$/, '')
    .trim();
  return name.length >= 4 && ZH_ORG.test(name) ? name : null;
}

export const partyConsistencyKind: RuleKind<'party-consistency'> = {
  kind: 'party-consistency',
  compile(rule) {
    const families = rule.families;
    const words = [...new Set(families.flat())].sort((a, b) => b.length - a.length);
    const familyOf = new Map<string, number>();
    families.forEach((f, i) => {
      for (const w of f) familyOf.set(w, i);
    });
    // Role names count only as written (Seller, not seller).
    const latinWords = words.filter(isLatinTerm);
    const roleRe =
      latinWords.length > 0
        ? compilePattern(latinWords.map(wordSource).join('|'), { caseSensitive: true })
        : null;
    // Chinese role names are found from their last character (方, 人): far fewer places to look at.
    const hanWords = new Set(words.filter((w) => !isLatinTerm(w)));
    const lastChars = [...new Set([...hanWords].map((w) => w.slice(-1)))];
    const lengths = [...new Set([...hanWords].map((w) => w.length))].sort((a, b) => b - a);
    const hanMatches = (text: string): Use[] => {
      const out: Use[] = [];
      for (const last of lastChars) {
        for (let at = text.indexOf(last); at >= 0; at = text.indexOf(last, at + 1)) {
          const end = at + 1;
          // Longest first: 被许可方 before 许可方.
          for (const n of lengths) {
            if (end - n < 0) continue;
            const word = text.slice(end - n, end);
            if (hanWords.has(word)) {
              out.push({ word, start: end - n, end });
              break;
            }
          }
        }
      }
      return lastChars.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
    };
    const patterns = new PatternCache();

    const scanDesignations = (p: ParagraphFacts): Facts | undefined => {
      const text = p.matching.text;
      const defined = p.definitions.filter((d) => familyOf.has(d.term)).map((d) => d.term);
      const uses: Use[] = [];
      if (roleRe) {
        for (const m of matches(roleRe, text)) {
          const start = m.index;
          const end = start + m[0].length;
          if (atDefinition(p, start, end)) continue;
          // Sub-Distributor, Distributor-appointed: part of a compound.
          if (text[start - 1] === '-' || text[end] === '-') continue;
          const h = p.heading;
          if (h && start >= h.titleStart && start < h.titleEnd) continue;
          // Part of a longer name: Service Provider, Supplier Code of Conduct.
          if (/[A-Z][\w&'-]*\s+$/.test(text.slice(Math.max(0, start - 30), start))) continue;
          if (/^\s+(?:[A-Z][a-z]|of\s+[A-Z])/.test(text.slice(end, end + 12))) continue;
          uses.push({ word: m[0], start, end });
        }
      }
      if (hanWords.size > 0) {
        for (const u of hanMatches(text)) {
          if (atDefinition(p, u.start, u.end)) continue;
          if (mayBeInsideWord(text, u.start, u.end) && !onChineseWordBoundaries(text, u.start, u.end))
            continue;
          uses.push(u);
        }
      }
      const words = [...new Set(uses.map((u) => u.word))];
      return defined.length > 0 || uses.length > 0 ? { defined, uses, words, names: [] } : undefined;
    };

    const scanNames = (p: ParagraphFacts): Facts | undefined => {
      const names: string[] = [];
      for (const d of p.definitions) {
        if (d.source !== 'party' || !d.name) continue;
        const name = cleanZhName(d.name.text);
        if (name) names.push(name);
      }
      const text = p.matching.text;
      if (p.definitions.some((d) => d.source === 'quoted')) {
        for (const m of matches(EN_COMPANY, text)) {
          const end = m.index + m[0].length;
          if (p.definitions.some((d) => d.source === 'quoted' && d.start > end && d.start - end < 150)) {
            names.push(m[0].replace(/^The\s+/, '').replace(/\s+/g, ' '));
          }
        }
      }
      return names.length > 0 ? { defined: [], uses: [], words: [], names: [...new Set(names)] } : undefined;
    };

    const evaluateDesignations = (doc: DocumentView<Facts>): DocumentFinding[] => {
      const defined = new Set<string>();
      for (const f of doc.facts) for (const w of f?.defined ?? []) defined.add(w);
      if (defined.size === 0) return [];
      const out: DocumentFinding[] = [];
      const perWord = new Map<string, number>();
      doc.facts.forEach((f, paragraph) => {
        if (!f || f.words.every((w) => defined.has(w))) return;
        for (const use of f.uses) {
          if (defined.has(use.word)) continue;
          const n = perWord.get(use.word) ?? 0;
          if (n >= MAX_PER_WORD) continue;
          perWord.set(use.word, n + 1);
          const family = families[familyOf.get(use.word) ?? -1] ?? [];
          const members = family.filter((w) => defined.has(w));
          const p = doc.paragraphs[paragraph] as ParagraphFacts;
          const [start, end] = p.matching.toOriginalRange(use.start, use.end);
          out.push({
            paragraph,
            start,
            end,
            params: { term: use.word, expected: (members.length > 0 ? members : [...defined]).join(' / ') },
            fixes: members.length === 1 ? [{ start, end, replacement: members[0] ?? '' }] : undefined,
          });
        }
      });
      return out;
    };

    const evaluateNames = (doc: DocumentView<Facts>): DocumentFinding[] => {
      const names: string[] = [];
      for (const f of doc.facts) for (const n of f?.names ?? []) if (!names.includes(n)) names.push(n);
      const out: DocumentFinding[] = [];
      const reported = new Set<string>();
      for (const name of names) {
        const latin = isLatinTerm(name);
        const prefix = latin ? (name.split(/[\s,]+/)[0] ?? '') : name.slice(0, 4);
        if (prefix.length < 3 || (!latin && name.length < 6)) continue;
        const count = (term: string) => (p: ParagraphFacts) =>
          latin
            ? countTerm(p.matching.text, term, patterns.get(term, false), p.lower)
            : countLiteral(p.matching.text, term);
        const prefixKey = `${rule.id}:p:${prefix}`;
        const nameKey = `${rule.id}:n:${name}`;
        const countPrefix = count(prefix);
        const countName = (p: ParagraphFacts) => countLiteral(p.matching.text, name);
        const probe = latin ? probeWord(prefix) : null;
        const probes = probe ? [probe] : undefined;
        if (doc.terms.count(prefixKey, countPrefix, probes) <= doc.terms.count(nameKey, countName, probes))
          continue;
        const nameAt = new Map(doc.terms.paragraphsWith(nameKey, countName, probes));
        for (const [i, n] of doc.terms.paragraphsWith(prefixKey, countPrefix, probes)) {
          if (n <= (nameAt.get(i) ?? 0)) continue;
          const p = doc.paragraphs[i] as ParagraphFacts;
          const text = p.matching.text;
          for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
            if (text.startsWith(name, at)) {
              at += name.length - 1;
              continue;
            }
            let variant: string | null = null;
            if (latin) {
              EN_COMPANY_AT.lastIndex = at;
              const m = EN_COMPANY_AT.exec(text);
              if (m && suffixClass(m[0]) === suffixClass(name) && isVariant(m[0], name)) variant = m[0];
            } else {
              ZH_ORG_IN_TEXT.lastIndex = at + prefix.length;
              const m = ZH_ORG_IN_TEXT.exec(text);
              if (m && m.index + m[0].length - at <= name.length + 6) {
                const candidate = text.slice(at, m.index + m[0].length);
                if (!/[,，。;；:：、\s]/.test(candidate) && isVariant(candidate, name)) variant = candidate;
              }
            }
            if (!variant || reported.has(`${i}:${at}`)) continue;
            reported.add(`${i}:${at}`);
            const [start, end] = p.matching.toOriginalRange(at, at + variant.length);
            out.push({
              paragraph: i,
              start,
              end,
              params: { term: variant, expected: name },
              fixes: [{ start, end, replacement: name }],
            });
            at += variant.length - 1;
          }
        }
      }
      return out;
    };

    return defineCompiled<Facts>({
      rule,
      scan(p) {
        const facts = rule.check === 'designations' ? scanDesignations(p) : scanNames(p);
        return facts ? { facts } : undefined;
      },
      evaluate: (doc) => (rule.check === 'designations' ? evaluateDesignations(doc) : evaluateNames(doc)),
    });
  },
};
