import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, {
  type Browser,
  type CDPSession,
  type Page,
  type Target,
  type WebWorker,
} from 'puppeteer-core';
import { hashPassword } from '../../../server/auth/secrets';
import { loadConfig } from '../../../server/config';
import { type RunningServer, startServer } from '../../../server/main';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const extensionDir = join(root, 'extension/.output/chrome-mv3');
export const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/extension', name), 'utf8');

export interface SiteResponse {
  status: number;
  contentType: string;
  body: Buffer | string;
  /** More headers (a site's cookies, for one). */
  headers?: Record<string, string>;
}

/** The sites whose pages the tests serve from fixtures, at their real addresses. */
const FIXTURE_SITES = /^https:\/\/(mail\.google|app\.docusign|outlook\.office)\.com\//;

/** Temporary folders removed at the end of a file's tests. */
export function tempDirs(): { make(prefix: string): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make(prefix) {
      const d = mkdtempSync(join(tmpdir(), prefix));
      made.push(d);
      return d;
    },
    removeAll() {
      for (const d of made) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** A port free now, so a registry can be started again at the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Chromium with the built extension loaded (built first when missing). */
export async function launchWithExtension(
  userDataDir: string,
): Promise<{ browser: Browser; extensionId: string }> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    const built = spawnSync('npx', ['wxt', 'build', 'extension'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the extension failed');
  }
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const sw = await serviceWorkerTarget(browser);
  return { browser, extensionId: new URL(sw.url()).host };
}

/** The extension's service worker target, waiting for it to run (it starts again when woken). */
export function serviceWorkerTarget(browser: Browser): Promise<Target> {
  return browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
  );
}

export async function workerOf(target: Target): Promise<WebWorker> {
  const w = await target.worker();
  if (!w) throw new Error('no service worker');
  return w;
}

/** A real registry that lets the extension's origin call it (CORS), so no permission prompt is needed. */
export function startRegistry(dataDir: string, port: number, extensionId: string): Promise<RunningServer> {
  return startServer(
    loadConfig({
      DATA_DIR: dataDir,
      PORT: String(port),
      ALLOWED_ORIGINS: `chrome-extension://${extensionId}`,
    }),
    () => {},
  );
}

/**
 * Creates a legal user, signs in, and stores the settings the options page would save. The extension is
 * pointed at `registryUrl` (the registry itself unless given, e.g. a proxy in front of it).
 */
export async function signInExtension(
  server: RunningServer,
  worker: WebWorker,
  registryUrl: string = server.url,
): Promise<string> {
  await server.registry.users.create({
    email: 'legal@example.com',
    name: 'Legal',
    role: 'legal',
    passwordHash: await hashPassword('a long password'),
  });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'legal@example.com', password: 'a long password' }),
  });
  const signedIn = (await login.json()) as { token: string; user: unknown };
  const settings = {
    registryUrl,
    token: signedIn.token,
    user: signedIn.user,
    language: 'en',
    defaultContractType: 'purchase',
  };
  await worker.evaluate(`chrome.storage.local.set({ settings: ${JSON.stringify(settings)} })`);
  return signedIn.token;
}

/** Answers the service worker's requests to the sites from the fixtures (it downloads attachments itself). */
export async function interceptWorker(
  target: Target,
  site: (url: string) => SiteResponse,
  patterns: string[],
): Promise<CDPSession> {
  const session = await target.createCDPSession();
  session.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string } }) => {
    const r = site(event.request.url);
    void session.send('Fetch.fulfillRequest', {
      requestId: event.requestId,
      responseCode: r.status,
      responseHeaders: [
        { name: 'content-type', value: r.contentType },
        ...Object.entries(r.headers ?? {}).map(([name, value]) => ({ name, value })),
      ],
      body: Buffer.from(r.body).toString('base64'),
    });
  });
  await session.send('Fetch.enable', { patterns: patterns.map((urlPattern) => ({ urlPattern })) });
  return session;
}

/** Somewhere the extension's APIs can be called from: its service worker or one of its pages. */
export interface ExtensionContext {
  evaluate(expression: string): Promise<unknown>;
}

/** Opens a fixture page at the real address of the site it imitates, and answers its tab id. */
export async function openSite(
  browser: Browser,
  worker: ExtensionContext,
  url: string,
  site: (url: string) => SiteResponse,
): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (!FIXTURE_SITES.test(req.url())) {
      void req.continue();
      return;
    }
    const r = site(req.url());
    void req.respond({ status: r.status, contentType: r.contentType, body: r.body, headers: r.headers });
  });
  await page.goto(url);
  const tabId = (await worker.evaluate(
    `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`,
  )) as number | null;
  if (tabId === null) throw new Error(`no tab for ${url}`);
  return { page, tabId };
}

