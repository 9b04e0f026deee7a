/**
 * Terms a paragraph defines: "Confidential Information" means…, (the "Agreement"), (each a "Party",
 * collectively "Parties"), 本合同所称"保密信息"是指…, （以下简称"甲方"）, 甲方（买方）：… .
 * Read on the matching copy, where every kind of quote has become `"`.
 */

export interface Definition {
  term: string;
  /** `[start, end)` of the term (without quotes) in the matching copy. */
  start: number;
  end: number;
  /** `party` when the term is a party's designation in the party block (甲方：…). */
  source: 'quoted' | 'party' | 'plain';
  /** For party designations: the party's name as written after the colon, with its offsets. */
  name?: { text: string; start: number; end: number };
}

const EN_MEANS =
  /"([A-Za-z*_][^"]{0,60}?)"(?:\*\*|__|\*|<\/[a-z]+>)*\s*(?:,\s*)?(?:(?:of|for|with respect to|in relation to)\s+[^".;]{1,30}?\s+)?(?:shall\s+|will\s+)?(?:means?|mean:|has\s+the\s+meaning|have\s+the\s+meanings?|refers?\s+to|is\s+defined|includes?|shall\s+include)\b/g;
const PAREN = /\(([^()]{0,240})\)/g;
const QUOTED = /"([^"]{1,60})"/g;
/** What may stand between an opening parenthesis (or a comma) and a defined term: (the "X"), (each a "X"…). */
const DEFINITIONAL_LEAD =
  /^(?:[\s,;]|\b(?:each|individually|collectively|together|jointly|hereinafter|herein|referred|to|as|called|the|a|an|or|and|also|such|its|their|respectively|any|all|of|them|us|we|you|以下|简称|统称|下称|称|为|下文|或)\b|以下|简称|统称|下称|称|为|下文|或|:|：)*$/i;
const EN_PLAIN_MEANS =
  /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?([A-Z][A-Za-z-]*(?:\s+(?:of\s+)?[A-Z][A-Za-z-]*){0,4})\s+(?:shall\s+)?means\b/;

const ZH_CALLED_QUOTED = /(?:以下|下文|下称|以下简|以下统)(?:简|统)?称(?:为)?[:：]?\s*"([^"]{1,20})"/g;
const ZH_CALLED_PLAIN =
  /(?:以下|下文)(?:简|统)?称(?:为)?[:：]?\s*([\u4e00-\u9fffA-Za-z]{1,8})(?=[)）,，;；。、]|$)/g;
const ZH_MEANS = /"([^"]{1,20})"\s*(?:一词)?\s*(?:是指|指的是|系指|意指|指|包括|意为)/g;
const ZH_SO_CALLED =
  /本(?:合同|协议|条款)(?:中|项下)?所(?:称|指)的?"?([\u4e00-\u9fffA-Za-z]{1,15}?)"?\s*(?:是指|系指|指)/g;

const DESIGNATIONS =
  '甲方|乙方|丙方|丁方|买方|卖方|供方|需方|出卖人|买受人|采购方|供应方|委托方|受托方|委托人|受托人|出租方|承租方|出租人|承租人|发包人|承包人|发包方|承包方|披露方|接收方|许可方|被许可方|转让方|受让方|服务方|客户方|借款人|贷款人|保证人|定作人|承揽人';
const PARTY_LINE = new RegExp(
  `^\\s*(?:\\*\\*)?(${DESIGNATIONS})(?:\\s*\\(([\\u4e00-\\u9fffA-Za-z、/]{1,10})\\))?(?:\\*\\*)?\\s*(?:[(（][^)）]{0,8}[)）])?\\s*[:：]\\s*(.*)$`,
);

/** Role words of Chinese contracts, for party checks. */
export const ZH_DESIGNATIONS: readonly string[] = DESIGNATIONS.split('|');

function pushQuoted(out: Definition[], re: RegExp, text: string): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const term = m[1] ?? '';
    const start = m.index + m[0].indexOf(term, Math.max(0, m[0].indexOf('"')));
    out.push({ term: term.trim(), start, end: start + term.length, source: 'quoted' });
  }
}

