import { normalizePartyName } from './party-names';
import { CHINESE_ROLE_LABELS, isRoleWord } from './party-roles';

/** A party to the contract with its role ("Buyer", "Licensor", "甲方"); role is null when none is given. */
export interface Party {
  name: string;
  role: string | null;
}

const NON_PARTY_TERMS =
  /^(?:the\s+)?(?:agreement|contract|amendment|effective\s+date|parties|party|each\s+party|date|term|closing|merger|prc|system|affiliates?|execution\s+date|commencement\s+date|territory|products?|services?|plan|offering|[\w\s]*agreement|[\w\s]*date)$/i;

// Where the list of parties ends.
const PREAMBLE_END =
  /\b(?:WHEREAS|W\s*I\s*T\s*N\s*E\s*S\s*S\s*E\s*T\s*H|RECITALS?|BACKGROUND|Introduction|NOW,?\s+THEREFORE|hereby\s+agree|agree\s+as\s+follows|The\s+parties\s+agree|IN\s+CONSIDERATION)\b|\n\s*\n\s*(?:\d+\.|ARTICLE|Section)\s/;

const LEGAL_FORM =
  '(?:Inc|INC|Incorporated|INCORPORATED|Corp|CORP|Corporation|CORPORATION|Company|COMPANY|Co|CO|Ltd|LTD|Limited|LIMITED|LLC|L\\.L\\.C|LLP|L\\.P|LP|PLC|plc|GmbH|AG|S\\.A|SA|S\\.A\\.S|S\\.R\\.L|S\\.p\\.A|N\\.V|B\\.V|Pte|PTE|Pty|AB|SE|G\\.I\\.E)\\.?';

// A party's name stops where its description begins ("…, a Delaware corporation", "…, with its principal place…").
const NAME_ENDS: RegExp[] = [
  /,?\s*\((?!\s*(?:USA|U\.S\.A?\.?|UK|HK|Hong Kong|S|Shenzhen|ShenZhen|Beijing|Shanghai|China|Singapore|Europe|Asia|International|Holdings|Switzerland|Germany|Japan|Canada|Ireland)\s*\))/,
  /,\s+(?:a|an|the|as|its)\s/,
  /,?\s+(?:a|an)\s+(?:[\w.-]+\s+){0,5}(?:corporation|company|limited|partnership|association|bank|institution|entity|organization|organisation|university|division|subsidiary|non-profit|nonprofit|not-for-profit|business|agency|llc|societe|société|s\.r\.l|GmbH)\b/i,
  /,\s+(?:[A-Z][\w.-]*\s+){1,4}(?:corporation|company|limited liability company|partnership)\b/i,
  /,?\s+(?:with|having|whose|located|organized|organised|incorporated|existing|duly|which|that|acting|through|in\s+person|represented|herein|hereinafter|residing|on\s+behalf|for\s+itself|together\s+with|c\/o|of\s+(?:the\s+)?(?:one|other|first|second)\s+part|and\/or|a\s+resident|an?\s+individual)\b/i,
  /,?\s+\d/,
  /,\s+(?=[A-Z][\w.]*\s+\d)/,
  /\s+and\s+its\s+(?:affiliates|subsidiaries)/i,
  /\s{3,}|\n/,
  // A legal form closes a name: what follows it is an address ("… LIMITED Unit 05, 4F …").
  new RegExp(`(?<=\\b${LEGAL_FORM})(?=\\s+(?!(?:d\\/b\\/a|dba|of|and|&|${LEGAL_FORM})\\b)[A-Z][a-z]*\\b)`),
];

// A defined term in double quotes, or in single quotes that are not apostrophes ('the Manufacturer').
const QUOTED = `"([^"\\n]{1,60})"|(?<![\\p{L}])'([^'\\n]{1,60})'(?![\\p{L}])`;
const DEFINED_TERM = new RegExp(
  `\\(\\s*(?:(?:the|each|individually|collectively|[Hh]ereinafter|[Hh]erein|jointly|together|referred|to|as|called|a|an|being|its|successors|and|permitted|assigns|with|[Hh]ereafter)[\\s,]+)*(?:${QUOTED})[^()]{0,160}?\\)|,?\\s*(?:[Hh]ereinafter|[Hh]ereafter)\\s+(?:referred\\s+to\\s+as|called)\\s+(?:the\\s+)?(?:${QUOTED})|(?<=[\\s,])"(the\\s+[A-Z][\\w ]{1,30})"`,
  'gu',
);
const QUOTED_TERMS = new RegExp(QUOTED, 'gu');

