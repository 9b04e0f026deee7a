import type { Command } from 'commander';
import { registerBackup } from './backup';
import { registerCheck } from './check';
import { registerDemo } from './demo';
import { registerDiff } from './diff';
import { registerExport } from './export';
import { registerExtract } from './extract';
import { registerImport } from './import';
import { registerServe } from './serve';
import { registerUsers } from './users';

/** Each command lives in its own file and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerServe,
  registerUsers,
  registerImport,
  registerExport,
  registerBackup,
  registerDemo,
  registerDiff,
  registerExtract,
  registerCheck,
];
