/**
 * `pactfile check <files…>`: runs a playbook over contracts and reports the findings as text, JSON or
 * SARIF. Exit status: 1 when any error-level finding is left, 0 otherwise, 2 on bad usage or a file that
 * cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { checkText } from '@shared/playbook/check-text';
import { PlaybookError, parsePlaybook } from '@shared/playbook/load';
import { defaultPlaybook, isDefaultPlaybookId } from '@shared/playbook/playbooks/index';
import {
  formatJson,
  formatSarif,
  formatText,
  REPORT_FORMATS,
  type ReportFile,
} from '@shared/playbook/report/index';
import { type SuppressionEntry, suppressionEntrySchema } from '@shared/schemas/finding';
import type { Playbook } from '@shared/schemas/playbook';
import { CommanderError } from 'commander';
import { z } from 'zod';
import { cliLanguage, errorText, type Language, LocalizedError, msg } from '../ops/messages';
import { readDocumentText } from '../read-document';
import type { RegisterCommand } from './index';

interface CheckCommandOptions {
  playbook?: string;
  format?: string;
  lang?: string;
  suppressions?: string;
  showSuppressed?: boolean;
}

/** Exit status for bad usage and unreadable files. */
const USAGE = 2;

/** `zh-CN`, `en`, or a playbook file (JSON or YAML). */
async function loadPlaybookOption(value: string): Promise<Playbook> {
  if (isDefaultPlaybookId(value)) return defaultPlaybook(value);
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (err) {
    throw new LocalizedError(
      msg(
        `找不到审查规则 ${value}：请使用 zh-CN、en 或规则文件路径（${errorText(err)}）`,
        `Unknown playbook ${value}: give zh-CN, en or the path of a playbook file (${errorText(err)})`,
      ),
    );
  }
  try {
    return parsePlaybook(text, value);
  } catch (err) {
    if (err instanceof PlaybookError) throw new LocalizedError(msg(err.message, err.message));
    throw err;
  }
}

async function loadSuppressions(path: string): Promise<SuppressionEntry[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new LocalizedError(
      msg(
        `无法读取忽略清单 ${path}：${errorText(err)}`,
        `Cannot read the suppressions file ${path}: ${errorText(err)}`,
      ),
    );
  }
  const parsed = z.array(suppressionEntrySchema).safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ');
    throw new LocalizedError(
      msg(`忽略清单 ${path} 格式不正确：${detail}`, `The suppressions file ${path} is not valid: ${detail}`),
    );
  }
  return parsed.data;
}

async function runCheck(files: string[], o: CheckCommandOptions, lang: Language): Promise<number> {
  const format = o.format ?? 'text';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new LocalizedError(
      msg(
        `--format 只能是 ${REPORT_FORMATS.join('、')}`,
        `--format must be one of ${REPORT_FORMATS.join(', ')}`,
      ),
    );
  }
  if (o.lang !== undefined && o.lang !== 'zh' && o.lang !== 'en') {
    throw new LocalizedError(msg('--lang 只能是 zh 或 en', '--lang must be zh or en'));
  }
  const messages: Language = (o.lang as Language | undefined) ?? lang;
  const playbook = o.playbook ? await loadPlaybookOption(o.playbook) : undefined;
  const suppressions = o.suppressions ? await loadSuppressions(o.suppressions) : [];

  const reports: ReportFile[] = [];
  let unreadable = 0;
  for (const path of files) {
    let text: string;
    try {
      text = await readDocumentText(path);
    } catch (err) {
      if (!(err instanceof LocalizedError)) throw err;
      console.error(err.localized[lang]);
      unreadable++;
      continue;
    }
    const result = checkText(text, { playbook, suppressions });
    reports.push({
      path,
      paragraphs: result.paragraphs.map((p) => p.text),
      findings: result.findings,
      playbook: result.playbook,
      language: result.language,
    });
  }

  const options = { lang: messages, showSuppressed: o.showSuppressed ?? false };
  if (reports.length === 0 && format === 'text') return USAGE;
  const out =
    format === 'sarif'
      ? formatSarif(reports, options)
      : format === 'json'
        ? formatJson(reports, { ...options, showSuppressed: o.showSuppressed ?? true })
        : formatText(reports, options);
  process.stdout.write(out);

  if (unreadable > 0) return USAGE;
  const errors = reports.some((r) => r.findings.some((f) => f.level === 'error' && !f.suppression));
  return errors ? 1 : 0;
}

export const registerCheck: RegisterCommand = (program) => {
  program
    .command('check')
    .description('Check contracts (.txt, .md, .docx, .pdf) against a playbook; exit 1 when an error is found')
    .argument('<files...>', 'the contracts to check')
    .option(
      '-p, --playbook <playbook>',
      'zh-CN, en, or a playbook file (JSON or YAML); default: by document language',
    )
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(' | ')}`, 'text')
    .option('--lang <lang>', 'language of the messages: zh | en (default: the terminal language)')
    .option(
      '--suppressions <file>',
      'JSON list of accepted findings: { ruleId, fingerprint?, match?, reason }',
    )
    .option('--show-suppressed', 'list suppressed findings too')
    // Bad usage exits with 2 (commander's own errors would give 1); help still exits with 0.
    .exitOverride((err) => {
      if (err.exitCode === 0) throw err;
      throw new CommanderError(USAGE, err.code, err.message);
    })
    .action(async (files: string[], o: CheckCommandOptions) => {
      const lang = cliLanguage();
      try {
        process.exitCode = await runCheck(files, o, lang);
      } catch (err) {
        if (!(err instanceof LocalizedError)) throw err;
        console.error(err.localized[lang]);
        process.exitCode = USAGE;
      }
    });
};
