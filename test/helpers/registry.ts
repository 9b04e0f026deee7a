import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openRegistry, type Registry } from '../../server/registry';
import '../setup/provided';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

export interface TestRegistry {
  registry: Registry;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database on the test server; dropped by the returned function. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('pgUrl');
  const name = `pf_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Opens a registry on a temporary data directory, on SQLite or on a new PostgreSQL database. */
export async function openTestRegistry(
  dialect: TestDialect,
  env: Record<string, string> = {},
): Promise<TestRegistry> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pactfile-test-'));
  const pgDb = dialect === 'postgres' ? await createPgDatabase() : null;
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: pgDb?.url, ...env });
  const registry = await openRegistry(config);
  const app = createApp(registry, process.env.TEST_LOG_ERRORS ? console.error : () => {});
  return {
    registry,
    app,
    dataDir,
    databaseUrl: pgDb?.url,
    async close() {
      await registry.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in caller of the app's API. */
export interface Caller {
  token: string;
  userId: string;
  req(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

export async function signIn(
  t: TestRegistry,
  user: {
    email: string;
    role: 'admin' | 'legal' | 'staff' | 'reviewer' | 'viewer';
    department?: string | null;
  },
): Promise<Caller> {
  const u = await t.registry.users.create({ ...user, name: user.email.split('@')[0] ?? user.email });
  const { token } = await t.registry.users.createToken(u.id, 'test');
  const req = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
    if (body instanceof Uint8Array) {
      init.body = body as BodyInit;
    } else if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    return Promise.resolve(t.app.request(path, init));
  };
  return {
    token,
    userId: u.id,
    req,
    async json<T>(method: string, path: string, body?: unknown) {
      const res = await req(method, path, body);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}
