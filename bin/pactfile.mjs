#!/usr/bin/env node
// Entry point of the `pactfile` command. Runs the prebuilt bundle (`npm run build`) when it is newer
// than the sources, else the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/server/pactfile.mjs`;

function newestSource(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    latest = Math.max(latest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const bundleIsFresh =
  existsSync(bundle) &&
  statSync(bundle).mtimeMs >= Math.max(newestSource(`${root}server`), newestSource(`${root}shared`));

let runCli;
if (bundleIsFresh) {
  ({ runCli } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: `${root}tsconfig.json` });
  ({ runCli } = await import('../server/cli/main.ts'));
}
process.exitCode = await runCli(process.argv);
