import { loadConfig } from '../../config';
import { reportingErrors } from '../ops/messages';
import { createProgress } from '../ops/progress';
import { backupRegistry, restoreRegistry } from '../ops/snapshot';
import type { RegisterCommand } from './index';

export const registerBackup: RegisterCommand = (program) => {
  program
    .command('backup')
    .description('Back up the database and the documents into a new folder; safe while the server runs')
    .argument('<dir>', 'a new or empty folder')
    .action(async (dir: string) => {
      await reportingErrors(async (lang) => {
        const progress = createProgress(process.stdout, { lines: false });
        let started = false;
        const result = await backupRegistry(loadConfig(), dir, {
          onBlobs: (done, total) => {
            if (!started) progress.start(total);
            started = true;
            progress.advance(done, '');
          },
        }).finally(() => progress.stop());
        const { counts } = result.manifest;
        console.log(
          lang === 'zh'
            ? `已备份 ${counts.contracts} 份合同、${counts.versions} 个版本、${counts.users} 个用户、${counts.blobs} 个文件（硬链接 ${result.linked}，复制 ${result.copied}）到 ${dir}`
            : `Backed up ${counts.contracts} contract(s), ${counts.versions} version(s), ${counts.users} user(s) and ${counts.blobs} file(s) (${result.linked} hard-linked, ${result.copied} copied) to ${dir}`,
        );
      });
    });

  program
    .command('restore')
    .description('Restore a backup into an empty DATA_DIR (and, on PostgreSQL, an empty DATABASE_URL)')
    .argument('<dir>', 'a folder written by `pactfile backup`')
    .action(async (dir: string) => {
      await reportingErrors(async (lang) => {
        const config = loadConfig();
        const progress = createProgress(process.stdout, { lines: false });
        let started = false;
        const result = await restoreRegistry(config, dir, {
          onBlobs: (done, total) => {
            if (!started) progress.start(total);
            started = true;
            progress.advance(done, '');
          },
        }).finally(() => progress.stop());
        const { counts, createdAt } = result.manifest;
        console.log(
          lang === 'zh'
            ? `已将 ${createdAt} 的备份（${counts.contracts} 份合同，${counts.blobs} 个文件，均已校验 SHA-256）恢复到 ${config.dataDir}。用 \`pactfile serve\` 启动服务。`
            : `Restored the backup of ${createdAt} (${counts.contracts} contract(s), ${counts.blobs} file(s), each checked against its SHA-256) into ${config.dataDir}. Start the server with \`pactfile serve\`.`,
        );
      });
    });
};
