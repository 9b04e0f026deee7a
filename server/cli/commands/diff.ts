import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { diffTexts } from '@shared/diff/redline';
import { renderHtml } from '@shared/diff/render/html';
import { renderTerminal } from '@shared/diff/render/terminal';
import { type Language, LocalizedError, msg, reportingErrors } from '../ops/messages';
import { readDocumentText } from '../read-document';
import type { RegisterCommand } from './index';

interface DiffCommandOptions {
  html?: string;
  ignoreWhitespace?: boolean;
  ignorePunctuationWidth?: boolean;
  paragraphs?: string;
  context?: string;
  color?: boolean;
  exitCode?: boolean;
}

function parseContext(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'all') return Number.POSITIVE_INFINITY;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new LocalizedError(
      msg('--context 应为非负整数或 all', '--context must be a whole number of paragraphs or "all"'),
    );
  }
  return n;
}

export const registerDiff: RegisterCommand = (program) => {
  program
    .command('diff')
    .description(
      'Redline between two versions of a document (.txt, .md, .docx, .pdf): in the terminal, or as an HTML page',
    )
    .argument('<old>', 'the earlier version, or the standard text')
    .argument('<new>', 'the later version')
    .option('--html <file>', 'write the redline as a self-contained HTML page to this file')
    .option('--ignore-whitespace', 'differences in whitespace only are not changes')
    .option('--ignore-punctuation-width', 'full-width and half-width forms (，/, （/( １/1) compare equal')
    .option(
      '--paragraphs <mode>',
      '"line": every line is a paragraph; "block": blank lines separate paragraphs (default: block for .md, else line)',
    )
    .option(
      '--context <n>',
      'unchanged paragraphs shown around each change in the terminal, or "all" (default 1)',
    )
    .option('--no-color', 'no colours, even on a terminal')
    .option('--exit-code', 'exit with status 1 when the texts differ')
    .action(async (oldPath: string, newPath: string, o: DiffCommandOptions) => {
      await reportingErrors(async (lang: Language) => {
        const language = lang === 'zh' ? 'zh-CN' : 'en';
        const mode =
          o.paragraphs ?? ([oldPath, newPath].some((p) => /\.(md|markdown)$/i.test(p)) ? 'block' : 'line');
        if (mode !== 'line' && mode !== 'block') {
          throw new LocalizedError(
            msg('--paragraphs 只能是 line 或 block', '--paragraphs must be line or block'),
          );
        }
        const context = parseContext(o.context);
        const [oldText, newText] = await Promise.all([readDocumentText(oldPath), readDocumentText(newPath)]);
        const redline = diffTexts(oldText, newText, {
          ignoreWhitespace: o.ignoreWhitespace ?? false,
          ignorePunctuationWidth: o.ignorePunctuationWidth ?? false,
          paragraphs: mode,
        });

        if (o.html) {
          const page = renderHtml(redline, {
            language,
            oldName: basename(oldPath),
            newName: basename(newPath),
            title:
              lang === 'zh'
                ? `比对：${basename(oldPath)} → ${basename(newPath)}`
                : `Redline: ${basename(oldPath)} → ${basename(newPath)}`,
          });
          await writeFile(o.html, page, 'utf8');
          process.stdout.write(renderTerminal({ paragraphs: [], summary: redline.summary }, { language }));
          process.stdout.write(lang === 'zh' ? `已写入 ${o.html}\n` : `Wrote ${o.html}\n`);
        } else {
          const color = o.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
          process.stdout.write(renderTerminal(redline, { color, language, context }));
        }
        if (o.exitCode && !redline.summary.identical) process.exitCode = 1;
      });
    });
};
