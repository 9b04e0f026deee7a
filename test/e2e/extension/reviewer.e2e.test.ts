import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/auth/secrets';
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

interface User {
  id: string;
  email: string;
}
interface Contract {
  id: string;
  number: string;
  status: string;
}

/** A call on the registry's API with a user's token; fails the test on a refusal. */
async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function login(url: string, email: string): Promise<{ token: string; user: User }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long password' }),
  });
  return (await res.json()) as { token: string; user: User };
}

describe('a contract goes from draft to active with two approvals through the registry page', () => {
  const temp = tempDirs();
  let browser: Browser;
  let worker: WebWorker;
  let extensionId: string;
  let server: RunningServer;
  let legalToken: string;

  beforeAll(async () => {
    ({ browser, extensionId } = await launchWithExtension(temp.make('pactfile-chromium-')));
    worker = await workerOf(await serviceWorkerTarget(browser));
    server = await startRegistry(temp.make('pactfile-e2e-'), await freePort(), extensionId);
    legalToken = await signInExtension(server, worker);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    temp.removeAll();
  });

  /** Signs the extension in as another user, as the options page would. */
  async function signInAs(page: Page, email: string): Promise<void> {
    const { token, user } = await login(server.url, email);
    const settings = {
      registryUrl: server.url,
      token,
      user,
      language: 'en',
      defaultContractType: 'purchase',
    };
    await page.evaluate(`chrome.storage.local.set({ settings: ${JSON.stringify(settings)} })`);
  }

  const click = async (page: Page, selector: string) => {
    await page.waitForSelector(`${selector}:not([disabled])`, { timeout: 30_000 });
    await page.$eval(selector, (b) => (b as HTMLButtonElement).click());
  };
  const statusShown = (page: Page, status: string) =>
    page.waitForSelector(`[data-contract-page] strong[data-status="${status}"]`, { timeout: 30_000 });

  it('submits, is approved by legal on the contract page and by the general manager from the inbox, is signed', async () => {
    // Two approvers: the legal user the extension is signed in as, and a general manager made by an admin.
    await server.registry.users.create({
      email: 'admin@example.com',
      name: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword('a long password'),
    });
    const admin = await login(server.url, 'admin@example.com');
    const gm = await api<User>(server.url, admin.token, 'POST', '/api/users', {
      email: 'gm@example.com',
      name: '总经理',
      role: 'reviewer',
      password: 'a long password',
    });
    const legal = await api<User>(server.url, legalToken, 'GET', '/api/me');
    await api(server.url, legalToken, 'PUT', '/api/approval-rules', [
      {
        id: 'purchase',
        name: 'Purchases',
        match: { types: ['purchase'] },
        steps: [
          { name: 'Legal review', approvers: [{ userId: legal.id }] },
          { name: 'General manager', approvers: [{ userId: gm.id }] },
        ],
      },
    ]);
    const draft = await api<Contract>(server.url, legalToken, 'POST', '/api/contracts', {
      title: 'Equipment supply agreement',
      type: 'purchase',
      department: 'SD',
      counterparty: [{ name: 'Acme Supplies Ltd.', role: 'supplier' }],
      amount: { value: 12_500_050, currency: 'CNY' },
    });
    expect(draft.status).toBe('draft');

    // Legal finds the contract on the registry page and submits it for review.
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/registry.html`);
    await page.waitForSelector('input[name="q"]', { timeout: 30_000 });
    await page.type('input[name="q"]', draft.number);
    await click(page, 'form button[type="submit"]');
    await click(page, `[data-contract="${draft.id}"] button.open`);
    await statusShown(page, 'draft');
    expect(await page.$eval('[data-contract-page] dl', (d) => d.textContent)).toContain('CN¥125,000.50');
    await click(page, '[data-to="in_review"]');
    await statusShown(page, 'in_review');

    // The first step waits on legal, who approves it on the contract page with a comment.
    await page.waitForSelector('[data-step-status="pending"][aria-current="step"] button.approve', {
      timeout: 30_000,
    });
    await page.type('[aria-current="step"] textarea', 'Terms checked');
    await click(page, '[aria-current="step"] button.approve');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-step-status="approved"]').length === 1,
      { timeout: 30_000 },
    );
    // Legal is not the second step's approver: no button for it. The approver is shown by name.
    expect(await page.$('[aria-current="step"] button.approve')).toBeNull();
    const approver = `[aria-current="step"] [data-user="${gm.id}"]`;
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent === '总经理',
      { timeout: 30_000 },
      approver,
    );
    expect(await page.$eval(approver, (e) => e.getAttribute('title'))).toBe('gm@example.com');

    // The general manager signs in; the contract waits in their inbox, counted in the side panel too.
    await signInAs(page, 'gm@example.com');
    const panel = await browser.newPage();
    // (An extension URL's origin is opaque to URL: the panel's address is made from the page's.)
    await panel.goto(page.url().replace(/\/registry\.html.*$/, '/sidepanel.html'));
    await panel.waitForSelector('[data-inbox-count="1"]', { timeout: 30_000 });
    expect(await panel.$eval(`[data-inbox-item="${draft.id}"]`, (li) => li.textContent)).toContain(
      draft.number,
    );
    await panel.close();
    await page.waitForFunction(
      () => document.querySelector('nav.tabs [data-view="inbox"]')?.textContent === 'Inbox (1)',
      { timeout: 30_000 },
    );
    await click(page, 'nav.tabs [data-view="inbox"]');
    await click(page, `[data-inbox-item="${draft.id}"] button.open`);
    await click(page, '[aria-current="step"] button.approve');
    await statusShown(page, 'approved');
    await page.waitForFunction(
      () => document.querySelector('nav.tabs [data-view="inbox"]')?.textContent === 'Inbox (0)',
      { timeout: 30_000 },
    );
    // A reviewer may not move statuses: the page says so rather than offering buttons that would fail.
    expect(await page.$('[data-to]')).toBeNull();

    // Legal, signed in again, sends it for signing and makes it active.
    await signInAs(page, 'legal@example.com');
    await click(page, '[data-to="signing"]');
    await statusShown(page, 'signing');
    await click(page, '[data-to="active"]');
    await statusShown(page, 'active');

    const after = await apiGet<Contract>(server.url, legalToken, `/api/contracts/${draft.id}`);
    expect(after.status).toBe('active');
    const approvals = await apiGet<{ steps: { name: string; status: string }[] }>(
      server.url,
      legalToken,
      `/api/contracts/${draft.id}/approvals`,
    );
    expect(approvals.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      'Legal review:approved',
      'General manager:approved',
    ]);

    // The audit trail on the page tells the story, newest first.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-section="audit"] li .what')?.textContent === 'Status Signing → Active',
      { timeout: 30_000 },
    );
    const trail = await page.$$eval('[data-section="audit"] li .what', (items) =>
      items.map((i) => i.textContent),
    );
    expect(trail).toEqual(
      expect.arrayContaining([
        'Status Signing → Active',
        'Status Approved → Signing',
        'Status In review → Approved',
        'Approved “General manager”',
        'Approved “Legal review” — “Terms checked”',
        'Sent for approval: Legal review, General manager',
        'Status Draft → In review',
      ]),
    );
    expect(trail.indexOf('Status Signing → Active')).toBeLessThan(trail.indexOf('Status Draft → In review'));
    await page.close();
  });
});
