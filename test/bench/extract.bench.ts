/**
 * Metadata extraction speed: how long `extractContractMetadata` takes on short contracts and on a long one
 * (the fixtures repeated to the size of a long commercial agreement, about 300 KB).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractContractMetadata } from '@shared/extract/index';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url)), 'utf8');

function time(label: string, text: string, runs: number): void {
  extractContractMetadata(text); // warm up
  const start = performance.now();
  for (let i = 0; i < runs; i++) extractContractMetadata(text);
  const ms = (performance.now() - start) / runs;
  const kb = text.length / 1024;
  console.log(
    `${label.padEnd(34)} ${kb.toFixed(1).padStart(7)} K chars  ${ms.toFixed(2).padStart(8)} ms/doc  ${(kb / ms).toFixed(1).padStart(7)} K chars/ms`,
  );
}

export async function run(): Promise<void> {
  const zh = fixture('zh/purchase-contract.txt');
  const en = fixture('en/master-supply-agreement.txt');
  time('Chinese purchase contract', zh, 200);
  time('English supply agreement excerpt', en, 200);
  const long = Array.from({ length: Math.ceil(300_000 / en.length) }, () => en).join('\n\n');
  time('long English agreement', long, 5);
  const longZh = Array.from({ length: Math.ceil(150_000 / zh.length) }, () => zh).join('\n\n');
  time('long Chinese contract', longZh, 5);
}
