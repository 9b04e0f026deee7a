/**
 * References to clauses of the same document: 第十五条, Section 12.3, Clause 7, Article IV. A reference into
 * another instrument (《民法典》第五百八十五条, Section 365 of the Bankruptcy Code) is marked external.
 */
import { parseOrdinal } from './headings';

export type ReferenceForm = 'zh-article' | 'en-section' | 'en-article';

export interface Reference {
  form: ReferenceForm;
  numbers: number[];
  /** `[start, end)` of the whole reference (第十五条, Section 12.3) in the matching copy. */
  start: number;
  end: number;
  /** Points into another instrument. */
  external: boolean;
}

const ZH = /第([零〇一二两三四五六七八九十百千\d]{1,7})条/g;
const EN =
  /\b(Sections?|Clauses?|Articles?|Paragraphs?)\s+(\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6})(?![\w-])/g;

const ZH_EXTERNAL_BEFORE = /(?:》|法|典|条例|规定|解释|办法|细则|公约|规则|章程|意见|通知)\s*$/;
/** A law's name shortly before: "…Business Law, Article 33, Sections 680", "12 C.F.R. Part 226 and Section 563.99". */
const EN_EXTERNAL_BEFORE =
  /(?:\b(?:Rules?|Regulations?|Code|Act|Law|Statutes?|Treaty|Convention|Directive|U\.S\.C\.?|C\.F\.R\.?|CFR)\b|§)[^.;]{0,25}$/;
const EN_EXTERNAL_AFTER =
  /^(?:\s*\([a-zA-Z0-9]{1,4}\))*\s*(?:of|under|to)\s+(?!this\b|these\b|the\s+(?:Agreement|Contract|Terms)\b)(?:the\s+)?(?:[A-Z]|\d{4})/;

export interface ExternalMarkers {
  before: RegExp[];
  after: RegExp[];
}

/** References in a paragraph's matching copy; `headingEnd` skips the paragraph's own heading number. */
export function findReferences(text: string, headingEnd: number, extra: ExternalMarkers): Reference[] {
  const out: Reference[] = [];
  const isExternal = (
    start: number,
    end: number,
    builtinBefore: RegExp,
    builtinAfter: RegExp | null,
  ): boolean => {
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 60);
    if (builtinBefore.test(before) || builtinAfter?.test(after)) return true;
    return extra.before.some((re) => re.test(before)) || extra.after.some((re) => re.test(after));
  };
  ZH.lastIndex = text.includes('第') ? 0 : text.length;
  for (let m = ZH.exec(text); m !== null; m = ZH.exec(text)) {
    if (m.index < headingEnd) continue;
    const n = parseOrdinal(m[1] ?? '');
    if (n === null) continue;
    const end = m.index + m[0].length;
    out.push({
      form: 'zh-article',
      numbers: [n],
      start: m.index,
      end,
      external: isExternal(m.index, end, ZH_EXTERNAL_BEFORE, null),
    });
  }
  EN.lastIndex = /[SCAP][a-z]{5}/.test(text) ? 0 : text.length;
  for (let m = EN.exec(text); m !== null; m = EN.exec(text)) {
    if (m.index < headingEnd) continue;
    const word = (m[1] ?? '').toLowerCase();
    const raw = m[2] ?? '';
    const isArticle = word.startsWith('article');
    if (!isArticle && !/^\d/.test(raw)) continue;
    const numbers = /^\d/.test(raw) ? raw.split('.').map(Number) : [parseOrdinal(raw) ?? 0];
    if (numbers[0] === 0) continue;
    const end = m.index + m[0].length;
    out.push({
      form: isArticle ? 'en-article' : 'en-section',
      numbers,
      start: m.index,
      end,
      external: isExternal(m.index, end, EN_EXTERNAL_BEFORE, EN_EXTERNAL_AFTER),
    });
  }
  return out;
}
