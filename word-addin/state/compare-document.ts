/**
 * The whole document against its last version in the registry: the version's extracted text and the
 * paragraphs now in Word go through the shared redline, and a short summary tells a reviewer what moved:
 * paragraphs changed, added and removed, words, and the changes that touch figures (amounts, days, rates).
 */
import { diffTexts } from '@shared/diff/index';
import type { Redline, RedlineParagraph } from '@shared/diff/types';
import type { DocumentHost } from '../office/document-host';
import type { RegistryClient, VersionInfo } from '../registry/client';
import { linkedContractId } from './save-document';

export interface DeviationSummary {
  identical: boolean;
  paragraphs: { changed: number; inserted: number; deleted: number; moved: number };
  words: { inserted: number; deleted: number };
  /** 0..100, unchanged characters of both texts. */
  similarity: number;
  /** Changed, added or removed paragraphs whose changed text contains a figure: a reviewer reads these first. */
  figureChanges: number;
}

export type DocumentComparison =
  | { kind: 'not-linked' }
  | { kind: 'no-version'; contractId: string }
  /** The registry has not extracted the version's text yet (or could not). */
  | { kind: 'no-text'; contractId: string; version: VersionInfo }
  | {
      kind: 'compared';
      contractId: string;
      version: VersionInfo;
      redline: Redline;
      summary: DeviationSummary;
    };

const FIGURE = /\p{Nd}|[零〇一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/u;

/** Whether what changed in a paragraph includes a figure. */
export function touchesFigures(p: RedlineParagraph): boolean {
  return p.ops.some((op) => (op.op === 'insert' || op.op === 'delete') && FIGURE.test(op.text));
}

export function deviationSummary(redline: Redline): DeviationSummary {
  const { paragraphs, words, similarity, identical } = redline.summary;
  return {
    identical,
    paragraphs: {
      changed: paragraphs.changed,
      inserted: paragraphs.inserted,
      deleted: paragraphs.deleted,
      moved: paragraphs.moved,
    },
    words: { inserted: words.inserted, deleted: words.deleted },
    similarity: Math.round(similarity * 100),
    figureChanges: redline.paragraphs.filter((p) => p.kind !== 'equal' && touchesFigures(p)).length,
  };
}

/** Compares the open document with the newest version of its linked contract. */
export async function compareWithLastVersion(
  host: DocumentHost,
  client: RegistryClient,
): Promise<DocumentComparison> {
  const contractId = await linkedContractId(host);
  if (!contractId) return { kind: 'not-linked' };
  const versions = await client.versions(contractId);
  const version = versions.reduce<VersionInfo | undefined>(
    (a, v) => (!a || v.seq > a.seq ? v : a),
    undefined,
  );
  if (!version) return { kind: 'no-version', contractId };
  if (version.text.status !== 'done') return { kind: 'no-text', contractId, version };
  const [saved, paragraphs] = await Promise.all([
    client.versionText(contractId, version.id),
    host.readParagraphs(),
  ]);
  const current = paragraphs.map((p) => p.text).join('\n');
  // Extraction and Word differ in spacing and in how they write some punctuation: not changes.
  const redline = diffTexts(saved, current, { ignoreWhitespace: true, ignorePunctuationWidth: true });
  return { kind: 'compared', contractId, version, redline, summary: deviationSummary(redline) };
}
