import { classifyContract } from '@shared/extract/title';
import type { Candidate } from '../adapters/types';

// Mail and portal prefixes that are not part of a contract's name.
const SUBJECT_PREFIX =
  /^\s*(?:(?:re|fw|fwd|aw|wg|回复|答复|转发)\s*[:：]\s*|please\s+docusign\s*:\s*|completed\s*:\s*|请签署\s*[:：]?\s*|已完成\s*[:：]\s*)+/i;

function baseName(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]{1,8}$/i, '').trim();
}

/** The title and type a new contract starts with, from what the page says about the document. */
export function prefillFiling(candidate: Candidate, defaultType: string): { title: string; type: string } {
  const subject = candidate.subject?.replace(SUBJECT_PREFIX, '').trim() ?? '';
  const name = baseName(candidate.fileName);
  const title = (subject || name || candidate.fileName).slice(0, 500);
  // The file name usually names the contract; the subject is the next best clue.
  const fromName = classifyContract(name, '');
  const type = fromName !== 'other' ? fromName : classifyContract(subject || null, '');
  return { title, type: type === 'other' ? defaultType : type };
}
