/**
 * Redline as a self-contained HTML page (inline styles, no scripts): `<del>` and `<ins>` for changes,
 * a marked `<span>` for filled variables, every piece of contract text escaped.
 */
import type { Redline, RedlineOp, RedlineParagraph } from '../types';
import { movedLabel, type RenderLanguage, selectShown, summaryLines, unchangedLabel } from './messages';

export interface HtmlOptions {
  title?: string;
  language?: RenderLanguage;
  /** Unchanged paragraphs shown around each change (default: the whole text). */
  context?: number;
  /** Names of the compared texts, shown under the title. */
  oldName?: string;
  newName?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
  body { font: 15px/1.6 -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
         max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.4rem; margin-bottom: .25rem; }
  .files { color: #59636e; margin-top: 0; }
  .summary { background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: .75rem 1rem; }
  .summary p { margin: .15rem 0; }
  .para { margin: .6rem 0; padding: .1rem .6rem; border-left: 3px solid transparent; white-space: pre-wrap; }
  .para.changed { border-left-color: #bf8700; }
  .para.inserted { border-left-color: #1a7f37; background: #f0fff4; }
  .para.deleted { border-left-color: #cf222e; background: #fff5f5; }
  .para.moved { border-left-color: #8250df; }
  .moved-label { color: #8250df; font-size: .85em; }
  .hidden { color: #59636e; font-style: italic; margin: .6rem 0; padding-left: .6rem; }
  del { color: #cf222e; background: #ffebe9; text-decoration: line-through; }
  ins { color: #1a7f37; background: #dafbe1; text-decoration: underline; }
  .var { background: #ddf4ff; border-bottom: 1px dotted #0969da; }
`;

function renderOp(op: RedlineOp): string {
  switch (op.op) {
    case 'equal':
      return escapeHtml(op.text);
    case 'delete':
      return `<del>${escapeHtml(op.text)}</del>`;
    case 'insert':
      return `<ins>${escapeHtml(op.text)}</ins>`;
    case 'variable':
      return `<span class="var" title="${escapeHtml(`${op.name}: ${op.placeholder}`)}">${escapeHtml(op.text)}</span>`;
  }
}

function renderParagraph(p: RedlineParagraph, language: RenderLanguage): string {
  const label =
    p.kind === 'moved' ? `<span class="moved-label">${escapeHtml(movedLabel(p, language))}</span> ` : '';
  return `<p class="para ${p.kind}">${label}${p.ops.map(renderOp).join('')}</p>`;
}

export function renderHtml(redline: Redline, options: HtmlOptions = {}): string {
  const language = options.language ?? 'en';
  const title = options.title ?? (language === 'zh-CN' ? '文本比对' : 'Redline');
  const files =
    options.oldName !== undefined && options.newName !== undefined
      ? `<p class="files">${escapeHtml(options.oldName)} → ${escapeHtml(options.newName)}</p>`
      : '';
  const summary = summaryLines(redline.summary, language)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  const body = selectShown(redline.paragraphs, options.context ?? Number.POSITIVE_INFINITY)
    .map((item) =>
      'hidden' in item
        ? `<p class="hidden">${escapeHtml(unchangedLabel(item.hidden, language))}</p>`
        : renderParagraph(item.paragraph, language),
    )
    .join('\n');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${files}
<section class="summary">
${summary}
</section>
<main>
${body}
</main>
</body>
</html>
`;
}
