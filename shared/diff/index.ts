export { type Alignment, alignParagraphs } from './align';
export { comparisonKey, foldWidth } from './normalize';
export { type Paragraph, splitParagraphs } from './paragraphs';
export { diffClause, diffTexts } from './redline';
export { escapeHtml, type HtmlOptions, renderHtml } from './render/html';
export { renderTerminal, type TerminalOptions } from './render/terminal';
export { type Token, tokenize } from './tokens';
export type * from './types';
