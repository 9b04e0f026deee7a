import { extractContractMetadata } from '@shared/extract';
import { checkText } from '@shared/playbook';
import type { AnalysisRepo } from '../db/repos/analysis';
import type { VersionsRepo } from '../db/repos/versions';
import type { PlaybookStore } from './playbook-store';

/**
 * Runs the playbook and the metadata extraction over a version's text and stores the result. A
 * version without text (a scan, an unreadable file) has nothing to analyse.
 */
export async function analyzeVersion(
  deps: { versions: VersionsRepo; analysis: AnalysisRepo; playbooks: PlaybookStore },
  versionId: string,
): Promise<boolean> {
  const text = await deps.versions.text(versionId);
  if (!text?.trim()) return false;
  const metadata = extractContractMetadata(text);
  const { playbook, version } = await deps.playbooks.forLanguage(metadata.language);
  const { findings } = checkText(text, { playbook });
  await deps.analysis.save({
    versionId,
    language: metadata.language,
    playbook: { id: playbook.id, version: String(version) },
    findings,
    metadata,
  });
  return true;
}
