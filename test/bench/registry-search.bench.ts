/**
 * Search and list latency of the registry on SQLite with BENCH_CONTRACTS contracts (default 100,000):
 * `GET /api/search` and `GET /api/contracts` over real HTTP against the server started by `startServer`,
 * beside the same search and list run in-process, and the ratio between them. Then the memory of the
 * server: the benchmark process's RSS, and the figure that counts, the VmRSS of `pactfile serve` run as a
 * process of its own on the same data and asked the same queries.
 *
 * BENCH_CONTRACTS (default 100000) sets the size of the data; BENCH_ROUNDS (default 25) the measured
 * requests per query.
 */

import { ContractFilters, ContractListQuery } from '@shared/schemas/contract';
import type { Principal } from '../../server/auth/principal';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/main';
import type { Registry } from '../../server/registry';
import { type ApiClient, apiClient } from './support/api-client';
import type { LoadedSample } from './support/bulk-load';
import { descendants, processMemory, spawnServe } from './support/child-server';
import { copyOfData, type Dataset, dataset, describeDataset } from './support/dataset';
import { envInt, machineNote, mb, ms, type Summary, summarize, timeRuns } from './support/stats';

const AIM_RATIO = 3;
const AIM_P95_MS = 30;
const AIM_RSS_MB = 150;
const PAGE = 20;

interface SearchCase {
  label: string;
  q: string;
  /** Filters as they appear in the query string. */
  filters?: Record<string, string>;
}

function searchCases(sample: LoadedSample): SearchCase[] {
  const number = sample.numbers[3] ?? sample.numbers[0] ?? 'SALES-2024-0001';
  const partyZh = sample.partiesZh[1] ?? '深圳瑞丰物流有限公司';
  const partyEn = sample.partiesEn[1] ?? 'Northwind Logistics Ltd.';
  return [
    { label: 'zh, in most titles', q: '合同' },
    { label: 'zh, common', q: '采购合同' },
    { label: 'zh, two words', q: '深圳 物流' },
    { label: 'zh, document text only', q: '不可抗力' },
    { label: 'zh, text', q: '违约金' },
    { label: 'zh, title', q: '保密协议' },
    { label: 'en, in most titles', q: 'agreement' },
    { label: 'en, phrase in text', q: 'liquidated damages' },
    { label: 'en, three words', q: 'laws England Wales' },
    { label: 'en, title', q: 'lease' },
    { label: 'contract number', q: number },
    { label: 'party name, zh', q: partyZh },
    { label: 'party name, en', q: partyEn },
    { label: 'quoted phrase', q: '"Master Services Agreement"' },
    { label: 'quotes and operators', q: '"master services" AND NOT lease' },
    { label: 'FTS syntax', q: 'NEAR(保密 期限) OR 仲裁*' },
    { label: 'injection-like', q: '合同" OR 1=1 --' },
    { label: 'no match', q: 'zzyzx' },
    { label: 'zh + filters', q: '采购', filters: { status: 'active', department: 'PD' } },
    {
      label: 'en + date filter',
      q: 'services',
      filters: { signedFrom: '2025-01-01', signedTo: '2025-12-31' },
    },
  ];
}

const LIST_CASES: { label: string; query: string }[] = [
  { label: 'no filter (default order)', query: '' },
  { label: 'department + status', query: 'department=SD&status=active' },
  { label: 'type, by amount desc', query: 'type=purchase&sort=amount&order=desc&limit=20' },
  { label: 'counterparty contains', query: 'counterparty=%E7%89%A9%E6%B5%81&limit=20' },
  {
    label: 'expiry window, by expiry',
    query: 'expiryFrom=2026-12-01&expiryTo=2027-02-28&sort=expiryDate&order=asc',
  },
  { label: 'title text + status', query: 'text=%E9%87%87%E8%B4%AD&status=active' },
  { label: 'amount range + currency', query: 'amountMin=100000000&amountMax=500000000&currency=USD' },
];

const searchPath = (c: SearchCase) =>
  `/api/search?${new URLSearchParams({ q: c.q, limit: String(PAGE), ...c.filters }).toString()}`;

