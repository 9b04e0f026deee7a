import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';

/** Builds the `pactfile` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('pactfile')
    .description('Pactfile: the contract registry, its checks and its tools')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
}
