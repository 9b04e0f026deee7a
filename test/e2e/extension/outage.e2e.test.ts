import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/main';
import {
  apiGet,
  clickFile,
  fixture,
  freePort,
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
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzKxLnbJ';
const SITES = ['https://mail.google.com/*'];

function siteResponse(url: string): SiteResponse {
  const u = new URL(url);
  if (u.searchParams.has('attid')) return { status: 200, contentType: 'application/pdf', body: PDF };
  if (u.pathname.startsWith('/mail/u/0/')) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: fixture('gmail-thread.html') };
  }
  return { status: 404, contentType: 'text/plain', body: 'not found' };
}

type Filings = { filings: { number: string; contractId: string }[] };

describe('filing survives a stopped registry', () => {
  const temp = tempDirs();
  let browser: Browser;
  let worker: WebWorker;
  let extensionId: string;
  let dataDir: string;
  let port: number;
  let server: RunningServer | null = null;
  let token: string;
  let registryUrl: string;

  beforeAll(async () => {
    ({ browser, extensionId } = await launchWithExtension(temp.make('pactfile-chromium-')));
    const sw = await serviceWorkerTarget(browser);
    worker = await workerOf(sw);
    dataDir = temp.make('pactfile-e2e-');
    port = await freePort();
    server = await startRegistry(dataDir, port, extensionId);
    token = await signInExtension(server, worker);
    registryUrl = server.url;
    await interceptWorker(sw, siteResponse, SITES);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    temp.removeAll();
  });

  const api = <T>(path: string): Promise<T> => apiGet<T>(registryUrl, token, path);

  /** Asks the background to file what is due, as the side panel does, until the status line matches. */
  async function drainUntil(
    panel: Page,
    fileName: string,
    expected: RegExp,
    deadlineSeconds = 60,
  ): Promise<string> {
    for (let i = 0; i < deadlineSeconds; i++) {
      // Not awaited: the answer comes only once the drain is over.
      await panel.evaluate(`void chrome.runtime.sendMessage({ type: 'drain' })`);
      try {
        return await statusOf(panel, fileName, expected, 1_000);
      } catch {
        // Not yet: the job waits for its backoff to run out.
      }
    }
    return statusOf(panel, fileName, expected, 1_000);
  }

  it('stop the registry, file, start it again, and see the document filed exactly once', async () => {
    const { tabId } = await openSite(browser, worker, THREAD, siteResponse);
    const panel = await openPanel(browser, extensionId, tabId);
    await panel.waitForSelector('[data-candidate]', { timeout: 20_000 });

    await server?.stop();
    server = null;
    await clickFile(panel, 'Supply Agreement 2024.pdf');
    // Queued, not lost: the panel says when it will try again, and why.
    const waiting = await statusOf(panel, 'Supply Agreement 2024.pdf', /^Will try again at /);
    expect(waiting).toMatch(/registry/i);

    server = await startRegistry(dataDir, port, extensionId);
    const status = await drainUntil(panel, 'Supply Agreement 2024.pdf', /^Filed as /);
    const number = status.replace(/^Filed as /, '');

    const { filings } = await api<Filings>(`/api/blobs/${PDF_SHA}/filings`);
    expect(filings.map((f) => f.number)).toEqual([number]);
    const versions = await api<{ sourceRef: string }[]>(`/api/contracts/${filings[0]?.contractId}/versions`);
    expect(versions.map((v) => v.sourceRef)).toEqual(['gmail:18d6c3a1b2c3d4e5']);
    const page = await api<{ items: unknown[] }>('/api/contracts');
    expect(page.items).toHaveLength(1);
  });
});