function directSearch(registry: Registry, principal: Principal, c: SearchCase) {
  const filters = ContractFilters.parse(c.filters ?? {});
  return registry.search.search({ q: c.q.trim(), filters, principal, limit: PAGE, offset: 0 });
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const head = (s: Summary) => `p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)} ms`;
const short = (s: Summary) => `p50 ${ms(s.p50)} p95 ${ms(s.p95)} ms`;
const versus = (value: number, aim: number, unit = '') =>
  `${value <= aim ? 'within' : 'ABOVE'} aim ≤ ${aim}${unit}`;

/** Each search over HTTP and in-process, one line per query; returns all samples for the totals. */
async function measureSearches(
  label: string,
  cases: SearchCase[],
  http: ApiClient,
  registry: Registry,
  principal: Principal,
  rounds: number,
): Promise<{ http: number[]; direct: number[] }> {
  console.log(`\n${label}: ${rounds} sequential requests per query after 3 unmeasured`);
  console.log(
    `  ${pad('query', 28)} ${pad('hits', 7)} ${pad('HTTP', 34)} ${pad('in-process', 24)} ratio p50`,
  );
  const all = { http: [] as number[], direct: [] as number[] };
  for (const c of cases) {
    const hits = (await directSearch(registry, principal, c)).total;
    const h = await timeRuns(rounds, 3, () => http.call('GET', searchPath(c)));
    const d = await timeRuns(rounds, 3, () => directSearch(registry, principal, c));
    all.http.push(...h);
    all.direct.push(...d);
    const hs = summarize(h);
    const ds = summarize(d);
    console.log(
      `  ${pad(c.label, 28)} ${pad(String(hits), 7)} ${pad(head(hs), 34)} ${pad(short(ds), 24)} ${(hs.p50 / ds.p50).toFixed(1)}×`,
    );
  }
  const hs = summarize(all.http);
  const ds = summarize(all.direct);
  const ratio = hs.p50 / ds.p50;
  console.log(`  all ${hs.count} requests: HTTP ${head(hs)}; in-process ${short(ds)}`);
  console.log(
    `  ratio HTTP/in-process: p50 ${ratio.toFixed(1)}× (${versus(ratio, AIM_RATIO, '×')}), ` +
      `p95 ${(hs.p95 / ds.p95).toFixed(1)}×; HTTP p95 ${ms(hs.p95)} ms (${versus(hs.p95, AIM_P95_MS, ' ms')})`,
  );
  return all;
}

/** The list cases, and the second page of the unfiltered list (keyset cursor from the first). */
async function listCases(registry: Registry, principal: Principal) {
  const first = await registry.contracts.list(ContractListQuery.parse({}), principal);
  const cursor = first.nextCursor
    ? [{ label: 'no filter, page 2 (cursor)', query: `cursor=${first.nextCursor}` }]
    : [];
  return [...LIST_CASES, ...cursor];
}

/** The dashboard's reports over every contract (each asked a few times: they read the whole registry). */
async function measureReports(http: ApiClient) {
  console.log('\nGET /api/reports as legal (every contract): 3 requests each after 1 unmeasured');
  for (const path of ['/api/reports/summary?groupBy=department', '/api/reports/expiring?months=12']) {
    const times = await timeRuns(3, 1, () => http.call('GET', path));
    const s = summarize(times);
    console.log(`  ${path.padEnd(42)} p50 ${ms(s.p50)} ms, max ${ms(Math.max(...times))} ms`);
  }
}

async function measureLists(http: ApiClient, registry: Registry, principal: Principal, rounds: number) {
  console.log(
    `\nGET /api/contracts (list, default page 50): ${rounds} requests per query after 3 unmeasured`,
  );
  console.log(
    `  ${pad('filter', 28)} ${pad('items', 7)} ${pad('HTTP', 34)} ${pad('in-process', 24)} ratio p50`,
  );
  const all = { http: [] as number[], direct: [] as number[] };
  for (const c of await listCases(registry, principal)) {
    const query = ContractListQuery.parse(Object.fromEntries(new URLSearchParams(c.query)));
    const items = (await registry.contracts.list(query, principal)).items.length;
    const h = await timeRuns(rounds, 3, () => http.call('GET', `/api/contracts?${c.query}`));
    const d = await timeRuns(rounds, 3, () => registry.contracts.list(query, principal));
    all.http.push(...h);
    all.direct.push(...d);
    const hs = summarize(h);
    const ds = summarize(d);
    console.log(
      `  ${pad(c.label, 28)} ${pad(String(items), 7)} ${pad(head(hs), 34)} ${pad(short(ds), 24)} ${(hs.p50 / ds.p50).toFixed(1)}×`,
    );
  }
  const hs = summarize(all.http);
  const ds = summarize(all.direct);
  console.log(
    `  all ${hs.count} requests: HTTP ${head(hs)}; in-process ${short(ds)}; ratio p50 ${(hs.p50 / ds.p50).toFixed(1)}×`,
  );
}

/** The same queries against `pactfile serve` in its own process; then its resident memory. */
async function measureChildProcess(data: Dataset, dataDir: string, cases: SearchCase[], rounds: number) {
  const t0 = performance.now();
  const child = await spawnServe(dataDir);
  const startMs = performance.now() - t0;
  try {
    const idle = processMemory(child.pid);
    const http = apiClient(child.url, data.legal.token);
    const times: number[] = [];
    for (const c of cases) times.push(...(await timeRuns(rounds, 2, () => http.call('GET', searchPath(c)))));
    for (const c of LIST_CASES)
      await timeRuns(rounds, 0, () => http.call('GET', `/api/contracts?${c.query}`));
    const staff = apiClient(child.url, data.staff.token);
    for (const c of cases.slice(0, 3)) await timeRuns(rounds, 0, () => staff.call('GET', searchPath(c)));
    const mem = processMemory(child.pid);
    const s = summarize(times);
    console.log(`\n\`node bin/pactfile.mjs serve\` as its own process (pid ${child.pid}), same data:`);
    console.log(`  ready in ${(startMs / 1000).toFixed(1)} s; RSS once ready ${mb(idle.rss)}`);
    console.log(`  search over HTTP, ${s.count} requests: ${head(s)}`);
    console.log(
      `  VmRSS after the searches and lists: ${mb(mem.rss)} (${versus(mem.rss / 1024 / 1024, AIM_RSS_MB, ' MB')}); ` +
        `peak VmHWM ${mb(mem.peak)}`,
    );
    const helpers = descendants(child.pid);
    if (helpers.length > 0) {
      const list = helpers.map((h) => `${h.name} (pid ${h.pid}) ${mb(h.rss)}`).join(', ');
      console.log(`  its child processes, not in the figure above: ${list}`);
    }
  } finally {
    await child.stop();
  }
}

export async function run(): Promise<void> {
  const rounds = envInt('BENCH_ROUNDS', 25);
  console.log(machineNote());
  const { data, builtNow } = await dataset();
  console.log(describeDataset(data, builtNow));

  const dataDir = copyOfData(data, 'search');
  const running = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0' }), () => {});
  const { registry } = running;
  const legal: Principal = { userId: data.legal.userId, role: 'legal', department: null };
  const staff: Principal = { userId: data.staff.userId, role: 'staff', department: data.staff.department };
  const cases = searchCases(data.load.sample);
  try {
    const number = cases.find((c) => c.label === 'contract number');
    const found = number ? (await directSearch(registry, legal, number)).total : 0;
    console.log(`check: the contract-number query finds ${found} contract(s)`);

    await measureSearches(
      'GET /api/search as legal (sees all)',
      cases,
      apiClient(running.url, data.legal.token),
      registry,
      legal,
      rounds,
    );
    await measureSearches(
      `GET /api/search as staff of ${data.staff.department} (own department only)`,
      cases.filter((c) => ['zh, common', 'en, in most titles', 'zh, document text only'].includes(c.label)),
      apiClient(running.url, data.staff.token),
      registry,
      staff,
      rounds,
    );
    await measureLists(apiClient(running.url, data.legal.token), registry, legal, rounds);
    await measureReports(apiClient(running.url, data.legal.token));

    const mem = process.memoryUsage();
    console.log(
      `\nbenchmark process (server in-process, plus the data generator and tooling): RSS ${mb(mem.rss)} ` +
        `(aim < ${AIM_RSS_MB} MB applies to the server process below), JS heap used ${mb(mem.heapUsed)}`,
    );
  } finally {
    await running.stop();
  }
  await measureChildProcess(data, dataDir, cases, Math.max(5, Math.round(rounds / 2)));
}
