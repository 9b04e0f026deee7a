import { CONTRACT_TYPE_CUES, type ContractType } from './contract-types';

const AGREEMENT_WORD =
  /\b(?:agreement|contract|addendum|amendment|licen[cs]e|lease|memorandum|deed|terms\s+and\s+conditions|statement\s+of\s+work|purchase\s+order)\b|合同|协议|契约|确认书|备忘录|订单/i;
// Lines near the top that are not the title.
const NOT_TITLE =
  /^(?:exhibit|source:|page\b|table\s+of\s+contents|confidential|certain\s+(?:confidential\s+)?information|execution\s+(?:version|copy)|\[\*+\]|\*+|redacted|form\s+of\b|\d+$)|\.{4,}|\bthis\s+\w+|\b(?:is|are)\s+(?:made|entered)|\bhereby\b|\bpursuant\b|^第[一二三四五六七八九十\d]+条|^合同编号|^编号/i;

function cleanTitle(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .replace(/^[\s*#\-–—_]+|[\s*#:\-–—_.,;]+$/g, '')
    .trim();
}

/** The contract's title: the first short heading near the top that names an agreement; null when none. */
export function findTitle(text: string): string | null {
  const lines = text
    .slice(0, 8000)
    .split('\n')
    .map(cleanTitle)
    .filter((l) => l !== '');
  for (const line of lines.slice(0, 60)) {
    if (line.length > 120 || !AGREEMENT_WORD.test(line) || NOT_TITLE.test(line)) continue;
    // A heading is short and carries no sentence punctuation.
    if (/[.;。；]\s/.test(line) && line.length > 60) continue;
    return line;
  }
  // No heading: "THIS MASTER SUPPLY AGREEMENT ("Agreement") is made …" names the contract in its first sentence.
  const preamble = /\bthis\s+((?:[A-Z][\w,&'-]*\s+){0,8}?(?:AGREEMENT|Agreement|CONTRACT|Contract))\b/.exec(
    text.slice(0, 8000),
  );
  return preamble ? cleanTitle(preamble[1] ?? '') : null;
}

/** The type of contract from its title (or, without one, its opening text). */
export function classifyContract(title: string | null, text: string): ContractType {
  const sources = title ? [title] : [text.slice(0, 3000)];
  for (const source of sources) {
    for (const cue of CONTRACT_TYPE_CUES) {
      if (cue.en.test(source) || cue.zh.test(source)) return cue.type;
    }
  }
  return 'other';
}
