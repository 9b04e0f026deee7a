import { createHash } from 'node:crypto';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/main';
import {
  apiGet,
  freePort,
  launchWithExtension,
  serviceWorkerTarget,
  signInExtension,
  startRegistry,
  tempDirs,
  workerOf,
} from './harness';

interface Contract {
  id: string;
  number: string;
  status: string;
}

/** A call on the registry's API with the legal user's token; fails the test on a refusal. */
async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const bytes = body instanceof Uint8Array;
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': bytes ? 'application/octet-stream' : 'application/json',
    },
    body: body === undefined ? undefined : bytes ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('retention review and dashboard on the registry page', () => {
  const temp = tempDirs();
  let browser: Browser;
  let worker: WebWorker;
  let extensionId: string;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    ({ browser, extensionId } = await launchWithExtension(temp.make('pactfile-chromium-')));
    worker = await workerOf(await serviceWorkerTarget(browser));
    server = await startRegistry(temp.make('pactfile-e2e-'), await freePort(), extensionId);
    token = await signInExtension(server, worker);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    temp.removeAll();
  });

  const click = async (page: Page, selector: string) => {
    await page.waitForSelector(`${selector}:not([disabled])`, { timeout: 30_000 });
    await page.$eval(selector, (b) => (b as HTMLButtonElement).click());
  };

  /** A contract that expired long ago, with one filed version (its retention ran out years ago). */
  async function expiredContract(title: string): Promise<{ contract: Contract; versionId: string }> {
    const contract = await api<Contract>(server.url, token, 'POST', '/api/contracts', {
      title,
      type: 'purchase',
      department: 'SD',
      status: 'expired',
      expiryDate: '2001-01-31',
    });
    const bytes = new TextEncoder().encode(`%PDF-1.4 ${title}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await api(server.url, token, 'PUT', `/api/blobs/${sha256}`, bytes);
    const added = await api<{ version: { id: string } }>(
      server.url,
      token,
      'POST',
      `/api/contracts/${contract.id}/versions`,
      { sha256, filename: `${title}.pdf`, source: 'upload' },
    );
    return { contract, versionId: added.version.id };
  }

  it('confirms naming the contract, destroys its documents, and its version then shows as destroyed', async () => {
    const { contract, versionId } = await expiredContract('Old supply agreement');
    const held = await expiredContract('Disputed supply agreement');
    await api(server.url, token, 'PUT', `/api/contracts/${held.contract.id}/legal-hold`, {
      reason: 'Case 2024-17',
    });

    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/registry.html`);
    await click(page, 'nav.tabs [data-view="retention"]');
    await page.waitForSelector(`[data-due="${contract.id}"]`, { timeout: 30_000 });
    // The held contract is listed with its hold, and cannot be destroyed.
    const heldItem = `[data-due="${held.contract.id}"]`;
    expect(await page.$eval(heldItem, (e) => e.textContent)).toContain('Case 2024-17');
    expect(await page.$(`${heldItem} [data-destroy]`)).toBeNull();

    await click(page, `[data-due="${contract.id}"] [data-destroy]`);
    const question = await page.$eval(
      `[data-due="${contract.id}"] [role="alertdialog"]`,
      (e) => e.textContent,
    );
    expect(question).toContain(contract.number);
    expect(question).toContain('cannot be undone');
    await click(page, `[data-due="${contract.id}"] [data-destroy-confirm]`);
    await page.waitForSelector('[data-outcome="destroy"]', { timeout: 30_000 });
    expect(await page.$(`[data-due="${contract.id}"]`)).toBeNull();

    const versions = await apiGet<{ id: string; destroyedAt: string | null }[]>(
      server.url,
      token,
      `/api/contracts/${contract.id}/versions`,
    );
    expect(versions.find((v) => v.id === versionId)?.destroyedAt).not.toBeNull();

    await page.goto(`chrome-extension://${extensionId}/registry.html?contract=${contract.id}`);
    const destroyed = await page.waitForSelector(`[data-version="${versionId}"] [data-destroyed]`, {
      timeout: 30_000,
    });
    expect(await destroyed?.evaluate((e) => e.textContent)).toMatch(
      /^Destroyed on .+ at the end of retention$/,
    );
    expect(await page.$(`[data-version="${versionId}"] button`)).toBeNull();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-section="audit"] li .what')].some(
          (e) => e.textContent === 'Documents destroyed at the end of retention',
        ),
      { timeout: 30_000 },
    );
    await page.close();
  });

  it('draws the dashboard’s charts as wide as the page, and redraws them when it is resized', async () => {
    const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await api(server.url, token, 'POST', '/api/contracts', {
      title: 'Running supply agreement',
      type: 'purchase',
      department: 'SD',
      status: 'active',
      signedDate: '2025-01-10',
      expiryDate: soon,
      amount: { value: 10_000_000, currency: 'CNY' },
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`chrome-extension://${extensionId}/registry.html?view=dashboard`);
    const chart = '[data-chart="expiring"] .recharts-wrapper > svg';
    await page.waitForSelector(chart, { timeout: 30_000 });
    const widths = () =>
      page.$eval(chart, (svg) => ({
        svg: Number(svg.getAttribute('width')),
        room: (svg.closest('.chart-box') as HTMLElement).clientWidth,
      }));
    const wide = await widths();
    expect(wide.svg).toBe(wide.room);
    expect(wide.svg).toBeGreaterThan(640);
    await page.setViewport({ width: 500, height: 800 });
    await page.waitForFunction(
      (selector, before) => Number(document.querySelector(selector)?.getAttribute('width')) < before,
      { timeout: 30_000 },
      chart,
      wide.svg,
    );
    const narrow = await widths();
    expect(narrow.svg).toBe(narrow.room);
    expect(narrow.svg).toBeLessThan(500);
    await page.close();
  });
});
