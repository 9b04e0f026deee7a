import type { Command } from 'commander';
import { registerServe } from './serve';
import { registerUsers } from './users';

/** Each command lives in its own file and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerServe, registerUsers];
