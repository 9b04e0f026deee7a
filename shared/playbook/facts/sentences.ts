/** Sentence ranges of a (normalised) paragraph: the unit threshold and cap rules look inside. */

/** Abbreviations whose full stop does not end an English sentence. */
const ABBREVIATION =
  /(?:\b(?:Inc|Ltd|Co|Corp|No|Nos|Mr|Mrs|Ms|Dr|St|Sec|Art|e\.g|i\.e|etc|vs|U\.S|approx|para|cf)|\b[A-Z])$/;

const BREAK = /[。；;！!？?]|\.(?=\s+["'(]?[A-Z0-9\u4e00-\u9fff]|\s*$)/g;

/** `[start, end)` of each sentence, ends including the punctuation. Whitespace-only sentences are dropped. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    if (m[0] === '.' && ABBREVIATION.test(text.slice(Math.max(start, m.index - 8), m.index))) continue;
    const end = m.index + 1;
    if (text.slice(start, end).trim() !== '') out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim() !== '') out.push([start, text.length]);
  return out;
}