const BETWEEN =
  /\b(?:by\s+and\s+between|by\s+and\s+among|between|among)\b\s*:?|\bPREAMBLE\b\s*:?|\b(?:Ladies\s+and\s+Gentlemen|Dear\s+Sirs?(?:\s+and\s+Madams?)?)\s*[:,]/gi;

// Lower-case words a name may contain ("Bank of America", "Sandler O'Neill & Partners", "Netzee, inc.").
const NAME_SMALL_WORDS = new Set([
  'of',
  'and',
  'the',
  'de',
  'du',
  'des',
  'la',
  'le',
  'del',
  'della',
  'for',
  'in',
  'und',
  'y',
  'e',
  'von',
  'van',
  'der',
  'da',
  'do',
  'inc',
  'inc.',
  'corp',
  'corp.',
  'ltd',
  'ltd.',
  'llc',
  'co',
  'co.',
  'd/b/a',
  'dba',
  'a/s',
  'on',
  'at',
  'an',
]);

/** Whether a stretch of text reads like a name: capitalised words, a few small words, not a clause. */
function looksLikeName(s: string): boolean {
  const words = s.split(/\s+/);
  if (words.length > 14) return false;
  return words.every((w, i) => {
    if (/^[\p{Lu}\d("'&[]/u.test(w) || /\p{Script=Han}/u.test(w)) return true;
    if (NAME_SMALL_WORDS.has(w.toLowerCase().replace(/[,;]$/, ''))) return i > 0 || w.toLowerCase() !== 'the';
    // a first word written in lower case on purpose: "bw-3", "ebix.com", "salesforce.com"
    return i === 0 && /[\d.]/.test(w);
  });
}

// A sentence ends here (not after an abbreviation such as "Inc." or "Blvd.").
const SENTENCE_END =
  /(?<!\b(?:Inc|INC|Corp|CORP|Ltd|LTD|Co|CO|No|St|Ste|Blvd|Ave|Rd|Dr|Jr|Sr|Mr|Ms|Mrs|Prof|[A-Z]|L\.P|S\.A|N\.V|B\.V|U\.S|etc|Pte|Pty|approx))\.\s+(?=[A-Z])/;

function cleanName(raw: string): string | null {
  let s = raw
    .replace(/^[\s,;:.\-–•●*]+/, '')
    .replace(/^(?:and|AND|And)\b\s*:?\s*/, '')
    .replace(/^(?:by\s+and\s+between|between|among|by)\s*:?\s*/i, '')
    .replace(/[\s,;:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^["']|["']$/g, '').trim();
  if (s === '' || s.length > 120) return null;
  if (!/\p{L}{2,}/u.test(s)) return null;
  if (/_{3,}|^\[/.test(s)) return null;
  if (/^(?:the\s+)?(?:undersigned|parties|party|each|both|this|it|we|you|us|and|or)$/i.test(s)) return null;
  return looksLikeName(s) ? s : null;
}

/** The name at the start of a stretch of text, cut where its description begins. */
function leadingName(chunk: string): string | null {
  const text = chunk
    .replace(/^[\s,;:]*(?:(?:and|AND|And)\s*:?\s*)?/, '')
    .replace(/^\(\s*(?:\d{1,2}|[a-h]|i{1,3}|iv|v)\s*\)\s*/i, '')
    .replace(/^[\s•●*-]+/, '');
  let end = text.length;
  for (const pattern of NAME_ENDS) {
    const m = pattern.exec(text);
    if (m && m.index > 0 && m.index < end) end = m.index;
    else if (m && m.index === 0 && pattern !== NAME_ENDS[0]) end = Math.min(end, 0);
  }
  return cleanName(text.slice(0, end));
}

/** The capitalised words that end a stretch of text: "… insured by the Savings Association Insurance Fund". */
function trailingName(chunk: string): string | null {
  const m =
    /((?:[\p{Lu}\d][\p{L}\d.&'’/-]*,?\s+(?:(?:of|and|the|de|for|&)\s+)*)*[\p{Lu}\d][\p{L}\d.&'’/-]*)[\s,]*$/u.exec(
      chunk,
    );
  return m ? cleanName(m[1] ?? '') : null;
}

/** Where the next party starts in the text between two defined terms. */
function startOfNextParty(chunk: string): number {
  const strict =
    /(?:[,;]\s*|\)\s*|\s+)(?:and|AND|And)\s*:?\s+(?=["'(]?[\p{Lu}\d(])|;\s+(?=\p{Lu})|\bon\s+the\s+one\s+(?:side|hand|part)\s+and\s+/u;
  // a party written in lower case on purpose: "… and ebix.com, Inc."
  const loose = /(?:[,;]\s*|\)\s*|\s+)(?:and|AND|And)\s+(?=[\p{L}\d][\w-]*\.[a-z])/u;
  const first = strict.exec(chunk) ?? loose.exec(chunk);
  return first ? first.index + first[0].length : 0;
}

function chooseRole(terms: string[]): string | null {
  const usable = terms
    .map((t) => t.replace(/[\s,.;:]+$/, '').trim())
    .filter((t) => t !== '' && !NON_PARTY_TERMS.test(t));
  const role = usable.find((t) => isRoleWord(t)) ?? usable[0];
  return role
    ? role
        .replace(/^the\s+/i, '')
        .replace(/["'].*$/, '')
        .trim()
    : null;
}

/** The parties named in a preamble with defined terms: "… between X, a … ("Buyer"), and Y … ("Seller")". */
function partiesWithDefinedTerms(window: string): Party[] {
  const parties: Party[] = [];
  let from = 0;
  let seenTerm = false;
  for (const t of window.matchAll(DEFINED_TERM)) {
    const quoted = [...t[0].matchAll(QUOTED_TERMS)].map((q) => q[1] ?? q[2] ?? '');
    const chunk = window.slice(from, t.index);
    if (parties.length >= 2 && SENTENCE_END.test(chunk)) break;
    const first = !seenTerm;
    from = t.index + t[0].length;
    seenTerm = true;
    if (quoted.every((q) => NON_PARTY_TERMS.test(q.replace(/[\s,.;:]+$/, '').trim()))) continue;
    const name = leadingName(first ? chunk : chunk.slice(startOfNextParty(chunk))) ?? trailingName(chunk);
    if (name === null) continue;
    parties.push({ name, role: chooseRole(quoted) });
  }
  if (parties.length === 0) return parties;
  // A last party without a defined term ("… and TrueLink, Inc., with an address …").
  const tail = window.slice(from);
  const sentence = SENTENCE_END.exec(tail);
  const rest = sentence ? tail.slice(0, sentence.index) : tail;
  const next = startOfNextParty(rest);
  if (next > 0) {
    const name = leadingName(rest.slice(next));
    if (name !== null && new RegExp(`\\b${LEGAL_FORM}$`).test(name)) parties.push({ name, role: null });
  }
  return parties;
}

/** "BETWEEN X AND Y" on a cover page: one name on each side of "and". */
function partiesWithoutTerms(window: string): Party[] {
  const standalone = /\n\s*(?:and|AND|And)\s*:?\s*\n/;
  const sides = standalone.test(window) ? window.split(standalone) : window.split(/\s+(?:AND|and)\s*:?\s+/);
  const parties: Party[] = [];
  for (const side of sides.slice(0, 2)) {
    const name = leadingName(side);
    if (name !== null && /^[\p{Lu}\d]/u.test(name) && name.split(' ').length <= 12)
      parties.push({ name, role: null });
  }
  return parties.length === 2 ? parties : [];
}

/** The parties named in an English preamble. */
function englishParties(text: string): Party[] {
  const head = text.slice(0, 30000);
  let fallback: Party[] = [];
  let single: Party[] = [];
  for (const b of head.matchAll(BETWEEN)) {
    const start = b.index + b[0].length;
    const rest = head.slice(start, start + 2500);
    const endMatch = PREAMBLE_END.exec(rest);
    const window = endMatch ? rest.slice(0, endMatch.index) : rest;
    const parties = partiesWithDefinedTerms(window);
    if (parties.length >= 2 && parties.some((p) => p.role !== null)) return parties;
    if (single.length === 0 && parties.length === 1) single = parties;
    if (fallback.length === 0) fallback = partiesWithoutTerms(window);
  }
  return fallback.length > 0 ? fallback : single;
}

/** "Party A: Name" lines, in English or Chinese ("甲方（买方）：某某有限公司"). */
function labelledLines(text: string): Party[] {
  const labels = [...CHINESE_ROLE_LABELS].map((l) => [...l].join('\\s*')).join('|');
  const line = new RegExp(
    `(?:^|\\n)[ \\t]*(${labels}|Party\\s+[ABCD])\\s*(?:\\(\\s*(${labels})\\s*\\))?\\s*(?:\\(\\s*[^)]{0,20}\\))?\\s*[:：]\\s*([^\\n]{2,80})`,
    'g',
  );
  const parties: Party[] = [];
  for (const m of text.slice(0, 20000).matchAll(line)) {
    const role = (m[1] ?? '').replace(/\s+/g, ' ');
    const raw = (m[3] ?? '')
      .split(
        /\s{2,}|[，;；]|,(?!\s*(?:Ltd|LTD|Inc|INC|LLC|Limited|L\.P|Co)\b)|\(\s*(?:以下简称|以下称|下称|简称|hereinafter)|(?:地址|住所|法定代表人|联系电话|电话|Registration\s+Address|Address)\s*[:：]/,
      )[0]
      ?.replace(/[。.]$/, '');
    const name = cleanName((raw ?? '').split(/\s*\((?=\s*\p{Script=Han})/u)[0] ?? '');
    if (name === null || parties.some((p) => p.role === role)) continue;
    parties.push({ name, role });
  }
  return parties;
}

const ZH_ORG =
  '(?:股份有限公司|有限责任公司|有限公司|公司|集团|中心|研究院|研究所|大学|学院|医院|事务所|银行|工厂|厂|商行|委员会|协会|合伙企业|合作社)';

/** "某某有限公司（以下简称"甲方"）" written inside a sentence. */
function inlineChineseParties(text: string): Party[] {
  const pattern = new RegExp(
    `([\\p{Script=Han}A-Za-z0-9·&()\\- ]{2,40}?${ZH_ORG}|[\\p{Script=Han}]{2,4})\\s*\\(\\s*(?:以下简称|以下称|下称|简称)\\s*(?:为)?\\s*[:：]?\\s*["'「]?([^"'」)]{1,10})["'」]?\\s*\\)`,
    'gu',
  );
  const parties: Party[] = [];
  for (const m of text.slice(0, 20000).matchAll(pattern)) {
    let name = (m[1] ?? '').trim();
    name = name.replace(/^.*?(?:本合同由|本协议由|本合同系|由|与|和|及|同)(?=[\p{Script=Han}A-Za-z])/u, '');
    const cleaned = cleanName(name);
    if (cleaned === null) continue;
    parties.push({ name: cleaned, role: (m[2] ?? '').trim() || null });
  }
  return parties;
}

// A signatory's name in capitals right before its signature line ("ACME HOLDINGS, L.P.\nBy: /s/ …").
const SIGNATURE_NAME = new RegExp(
  `(?:^|\\n|\\]|Signatory|Date:[^\\n]{0,30}?\\d{4})[ \\t]*([A-Z][A-Z0-9 ,.&'À-Þ/-]{2,100}?\\b(?:${LEGAL_FORM}|TRUST|FUND|BANK|PARTNERS(?: [IVX]+)?|S\\.À R\\.L(?: II)?))[ \\t]*(?:\\n[ \\t]*){0,2}(?:By\\s*:|BY\\s*:|\\/s\\/)`,
  'g',
);

/** Parties that appear only in signature blocks, as in joint filing agreements. */
function signatureParties(text: string): Party[] {
  const parties: Party[] = [];
  for (const m of text.matchAll(SIGNATURE_NAME)) {
    const name = cleanName(m[1] ?? '');
    if (name !== null) parties.push({ name, role: null });
  }
  return parties;
}

function dedupe(parties: Party[]): Party[] {
  const seen = new Map<string, Party>();
  for (const p of parties) {
    const key = normalizePartyName(p.name);
    if (key === '') continue;
    const known = seen.get(key);
    if (!known) seen.set(key, p);
    else if (known.role === null && p.role !== null) known.role = p.role;
  }
  return [...seen.values()];
}

/** The parties to a contract, each with its role, in the order the contract names them. */
export function findParties(text: string): Party[] {
  const labelled = labelledLines(text);
  if (labelled.length >= 2) return dedupe(labelled);
  const inline = inlineChineseParties(text);
  if (inline.length >= 2) return dedupe(inline);
  const english = englishParties(text);
  if (english.length > 0) return dedupe(english);
  if (labelled.length + inline.length > 0) return dedupe([...labelled, ...inline]);
  return dedupe(signatureParties(text));
}
