import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type CDPSession, type Page, type WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/auth/secrets';
import { loadConfig } from '../../../server/config';
import { type RunningServer, startServer } from '../../../server/main';
import { makePdf } from '../../helpers/files';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const extensionDir = join(root, 'extension/.output/chrome-mv3');
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/extension', name), 'utf8');
const PDF = readFileSync(join(root, 'test/fixtures/documents/affiliate-agreement.pdf'));
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

/** Two mailboxes of one user: the signed copy in u/0, the same PDF forwarded in u/1. */
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzKxLnbJ';
const FORWARDED = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTzKxLnbK';

const ENVELOPE = 'https://app.docusign.com/documents/details/3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b';
const MSA_PDF = Buffer.from(makePdf(['Master Services Agreement between Acme and Contoso']));

/** The sites' answers, from the fixtures: pages for the tabs, files for the service worker's downloads. */
function siteResponse(url: string): { status: number; contentType: string; body: Buffer | string } {
  const u = new URL(url);
  if (u.hostname === 'app.docusign.com') {
    if (u.pathname.includes('/envelopes/'))
      return { status: 200, contentType: 'application/pdf', body: MSA_PDF };
    return { status: 200, contentType: 'text/html; charset=utf-8', body: fixture('docusign-envelope.html') };
  }
  if (u.searchParams.has('attid')) return { status: 200, contentType: 'application/pdf', body: PDF };
  if (u.pathname.startsWith('/mail/u/1/')) {
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: fixture('gmail-thread-forwarded.html'),
    };
  }
  if (u.pathname.startsWith('/mail/u/0/')) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: fixture('gmail-thread.html') };
  }
  return { status: 404, contentType: 'text/plain', body: 'not found' };
}

