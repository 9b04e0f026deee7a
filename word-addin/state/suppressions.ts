/**
 * Findings accepted as they are, each with a reason, kept in the document's settings so they travel with
 * the file and every reviewer sees the same decisions.
 */
import { suppressionFor } from '@shared/playbook';
import { type Finding, type SuppressionEntry, suppressionEntrySchema } from '@shared/schemas/finding';
import type { DocumentHost } from '../office/document-host';

export const SUPPRESSIONS_SETTING = 'pactfile.suppressions';

/** The stored entries; unreadable ones are dropped rather than failing the check. */
export async function loadSuppressions(host: DocumentHost): Promise<SuppressionEntry[]> {
  const raw = await host.getSetting(SUPPRESSIONS_SETTING);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((e) => {
      const ok = suppressionEntrySchema.safeParse(e);
      return ok.success ? [ok.data] : [];
    });
  } catch {
    return [];
  }
}

const covers = (e: SuppressionEntry, f: Finding) =>
  e.ruleId === f.ruleId &&
  (e.fingerprint === undefined || e.fingerprint === f.fingerprint) &&
  (e.match === undefined || e.match === f.match);

export async function acceptFinding(
  host: DocumentHost,
  f: Finding,
  reason: string,
  by?: string,
): Promise<void> {
  const entries = await loadSuppressions(host);
  entries.push(suppressionFor(f, reason.trim(), by, new Date().toISOString()));
  await host.setSetting(SUPPRESSIONS_SETTING, JSON.stringify(entries));
}

export async function reopenFinding(host: DocumentHost, f: Finding): Promise<void> {
  const entries = (await loadSuppressions(host)).filter((e) => !covers(e, f));
  await host.setSetting(SUPPRESSIONS_SETTING, JSON.stringify(entries));
}
