import { loadConfig } from '../../config';
import { startServer, stopOnSignals } from '../../main';
import type { RegisterCommand } from './index';

export const registerServe: RegisterCommand = (program) => {
  program
    .command('serve')
    .description('Run the registry server (configured by PORT, HOST, DATA_DIR, DATABASE_URL…; see README)')
    .action(async () => {
      const config = loadConfig();
      const running = await startServer(config);
      const db = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
      console.log(`Pactfile registry on ${running.url} (${db}). API reference: ${running.url}/docs`);
      stopOnSignals(running);
      await new Promise(() => {});
    });
};
