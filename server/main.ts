import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app';
import { ensureFirstAdmin } from './bootstrap';
import type { Config } from './config';
import { throttledAnnouncer } from './obligations/reminder-notices';
import { WebhookWorker } from './obligations/webhook-worker';
import { openRegistry, type Registry } from './registry';

export interface RunningServer {
  registry: Registry;
  url: string;
  stop(): Promise<void>;
}

/** Opens the registry, serves it over HTTP and stops cleanly: in-flight requests finish, then the database closes. */
export async function startServer(
  config: Config,
  say: (line: string) => void = console.log,
): Promise<RunningServer> {
  const registry = await openRegistry(config, (m) => console.error(m));
  await ensureFirstAdmin(registry, say);
  const app = createApp(registry);
  const webhooks = new WebhookWorker(registry.db, {
    log: (m) => console.error(m),
    beforePass: throttledAnnouncer(registry),
  });
  webhooks.start();
  const tls = config.tls
    ? {
        createServer: createHttpsServer,
        serverOptions: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
      }
    : {};
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, ...tls }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `${config.tls ? 'https' : 'http'}://${config.host}:${port}`;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.stop();
      await registry.close();
    })();
    return stopping;
  };
  return { registry, url, stop };
}

/** Stops on SIGTERM/SIGINT after finishing what is in flight. */
export function stopOnSignals(running: RunningServer, say: (line: string) => void = console.log): void {
  const onSignal = (signal: string) => {
    say(`${signal} received: finishing requests in flight, then closing the database…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