describe('filing documents from Gmail and DocuSign with the built extension', () => {
  let browser: Browser;
  let worker: WebWorker;
  let swSession: CDPSession;
  let server: RunningServer;
  let extensionId: string;
  let token: string;
  const temp: string[] = [];
  const tempDir = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    temp.push(d);
    return d;
  };

  beforeAll(async () => {
    if (!existsSync(join(extensionDir, 'manifest.json'))) {
      const built = spawnSync('npx', ['wxt', 'build', 'extension'], { cwd: root, stdio: 'inherit' });
      if (built.status !== 0) throw new Error('building the extension failed');
    }
    browser = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      pipe: true,
      enableExtensions: [extensionDir],
      userDataDir: tempDir('pactfile-chromium-'),
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
    const sw = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    );
    extensionId = new URL(sw.url()).host;
    const w = await sw.worker();
    if (!w) throw new Error('no service worker');
    worker = w;

    // A real registry that lets the extension's origin call it (CORS), so no permission prompt is needed.
    server = await startServer(
      loadConfig({
        DATA_DIR: tempDir('pactfile-e2e-'),
        PORT: '0',
        ALLOWED_ORIGINS: `chrome-extension://${extensionId}`,
      }),
      () => {},
    );
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
    token = signedIn.token;
    const settings = {
      registryUrl: server.url,
      token,
      user: signedIn.user,
      language: 'en',
      defaultContractType: 'purchase',
    };
    await worker.evaluate(`chrome.storage.local.set({ settings: ${JSON.stringify(settings)} })`);

    // The service worker downloads attachments itself: answer its requests to Gmail with the fixture PDF.
    swSession = await sw.createCDPSession();
    swSession.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string } }) => {
      const r = siteResponse(event.request.url);
      void swSession.send('Fetch.fulfillRequest', {
        requestId: event.requestId,
        responseCode: r.status,
        responseHeaders: [{ name: 'content-type', value: r.contentType }],
        body: Buffer.from(r.body).toString('base64'),
      });
    });
    await swSession.send('Fetch.enable', {
      patterns: [{ urlPattern: 'https://mail.google.com/*' }, { urlPattern: 'https://app.docusign.com/*' }],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const d of temp) rmSync(d, { recursive: true, force: true });
  });

  /** Opens a fixture page at the real address of the site it imitates. */
  async function openSite(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (!/^https:\/\/(mail\.google|app\.docusign)\.com\//.test(req.url())) {
        void req.continue();
        return;
      }
      const r = siteResponse(req.url());
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
  async function openPanel(tabId: number): Promise<Page> {
    const panel = await browser.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    return panel;
  }

  const cardOf = (fileName: string) => `[data-candidate*=${JSON.stringify(fileName)}]`;

  async function clickFile(panel: Page, fileName: string): Promise<void> {
    await panel.waitForSelector(`${cardOf(fileName)} button.file`, { timeout: 20_000 });
    await panel.$eval(`${cardOf(fileName)} button.file`, (b) => (b as HTMLButtonElement).click());
  }

  /** Waits until the document's status line matches, and answers it. */
  async function statusOf(panel: Page, fileName: string, expected: RegExp): Promise<string> {
    const status = await panel.waitForFunction(
      (selector: string, pattern: string) => {
        const text = document.querySelector(`${selector} [role="status"]`)?.textContent ?? '';
        return new RegExp(pattern).test(text) ? text : null;
      },
      { timeout: 60_000 },
      cardOf(fileName),
      expected.source,
    );
    return (await status.jsonValue()) as string;
  }

  const api = async <T>(path: string): Promise<T> =>
    (await (
      await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as T;

  it('lists the attachments of the open message, files the PDF, and the registry has it', async () => {
    const { tabId } = await openSite(THREAD);
    const panel = await openPanel(tabId);
    await panel.waitForSelector('[data-candidate]', { timeout: 20_000 });
    const names = await panel.$$eval('[data-candidate] .name', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(['Supply Agreement 2024.pdf', '附件一 技术规格.docx']);
    const badge = await worker.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`);
    expect(badge).toBe('2');

    await clickFile(panel, 'Supply Agreement 2024.pdf');
    const status = await statusOf(panel, 'Supply Agreement 2024.pdf', /^Filed as /);
    const number = status.replace(/^Filed as /, '');

    const { filings } = await api<{ filings: { number: string; contractId: string }[] }>(
      `/api/blobs/${PDF_SHA}/filings`,
    );
    expect(filings.map((f) => f.number)).toEqual([number]);
    const versions = await api<{ source: string; sourceRef: string; filename: string }[]>(
      `/api/contracts/${filings[0]?.contractId}/versions`,
    );
    expect(versions).toMatchObject([
      { source: 'extension', sourceRef: 'gmail:18d6c3a1b2c3d4e5', filename: 'Supply Agreement 2024.pdf' },
    ]);
    const found = await api<{ items: { contract: { number: string } }[] }>('/api/search?q=Supply');
    expect(found.items.map((i) => i.contract.number)).toContain(number);

    // The registry reads the PDF; the panel suggests the fields it found, and saves the ones kept.
    const card = cardOf('Supply Agreement 2024.pdf');
    await panel.waitForSelector(`${card} [data-suggestions="form"]`, { timeout: 30_000 });
    const parties = await panel.$$eval(`${card} [data-party]`, (rows) =>
      rows.map((r) => (r.querySelector('input') as HTMLInputElement).value),
    );
    expect(parties.length).toBeGreaterThan(0);
    await panel.$eval(`${card} button.confirm`, (b) => (b as HTMLButtonElement).click());
    await panel.waitForSelector(`${card} [data-suggestions="saved"]`, { timeout: 10_000 });
    const contract = await api<{ counterparty: { name: string }[] }>(
      `/api/contracts/${filings[0]?.contractId}`,
    );
    expect(contract.counterparty.map((p) => p.name)).toEqual(parties);
  });

  it('says "already filed as <number>" for the same PDF forwarded in another message, and files nothing new', async () => {
    const { tabId } = await openSite(FORWARDED);
    const panel = await openPanel(tabId);
    // The panel asks the registry about the documents it shows: no need to click File to learn it.
    const status = await statusOf(panel, 'Supply Agreement 2024.pdf', /^Already filed as /);
    const { filings } = await api<{ filings: { number: string }[] }>(`/api/blobs/${PDF_SHA}/filings`);
    expect(status).toBe(`Already filed as ${filings[0]?.number}`);
    expect(await panel.$(`${cardOf('Supply Agreement 2024.pdf')} button.file`)).toBeNull();
    const page = await api<{ items: unknown[] }>('/api/contracts');
    expect(page.items).toHaveLength(1);
  });

  it('files a DocuSign envelope document under the envelope id', async () => {
    const { tabId } = await openSite(ENVELOPE);
    const panel = await openPanel(tabId);
    await panel.waitForSelector('[data-candidate]', { timeout: 20_000 });
    // The document whose link leaves DocuSign is listed without a way to fetch it, and the page says why.
    const warning = await panel.$eval('[role="alert"]', (e) => e.textContent);
    expect(warning).toContain('does not point to DocuSign');
    await clickFile(panel, 'Master Services Agreement.pdf');
    const status = await statusOf(panel, 'Master Services Agreement.pdf', /^Filed as /);
    const sha = createHash('sha256').update(MSA_PDF).digest('hex');
    const { filings } = await api<{ filings: { number: string; contractId: string }[] }>(
      `/api/blobs/${sha}/filings`,
    );
    expect(status).toBe(`Filed as ${filings[0]?.number}`);
    const versions = await api<{ sourceRef: string }[]>(`/api/contracts/${filings[0]?.contractId}/versions`);
    expect(versions.map((v) => v.sourceRef)).toEqual(['docusign:3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b']);
  });

  it('has the panel shortcut, and polls the reminders on a schedule', async () => {
    const commands = (await worker.evaluate('chrome.commands.getAll()')) as { name: string }[];
    expect(commands.map((c) => c.name)).toContain('open-side-panel');
    const alarm = (await worker.evaluate(`chrome.alarms.get('pactfile-reminders')`)) as {
      periodInMinutes?: number;
    } | null;
    expect(alarm?.periodInMinutes).toBe(30);
  });

  it('searches the registry from the extension’s registry page', async () => {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/registry.html?q=Supply`);
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-contract] .name', { timeout: 20_000 });
    const names = await page.$$eval('[data-contract] .name', (els) => els.map((e) => e.textContent));
    const { filings } = await api<{ filings: { number: string; contractId: string }[] }>(
      `/api/blobs/${PDF_SHA}/filings`,
    );
    expect(names).toEqual([`${filings[0]?.number} · Supply agreement – signed copy 供货合同（签字版）`]);

    // A result opens the contract: its versions, and the review of the newest one.
    await page.click('[data-contract] button.open');
    await page.waitForSelector('[data-contract-page] [data-version]', { timeout: 20_000 });
    expect(await page.$eval('[data-contract-page] h1', (e) => e.textContent)).toContain(
      `${filings[0]?.number}`,
    );
    const versions = await page.$$eval('[data-version] .name', (els) => els.map((e) => e.textContent));
    expect(versions).toEqual(['v1 · Supply Agreement 2024.pdf']);
    expect(await page.$eval('[data-contract-page] h2:last-of-type', (e) => e.textContent)).toBe(
      'Review findings (version 1)',
    );
    expect(new URL(page.url()).searchParams.get('contract')).toBe(filings[0]?.contractId ?? '');

    // Download fetches the bytes with the token and saves them under the version's file name.
    const downloads = tempDir('pactfile-downloads-');
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.click('[data-version] button');
    const saved = join(downloads, 'Supply Agreement 2024.pdf');
    for (let i = 0; i < 100 && !existsSync(saved); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(saved) && readFileSync(saved).equals(PDF)).toBe(true);
  });
});
