// `npm test`: lint, type-check, the unit/API/repository suites (SQLite and PostgreSQL), then the
// end-to-end tests in Chromium against fresh builds. Prints one closing line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const run = (label, cmd, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
};
const finish = (ok) => {
  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(ok ? 0 : 1);
};

function vitest(label, configArgs) {
  const out = join(mkdtempSync(join(tmpdir(), 'pactfile-vitest-')), 'report.json');
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (!ok) {
    totals.failed += 1;
  }
  return ok;
}

function hasFiles(dir, suffix) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? hasFiles(p, suffix) : name.endsWith(suffix);
  });
}

let ok = run('lint (Biome)', 'npx', ['biome', 'check', '.']);
ok = run('type-check (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) && ok;
ok = vitest('unit, API and repository tests (SQLite and PostgreSQL)', []) && ok;

if (hasFiles('test/e2e', '.e2e.test.ts')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `\nThe end-to-end tests need Chromium at ${chromium} (Debian: apt-get install -y chromium, or set CHROMIUM_PATH).`,
    );
    totals.failed += 1;
    finish(false);
  }
  ok = run('build (add-in and extension)', 'node', ['scripts/build.mjs']) && ok;
  ok = vitest('end-to-end tests in Chromium', ['--config', 'vitest.e2e.config.ts']) && ok;
}

finish(ok);
