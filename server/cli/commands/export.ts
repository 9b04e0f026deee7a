import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { withRegistry } from '../open';
import { type ExportFormat, exportContracts } from '../ops/export-contracts';
import { LocalizedError, msg, reportingErrors } from '../ops/messages';
import type { RegisterCommand } from './index';

/**
 * Writes with back-pressure, so a large export does not pile up in memory. A reader that goes
 * away early (`pactfile export | head`) ends the export quietly.
 */
function writerTo(stream: NodeJS.WritableStream) {
  let failure: NodeJS.ErrnoException | null = null;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    failure = err;
  });
  const write = async (chunk: string) => {
    if (failure) throw failure;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  const closedByReader = () => (failure as NodeJS.ErrnoException | null)?.code === 'EPIPE';
  return { write, closedByReader };
}

export const registerExport: RegisterCommand = (program) => {
  program
    .command('export')
    .description('Export every contract with its metadata, as CSV for Excel (UTF-8 with BOM) or JSON')
    .option('--format <format>', 'csv or json (default: from the --out extension, else csv)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { format?: string; out?: string }) => {
      await reportingErrors(async (lang) => {
        const format = (o.format ?? (o.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv')).toLowerCase();
        if (format !== 'csv' && format !== 'json') {
          throw new LocalizedError(msg('--format 只能是 csv 或 json', '--format must be csv or json'));
        }
        const file = o.out ? createWriteStream(o.out) : null;
        const writer = writerTo(file ?? process.stdout);
        let count = 0;
        try {
          count = await withRegistry((registry) =>
            exportContracts(registry, format as ExportFormat, writer.write),
          );
        } catch (err) {
          if (!writer.closedByReader()) throw err;
        }
        if (file) {
          file.end();
          await once(file, 'finish');
          console.error(
            lang === 'zh' ? `已导出 ${count} 份合同到 ${o.out}` : `Exported ${count} contract(s) to ${o.out}`,
          );
        }
      });
    });
};
