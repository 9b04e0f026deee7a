import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ApiApp } from '../http/env';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pactfile API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', persistAuthorization: true, deepLinking: true });`;

/** Health, the OpenAPI document and its interactive reference page: all without a token. */
export function registerSystemRoutes(app: ApiApp, version: string): void {
  app.get('/healthz', (c) => c.json({ status: 'ok', version }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from `POST /api/auth/login`, `pactfile token create` or `POST /api/me/tokens`',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pactfile registry API',
      version,
      description:
        'The contract registry behind the Word add-in and the browser extension, open to ERP/CRM/OA systems. Errors are application/problem+json (RFC 9457). Money is integer minor units with an ISO 4217 currency; dates are YYYY-MM-DD.',
    },
    security: [{ bearer: [] }],
  });

  app.get('/docs', (c) => c.html(DOCS_PAGE));
  app.get('/docs/init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.use(
    '/docs/assets/*',
    serveStatic({ root: swaggerDir, rewriteRequestPath: (p) => p.replace(/^\/docs\/assets/, '') }),
  );
}
