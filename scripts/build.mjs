// `npm run build`: builds the Word add-in's task pane and the browser extension, when present.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  {
    name: 'Word add-in',
    when: 'word-addin/vite.config.ts',
    cmd: ['npx', 'vite', 'build', '--config', 'word-addin/vite.config.ts'],
  },
  { name: 'browser extension', when: 'extension/wxt.config.ts', cmd: ['npx', 'wxt', 'build', 'extension'] },
];

for (const step of steps) {
  if (!existsSync(step.when)) continue;
  console.log(`Building the ${step.name}…`);
  const res = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`Building the ${step.name} failed (exit ${res.status}).`);
    process.exit(res.status ?? 1);
  }
}
