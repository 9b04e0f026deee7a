/** What a file really is, judged from its first bytes rather than its name. */
export type SniffedType = 'pdf' | 'docx' | 'zip' | 'doc' | 'png' | 'jpeg' | 'tiff' | 'text' | 'unknown';

export const MEDIA_TYPES: Record<SniffedType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  doc: 'application/msword',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  text: 'text/plain; charset=utf-8',
  unknown: 'application/octet-stream',
};

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** Where the sample ends once a multi-byte character cut at its end is left out. */
export function completeUtf8End(head: Uint8Array): number {
  let lead = head.length - 1;
  // Back over at most three continuation bytes (10xxxxxx) to the byte that starts the last character.
  while (lead >= 0 && head.length - lead <= 3 && ((head[lead] ?? 0) & 0xc0) === 0x80) lead--;
  if (lead < 0) return head.length;
  const b = head[lead] ?? 0;
  const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return head.length - lead < needed ? lead : head.length;
}

function looksLikeUtf8Text(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  try {
    // The sample may end inside a character; a file that fits in it is checked whole.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, completeUtf8End(head)));
    return true;
  } catch {
    return false;
  }
}

/**
 * Sniffs the type from the bytes. `head` should be the first few KiB of the file; a ZIP is told
 * to be a DOCX by the `word/` part names that appear in its local headers.
 */
export function sniffType(head: Uint8Array): SniffedType {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const ascii = new TextDecoder('latin1').decode(head);
    return ascii.includes('word/') || ascii.includes('[Content_Types].xml') ? 'docx' : 'zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (looksLikeUtf8Text(head)) return 'text';
  return 'unknown';
}

/** The type a file name promises, from its extension. */
export function typeFromFilename(filename: string): SniffedType | null {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, SniffedType> = {
    pdf: 'pdf',
    docx: 'docx',
    doc: 'doc',
    png: 'png',
    jpg: 'jpeg',
    jpeg: 'jpeg',
    tif: 'tiff',
    tiff: 'tiff',
    txt: 'text',
    md: 'text',
    zip: 'zip',
  };
  return byExt[ext] ?? null;
}

/** True when the bytes are what the file name says (files without a known extension pass). */
export function nameMatchesBytes(filename: string, sniffed: SniffedType): boolean {
  const promised = typeFromFilename(filename);
  if (promised === null) return true;
  if (promised === 'docx') return sniffed === 'docx';
  return promised === sniffed;
}
