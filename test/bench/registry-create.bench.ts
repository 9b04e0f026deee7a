/**
 * Filing throughput of the registry on SQLite that already holds BENCH_CONTRACTS contracts (default
 * 100,000): `POST /api/contracts` over real HTTP with BENCH_CONCURRENCY requests in flight (default 8) for
 * BENCH_CREATES contracts (default 5,000), in contracts per second with the latency of each request;
 * beside one request at a time, and the same work done in-process (create, then reindex, as the route does).
 * Then the benchmark process's memory after filing.
 */

import type { ContractCreate } from '@shared/schemas/contract';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/main';
import type { Registry } from '../../server/registry';
import { type ApiClient, apiClient } from './support/api-client';
import { copyOfData, dataset, describeDataset } from './support/dataset';
import { random } from './support/random';
import { envInt, machineNote, mb, ms, summarize } from './support/stats';
import { syntheticContract } from './support/synthetic-contracts';

const WARMUP = 200;

interface Throughput {
  perSecond: number;
  seconds: number;
  latencies: number[];
  failures: string[];
}

/** Sends every payload with `concurrency` requests in flight; each worker takes the next one when done. */
async function fileOverHttp(
  http: ApiClient,
  payloads: ContractCreate[],
  concurrency: number,
): Promise<Throughput> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < payloads.length; i = next++) {
      const t0 = performance.now();
      try {
        await http.call('POST', '/api/contracts', payloads[i]);
        latencies.push(performance.now() - t0);
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / seconds, seconds, latencies, failures };
}

/** What the route does after validation: create with a number, then index it. */
async function fileInProcess(
  registry: Registry,
  payloads: ContractCreate[],
  userId: string,
): Promise<Throughput> {
  const latencies: number[] = [];
  const started = performance.now();
  for (const input of payloads) {
    const t0 = performance.now();
    const created = await registry.contracts.create(input, userId);
    await registry.reindex(created.id);
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: payloads.length / seconds, seconds, latencies, failures: [] };
}

function report(label: string, t: Throughput): void {
  const s = summarize(t.latencies);
  console.log(
    `  ${label}: ${s.count} in ${t.seconds.toFixed(1)} s = ${Math.round(t.perSecond)} contracts/s; ` +
      `per request p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)} ms` +
      (t.failures.length ? `; ${t.failures.length} FAILED, first: ${t.failures[0]}` : ''),
  );
}

export async function run(): Promise<void> {
  const creates = envInt('BENCH_CREATES', 5000);
  const concurrency = envInt('BENCH_CONCURRENCY', 8);
  console.log(machineNote());
  const { data, builtNow } = await dataset();
  console.log(describeDataset(data, builtNow));

  const rnd = random(7);
  const make = (n: number) => Array.from({ length: n }, () => syntheticContract(rnd, 0).input);
  const sequentialCount = Math.max(1, Math.round(creates / 5));

  const dataDir = copyOfData(data, 'create');
  const running = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0' }), () => {});
  const { registry } = running;
  try {
    const http = apiClient(running.url, data.legal.token);
    const before = await registry.db.db
      .selectFrom('contracts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await fileOverHttp(http, make(WARMUP), 1);

    console.log(
      `\nPOST /api/contracts (metadata with parties, amount, dates; numbered and indexed on the way):`,
    );
    const oneAtATime = await fileOverHttp(http, make(sequentialCount), 1);
    report('HTTP, one at a time', oneAtATime);
    const concurrent = await fileOverHttp(http, make(creates), concurrency);
    report(`HTTP, ${concurrency} in flight`, concurrent);
    const direct = await fileInProcess(registry, make(sequentialCount), data.legal.userId);
    report('in-process, one at a time', direct);
    console.log(
      `  ratio in-process/HTTP (one at a time): ${(direct.perSecond / oneAtATime.perSecond).toFixed(1)}×; ` +
        `${concurrency} in flight vs one at a time: ${(concurrent.perSecond / oneAtATime.perSecond).toFixed(1)}×`,
    );

    const after = await registry.db.db
      .selectFrom('contracts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const filed = Number(after.n) - Number(before.n);
    const expected = WARMUP + concurrent.latencies.length + oneAtATime.latencies.length + sequentialCount;
    console.log(`  check: ${filed} contracts added, ${expected} expected`);

    const mem = process.memoryUsage();
    console.log(
      `\nbenchmark process after filing (server in-process, plus the data generator and tooling): ` +
        `RSS ${mb(mem.rss)}, JS heap used ${mb(mem.heapUsed)}`,
    );
  } finally {
    await running.stop();
  }
}
