/**
 * Governing law: which jurisdiction's law the contract chooses ("the laws of the State of New York" →
 * New York; "适用中华人民共和国法律" → 中华人民共和国).
 */

export interface GoverningLawMatch {
  jurisdiction: string;
  index: number;
  end: number;
}

// A choice-of-law verb, then (within the same sentence) "law(s) of". "organized under the laws of" is not one.
const EN_CHOICE =
  /\b(?:govern(?:ed|s)?|constru(?:ed|e)|interpret(?:ed)?|enforced|determined|decided|resolved|subject|in accordance)\b[^.;:]{0,160}?\b(?:laws?|legislation)\s+(?:of|in(?:\s+force\s+in)?)\s+(?:the\s+)?/gi;
// "English law shall govern", "governed by Dutch law", "New York law governs"
const EN_ADJECTIVE_LAW =
  /\b(?:governed\s+by|subject\s+to|application\s+of|construed\s+(?:in\s+accordance\s+with|under)|accordance\s+with)\s+(?:the\s+)?((?:[A-Z][a-z]+\s+){1,2})[Ll]aws?\b|\b((?:[A-Z][a-z]+\s+){1,2})law\s+(?:shall|will)\s+govern/g;
const EN_JURISDICTION_PREFIX =
  /^(?:the\s+)?(?:(?:state|commonwealth|province|territory|canton|emirate)\s+of\s+)?(?:the\s+)?/i;
// Words that end the name of a jurisdiction.
const EN_STOP_WORDS = new Set([
  'without',
  'excluding',
  'exclusive',
  'except',
  'applicable',
  'as',
  'irrespective',
  'including',
  'regardless',
  'which',
  'that',
  'in',
  'to',
  'shall',
  'will',
  'with',
  'for',
  'notwithstanding',
  'other',
  'then',
  'from',
  'governing',
  'by',
  'is',
  'are',
  'applied',
  'where',
  'when',
  'provided',
  'but',
  'or',
]);
/** Names that are not a jurisdiction but point at one said elsewhere ("the laws of such state"). */
const EN_GENERIC = /^(?:state|states|country|jurisdiction|such|said|its|their|any|each|this|that|the)$/i;
const EN_ADJECTIVES: Record<string, string> = {
  english: 'England',
  british: 'United Kingdom',
  dutch: 'Netherlands',
  german: 'Germany',
  french: 'France',
  swiss: 'Switzerland',
  swedish: 'Sweden',
  irish: 'Ireland',
  italian: 'Italy',
  spanish: 'Spain',
  japanese: 'Japan',
  chinese: "People's Republic of China",
  singapore: 'Singapore',
  israeli: 'Israel',
  indian: 'India',
  canadian: 'Canada',
  scottish: 'Scotland',
  'new york': 'New York',
  delaware: 'Delaware',
  california: 'California',
};

const ZH_CHOICE =
  /(?:适用|受|依据|依照|按照|遵循|根据|服从|遵守|以)\s*((?:[^，。；,;\n()]|\([^)]{0,30}\)){0,30}?)(?:的)?\s*(?:现行\s*)?(?:有效\s*)?(?:的)?\s*(?:法律|法规)/g;
const ZH_CONTEXT = /本(?:合同|协议|契约)|管辖|争议|解释|适用/;

/** Aliases that name the same jurisdiction, for comparing and for showing one name. */
const JURISDICTION_ALIASES: string[][] = [
  [
    "People's Republic of China",
    '中华人民共和国',
    '中国',
    'PRC',
    'P.R.C.',
    'China',
    'the PRC',
    'Mainland China',
  ],
  ['Hong Kong', '香港', '香港特别行政区', 'Hong Kong SAR', 'Hong Kong Special Administrative Region'],
  ['England', 'England and Wales', 'English'],
  ['United States', 'United States of America', 'U.S.', 'USA', 'U.S.A.', 'US', '美国'],
  ['United Kingdom', 'UK', 'U.K.', '英国'],
  ['District of Columbia', 'Washington, D.C.', 'D.C.'],
  ['Singapore', 'Republic of Singapore', '新加坡'],
  ['Japan', '日本'],
];

function aliasKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ALIAS_INDEX = new Map<string, number>();
JURISDICTION_ALIASES.forEach((group, i) => {
  for (const name of group) ALIAS_INDEX.set(aliasKey(name), i);
});

/** The usual name of a jurisdiction for its aliases (PRC → People's Republic of China); others unchanged. */
export function canonicalJurisdiction(name: string): string {
  const group = ALIAS_INDEX.get(aliasKey(name));
  return group === undefined ? name : (JURISDICTION_ALIASES[group]?.[0] ?? name);
}

/** Whether two names refer to the same jurisdiction (case, "the", "State of" and known aliases aside). */
export function sameJurisdiction(a: string, b: string): boolean {
  const clean = (s: string) => aliasKey(canonicalJurisdiction(s.replace(EN_JURISDICTION_PREFIX, '')));
  return clean(a) === clean(b);
}

