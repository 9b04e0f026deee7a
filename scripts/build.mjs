// `npm run build`: builds the Word add-in's task pane and the browser extension, when present.
// With --if-stale (used by `npm start`), a part is rebuilt only when a source is newer than its output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ifStale = process.argv.includes('--if-stale');

const steps = [
  {
    // One file of plain JavaScript for the server and CLI: starts faster and uses less memory than
    // compiling TypeScript at every start (bin/pactfile.mjs falls back to the sources when it is stale).
    name: 'registry server',
    config: 'server/cli/main.ts',
    sources: ['server', 'shared'],
    output: 'dist/server',
    cmd: [
      'npx',
      'esbuild',
      'server/cli/main.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      '--sourcemap',
      '--log-level=warning',
      '--outfile=dist/server/pactfile.mjs',
    ],
  },
  {
    name: 'Word add-in',
    config: 'word-addin/vite.config.ts',
    sources: ['word-addin', 'shared'],
    output: 'dist/word-addin',
    cmd: ['npx', 'vite', 'build', '--config', 'word-addin/vite.config.ts'],
  },
  {
    name: 'browser extension',
    config: 'extension/wxt.config.ts',
    sources: ['extension', 'shared'],
    output: 'extension/.output/chrome-mv3',
    cmd: ['npx', 'wxt', 'build', 'extension'],
  },
  {
    name: 'browser extension for Firefox',
    config: 'extension/wxt.config.ts',
    sources: ['extension', 'shared'],
    output: 'extension/.output/firefox-mv2',
    cmd: ['npx', 'wxt', 'build', 'extension', '-b', 'firefox'],
  },
];

const SKIP = new Set(['node_modules', '.output', '.wxt', 'dist']);

/** Newest modification time of any file below the given paths. */
function newest(paths) {
  let latest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (!SKIP.has(name)) walk(join(p, name));
    } else {
      latest = Math.max(latest, st.mtimeMs);
    }
  };
  for (const p of paths) walk(p);
  return latest;
}

for (const step of steps) {
  if (!existsSync(step.config)) continue;
  if (ifStale && existsSync(step.output) && newest([step.output]) >= newest(step.sources)) {
    console.log(`The ${step.name} build is up to date.`);
    continue;
  }
  console.log(`Building the ${step.name}…`);
  const res = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`Building the ${step.name} failed (exit ${res.status}).`);
    process.exit(res.status ?? 1);
  }
}
