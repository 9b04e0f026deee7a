import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type ExtractedText, extractText } from '../ingest/extract-text';
import { errorText, LocalizedError, msg } from './ops/messages';

const PLAIN_TEXT = new Set(['.txt', '.md', '.markdown', '.text']);
const EXTRACTED = new Set(['.docx', '.pdf']);

/**
 * The text of a contract file for the commands that read documents (check, diff, extract): .txt and
 * .md as UTF-8, .docx and .pdf through the registry's text extraction. Anything that stops a file from
 * giving its text (missing, not UTF-8, corrupt, a scan without a text layer, another type) is a
 * LocalizedError saying so in both languages.
 */
export async function readDocumentText(path: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (!PLAIN_TEXT.has(ext) && !EXTRACTED.has(ext)) {
    throw new LocalizedError(
      msg(
        `${path}：不支持的文件类型（支持 .txt、.md、.docx、.pdf）`,
        `${path}: unsupported file type (use .txt, .md, .docx or .pdf)`,
      ),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new LocalizedError(
      msg(`无法读取文件 ${path}：${errorText(err)}`, `Cannot read ${path}: ${errorText(err)}`),
    );
  }
  if (PLAIN_TEXT.has(ext)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new LocalizedError(msg(`${path} 不是 UTF-8 文本`, `${path} is not UTF-8 text`));
    }
  }
  let extracted: ExtractedText;
  try {
    extracted = await extractText(bytes, basename(path));
  } catch (err) {
    throw new LocalizedError(
      msg(`无法读取 ${path} 的文字：${errorText(err)}`, `Cannot read the text of ${path}: ${errorText(err)}`),
    );
  }
  if (extracted.needsOcr) {
    throw new LocalizedError(
      msg(
        `${path} 是扫描件，没有文字层（需要先做文字识别）`,
        `${path} is a scan without a text layer (it needs OCR first)`,
      ),
    );
  }
  return extracted.text;
}
