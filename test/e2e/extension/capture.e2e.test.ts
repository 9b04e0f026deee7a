import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/main';
import { makePdf } from '../../helpers/files';
import {
  apiGet,
  cardOf,
  clickFile,
  fixture,
  interceptWorker,
  launchWithExtension,
  openPanel,
  openSite,
  root,
  type SiteResponse,
  serviceWorkerTarget,
  signInExtension,
  startRegistry,
  statusOf,
  tempDirs,
  workerOf,
} from './harness';

const PDF = readFileSync(join(root, 'test/fixtures/documents/affiliate-agreement.pdf'));
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

/** Two mailboxes of one user: the signed copy in u/0, the same PDF forwarded in u/1. */
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzKxLnbJ';
const FORWARDED = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTzKxLnbK';

const ENVELOPE = 'https://app.docusign.com/documents/details/3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b';
const MSA_PDF = Buffer.from(makePdf(['Master Services Agreement between Acme and Contoso']));
const SITES = ['https://mail.google.com/*', 'https://app.docusign.com/*'];

const OUTLOOK_MESSAGE = 'https://outlook.office.com/mail/inbox/id/AAkALgAAAAAAHYQDEapmEc2byACqAC%2FEWg0A';
const RENEWAL_PDF = Buffer.from(makePdf(['Renewal of the service agreement between Acme and Partner']));
/** Outlook's anti-forgery token: a cookie its pages read and send back with each attachment download. */
const CANARY = 'kY3f0cR8y0aU1n2-current.';
/** Attachment downloads Outlook answered: with the session's token or not. */
const outlookDownloads: { canary: string | null }[] = [];

function outlookResponse(u: URL): SiteResponse {
  if (u.pathname === '/owa/service.svc/s/GetFileAttachment') {
    const canary = u.searchParams.get('X-OWA-CANARY');
    outlookDownloads.push({ canary });
    return canary === CANARY
      ? { status: 200, contentType: 'application/pdf', body: RENEWAL_PDF }
      : { status: 440, contentType: 'text/plain', body: 'Login Timeout' };
  }
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: fixture('outlook-message.html'),
    headers: { 'set-cookie': `X-OWA-CANARY=${CANARY}; Path=/; Secure` },
  };
}

