/** Suppressing one finding with a recorded reason: matched by rule id plus paragraph fingerprint and/or matched text. */
import type { Finding, Suppression, SuppressionEntry } from '@shared/schemas/finding';

export class SuppressionSet {
  private readonly byRule = new Map<string, SuppressionEntry[]>();

  constructor(entries: readonly SuppressionEntry[] = []) {
    for (const e of entries) this.add(e);
  }

  isEmpty(): boolean {
    for (const list of this.byRule.values()) if (list.length > 0) return false;
    return true;
  }

  add(entry: SuppressionEntry): void {
    const list = this.byRule.get(entry.ruleId) ?? [];
    list.push(entry);
    this.byRule.set(entry.ruleId, list);
  }

  /** Removes the entries that cover a finding; true when there were some. */
  remove(finding: Pick<Finding, 'ruleId' | 'fingerprint' | 'match'>): boolean {
    const list = this.byRule.get(finding.ruleId);
    if (!list) return false;
    const kept = list.filter((e) => !covers(e, finding));
    this.byRule.set(finding.ruleId, kept);
    return kept.length !== list.length;
  }

  /** The suppression recorded for a finding, if any. */
  find(finding: Pick<Finding, 'ruleId' | 'fingerprint' | 'match'>): Suppression | undefined {
    const entry = this.byRule.get(finding.ruleId)?.find((e) => covers(e, finding));
    if (!entry) return undefined;
    const s: Suppression = { reason: entry.reason };
    if (entry.by !== undefined) s.by = entry.by;
    if (entry.at !== undefined) s.at = entry.at;
    return s;
  }

  entries(): SuppressionEntry[] {
    return [...this.byRule.values()].flat();
  }
}

function covers(e: SuppressionEntry, f: Pick<Finding, 'fingerprint' | 'match'>): boolean {
  if (e.fingerprint === undefined && e.match === undefined) return false;
  return (
    (e.fingerprint === undefined || e.fingerprint === f.fingerprint) &&
    (e.match === undefined || e.match === f.match)
  );
}

/** The entry that suppresses exactly this finding (same rule, same paragraph text, same matched text). */
export function suppressionFor(
  finding: Pick<Finding, 'ruleId' | 'fingerprint' | 'match'>,
  reason: string,
  by?: string,
  at?: string,
): SuppressionEntry {
  const entry: SuppressionEntry = {
    ruleId: finding.ruleId,
    fingerprint: finding.fingerprint,
    match: finding.match,
    reason,
  };
  if (by !== undefined) entry.by = by;
  if (at !== undefined) entry.at = at;
  return entry;
}
