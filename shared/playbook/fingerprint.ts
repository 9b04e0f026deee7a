/** Short stable fingerprints of paragraph texts (FNV-1a, 32 bits), so suppressions follow a paragraph's text. */

export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Fingerprint of a paragraph's matching copy with all whitespace left out. */
export function paragraphFingerprint(matchingText: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < matchingText.length; i++) {
    const c = matchingText.charCodeAt(i);
    // The matching copy has only plain spaces left (tabs, breaks and the rest became U+0020).
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The fingerprint of findings about the whole document rather than one paragraph. */
export const DOCUMENT_FINGERPRINT = 'document';
