/** Words the renderers print, in both working languages. */
import type { RedlineParagraph, RedlineSummary } from '../types';

export type RenderLanguage = 'zh-CN' | 'en';

export function movedLabel(p: RedlineParagraph, language: RenderLanguage): string {
  const from = (p.from?.index ?? 0) + 1;
  const to = (p.to?.index ?? 0) + 1;
  return language === 'zh-CN' ? `（第 ${from} 段移至第 ${to} 段）` : `(moved from ¶${from} to ¶${to})`;
}

export function unchangedLabel(count: number, language: RenderLanguage): string {
  return language === 'zh-CN'
    ? `…… ${count} 段未改动 ……`
    : `… ${count} unchanged paragraph${count === 1 ? '' : 's'} …`;
}

export function summaryLines(s: RedlineSummary, language: RenderLanguage): string[] {
  const pct = (s.similarity * 100).toFixed(1);
  const p = s.paragraphs;
  if (language === 'zh-CN') {
    return [
      s.identical ? '两份文本一致（忽略已填写的变量和所选差异）。' : '比对结果：',
      `段落：改动 ${p.changed}，新增 ${p.inserted}，删除 ${p.deleted}，移动 ${p.moved}，未改动 ${p.equal}（原 ${p.old} 段，现 ${p.new} 段）`,
      `词语：新增 ${s.words.inserted}，删除 ${s.words.deleted}，合计改动 ${s.words.changed}；已填写变量 ${s.words.variables}`,
      `相似度：${pct}%`,
    ];
  }
  return [
    s.identical ? 'The texts match (filled variables and ignored differences aside).' : 'Comparison:',
    `Paragraphs: ${p.changed} changed, ${p.inserted} inserted, ${p.deleted} deleted, ${p.moved} moved, ${p.equal} unchanged (${p.old} before, ${p.new} after)`,
    `Words: ${s.words.inserted} inserted, ${s.words.deleted} deleted, ${s.words.changed} changed in all; ${s.words.variables} filled variables`,
    `Similarity: ${pct}%`,
  ];
}

/**
 * Which paragraphs to show: all changes, plus `context` unchanged paragraphs on each side of them.
 * Returns the shown paragraphs and the runs of hidden ones, in order.
 */
export type Shown = { paragraph: RedlineParagraph } | { hidden: number };

export function selectShown(paragraphs: readonly RedlineParagraph[], context: number): Shown[] {
  if (!Number.isFinite(context)) return paragraphs.map((paragraph) => ({ paragraph }));
  const keep = new Array<boolean>(paragraphs.length).fill(false);
  paragraphs.forEach((p, i) => {
    if (p.kind === 'equal') return;
    for (let k = Math.max(0, i - context); k <= Math.min(paragraphs.length - 1, i + context); k++)
      keep[k] = true;
  });
  const out: Shown[] = [];
  let hidden = 0;
  paragraphs.forEach((paragraph, i) => {
    if (keep[i]) {
      if (hidden > 0) out.push({ hidden });
      hidden = 0;
      out.push({ paragraph });
    } else hidden++;
  });
  if (hidden > 0) out.push({ hidden });
  return out;
}
