/**
 * Redline for a terminal: deletions red and struck through, insertions green and underlined, filled
 * variables cyan. Without colour, wdiff-style marks: `[-deleted-]`, `{+inserted+}`, `{{name=value}}`.
 */
import type { Redline, RedlineOp, RedlineParagraph } from '../types';
import { movedLabel, type RenderLanguage, selectShown, summaryLines, unchangedLabel } from './messages';

export interface TerminalOptions {
  color?: boolean;
  language?: RenderLanguage;
  /** Unchanged paragraphs shown around each change (default 1; Infinity shows the whole text). */
  context?: number;
  /** Print the summary after the redline (default true). */
  summary?: boolean;
}

const ESC = '\u001b[';
const RESET = `${ESC}0m`;
const STYLE = {
  delete: `${ESC}31m${ESC}9m`,
  insert: `${ESC}32m${ESC}4m`,
  variable: `${ESC}36m`,
  dim: `${ESC}2m`,
  heading: `${ESC}1m`,
  moved: `${ESC}35m`,
};

const MARKER: Record<RedlineParagraph['kind'], string> = {
  equal: '  ',
  changed: '~ ',
  inserted: '+ ',
  deleted: '- ',
  moved: '> ',
};

function renderOp(op: RedlineOp, color: boolean): string {
  switch (op.op) {
    case 'equal':
      return op.text;
    case 'delete':
      return color ? `${STYLE.delete}${op.text}${RESET}` : `[-${op.text}-]`;
    case 'insert':
      return color ? `${STYLE.insert}${op.text}${RESET}` : `{+${op.text}+}`;
    case 'variable':
      return color ? `${STYLE.variable}${op.text}${RESET}` : `{{${op.name}=${op.text}}}`;
  }
}

function renderParagraph(p: RedlineParagraph, color: boolean, language: RenderLanguage): string {
  // Line breaks inside a paragraph (Markdown blocks) keep the paragraph's marker column.
  const body = p.ops
    .map((op) => renderOp(op, color))
    .join('')
    .replace(/\r\n|[\r\n\v]/g, '\n  ');
  const marker = color && p.kind !== 'equal' ? `${STYLE.heading}${MARKER[p.kind]}${RESET}` : MARKER[p.kind];
  if (p.kind !== 'moved') return `${marker}${body}`;
  const label = color ? `${STYLE.moved}${movedLabel(p, language)}${RESET}` : movedLabel(p, language);
  return `${marker}${label} ${body}`;
}

export function renderTerminal(redline: Redline, options: TerminalOptions = {}): string {
  const color = options.color ?? false;
  const language = options.language ?? 'en';
  const lines: string[] = [];
  for (const item of selectShown(redline.paragraphs, options.context ?? 1)) {
    if ('hidden' in item) {
      const label = unchangedLabel(item.hidden, language);
      lines.push(color ? `${STYLE.dim}  ${label}${RESET}` : `  ${label}`);
    } else lines.push(renderParagraph(item.paragraph, color, language));
  }
  if (options.summary ?? true) {
    if (lines.length > 0) lines.push('');
    for (const [i, line] of summaryLines(redline.summary, language).entries()) {
      lines.push(color && i === 0 ? `${STYLE.heading}${line}${RESET}` : line);
    }
  }
  return `${lines.join('\n')}\n`;
}
