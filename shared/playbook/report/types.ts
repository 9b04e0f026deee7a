/** What report formatters are given: each checked file with its paragraphs, findings and playbook. */
import type { Finding } from '@shared/schemas/finding';
import type { Playbook, RuleLevel } from '@shared/schemas/playbook';

export interface ReportFile {
  /** The path as the user gave it (shown and used as the SARIF artifact URI). */
  path: string;
  /** The paragraphs the findings' indexes refer to. */
  paragraphs: readonly string[];
  findings: readonly Finding[];
  playbook: Playbook;
  language?: 'zh' | 'en';
}

export interface ReportOptions {
  /** Language of the messages. */
  lang: 'zh' | 'en';
  /** Include suppressed findings (text and JSON list them marked; SARIF always carries them as suppressed). */
  showSuppressed?: boolean;
  toolVersion?: string;
}

export type LevelCounts = Record<RuleLevel, number> & { suppressed: number };

export function countLevels(files: readonly ReportFile[]): LevelCounts {
  const counts: LevelCounts = { error: 0, warning: 0, info: 0, suppressed: 0 };
  for (const f of files) {
    for (const finding of f.findings) {
      if (finding.suppression) counts.suppressed++;
      else counts[finding.level]++;
    }
  }
  return counts;
}
