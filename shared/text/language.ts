/** A document's working language, guessed from its script: Han characters against Latin letters. */

export type DocumentLanguage = 'zh' | 'en';

/** How many characters are looked at: the head of a document says enough. */
const SAMPLE = 20_000;

export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/**
 * `zh` when Han characters hold their own against Latin letters (a Han character carries about as much as a
 * four- or five-letter word), `en` otherwise. A Chinese contract full of English company names stays `zh`;
 * an English one with a Chinese party name stays `en`.
 */
export function guessLanguage(text: string): DocumentLanguage {
  let han = 0;
  let latin = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff5a)) latin++;
  }
  return han > 0 && han * 4 >= latin ? 'zh' : 'en';
}
