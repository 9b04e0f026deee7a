import mammoth from 'mammoth';
import { readPdfText } from './pdf-text';
import { sniffType } from './sniff';
import { assertZipExpandsWithin, DEFAULT_MAX_UNZIPPED_BYTES } from './zip-guard';

export interface ExtractedText {
  text: string;
  pageCount: number | null;
  /** A PDF whose pages carry (almost) no text layer: a scan that needs OCR. */
  needsOcr: boolean;
}

export class UnreadableDocumentError extends Error {}

/** Fewer visible characters than this per page means the PDF is a scan. */
const MIN_CHARS_PER_PAGE = 20;

async function pdfText(bytes: Uint8Array): Promise<ExtractedText> {
  const { pages: raw, pageCount } = await readPdfText(bytes);
  const pages = raw.map((page) => page.replace(/[ \t]+\n/g, '\n').trim());
  const visible = pages.join('').replace(/\s/g, '').length;
  return {
    text: pages.join('\n\f\n'),
    pageCount,
    needsOcr: visible < MIN_CHARS_PER_PAGE * Math.max(1, pageCount),
  };
}

async function docxText(bytes: Uint8Array, maxUnzippedBytes: number): Promise<ExtractedText> {
  assertZipExpandsWithin(bytes, maxUnzippedBytes);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return { text: value.replace(/\n{3,}/g, '\n\n').trim(), pageCount: null, needsOcr: false };
}

/**
 * Extracts the plain text of a PDF, DOCX, TXT or Markdown file. The type is taken from the bytes;
 * the name only breaks ties. Throws UnreadableDocumentError for corrupt or unsupported files.
 */
export async function extractText(
  bytes: Uint8Array,
  filename: string,
  options: { maxUnzippedBytes?: number } = {},
): Promise<ExtractedText> {
  const type = sniffType(bytes.subarray(0, 8192));
  try {
    switch (type) {
      case 'pdf':
        return await pdfText(bytes);
      case 'docx':
        return await docxText(bytes, options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED_BYTES);
      case 'text':
        return { text: new TextDecoder('utf-8').decode(bytes), pageCount: null, needsOcr: false };
      case 'png':
      case 'jpeg':
      case 'tiff':
        return { text: '', pageCount: 1, needsOcr: true };
      default:
        throw new UnreadableDocumentError(`${filename}: not a PDF, DOCX or text file (${type}).`);
    }
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new UnreadableDocumentError(
      `${filename}: the ${type.toUpperCase()} file could not be read (${reason}).`,
    );
  }
}
