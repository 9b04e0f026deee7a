import { join } from 'node:path';
import { analyzeVersion } from './analysis/analyze-version';
import { PlaybookStore } from './analysis/playbook-store';
import { FsBlobStore } from './blobs/fs-store';
import type { BlobStore } from './blobs/store';
import type { Config } from './config';
import { type Db, openDb } from './db/kysely';
import { migrateToLatest } from './db/migrate';
import { AnalysisRepo } from './db/repos/analysis';
import { ApprovalsRepo } from './db/repos/approvals';
import { AuditRepo } from './db/repos/audit';
import { ContractsRepo } from './db/repos/contracts';
import { UsersRepo } from './db/repos/users';
import { VersionsRepo } from './db/repos/versions';
import type { SearchIndex } from './db/search/index';
import { PostgresSearchIndex } from './db/search/postgres';
import { SqliteSearchIndex } from './db/search/sqlite';
import { IngestPipeline } from './ingest/pipeline';
import { ContractLifecycle } from './lifecycle/contract-lifecycle';
import { emitWebhookEvent } from './obligations/webhook-events';

/** Everything the routes and the CLI work with: the database, its repositories, blobs and background work. */
export interface Registry {
  config: Config;
  db: Db;
  contracts: ContractsRepo;
  users: UsersRepo;
  versions: VersionsRepo;
  analysis: AnalysisRepo;
  approvals: ApprovalsRepo;
  audit: AuditRepo;
  lifecycle: ContractLifecycle;
  playbooks: PlaybookStore;
  blobs: BlobStore;
  search: SearchIndex;
  ingest: IngestPipeline;
  /** Re-indexes one contract's metadata and newest text. */
  reindex(contractId: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Re-queue versions whose text was never extracted (the server does; a CLI command working beside
   * a running server leaves them to it).
   */
  resumeIngest?: boolean;
}

export async function openRegistry(
  config: Config,
  log: (msg: string) => void = () => {},
  options: OpenOptions = {},
): Promise<Registry> {
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  await migrateToLatest(db.db as never, db.dialect);
  const audit = new AuditRepo(db);
  const contracts = new ContractsRepo(db, audit);
  const users = new UsersRepo(db);
  const versions = new VersionsRepo(db);
  const analysis = new AnalysisRepo(db);
  const approvals = new ApprovalsRepo(db);
  const lifecycle = new ContractLifecycle({
    db,
    contracts,
    approvals,
    users,
    onStatusChanged: (contract, from) =>
      emitWebhookEvent({ db }, 'contract.status_changed', { ...contract, previousStatus: from }),
  });
  const playbooks = new PlaybookStore(db);
  const blobs = new FsBlobStore(join(config.dataDir, 'blobs'));
  const search: SearchIndex =
    db.dialect === 'sqlite' ? new SqliteSearchIndex(db) : new PostgresSearchIndex(db);
  const ingest = new IngestPipeline(versions, blobs, { maxUnzippedBytes: config.maxUnzippedBytes, log });

  const reindex = async (contractId: string) => {
    const c = await contracts.getUnchecked(contractId);
    if (!c) return search.remove(contractId);
    await search.upsert({
      contractId,
      number: c.number,
      title: c.title,
      parties: [c.ourEntity ?? '', ...c.counterparty.map((p) => p.name)].join(' '),
      body: await versions.latestText(contractId),
    });
  };
  ingest.onIngested((_versionId, contractId) => reindex(contractId));
  ingest.onIngested(async (versionId) => {
    await analyzeVersion({ versions, analysis, playbooks }, versionId);
  });

  const registry: Registry = {
    config,
    db,
    contracts,
    users,
    versions,
    analysis,
    approvals,
    audit,
    lifecycle,
    playbooks,
    blobs,
    search,
    ingest,
    reindex,
    async close() {
      await ingest.idle();
      await db.close();
    },
  };
  if (options.resumeIngest ?? true) await ingest.resume();
  return registry;
}
