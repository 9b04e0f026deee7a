import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requireToken } from './http/auth';
import type { AppEnv } from './http/env';
import { handleError, problemResponse, zodErrors } from './http/problem';
import type { Registry } from './registry';
import { registerAccountRoutes, registerLoginRoute } from './routes/accounts';
import { registerAnalysisRoutes } from './routes/analysis';
import { registerApprovalRoutes } from './routes/approvals';
import { registerAuditRoutes } from './routes/audit';
import { registerCalendarRoutes } from './routes/calendar';
import { registerClauseRoutes } from './routes/clauses';
import { registerContractRoutes } from './routes/contracts';
import { registerDocumentRoutes } from './routes/documents';
import { registerNumberingRoutes } from './routes/numbering';
import { registerPaymentRoutes } from './routes/payments';
import { registerPlaybookRoutes } from './routes/playbooks';
import { registerReminderRoutes } from './routes/reminders';
import { registerReportRoutes } from './routes/reports';
import { registerRetentionRoutes } from './routes/retention';
import { registerSearchRoutes } from './routes/search';
import { registerSystemRoutes } from './routes/system';
import { registerWebhookRoutes } from './routes/webhooks';
import { registerWordAddinRoutes } from './routes/word-addin';

export const API_VERSION = '0.1.0';
const JSON_BODY_LIMIT = 2 * 1024 * 1024;

/** Builds the HTTP application over an open registry. */
export function createApp(
  registry: Registry,
  log: (msg: string) => void = console.error,
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = zodErrors(result.error);
        const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
        return problemResponse(400, 'Bad Request', `Some fields are invalid: ${detail}`, { errors });
      }
    },
  });

  app.onError((err, c) => handleError(err, c, log));
  app.notFound((c) => problemResponse(404, 'Not Found', `No route for ${c.req.method} ${c.req.path}.`));

  const origins = registry.config.allowedOrigins;
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (origins.includes('*') || origins.includes(origin) ? origin : null),
      allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
      exposeHeaders: ['x-pactfile-filings', 'content-disposition'],
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  );

  // JSON bodies: the right content type and a modest size; blob uploads stream under their own limit.
  app.use('/api/*', async (c, next) => {
    const method = c.req.method;
    const isBlob = c.req.path.startsWith('/api/blobs/');
    // An action without a body (POST …/done) needs no content type.
    const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
    if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && !isBlob && hasBody) {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/(.+\+)?json\b/i.test(type)) {
        return problemResponse(415, 'Unsupported Media Type', 'Send the body as application/json.');
      }
      return bodyLimit({
        maxSize: JSON_BODY_LIMIT,
        onError: () =>
          problemResponse(413, 'Payload Too Large', `JSON bodies are limited to ${JSON_BODY_LIMIT} bytes.`),
      })(c, next);
    }
    await next();
  });

  registerSystemRoutes(app, API_VERSION);
  registerWordAddinRoutes(app, registry);
  registerLoginRoute(app, registry);

  const auth = requireToken(registry);
  app.use('/api/*', async (c, next) => (c.req.path === '/api/auth/login' ? next() : auth(c, next)));

  registerAccountRoutes(app, registry);
  registerContractRoutes(app, registry);
  // Before the document routes: its 410 for destroyed files runs ahead of their download.
  registerRetentionRoutes(app, registry);
  registerNumberingRoutes(app, registry);
  registerDocumentRoutes(app, registry);
  registerSearchRoutes(app, registry);
  registerClauseRoutes(app, registry);
  registerPlaybookRoutes(app, registry);
  registerAnalysisRoutes(app, registry);
  registerApprovalRoutes(app, registry);
  registerAuditRoutes(app, registry);
  registerReminderRoutes(app, registry);
  registerCalendarRoutes(app, registry);
  registerPaymentRoutes(app, registry);
  registerReportRoutes(app, registry);
  registerWebhookRoutes(app, registry);
  return app;
}