function titleCase(word: string): string {
  if (/^[A-Z.]{2,5}$/.test(word) && word.length <= 4) return word; // PRC, U.S.A., USA
  if (/^(?:of|and|the)$/i.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/'S\b/, "'s");
}

/** Reads the jurisdiction name that starts a text ("State of Texas, without regard…" → Texas). */
function readEnglishJurisdiction(after: string): string | null {
  const rest = after.replace(EN_JURISDICTION_PREFIX, '');
  // One word at a time; punctuation other than an abbreviation's dots ends the name.
  const token = /\s*((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’-]*)/y;
  const words: string[] = [];
  for (let m = token.exec(rest); m !== null && words.length < 8; m = token.exec(rest)) {
    const word = m[1] ?? '';
    const lower = word.toLowerCase();
    if (EN_STOP_WORDS.has(lower)) break;
    if (!/^[A-Z]/.test(word) && lower !== 'of' && lower !== 'and') break;
    // "and" continues a name only inside known names ("England and Wales"), never before another law.
    if (
      lower === 'and' &&
      !/^\s*(?:Wales|Tobago|Herzegovina|Nevis|Principe|Caicos|Barbuda)\b/i.test(rest.slice(token.lastIndex))
    )
      break;
    words.push(word);
  }
  while (words.length > 0 && /^(?:of|and)$/i.test(words[words.length - 1] ?? '')) words.pop();
  if (words.length === 0 || words.every((w) => EN_GENERIC.test(w))) return null;
  return words.map(titleCase).join(' ').replace(/’/g, "'");
}

/** In "the laws of the United States and the State of Florida", the state is the more precise choice. */
function preferSubnational(after: string, first: string): string {
  if (!/^(?:United States|U\.?S\.?A?\.?|America)/i.test(first)) return first;
  const more =
    /^[^.;]{0,60}?\band\s+(?:the\s+)?(?:laws\s+of\s+)?(?:the\s+)?(?:state|commonwealth)\s+of\s+/i.exec(after);
  if (!more) return first;
  return readEnglishJurisdiction(after.slice(more.index + more[0].length)) ?? first;
}

/** "the laws thereof" / "such state": the jurisdiction named earlier in the sentence. */
function jurisdictionNamedBefore(text: string, at: number): string | null {
  const start = Math.max(0, text.lastIndexOf('.', at - 1) - 200);
  const before = text.slice(start, at);
  const states = [...before.matchAll(/\b(?:state|commonwealth|province)\s+of\s+/gi)];
  const last = states[states.length - 1];
  if (!last) return null;
  return readEnglishJurisdiction(before.slice(last.index + last[0].length));
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(0, index - 300);
  return text.slice(start, index + 300);
}

function scoreEnglish(text: string, index: number): number {
  const around = sentenceAround(text, index);
  let score = 0;
  if (/\b(?:this|the)\s+(?:agreement|contract|amendment)\b/i.test(around)) score += 2;
  if (
    /governing\s+law|choice\s+of\s+law|applicable\s+law|governing\s+provisions/i.test(
      text.slice(Math.max(0, index - 250), index),
    )
  )
    score += 2;
  if (/\bgovern/i.test(text.slice(index, index + 120))) score += 1;
  return score;
}

function findEnglish(text: string): GoverningLawMatch[] {
  const found: (GoverningLawMatch & { score: number })[] = [];
  for (const m of text.matchAll(EN_CHOICE)) {
    const at = m.index + m[0].length;
    const after = text.slice(at, at + 200);
    let name = readEnglishJurisdiction(after);
    if (name === null && /^(?:such\s+state|said\s+state|that\s+state)/i.test(after))
      name = jurisdictionNamedBefore(text, m.index);
    if (name === null) continue;
    name = preferSubnational(after, name);
    found.push({
      jurisdiction: name,
      index: m.index,
      end: at + name.length,
      score: scoreEnglish(text, m.index),
    });
  }
  // "… in the State of Nevada and shall be governed by … the laws thereof"
  for (const m of text.matchAll(/\blaws?\s+thereof\b/gi)) {
    const name = jurisdictionNamedBefore(text, m.index);
    if (name && /\bgovern/i.test(text.slice(Math.max(0, m.index - 120), m.index)))
      found.push({
        jurisdiction: name,
        index: m.index,
        end: m.index + m[0].length,
        score: scoreEnglish(text, m.index),
      });
  }
  for (const m of text.matchAll(EN_ADJECTIVE_LAW)) {
    const adjective = (m[1] ?? m[2] ?? '').trim().toLowerCase();
    const name = EN_ADJECTIVES[adjective];
    if (name)
      found.push({
        jurisdiction: name,
        index: m.index,
        end: m.index + m[0].length,
        score: scoreEnglish(text, m.index),
      });
  }
  return found.sort((a, b) => b.score - a.score || a.index - b.index);
}

function cleanChinese(raw: string): string | null {
  let s = raw
    .replace(/\([^)]*\)/g, '')
    .replace(/^(?:于|由|在|按|照|为|以)+/, '')
    .replace(/(?:现行|有效|有关|相关|的|之|国家|法律)+$/g, '')
    .replace(/^(?:本合同|本协议)(?:受|适用)?/, '')
    .trim();
  s = s.replace(/(?:现行|有效|有关|相关|的|之)+$/g, '').trim();
  if (s === '' || s.length > 20) return null;
  if (!/\p{Script=Han}/u.test(s) && !/^[A-Z]/.test(s)) return null;
  if (/合同|协议|双方|约定|规定|本|其|所在地|该|上述/.test(s)) return null;
  return s === '中国' ? '中华人民共和国' : s;
}

function findChinese(text: string): GoverningLawMatch[] {
  const found: (GoverningLawMatch & { score: number })[] = [];
  for (const m of text.matchAll(ZH_CHOICE)) {
    const name = cleanChinese(m[1] ?? '');
    if (name === null) continue;
    const around = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 20);
    const score = (ZH_CONTEXT.test(around) ? 2 : 0) + (/适用|管辖/.test(around) ? 1 : 0);
    found.push({ jurisdiction: name, index: m.index, end: m.index + m[0].length, score });
  }
  return found.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** The governing law chosen by the contract, or null when it names none. */
export function findGoverningLaw(text: string): GoverningLawMatch | null {
  const zh = findChinese(text)[0];
  const en = findEnglish(text)[0];
  if (zh && en) return zh.index <= en.index ? zh : en;
  return zh ?? en ?? null;
}
