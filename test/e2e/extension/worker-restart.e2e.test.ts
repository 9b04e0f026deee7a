import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/main';
import { makeDocx } from '../../helpers/files';
import {
  apiGet,
  cardOf,
  clickFile,
  fixture,
  interceptWorker,
  launchWithExtension,
  openPanel,
  openSite,
  type RegistryProxy,
  root,
  type SiteResponse,
  serviceWorkerTarget,
  signInExtension,
  startRegistry,
  startRegistryProxy,
  statusOf,
  stopServiceWorker,
  tempDirs,
  wakeWorker,
  within,
  workerOf,
} from './harness';

const PDF = readFileSync(join(root, 'test/fixtures/documents/affiliate-agreement.pdf'));
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzKxLnbJ';
const SITES = ['https://mail.google.com/*'];

const DOCX = Buffer.from(makeDocx(['附件一 技术规格', 'Technical specifications of the supplied parts.']));
const DOCX_SHA = createHash('sha256').update(DOCX).digest('hex');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function siteResponse(url: string): SiteResponse {
  const u = new URL(url);
  if (u.searchParams.get('attid') === '0.2') return { status: 200, contentType: DOCX_TYPE, body: DOCX };
  if (u.searchParams.has('attid')) return { status: 200, contentType: 'application/pdf', body: PDF };
  if (u.pathname.startsWith('/mail/u/0/')) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: fixture('gmail-thread.html') };
  }
  return { status: 404, contentType: 'text/plain', body: 'not found' };
}

describe('filing survives a service worker stopped mid-upload', () => {
  const temp = tempDirs();
  let browser: Browser;
  let extensionId: string;
  let sw: Target;
  let server: RunningServer;
  let proxy: RegistryProxy;
  let token: string;
  let intercept: CDPSession;

  beforeAll(async () => {
    ({ browser, extensionId } = await launchWithExtension(temp.make('pactfile-chromium-')));
    sw = await serviceWorkerTarget(browser);
    server = await startRegistry(temp.make('pactfile-e2e-'), 0, extensionId);
    // The extension talks to the registry through a proxy that can hold the upload.
    proxy = await startRegistryProxy(server.url);
    token = await signInExtension(server, await workerOf(sw), proxy.url);
    intercept = await interceptWorker(sw, siteResponse, SITES);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.stop();
    temp.removeAll();
  });

  it('stop the worker while it uploads, wake it, and see the document filed exactly once', async () => {
    const worker = await workerOf(sw);
    const { tabId } = await openSite(browser, worker, THREAD, siteResponse);
    const panel = await openPanel(browser, extensionId, tabId);
    await panel.waitForSelector('[data-candidate]', { timeout: 20_000 });

    const upload = proxy.holdNext('PUT', new RegExp(`^/api/blobs/${PDF_SHA}$`));
    await clickFile(panel, 'Supply Agreement 2024.pdf');
    await within(upload, 30_000, 'the upload reaching the proxy');
    await statusOf(panel, 'Supply Agreement 2024.pdf', /^Uploading/);

    // Stopped as the browser stops an idle worker: the upload it waited on is lost with it.
    await stopServiceWorker(panel);
    const contractsBefore = await apiGet<{ items: unknown[] }>(server.url, token, '/api/contracts');
    expect(contractsBefore.items).toHaveLength(0);

    // A message from the panel wakes a new worker; it takes the job over at once (the stopped worker's lease
    // had two minutes left) and files it.
    await wakeWorker(panel, [intercept]);
    const status = await statusOf(panel, 'Supply Agreement 2024.pdf', /^Filed as /);
    const number = status.replace(/^Filed as /, '');

    const { filings } = await apiGet<{ filings: { number: string; contractId: string }[] }>(
      server.url,
      token,
      `/api/blobs/${PDF_SHA}/filings`,
    );
    expect(filings.map((f) => f.number)).toEqual([number]);
    const versions = await apiGet<{ sourceRef: string }[]>(
      server.url,
      token,
      `/api/contracts/${filings[0]?.contractId}/versions`,
    );
    expect(versions.map((v) => v.sourceRef)).toEqual(['gmail:18d6c3a1b2c3d4e5']);
    const contracts = await apiGet<{ items: unknown[] }>(server.url, token, '/api/contracts');
    expect(contracts.items).toHaveLength(1);
    // The held upload never reached the registry; the new worker uploaded the kept bytes once more.
    expect(proxy.seen.filter((r) => r === `PUT /api/blobs/${PDF_SHA}`)).toHaveLength(2);
    expect(proxy.seen.filter((r) => r === 'POST /api/contracts')).toHaveLength(1);
  });
  it('stop the worker once the registry added the version but before it heard so, and file nothing twice', async () => {
    // The first worker's handle is gone with it: an extension page finds the tab.
    const helper = await browser.newPage();
    await helper.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const { tabId } = await openSite(browser, helper, THREAD, siteResponse);
    const panel = await openPanel(browser, extensionId, tabId);
    const name = '附件一 技术规格.docx';
    await panel.waitForSelector(cardOf(name), { timeout: 20_000 });

    // The version is added on the registry; the answer is lost when the worker stops.
    const version = proxy.holdNext('POST', /^\/api\/contracts\/[^/]+\/versions$/, { answerLost: true });
    await clickFile(panel, name);
    await within(version, 30_000, 'the version reaching the registry');
    await stopServiceWorker(panel);
    await wakeWorker(panel, [intercept]);
    const status = await statusOf(panel, name, /^Filed as /);

    const { filings } = await apiGet<{ filings: { number: string; contractId: string }[] }>(
      server.url,
      token,
      `/api/blobs/${DOCX_SHA}/filings`,
    );
    expect(filings.map((f) => `Filed as ${f.number}`)).toEqual([status]);
    const versions = await apiGet<{ filename: string }[]>(
      server.url,
      token,
      `/api/contracts/${filings[0]?.contractId}/versions`,
    );
    expect(versions.map((v) => v.filename)).toEqual([name]);
    const contracts = await apiGet<{ items: unknown[] }>(server.url, token, '/api/contracts');
    expect(contracts.items).toHaveLength(2);
  });
});
