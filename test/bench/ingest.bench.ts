/**
 * Ingest of large text versions, in-process on SQLite: upload (hash-first), then the time until the
 * registry has extracted, analysed and indexed the text (`ingest.idle()`), and how long the event loop
 * was held at most meanwhile (ingest runs in the server's own thread, so that is how long other requests wait).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openRegistry } from '../../server/registry';
import { machineNote } from './support/stats';

const LINES = {
  zh: '第{n}条 甲方应于2024年1月1日前向乙方支付人民币100,000元（大写：壹拾万元整）。本合同适用中华人民共和国法律，争议提交上海国际仲裁中心仲裁。',
  en: 'Section {n}. The Supplier shall deliver the Goods within thirty (30) days after the Effective Date; this Agreement is governed by the laws of the State of New York.',
};

/** The longest the event loop was held while `work` ran. */
async function withLongestPause<T>(work: () => Promise<T>): Promise<{ result: T; longestPauseMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  try {
    const result = await work();
    return { result, longestPauseMs: delay.max / 1e6 };
  } finally {
    delay.disable();
  }
}

export async function run(): Promise<void> {
  console.log(machineNote());
  const dataDir = mkdtempSync(join(tmpdir(), 'pactfile-bench-ingest-'));
  const registry = await openRegistry(loadConfig({ DATA_DIR: dataDir }));
  try {
    const app = createApp(registry, () => {});
    const admin = await registry.users.create({ email: 'bench@example.com', role: 'admin', name: 'bench' });
    const { token } = await registry.users.createToken(admin.id, 'bench');
    const call = (path: string, method: string, body: BodyInit, type: string) =>
      app.request(path, {
        method,
        body,
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
      });
    console.log('lang  paragraphs     bytes   to indexed   longest pause');
    for (const lang of ['zh', 'en'] as const) {
      for (const paragraphs of [1_000, 3_000, 6_000]) {
        const text = Array.from({ length: paragraphs }, (_, n) =>
          LINES[lang].replace('{n}', String(n + 1)),
        ).join('\n');
        const bytes = new TextEncoder().encode(text);
        const sha = createHash('sha256').update(bytes).digest('hex');
        const created = await call(
          '/api/contracts',
          'POST',
          JSON.stringify({ title: `Long ${lang} ${paragraphs}`, type: 'sales' }),
          'application/json',
        );
        const { id } = (await created.json()) as { id: string };
        const start = performance.now();
        const { longestPauseMs } = await withLongestPause(async () => {
          await call(`/api/blobs/${sha}`, 'PUT', bytes, 'application/octet-stream');
          await call(
            `/api/contracts/${id}/versions`,
            'POST',
            JSON.stringify({ sha256: sha, filename: `long-${lang}.txt`, source: 'upload' }),
            'application/json',
          );
          await registry.ingest.idle();
        });
        const total = performance.now() - start;
        console.log(
          `${lang.padEnd(4)}  ${String(paragraphs).padStart(10)}  ${String(bytes.length).padStart(8)}  ${total
            .toFixed(0)
            .padStart(8)} ms  ${longestPauseMs.toFixed(0).padStart(10)} ms`,
        );
      }
    }
  } finally {
    await registry.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
