/** The JSON report: every finding as the engine returns it, plus its line and column in the file. */
import { createLocator } from './locate';
import { countLevels, type ReportFile, type ReportOptions } from './types';

export function jsonReport(files: readonly ReportFile[], options: ReportOptions) {
  return {
    files: files.map((file) => {
      const locator = createLocator(file.paragraphs);
      return {
        path: file.path,
        language: file.language,
        playbook: { id: file.playbook.id, version: file.playbook.version },
        findings: file.findings
          .filter((f) => options.showSuppressed !== false || !f.suppression)
          .map((f) => ({
            ...f,
            start: locator.position(f.paragraphIndex, f.range[0]),
            end: locator.position(f.paragraphIndex, f.range[1]),
          })),
      };
    }),
    summary: countLevels(files),
  };
}

export function formatJson(files: readonly ReportFile[], options: ReportOptions): string {
  return `${JSON.stringify(jsonReport(files, options), null, 2)}\n`;
}
