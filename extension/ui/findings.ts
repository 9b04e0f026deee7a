import type { Finding } from '@shared/schemas/finding';

export const FINDING_LEVELS = ['error', 'warning', 'info'] as const;

/** Findings by level, most serious first; suppressed findings are left out. Empty levels are dropped. */
export function groupFindings(findings: readonly Finding[]): { level: Finding['level']; items: Finding[] }[] {
  const open = findings.filter((f) => !f.suppression);
  return FINDING_LEVELS.map((level) => ({ level, items: open.filter((f) => f.level === level) })).filter(
    (g) => g.items.length > 0,
  );
}
