import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { type RunningServer, startServer } from '../../../server/main';
import { openTestRegistry, type TestRegistry } from '../../helpers/registry';

describe('system routes', () => {
  let t: TestRegistry;
  beforeAll(async () => {
    t = await openTestRegistry('sqlite');
  });
  afterAll(() => t.close());

  it('publishes an OpenAPI 3.1 document covering the API', async () => {
    const res = await t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/contracts',
      '/api/contracts/{id}',
      '/api/contracts/{id}/versions',
      '/api/blobs/{sha256}',
      '/api/search',
      '/api/numbering-rules/{type}',
      '/api/auth/login',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/contracts'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Contract', 'ContractCreate', 'Problem', 'Money']),
    );
  });

  it('lets allowed origins (the extension) send tokens and idempotency keys, and no others', async () => {
    const cors = await openTestRegistry('sqlite', { ALLOWED_ORIGINS: 'chrome-extension://abc' });
    const preflight = (origin: string) =>
      cors.app.request('/api/contracts', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,idempotency-key',
        },
      });
    const allowed = await preflight('chrome-extension://abc');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    await cors.close();
  });

  it('serves the reference page and its assets without a token', async () => {
    const page = await t.app.request('/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/docs/init.js');
    expect(await (await t.app.request('/docs/init.js')).text()).toContain("url: '/openapi.json'");
    expect((await t.app.request('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});

describe('the server process', () => {
  let running: RunningServer;
  let dir: string;

  beforeAll(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    dir = mkdtempSync(join(tmpdir(), 'pactfile-server-'));
  });

  it('explains how to sign in on first start, and the printed password works', async () => {
    const lines: string[] = [];
    running = await startServer(loadConfig({ DATA_DIR: dir, PORT: '0' }), (l) => lines.push(l));
    const text = lines.join('\n');
    const password = /password:\s+(\S+)/.exec(text)?.[1] ?? '';
    expect(password.length).toBeGreaterThan(8);
    const login = await fetch(`${running.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@pactfile.local', password }),
    });
    expect(login.status).toBe(200);
  });

  it('finishes requests in flight before it stops', async () => {
    const { createHash } = await import('node:crypto');
    const { registry } = running;
    const user = await registry.users.create({ email: 'up@example.com', name: 'up', role: 'legal' });
    const { token } = await registry.users.createToken(user.id, 't');
    const parts = [
      new TextEncoder().encode('first half of a text document, '),
      new TextEncoder().encode('second half.'),
    ];
    const sha = createHash('sha256')
      .update(parts[0] as Uint8Array)
      .update(parts[1] as Uint8Array)
      .digest('hex');
    let sendRest: () => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(parts[0] as Uint8Array);
        sendRest = () => {
          controller.enqueue(parts[1] as Uint8Array);
          controller.close();
        };
      },
    });
    const upload = fetch(`${running.url}/api/blobs/${sha}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 200));
    const stopped = running.stop();
    sendRest();
    expect((await upload).status).toBe(201);
    await stopped;
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it('takes PACTFILE_ADMIN_TOKEN as the first admin token', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const token = 'first-admin-token-0123456789';
    const s = await startServer(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'pf-')), PORT: '0', PACTFILE_ADMIN_TOKEN: token }),
      () => {},
    );
    const me = await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ role: 'admin' });
    await s.stop();
  });
});

describe('HTTPS', () => {
  it('serves over TLS with TLS_CERT and TLS_KEY, and wants both', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { request } = await import('node:https');
    const dir = mkdtempSync(join(tmpdir(), 'pactfile-tls-'));
    const cert = join(dir, 'localhost.crt');
    const key = join(dir, 'localhost.key');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-days',
        '1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    expect(() => loadConfig({ TLS_CERT: cert })).toThrow(/TLS_CERT and TLS_KEY/);
    const s = await startServer(
      loadConfig({ DATA_DIR: dir, PORT: '0', TLS_CERT: cert, TLS_KEY: key }),
      () => {},
    );
    try {
      expect(s.url).toMatch(/^https:/);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${s.url}/healthz`, { rejectUnauthorized: false }, (res) => {
          let data = '';
          res.on('data', (d) => {
            data += String(d);
          });
          res.on('end', () => resolve(data));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
    } finally {
      await s.stop();
    }
  });
});
