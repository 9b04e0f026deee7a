/**
 * Clause headings at the start of a paragraph: 第一条, 一、, （一）, 1. / 1.1, Article IV, Section 2.3, or a
 * short unnumbered heading line (争议解决, GOVERNING LAW). Read on the matching copy; offsets are of that copy.
 */
import { parseChineseInteger } from '@shared/text/chinese-numerals';

export type HeadingScheme =
  | 'zh-chapter'
  | 'zh-article'
  | 'zh-list'
  | 'zh-paren'
  | 'decimal'
  | 'en-article'
  | 'en-section'
  | 'plain';

export interface Heading {
  scheme: HeadingScheme;
  /** The number path: 第十二条 → [12], 3.2 → [3, 2]; empty for an unnumbered heading. */
  numbers: number[];
  /** The path joined with dots: "12", "3.2". */
  path: string;
  /** `[start, end)` of the number as written (十二, 3.2, IV), in the matching copy. */
  numberStart: number;
  numberEnd: number;
  /** The heading's words: 争议解决, Governing Law (up to the first full stop, at most 60 characters). */
  title: string;
  /** `[start, end)` of the title in the matching copy. */
  titleStart: number;
  titleEnd: number;
}

const LEAD = /^\s*(?:#{1,6}\s+|>\s*)?(?:\*\*|__)?\s*/;
const CN = '零〇一二两三四五六七八九十百千';
const MONTHS =
  /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Reads a Roman numeral (I–CCC), or null. */
export function parseRoman(text: string): number | null {
  if (!/^[IVXLC]+$/.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i] ?? ''] ?? 0;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** Reads 12, 十二 or XII. */
export function parseOrdinal(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return parseRoman(text) ?? parseChineseInteger(text);
}

interface Form {
  scheme: HeadingScheme;
  re: RegExp;
}

const FORMS: Form[] = [
  { scheme: 'zh-chapter', re: new RegExp(`^第([${CN}\\d]{1,6})章`) },
  { scheme: 'zh-article', re: new RegExp(`^第([${CN}\\d]{1,7})条(?!款)`) },
  { scheme: 'zh-list', re: new RegExp(`^([${CN}]{1,4})\\s*[、.](?!\\d)`) },
  { scheme: 'zh-paren', re: new RegExp(`^\\(([${CN}]{1,4})\\)`) },
  { scheme: 'en-article', re: /^(?:ARTICLE|Article)\s+([IVXLC]+|\d{1,3})\b\.?/ },
  { scheme: 'en-section', re: /^(?:SECTION|Section|CLAUSE|Clause)\s+(\d{1,3}(?:\.\d{1,3}){0,3})(?![\d])\.?/ },
  {
    scheme: 'decimal',
    // 1. Title / 1.1 Title / 1、 / 1) ; sub-numbers may run into the text (1.11"Span…", 7.11Technical…).
    re: /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.(?!\d)|、|\)|(?=\s)|(?<=\d\.\d{1,2})(?=["(A-Z]))(?=\s*[A-Z"([\u4e00-\u9fff])/,
  },
];

const TITLE_END = /[。.;；:：!?！？]/;

/** The title that follows a number at `from`: its text and offsets. */
function titleAt(text: string, from: number): { title: string; titleStart: number; titleEnd: number } {
  const rest = text.slice(from);
  const lead = /^[\s:：、.\-—*_]*/.exec(rest)?.[0].length ?? 0;
  const body = rest.slice(lead);
  const cut = body.search(TITLE_END);
  let title = cut >= 0 ? body.slice(0, cut) : body;
  if (title.length > 60) title = title.slice(0, 60);
  title = title.replace(/(?:\*\*|__)\s*$/, '').trimEnd();
  return { title, titleStart: from + lead, titleEnd: from + lead + title.length };
}

/** Characters a numbered heading can start with. */
const NUMBERED_START = /^[第零〇一二两三四五六七八九十百千(\dASCasc]/;

/** The heading a paragraph opens with, or null. `text` is the paragraph's matching copy. */
export function parseHeading(text: string): Heading | null {
  const lead = LEAD.exec(text)?.[0].length ?? 0;
  const body = text.slice(lead);
  if (NUMBERED_START.test(body)) return numberedHeading(text, lead, body) ?? plainHeading(text, lead, body);
  return plainHeading(text, lead, body);
}

function numberedHeading(text: string, lead: number, body: string): Heading | null {
  for (const { scheme, re } of FORMS) {
    const m = re.exec(body);
    const raw = m?.[1];
    if (!m || raw === undefined) continue;
    if (scheme === 'decimal' && MONTHS.test(body.slice(m[0].length))) continue;
    // "5 MMS" in a table: a bare number needs a period or a title of some words to be a heading.
    if (scheme === 'decimal' && /^\d+\s/.test(m[0]) && !/^\s*\S+\s+\S+/.test(body.slice(m[0].length)))
      continue;
    const numbers =
      scheme === 'decimal' || scheme === 'en-section'
        ? raw.split('.').map(Number)
        : [parseOrdinal(raw)].filter((n): n is number => n !== null);
    if (numbers.length === 0) continue;
    const numberStart = lead + m[0].indexOf(raw);
    return {
      scheme,
      numbers,
      path: numbers.join('.'),
      numberStart,
      numberEnd: numberStart + raw.length,
      ...titleAt(text, lead + m[0].length),
    };
  }
  return null;
}

function plainHeading(text: string, lead: number, body: string): Heading | null {
  if (body.length > 60) return null;
  // An unnumbered heading: a short line without closing punctuation (Markdown `#` lines always count).
  const plain = body.replace(/\*\*|__/g, '').trim();
  const markdown = /^\s*#{1,6}\s/.test(text);
  if (plain !== '' && plain.length <= 40 && (markdown || !/[。.;；,，:：)）]$/.test(plain))) {
    if (markdown || /^[A-Z][A-Z\s&,'-]+$/.test(plain) || /^[\u4e00-\u9fff\s、]{2,12}$/.test(plain)) {
      return {
        scheme: 'plain',
        numbers: [],
        path: '',
        numberStart: lead,
        numberEnd: lead,
        ...titleAt(text, lead),
      };
    }
  }
  return null;
}