/** The side panel, opened as a page that follows the given tab. */
export async function openPanel(browser: Browser, extensionId: string, tabId: number): Promise<Page> {
  const panel = await browser.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

export const cardOf = (fileName: string) => `[data-candidate*=${JSON.stringify(fileName)}]`;

export async function clickFile(panel: Page, fileName: string): Promise<void> {
  await panel.waitForSelector(`${cardOf(fileName)} button.file:not([disabled])`, { timeout: 20_000 });
  await panel.$eval(`${cardOf(fileName)} button.file`, (b) => (b as HTMLButtonElement).click());
}

/** Waits until the document's status line matches, and answers it. */
export async function statusOf(
  panel: Page,
  fileName: string,
  expected: RegExp,
  timeout = 60_000,
): Promise<string> {
  const status = await panel.waitForFunction(
    (selector: string, pattern: string) => {
      const text = document.querySelector(`${selector} [role="status"]`)?.textContent ?? '';
      return new RegExp(pattern).test(text) ? text : null;
    },
    { timeout },
    cardOf(fileName),
    expected.source,
  );
  return (await status.jsonValue()) as string;
}

/** Waits for a promise, or fails saying what did not happen (instead of hanging until the test times out). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Stops the extension's service worker, as the browser does when it is idle (through one of its pages), and
 * answers once the browser says it stopped. A stop that lands while the worker is busy can be ignored: it
 * is asked again.
 */
export async function stopServiceWorker(page: Page, tries = 10): Promise<void> {
  const cdp = await page.createCDPSession();
  let asked = false;
  let stopped: () => void = () => {};
  const isStopped = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      const ours = event.versions.filter((v) => v.scriptURL.startsWith('chrome-extension://'));
      if (asked && ours.some((v) => v.runningStatus === 'stopped')) stopped();
    },
  );
  try {
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < tries; i++) {
      asked = true;
      await cdp.send('ServiceWorker.stopAllWorkers');
      const done = await within(isStopped, 3_000, 'stopping').then(
        () => true,
        () => false,
      );
      if (done) return;
    }
    throw new Error('the service worker did not stop');
  } finally {
    await cdp.detach();
  }
}

/**
 * Wakes a stopped service worker with the message the side panel sends to file what is due, and answers
 * once the worker has answered it. A worker that DevTools sessions are still attached to (`sessions`, such
 * as the one intercepting its downloads) starts paused, waiting for a debugger: they let it run.
 */
export async function wakeWorker(page: Page, sessions: CDPSession[], tries = 60): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const answered = page.evaluate(
      `chrome.runtime.sendMessage({ type: 'drain' }).then(() => true, () => false)`,
    );
    await Promise.all(sessions.map((s) => s.send('Runtime.runIfWaitingForDebugger').catch(() => undefined)));
    const ok = await Promise.race([
      answered as Promise<boolean>,
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000)),
    ]);
    if (ok) return;
  }
  throw new Error('the service worker did not wake');
}

/** A GET on the registry's API with the user's token. */
export async function apiGet<T>(url: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

/** A request the proxy stopped on its way to the registry (or whose answer it kept back). */
export interface HeldRequest {
  method: string;
  path: string;
}

/** A proxy in front of the registry that can hold a request, as a slow network would. */
export interface RegistryProxy {
  url: string;
  /** Every request that went through, as `METHOD /path`. */
  seen: string[];
  /**
   * Holds the next request that matches: never forwarded, or (`answerLost`) forwarded to the registry but
   * its answer kept back. Resolves once it arrived (and, when forwarded, once the registry answered it).
   */
  holdNext(method: string, path: RegExp, options?: { answerLost?: boolean }): Promise<HeldRequest>;
  close(): Promise<void>;
}

export function startRegistryProxy(registryUrl: string): Promise<RegistryProxy> {
  const target = new URL(registryUrl);
  const holds: {
    method: string;
    path: RegExp;
    answerLost: boolean;
    arrived: (held: HeldRequest) => void;
  }[] = [];
  const seen: string[] = [];
  const server = createHttpServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    seen.push(`${method} ${path}`);
    const index = holds.findIndex((h) => h.method === method && h.path.test(path));
    const [hold] = index >= 0 ? holds.splice(index, 1) : [];
    if (hold && !hold.answerLost) {
      hold.arrived({ method, path });
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method,
        path,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        if (hold) {
          // The registry did it; its answer never reaches the caller.
          answer.resume();
          answer.once('end', () => hold.arrived({ method, path }));
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        holdNext: (m, path, options) =>
          new Promise((arrived) =>
            holds.push({ method: m, path, answerLost: !!options?.answerLost, arrived }),
          ),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
