#!/usr/bin/env node
// Entry point of the `pactfile` command: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
const { runCli } = await import('../server/cli/main.ts');
process.exitCode = await runCli(process.argv);
