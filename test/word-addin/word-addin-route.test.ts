import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import type { AppEnv } from '../../server/http/env';
import type { Registry } from '../../server/registry';
import { OFFICE_JS_CDN, registerWordAddinRoutes } from '../../server/routes/word-addin';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pactfile-word-'));
  mkdirSync(join(dir, 'dist/assets'), { recursive: true });
  writeFileSync(
    join(dir, 'dist/taskpane.html'),
    '<html><head><script src="/word/office-js/office.js"></script><script type="module" src="/word/assets/taskpane-AbCd1234.js"></script></head></html>',
  );
  writeFileSync(join(dir, 'dist/assets/taskpane-AbCd1234.js'), 'console.log(1)');
  writeFileSync(join(dir, 'dist/assets/icon-16.png'), 'png');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function appWith(officeJs: 'local' | 'cdn', distDir = join(dir, 'dist')) {
  const app = new OpenAPIHono<AppEnv>();
  // The routes read only the configuration of the registry.
  const registry = { config: loadConfig({ DATA_DIR: dir, OFFICE_JS_SOURCE: officeJs }) } as Registry;
  registerWordAddinRoutes(app, registry, { distDir });
  return app;
}

describe('the Word add-in routes', () => {
  it('serve the task pane, loading office.js from the registry by default', async () => {
    const res = await appWith('local').request('/word/taskpane.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('src="/word/office-js/office.js"');
  });

  it('point the pages at Microsoft’s CDN when OFFICE_JS_SOURCE=cdn', async () => {
    const html = await (await appWith('cdn').request('/word/taskpane.html')).text();
    expect(html).toContain(`src="${OFFICE_JS_CDN}"`);
    expect(html).not.toContain('/word/office-js/');
  });

  it('serve office.js and the files it loads next to itself from the package', async () => {
    const app = appWith('local');
    for (const file of ['office.js', 'o15apptofilemappingtable.js']) {
      const res = await app.request(`/word/office-js/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
  });

  it('serve built assets, with long caching for hashed bundles only', async () => {
    const app = appWith('local');
    const js = await app.request('/word/assets/taskpane-AbCd1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const icon = await app.request('/word/assets/icon-16.png');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBeNull();
  });

  it('refuse paths that climb out of their folders', async () => {
    const app = appWith('local');
    expect((await app.request('/word/office-js/..%2fpackage.json')).status).toBe(404);
    expect((await app.request('/word/assets/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await app.request('/word/office-js/..%5cpackage.json')).status).toBe(404);
  });

  it('say the add-in is not built when the build is missing', async () => {
    const res = await appWith('local', join(dir, 'missing')).request('/word/taskpane.html');
    expect(res.status).toBe(503);
    expect((await res.json()).detail).toContain('npm run build');
  });

  it('redirect /word to the task pane', async () => {
    const res = await appWith('local').request('/word');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/word/taskpane.html');
  });
});