/** The sites' answers, from the fixtures: pages for the tabs, files for the service worker's downloads. */
function siteResponse(url: string): SiteResponse {
  const u = new URL(url);
  if (u.hostname === 'outlook.office.com') return outlookResponse(u);
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

type Filings = { filings: { number: string; contractId: string }[] };

describe('filing documents from Gmail and DocuSign with the built extension', () => {
  const temp = tempDirs();
  let browser: Browser;
  let worker: WebWorker;
  let server: RunningServer;
  let extensionId: string;
  let token: string;

  beforeAll(async () => {
    ({ browser, extensionId } = await launchWithExtension(temp.make('pactfile-chromium-')));
    const sw = await serviceWorkerTarget(browser);
    worker = await workerOf(sw);
    server = await startRegistry(temp.make('pactfile-e2e-'), 0, extensionId);
    token = await signInExtension(server, worker);
    // The service worker downloads attachments itself: answer its requests to the sites from the fixtures.
    await interceptWorker(sw, siteResponse, SITES);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    temp.removeAll();
  });

  const api = <T>(path: string): Promise<T> => apiGet<T>(server.url, token, path);
  const open = (url: string) => openSite(browser, worker, url, siteResponse);
  const panelFor = (tabId: number) => openPanel(browser, extensionId, tabId);

  it('lists the attachments of the open message, files the PDF, and the registry has it', async () => {
    const { tabId } = await open(THREAD);
    const panel = await panelFor(tabId);
    await panel.waitForSelector('[data-candidate]', { timeout: 20_000 });
    const names = await panel.$$eval('[data-candidate] .name', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(['Supply Agreement 2024.pdf', '附件一 技术规格.docx']);
    const badge = await worker.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`);
    expect(badge).toBe('2');

    await clickFile(panel, 'Supply Agreement 2024.pdf');
    const status = await statusOf(panel, 'Supply Agreement 2024.pdf', /^Filed as /);
    const number = status.replace(/^Filed as /, '');

    const { filings } = await api<Filings>(`/api/blobs/${PDF_SHA}/filings`);
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
    const { tabId } = await open(FORWARDED);
    const panel = await panelFor(tabId);
    // The panel asks the registry about the documents it shows: no need to click File to learn it.
    const status = await statusOf(panel, 'Supply Agreement 2024.pdf', /^Already filed as /);
    const { filings } = await api<Filings>(`/api/blobs/${PDF_SHA}/filings`);
    expect(status).toBe(`Already filed as ${filings[0]?.number}`);
    expect(await panel.$(`${cardOf('Supply Agreement 2024.pdf')} button.file`)).toBeNull();
    const page = await api<{ items: unknown[] }>('/api/contracts');
    expect(page.items).toHaveLength(1);
  });

  it('files a DocuSign envelope document under the envelope id', async () => {
    const { tabId } = await open(ENVELOPE);
    const panel = await panelFor(tabId);
    await panel.waitForSelector('[data-candidate]', { timeout: 20_000 });
    // The document whose link leaves DocuSign is listed without a way to fetch it, and the page says why.
    const warning = await panel.$eval('[role="alert"]', (e) => e.textContent);
    expect(warning).toContain('does not point to DocuSign');
    await clickFile(panel, 'Master Services Agreement.pdf');
    const status = await statusOf(panel, 'Master Services Agreement.pdf', /^Filed as /);
    const sha = createHash('sha256').update(MSA_PDF).digest('hex');
    const { filings } = await api<Filings>(`/api/blobs/${sha}/filings`);
    expect(status).toBe(`Filed as ${filings[0]?.number}`);
    const versions = await api<{ sourceRef: string }[]>(`/api/contracts/${filings[0]?.contractId}/versions`);
    expect(versions.map((v) => v.sourceRef)).toEqual(['docusign:3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b']);
  });

  it('files an Outlook attachment, fetched by the Outlook page with the session’s token', async () => {
    const { tabId } = await open(OUTLOOK_MESSAGE);
    const panel = await panelFor(tabId);
    await panel.waitForSelector('[data-candidate]', { timeout: 20_000 });
    const names = await panel.$$eval('[data-candidate] .name', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(['服务协议2024.pdf', 'Renewal terms.docx']);
    // The attachment without a download address is listed, and the panel says why it cannot be filed.
    const warning = await panel.$eval('[role="alert"]', (e) => e.textContent);
    expect(warning).toContain('Renewal terms.docx');

    await clickFile(panel, '服务协议2024.pdf');
    const status = await statusOf(panel, '服务协议2024.pdf', /^Filed as /);
    const sha = createHash('sha256').update(RENEWAL_PDF).digest('hex');
    const { filings } = await api<Filings>(`/api/blobs/${sha}/filings`);
    expect(status).toBe(`Filed as ${filings[0]?.number}`);
    const versions = await api<{ sourceRef: string; filename: string }[]>(
      `/api/contracts/${filings[0]?.contractId}/versions`,
    );
    expect(versions).toMatchObject([
      { sourceRef: 'outlook:AAkALgAAAAAAHYQDEapmEc2byACqAC/EWg0A', filename: '服务协议2024.pdf' },
    ]);
    // Every download carried the token the page holds now, not the stale one written in the page's link.
    expect(outlookDownloads.length).toBeGreaterThan(0);
    expect(outlookDownloads.every((d) => d.canary === CANARY)).toBe(true);
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
    const { filings } = await api<Filings>(`/api/blobs/${PDF_SHA}/filings`);
    expect(names).toEqual([`${filings[0]?.number} · Supply agreement – signed copy 供货合同（签字版）`]);

    // A result opens the contract: its versions, and the review of the newest one.
    await page.click('[data-contract] button.open');
    await page.waitForSelector('[data-contract-page] [data-version]', { timeout: 20_000 });
    expect(await page.$eval('[data-contract-page] h1', (e) => e.textContent)).toContain(
      `${filings[0]?.number}`,
    );
    const versions = await page.$$eval('[data-version] .name', (els) => els.map((e) => e.textContent));
    expect(versions).toEqual(['v1 · Supply Agreement 2024.pdf']);
    const sections = await page.$$eval('[data-contract-page] h2', (els) => els.map((e) => e.textContent));
    expect(sections).toContain('Review findings (version 1)');
    expect(new URL(page.url()).searchParams.get('contract')).toBe(filings[0]?.contractId ?? '');

    // Download fetches the bytes with the token and saves them under the version's file name.
    const downloads = temp.make('pactfile-downloads-');
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.click('[data-version] button');
    const saved = join(downloads, 'Supply Agreement 2024.pdf');
    for (let i = 0; i < 100 && !existsSync(saved); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(saved) && readFileSync(saved).equals(PDF)).toBe(true);
  });
  it('counts the due reminders in the panel and marks one done with its Done button', async () => {
    const expiry = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${server.url}/api/contracts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Warehouse lease 仓库租赁', type: 'lease', expiryDate: expiry }),
    });
    expect(res.status).toBe(201);
    const contract = (await res.json()) as { id: string; number: string };
    // The reminders alarm, due now (an unpacked extension's alarms may fire at once).
    await worker.evaluate(`chrome.alarms.create('pactfile-reminders', { when: Date.now() })`);

    const panel = await browser.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.waitForSelector('.reminders [data-reminder]', { timeout: 30_000 });
    expect(await panel.$eval('.reminders h2', (e) => e.textContent)).toBe('Reminders due (1)');
    expect(await panel.$eval('.reminders [data-reminder] .name', (e) => e.textContent)).toBe(
      `${contract.number} · Warehouse lease 仓库租赁`,
    );
    await panel.$eval('.reminders button.done', (b) => (b as HTMLButtonElement).click());
    await panel.waitForFunction(() => document.querySelector('.reminders') === null, { timeout: 20_000 });

    const { items } = await api<{ items: { contractId: string; kind: string; state: string }[] }>(
      '/api/reminders',
    );
    expect(items.filter((r) => r.contractId === contract.id)).toMatchObject([
      { kind: 'expiry', state: 'done' },
    ]);
  });
});
