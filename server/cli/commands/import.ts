import { withRegistry } from '../open';
import { importFolder } from '../ops/import-folder';
import { importItemLine, importSummary } from '../ops/import-report';
import { reportingErrors } from '../ops/messages';
import { createProgress } from '../ops/progress';
import type { RegisterCommand } from './index';

export const registerImport: RegisterCommand = (program) => {
  program
    .command('import')
    .description(
      'Import a folder of PDF/DOCX contracts (recursively), with an optional CSV ledger (台账) of their metadata',
    )
    .argument('<folder>', 'the folder to import')
    .option(
      '--ledger <file>',
      'CSV ledger: one row per contract, a file column naming its file(s), separated by ;',
    )
    .option('--type <type>', 'contract type for rows and files that give none (default: other)')
    .option('--department <code>', 'department for rows and files that give none, e.g. SD')
    .option('--dry-run', 'check everything and report what would be imported, without writing')
    .action(
      async (
        folder: string,
        o: { ledger?: string; type?: string; department?: string; dryRun?: boolean },
      ) => {
        await reportingErrors(async (lang) => {
          const progress = createProgress();
          try {
            const report = await withRegistry((registry) =>
              importFolder(registry, {
                folder,
                ledger: o.ledger,
                type: o.type,
                department: o.department,
                dryRun: o.dryRun,
                onStart: (total) => progress.start(total),
                onItem: (item, done) => progress.advance(done, importItemLine(item, lang)),
                onExtracting: (n) => {
                  progress.stop();
                  console.log(
                    lang === 'zh'
                      ? `正在提取 ${n} 个文件的文本…`
                      : `Extracting the text of ${n} document(s)…`,
                  );
                },
              }),
            );
            progress.stop();
            for (const line of importSummary(report, lang)) console.log(line);
            if (report.failed > 0) process.exitCode = 1;
          } finally {
            progress.stop();
          }
        });
      },
    );
};
