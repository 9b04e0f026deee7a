/**
 * `npm run bench [-- name…]`: runs every benchmark module in this folder (or those whose file name
 * contains one of the given names) one after the other. Each module exports `run()`, which prints
 * its own figures and ratios. Nothing here asserts a target: the figures are for people to read.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

for (const file of files) {
  console.log(`\n== ${file.replace('.bench.ts', '')}`);
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { run: () => Promise<void> };
  await mod.run();
}
