import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
}

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

/** Creates a legal user, signs in, and stores the settings the options page would save. */
export async function signInExtension(server: RunningServer, worker: WebWorker): Promise<string> {
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
    registryUrl: server.url,
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
      responseHeaders: [{ name: 'content-type', value: r.contentType }],
      body: Buffer.from(r.body).toString('base64'),
    });
  });
  await session.send('Fetch.enable', { patterns: patterns.map((urlPattern) => ({ urlPattern })) });
  return session;
}

/** Opens a fixture page at the real address of the site it imitates, and answers its tab id. */
export async function openSite(
  browser: Browser,
  worker: WebWorker,
  url: string,
  site: (url: string) => SiteResponse,
): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (!/^https:\/\/(mail\.google|app\.docusign)\.com\//.test(req.url())) {
      void req.continue();
      return;
    }
    const r = site(req.url());
    void req.respond({ status: r.status, contentType: r.contentType, body: r.body });
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

/** A GET on the registry's API with the user's token. */
export async function apiGet<T>(url: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}
