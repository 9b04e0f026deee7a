/** The text report: one line per finding, `file:line:column level ruleId message`, then a summary. */
import { createLocator } from './locate';
import { countLevels, type ReportFile, type ReportOptions } from './types';

export function formatText(files: readonly ReportFile[], options: ReportOptions): string {
  const lines: string[] = [];
  for (const file of files) {
    const locator = createLocator(file.paragraphs);
    for (const f of file.findings) {
      if (f.suppression && !options.showSuppressed) continue;
      const { line, column } = locator.position(f.paragraphIndex, f.range[0]);
      const suppressed = f.suppression ? ` [suppressed: ${f.suppression.reason}]` : '';
      lines.push(
        `${file.path}:${line}:${column} ${f.level} ${f.ruleId} ${f.message[options.lang]}${suppressed}`,
      );
    }
  }
  const c = countLevels(files);
  const summary =
    options.lang === 'zh'
      ? `${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示${c.suppressed ? `（另有 ${c.suppressed} 个已忽略）` : ''}`
      : `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info${c.suppressed ? ` (${c.suppressed} suppressed)` : ''}`;
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}
