/**
 * Text prepared for the full-text index, in Chinese and English. Word boundaries come from
 * Intl.Segmenter; Chinese words of three or more characters also get their two-character pieces,
 * so a query for 协议 finds 协议书 even where the segmenter cut the text differently.
 */
import { segments } from '@shared/text/segment';

const HAN = /\p{Script=Han}/u;

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Words of a text, folded (NFKC, lower case), in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const seg of segments(fold(text))) if (seg.isWordLike) out.push(seg.segment);
  return out;
}

/**
 * The text with a space between every two adjacent words (Chinese has none), so that a plain
 * tokenizer (FTS5 unicode61, PostgreSQL 'simple') sees the segmenter's words.
 */
export function segmentedText(text: string): string {
  let out = '';
  let prevWord = false;
  for (const seg of segments(fold(text))) {
    if (seg.isWordLike && prevWord) out += ' ';
    out += seg.segment;
    prevWord = seg.isWordLike;
  }
  return out;
}

/** Two-character pieces of the longer Chinese words, for recall. */
export function hanBigrams(text: string): string {
  const grams = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 3 || !HAN.test(w)) continue;
    for (let i = 0; i + 2 <= w.length; i++) grams.add(w.slice(i, i + 2));
  }
  return [...grams].join(' ');
}

/** Undoes the spaces that segmentedText put between Chinese characters, for display. */
export function unsegment(text: string): string {
  return text.replace(/(?<=\p{Script=Han}[\uE000\uE001]?) (?=[\uE000\uE001]?\p{Script=Han})/gu, '');
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Turns a snippet whose matches are wrapped in \uE000…\uE001 into safe HTML with <mark>. */
export function snippetHtml(marked: string): string {
  return escapeHtml(unsegment(marked).replace(/\s+/g, ' ').trim())
    .replaceAll('\uE000', '<mark>')
    .replaceAll('\uE001', '</mark>');
}
