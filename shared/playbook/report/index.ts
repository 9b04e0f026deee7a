export { formatJson, jsonReport } from './json';
export { createLocator, type Locator, type TextPosition } from './locate';
export { formatSarif, sarifReport } from './sarif';
export { formatText } from './text';
export { countLevels, type LevelCounts, type ReportFile, type ReportOptions } from './types';

export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
