/**
 * The playbook engine: contract checks as data, run over paragraphs.
 *
 * - `check(paragraphs, playbook)` → findings for a whole document
 * - `createChecker(playbook)` → an incremental checker (`checkAll`, `update`, `insert`, `remove`, `suppress`)
 * - `checkText(text)` → split a plain-text document, pick the playbook by language, check
 * - `parsePlaybook(text, filename)` → a validated playbook from JSON or YAML
 */

export { checkText, documentOffset, type TextCheck, type TextCheckOptions } from './check-text';
export { type Checker, type CheckOptions, check, createChecker } from './checker';
export { type ExampleFailure, runExample, verifyExamples } from './examples';
export { DOCUMENT_FINGERPRINT } from './fingerprint';
export { PlaybookError, type PlaybookIssue, parsePlaybook, validatePlaybook } from './load';
export {
  DEFAULT_PLAYBOOK_IDS,
  type DefaultPlaybookId,
  defaultPlaybook,
  isDefaultPlaybookId,
  playbookForLanguage,
} from './playbooks/index';
export {
  createLocator,
  formatJson,
  formatSarif,
  formatText,
  jsonReport,
  REPORT_FORMATS,
  type ReportFile,
  type ReportFormat,
  type ReportOptions,
  sarifReport,
} from './report/index';
export { RULE_KINDS } from './rules/index';
export { suppressionFor } from './suppressions';
export type { DocumentFinding, LocalFinding, ParagraphFacts } from './types';