/** Definitions made in one paragraph (matching copy), in order of appearance, without duplicates. */
export function findDefinitions(text: string, extra: readonly RegExp[] = []): Definition[] {
  const out: Definition[] = [];
  if (text.includes('"')) {
    pushQuoted(out, EN_MEANS, text);
    pushQuoted(out, ZH_MEANS, text);
    pushQuoted(out, ZH_CALLED_QUOTED, text);
    PAREN.lastIndex = 0;
    for (let p = PAREN.exec(text); p !== null; p = PAREN.exec(text)) {
      const inner = p[1] ?? '';
      const innerStart = p.index + 1;
      let lead = 0;
      QUOTED.lastIndex = 0;
      for (let q = QUOTED.exec(inner); q !== null; q = QUOTED.exec(inner)) {
        if (!DEFINITIONAL_LEAD.test(inner.slice(lead, q.index))) break;
        const term = q[1] ?? '';
        out.push({
          term,
          start: innerStart + q.index + 1,
          end: innerStart + q.index + 1 + term.length,
          source: 'quoted',
        });
        lead = q.index + q[0].length;
      }
    }
  }
  if (/[称指]/.test(text)) {
    ZH_CALLED_PLAIN.lastIndex = 0;
    for (let m = ZH_CALLED_PLAIN.exec(text); m !== null; m = ZH_CALLED_PLAIN.exec(text)) {
      const term = m[1] ?? '';
      const start = m.index + m[0].length - term.length;
      out.push({ term, start, end: start + term.length, source: 'plain' });
    }
    ZH_SO_CALLED.lastIndex = 0;
    for (let m = ZH_SO_CALLED.exec(text); m !== null; m = ZH_SO_CALLED.exec(text)) {
      const term = m[1] ?? '';
      const start = m.index + m[0].indexOf(term, 3);
      out.push({ term, start, end: start + term.length, source: 'plain' });
    }
  }
  const plain = EN_PLAIN_MEANS.exec(text);
  if (plain?.[1]) {
    const start = plain[0].indexOf(plain[1]);
    out.push({ term: plain[1], start, end: start + plain[1].length, source: 'plain' });
  }
  const party = PARTY_LINE.exec(text);
  if (party?.[1]) {
    const nameText = (party[3] ?? '').trim();
    const nameStart = text.length - (party[3] ?? '').length + (party[3] ?? '').indexOf(nameText);
    const termStart = text.indexOf(party[1]);
    const name =
      nameText === '' ? undefined : { text: nameText, start: nameStart, end: nameStart + nameText.length };
    out.push({ term: party[1], start: termStart, end: termStart + party[1].length, source: 'party', name });
    for (const alias of (party[2] ?? '').split(/[、/]/)) {
      // 甲方（买方）names a second role; 甲方（盖章）is a signature line.
      if (!ZH_DESIGNATIONS.includes(alias)) continue;
      const at = text.indexOf(alias, termStart + party[1].length);
      out.push({ term: alias, start: at, end: at + alias.length, source: 'party', name });
    }
  }
  for (const re of extra) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const term = m.groups?.term;
      if (term === undefined || m[0] === '') {
        if (m[0] === '') re.lastIndex++;
        continue;
      }
      const start = m.index + m[0].indexOf(term);
      out.push({ term, start, end: start + term.length, source: 'quoted' });
    }
  }
  // Markdown emphasis inside the quotes ("**MNDA**") is not part of the term.
  for (const d of out) {
    const m = /^(\*\*|__|\*|_)(.+)\1$/.exec(d.term);
    if (m?.[2]) {
      d.start += (m[1] ?? '').length;
      d.term = m[2];
      d.end = d.start + d.term.length;
    }
  }
  const seen = new Set<string>();
  return out
    .filter((d) => d.term !== '' && d.start >= 0)
    .sort((a, b) => a.start - b.start)
    .filter((d) => {
      const key = `${d.term}@${d.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
