import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ApiApp } from '../http/env';
import { problemResponse } from '../http/problem';
import type { Registry } from '../registry';

const require = createRequire(import.meta.url);

/** Where `npm run build` puts the task pane. */
export const WORD_ADDIN_DIST = fileURLToPath(new URL('../../dist/word-addin', import.meta.url));
/** office.js and the files it loads next to itself (o15apptofilemappingtable.js, word-*.js, locales). */
export const OFFICE_JS_DIR = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
export const OFFICE_JS_LOCAL = '/word/office-js/office.js';
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface WordAddinPaths {
  distDir?: string;
  officeJsDir?: string;
}

/**
 * The Word add-in's task pane under /word/ (no token: the pane signs in itself) and office.js under
 * /word/office-js/. With OFFICE_JS_SOURCE=cdn the pages load office.js from Microsoft's CDN instead, as
 * Microsoft asks of add-ins in production; the local copy is the offline and test path.
 */
export function registerWordAddinRoutes(app: ApiApp, registry: Registry, paths: WordAddinPaths = {}): void {
  const distDir = paths.distDir ?? WORD_ADDIN_DIST;
  const officeJsDir = paths.officeJsDir ?? OFFICE_JS_DIR;
  const notBuilt = () =>
    problemResponse(503, 'Service Unavailable', 'The Word add-in is not built yet: run `npm run build`.');

  app.get('/word', (c) => c.redirect('/word/taskpane.html'));

  app.use(
    '/word/office-js/*',
    serveStatic({ root: officeJsDir, rewriteRequestPath: (p) => p.replace(/^\/word\/office-js/, '') }),
  );

  // Pages are read on each request (they are small) so the office.js source is applied to a fresh build.
  app.get('/word/:page{[a-z-]+\\.html}', (c, next) => {
    const file = join(distDir, c.req.param('page'));
    if (!existsSync(distDir)) return notBuilt();
    if (!existsSync(file)) return next();
    let html = readFileSync(file, 'utf8');
    if (registry.config.officeJsSource === 'cdn') html = html.replaceAll(OFFICE_JS_LOCAL, OFFICE_JS_CDN);
    c.header('cache-control', 'no-cache');
    return c.html(html);
  });

  // Built bundles carry a content hash in their name and never change; icons keep the default caching.
  app.use('/word/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200 && /-[\w-]{8}\.(js|css)$/.test(c.req.path)) {
      c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
    }
  });
  app.use(
    '/word/assets/*',
    serveStatic({ root: distDir, rewriteRequestPath: (p) => p.replace(/^\/word/, '') }),
  );
}
