/**
 * Playbook checks over the open document: one read of the paragraphs, the shared engine with the
 * playbook of the document's language, and the edits that apply a finding's fix.
 */
import type { Finding, FindingFix } from '@shared/schemas/finding';
import type { RuleLevel } from '@shared/schemas/playbook';
import { type DocumentLanguage, guessLanguage } from '@shared/text/language';
import type { DocumentHost, TargetOutcome, TextTarget } from '../office/document-host';
import type { LibraryOrigin } from './clause-library';
import { createLiveChecker, type LiveChecker } from './live-checker';
import { createPlaybookProvider, type PlaybookProvider } from './playbook-source';
import { loadSuppressions } from './suppressions';

export interface CheckRun {
  language: DocumentLanguage;
  /** The paragraph texts the findings refer to (to notice edits made since). */
  paragraphs: string[];
  findings: Finding[];
  /** Where the playbook came from: the registry, its offline copy, or the one shipped with the add-in. */
  playbookOrigin: LibraryOrigin;
}

export const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info'];

export interface CheckTools {
  live?: LiveChecker;
  playbooks?: PlaybookProvider;
}

/** One read of the document (a single sync in Word), then the playbook; `live` keeps work between runs. */
export async function runChecks(host: DocumentHost, tools: CheckTools = {}): Promise<CheckRun> {
  const live = tools.live ?? createLiveChecker();
  const playbooks = tools.playbooks ?? createPlaybookProvider();
  const paragraphs = (await host.readParagraphs()).map((p) => p.text);
  const suppressions = await loadSuppressions(host);
  const language = guessLanguage(paragraphs.join('\n'));
  const { playbook, origin } = await playbooks.get(language);
  const findings = live.check(paragraphs, playbook, suppressions);
  return { language, paragraphs, findings, playbookOrigin: origin };
}

/** Open findings by level, most serious first; accepted (suppressed) findings are left out. */
export function groupByLevel(findings: readonly Finding[]): Array<{ level: RuleLevel; findings: Finding[] }> {
  const open = findings.filter((f) => !f.suppression);
  return LEVELS.map((level) => ({ level, findings: open.filter((f) => f.level === level) })).filter(
    (g) => g.findings.length > 0,
  );
}

export function acceptedFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.suppression);
}

/** Puts the finding's message on its text as a Word comment (WordApi 1.4). */
export function commentOnFinding(
  host: DocumentHost,
  run: CheckRun,
  f: Finding,
  language: 'zh' | 'en',
): Promise<TargetOutcome> {
  return host.addComment(targetOf(run, f, f.range), `${f.message[language]} [${f.ruleId}]`);
}

/** Findings about something missing from the document have nothing to select. */
export function isLocated(f: Finding): boolean {
  return f.match.length > 0 || f.range[1] > f.range[0];
}

function targetOf(run: CheckRun, f: Finding, range: readonly [number, number]): TextTarget {
  const target: TextTarget = { paragraphIndex: f.paragraphIndex, start: range[0], end: range[1] };
  const text = run.paragraphs[f.paragraphIndex];
  if (text !== undefined) target.paragraphText = text;
  return target;
}

export function selectFinding(host: DocumentHost, run: CheckRun, f: Finding): Promise<TargetOutcome> {
  return host.selectRange(targetOf(run, f, f.range));
}

export async function applyFix(
  host: DocumentHost,
  run: CheckRun,
  f: Finding,
  fix: FindingFix,
): Promise<TargetOutcome> {
  const [outcome] = await host.applyEdits([{ ...targetOf(run, f, fix.range), replacement: fix.replacement }]);
  return outcome ?? 'not-found';
}

/** Open findings with exactly one fix: those can be fixed together without a choice to make. */
export function fixableFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppression && f.fixes.length === 1);
}

/** Applies every unambiguous fix in one batch of edits (a fixed number of syncs in Word). */
export async function applyAllFixes(
  host: DocumentHost,
  run: CheckRun,
): Promise<{ applied: number; skipped: number }> {
  const edits = fixableFindings(run.findings).map((f) => {
    const fix = f.fixes[0]!;
    return { ...targetOf(run, f, fix.range), replacement: fix.replacement };
  });
  const outcomes = await host.applyEdits(edits);
  const applied = outcomes.filter((o) => o === 'done').length;
  return { applied, skipped: outcomes.length - applied };
}
