/** Checking a whole plain-text document in one call: split into paragraphs, pick the playbook by language, check. */
import type { Finding, SuppressionEntry } from '@shared/schemas/finding';
import type { Playbook } from '@shared/schemas/playbook';
import { type DocumentLanguage, guessLanguage } from '@shared/text/language';
import { splitUnwrapped, type TextParagraph } from '@shared/text/paragraphs';
import { check } from './checker';
import { playbookForLanguage } from './playbooks/index';

export interface TextCheck {
  language: DocumentLanguage;
  playbook: Playbook;
  /** The paragraphs the findings' indexes refer to (lines, with hand-wrapped lines joined), with their offsets. */
  paragraphs: TextParagraph[];
  findings: Finding[];
}

export interface TextCheckOptions {
  /** The playbook to use; by default the shipped one for the document's language. */
  playbook?: Playbook;
  suppressions?: readonly SuppressionEntry[];
}

export function checkText(text: string, options: TextCheckOptions = {}): TextCheck {
  const language = guessLanguage(text);
  const playbook = options.playbook ?? playbookForLanguage(language);
  const paragraphs = splitUnwrapped(text);
  const findings = check(
    paragraphs.map((p) => p.text),
    playbook,
    { suppressions: options.suppressions },
  );
  return { language, playbook, paragraphs, findings };
}

/** Offset of a finding's start in the whole text. */
export function documentOffset(
  paragraphs: readonly TextParagraph[],
  finding: Pick<Finding, 'paragraphIndex' | 'range'>,
): number {
  return (paragraphs[finding.paragraphIndex]?.start ?? 0) + finding.range[0];
}
