/** How an import is told to the user: one line per item, and a summary with every failure and its reason. */
import type { ImportItem, ImportReport } from './import-folder';
import type { Language } from './messages';

const LIST_SKIPPED_UP_TO = 20;

/** Where an item comes from: the file, or the ledger row (第 5 行 in Chinese). */
function sourceOf(item: ImportItem, lang: Language): string {
  if (item.row === null || lang === 'en') return item.source;
  return item.source.replace(/ row \d+$/, ` 第 ${item.row} 行`);
}

/** One line for an item, as printed while importing when the output is not a terminal. */
export function importItemLine(item: ImportItem, lang: Language): string {
  const number = item.contract?.number ?? '';
  if (item.status === 'imported') {
    const target = number ? ` → ${number}` : lang === 'zh' ? ' → 新合同' : ' → new contract';
    return `${lang === 'zh' ? '导入' : 'imported'}  ${sourceOf(item, lang)}${target}`;
  }
  if (item.status === 'skipped')
    return `${lang === 'zh' ? '跳过' : 'skipped'}   ${sourceOf(item, lang)}: ${item.reason?.[lang] ?? ''}`;
  return `${lang === 'zh' ? '失败' : 'FAILED'}    ${sourceOf(item, lang)}: ${item.reason?.[lang] ?? ''}`;
}

/** The summary printed at the end of an import. */
export function importSummary(report: ImportReport, lang: Language): string[] {
  const { imported, skipped, failed, documents } = report;
  const lines: string[] = [];
  const zh = lang === 'zh';
  if (report.ledger) {
    lines.push(
      zh
        ? `台账 ${report.ledger.name}：${report.ledger.rows} 行（编码 ${report.ledger.encoding}）`
        : `Ledger ${report.ledger.name}: ${report.ledger.rows} rows (${report.ledger.encoding})`,
    );
  }
  if (report.dryRun) {
    lines.push(
      zh
        ? `试运行：将导入 ${imported} 份合同（${documents} 个文件），跳过 ${skipped} 份（已在登记册中），失败 ${failed} 份。未写入任何内容。`
        : `Dry run: would import ${imported} contract(s) with ${documents} document(s); ${skipped} skipped (already in the registry); ${failed} failed. Nothing was written.`,
    );
  } else {
    lines.push(
      zh
        ? `已导入 ${imported} 份合同（${documents} 个文件），跳过 ${skipped} 份（已在登记册中），失败 ${failed} 份。`
        : `Imported ${imported} contract(s) with ${documents} document(s); ${skipped} skipped (already in the registry); ${failed} failed.`,
    );
  }
  if (report.ignoredFiles > 0) {
    lines.push(
      zh
        ? `另有 ${report.ignoredFiles} 个非 PDF/DOCX 文件未导入。`
        : `${report.ignoredFiles} other file(s) in the folder are not PDF/DOCX and were passed over.`,
    );
  }
  const skippedItems = report.items.filter((i) => i.status === 'skipped');
  if (skippedItems.length > 0 && skippedItems.length <= LIST_SKIPPED_UP_TO) {
    lines.push(zh ? '跳过：' : 'Skipped:');
    for (const i of skippedItems) lines.push(`  ${sourceOf(i, lang)}: ${i.reason?.[lang] ?? ''}`);
  }
  const failedItems = report.items.filter((i) => i.status === 'failed');
  if (failedItems.length > 0) {
    lines.push(zh ? '失败：' : 'Failed:');
    for (const i of failedItems) lines.push(`  ${sourceOf(i, lang)}: ${i.reason?.[lang] ?? ''}`);
  }
  const { done, needsOcr, error } = report.text;
  if (done + needsOcr + error > 0) {
    lines.push(
      zh
        ? `文本提取：${done} 个完成，${needsOcr} 个为扫描件需 OCR，${error} 个无法读取。`
        : `Text extraction: ${done} done, ${needsOcr} scan(s) without a text layer need OCR, ${error} unreadable.`,
    );
  }
  return lines;
}
