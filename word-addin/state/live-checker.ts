/**
 * Checks kept up to date while the user types: the shared incremental checker is told only which
 * paragraphs changed (found by comparing the new paragraph texts with the ones it knows), so a
 * keystroke costs one paragraph's scan plus the document-level rules, not a whole check.
 */
import { type Checker, createChecker } from '@shared/playbook';
import type { Finding, SuppressionEntry } from '@shared/schemas/finding';
import type { Playbook } from '@shared/schemas/playbook';

/** Beyond this share of changed paragraphs a fresh check is cheaper than one update per paragraph. */
const REBUILD_SHARE = 0.5;

/** Brings `checker` to `next` with updates, removals and insertions between the common head and tail. */
export function applyParagraphChanges(checker: Checker, next: readonly string[]): Finding[] {
  const prev = checker.paragraphs();
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  const removed = endPrev - start;
  const added = endNext - start;
  if (removed === 0 && added === 0) return checker.findings();
  if (Math.max(removed, added) > REBUILD_SHARE * Math.max(next.length, 1)) return checker.checkAll(next);
  const common = Math.min(removed, added);
  let findings = checker.findings();
  for (let i = 0; i < common; i++) findings = checker.update(start + i, next[start + i]!);
  for (let i = common; i < removed; i++) findings = checker.remove(start + common);
  for (let i = common; i < added; i++) findings = checker.insert(start + i, next[start + i]!);
  return findings;
}

export interface LiveChecker {
  check(
    paragraphs: readonly string[],
    playbook: Playbook,
    suppressions: readonly SuppressionEntry[],
  ): Finding[];
}

export function createLiveChecker(): LiveChecker {
  let checker: Checker | null = null;
  let suppressionKey = '';
  return {
    check(paragraphs, playbook, suppressions) {
      // Another playbook (the document's language changed, or it was reloaded) or new suppressions:
      // start afresh.
      const key = JSON.stringify(suppressions);
      if (!checker || checker.playbook !== playbook || key !== suppressionKey) {
        checker = createChecker(playbook, { suppressions });
        suppressionKey = key;
        return checker.checkAll(paragraphs);
      }
      return applyParagraphChanges(checker, paragraphs);
    },
  };
}
