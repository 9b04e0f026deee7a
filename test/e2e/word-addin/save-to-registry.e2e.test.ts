import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { type RunningServer, startServer } from '../../../server/main';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds when the pane is missing or older than a source of the add-in or of shared/. */
function needsBuild(): boolean {
  const page = join(root, 'dist/word-addin/taskpane.html');
  if (!existsSync(page)) return true;
  const builtAt = statSync(page).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? newer(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs > builtAt,
    );
  return newer(join(root, 'word-addin')) || newer(join(root, 'shared'));
}

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let password: string;

beforeAll(async () => {
  if (needsBuild()) {
    const built = spawnSync('npx', ['vite', 'build', '--config', 'word-addin/vite.config.ts'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('Building the Word add-in failed');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'pactfile-e2e-word-'));
  server = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0' }), () => {});
  password = /password: (\S+)/.exec(readFileSync(join(dataDir, 'first-admin.txt'), 'utf8'))?.[1] ?? '';
  browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
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
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openPane(lang: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  // Generous: the machine may be busy with other test files.
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/word/taskpane.html?host=fake&lang=${lang}`, { waitUntil: 'load' });
  // Checks and clauses work without signing in; saving asks for it.
  await page.waitForSelector('[data-testid="run-checks"]');
  await page.click('[data-testid="tab-save"]');
  await page.waitForSelector('[data-testid="sign-in"]');
  return { page, errors };
}

async function replaceText(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe('the Word task pane against a real registry', () => {
  it('loads office.js from the registry and explains itself when opened outside Word', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const officeJs = page.waitForResponse((r) => r.url().endsWith('/word/office-js/office.js'));
    await page.goto(`${server.url}/word/taskpane.html`, { waitUntil: 'load' });
    expect((await officeJs).status()).toBe(200);
    await page.waitForSelector('[role="alert"]', { timeout: 30_000 });
    expect(await textOf(page, '[role="alert"]')).toContain('?host=fake');
    await context.close();
  });

  it('says so when the registry cannot be reached, in the display language', async () => {
    const { page } = await openPane('zh-CN');
    expect(await textOf(page, '[data-testid="sign-in"]')).toBe('登录');
    await replaceText(page, '[data-testid="registry-url"]', 'http://127.0.0.1:9');
    await page.type('[data-testid="email"]', 'admin@pactfile.local');
    await page.type('[data-testid="password"]', 'whatever');
    await page.click('[data-testid="sign-in"]');
    await page.waitForSelector('[data-testid="sign-in-error"]');
    expect(await textOf(page, '[data-testid="sign-in-error"]')).toContain(
      '无法连接合同台账 http://127.0.0.1:9',
    );
    await page.close();
  });

  it('signs in, links the document to a new contract and saves it as a version', async () => {
    const { page, errors } = await openPane('en-US');
    // A failed wait says what the page reported (a script error is the usual reason nothing appears).
    try {
      // The pane is served by the registry, so the address is filled in.
      expect(await page.$eval('[data-testid="registry-url"]', (el) => (el as HTMLInputElement).value)).toBe(
        server.url,
      );
      await page.type('[data-testid="email"]', 'admin@pactfile.local');
      await page.type('[data-testid="password"]', password);
      await page.click('[data-testid="sign-in"]');
      await page.waitForSelector('[data-testid="signed-in-as"]');
      await page.click('[data-testid="tab-checks"]');

      // Checks: the draft's amount in words does not match its figures; apply the suggested fix.
      await page.click('[data-testid="run-checks"]');
      await page.waitForSelector('[data-testid="level-error"] [data-testid="fix"]');
      expect(await textOf(page, '[data-testid="playbook-origin"]')).toBe('Playbook of the registry');
      const rule = await page.$eval('[data-testid="level-error"] [data-testid="finding"]', (el) =>
        el.getAttribute('data-rule'),
      );
      await page.click('[data-testid="level-error"] [data-testid="fix"]');
      await page.waitForFunction((id) => !document.querySelector(`[data-rule="${id}"]`), {}, rule ?? '');
      // The check comes back clean: no error is left.
      await page.waitForFunction(() => !document.querySelector('[data-testid="level-error"]'));

      // Clauses: search the library, insert the payment clause; Compare finds it as the standard text.
      await page.click('[data-testid="tab-clauses"]');
      await page.waitForSelector('[data-testid="clause-query"]');
      await page.type('[data-testid="clause-query"]', '付款');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid^="insert-zh."]').length < 5);
      await page.waitForSelector('[data-testid="insert-zh.payment"]');
      await page.click('[data-testid="insert-zh.payment"]');
      // The form: the price in its typed field (yuan → fen), the bank details left to fill in later.
      await page.waitForSelector('[data-testid="clause-form"]');
      await page.type('[data-testid="input-contractPrice"]', '12000');
      await page.click('[data-testid="insert-confirm"]');
      await page.waitForSelector('[data-testid="clause-in-document"]');
      // The fallback position of the governing-law clause: tagged with its position, compared with it.
      await replaceText(page, '[data-testid="clause-query"]', '法律');
      await page.waitForSelector('[data-testid="insert-zh.governing-law"]');
      await page.click('[data-testid="insert-zh.governing-law"]');
      await page.waitForSelector('[data-testid="body-choice"] input[value="fallback"]');
      await page.click('[data-testid="body-choice"] input[value="fallback"]');
      await page.waitForSelector('[data-testid="position-note"]');
      await page.click('[data-testid="insert-confirm"]');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="clause-in-document"]').length === 2,
      );
      expect(
        await page.$$eval('[data-testid="clause-position"]', (els) => els.map((e) => e.textContent)),
      ).toEqual([expect.stringMatching(/^zh\.payment · v\d+$/), 'zh.governing-law · v1 · Fallback position']);
      await page.click('[data-testid="tab-compare"]');
      await page.click('[data-testid="compare"]');
      await page.waitForSelector('[data-testid="comparison-summary"]');
      expect(await textOf(page, '[data-testid="comparison"]')).toContain('zh.payment');
      expect(
        await page.$$eval('[data-testid="comparison-summary"]', (els) => els.map((e) => e.textContent)),
      ).toEqual(['Same as the standard text.', 'Same as the fallback position.']);

      await page.click('[data-testid="tab-save"]');
      await page.waitForSelector('[data-testid="new-title"]');
      await replaceText(page, '[data-testid="new-title"]', 'Purchase of servers');
      await replaceText(page, '[data-testid="new-type"]', 'purchase');
      await page.click('[data-testid="create"]');
      await page.waitForSelector('[data-testid="save"]');
      const number = await textOf(page, '[data-testid="contract-number"]');
      expect(number.length).toBeGreaterThan(0);

      await page.click('[data-testid="save"]');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved as version'),
      );
      expect(await textOf(page, '[data-testid="save-status"]')).toBe(`Saved as version 1 of ${number}.`);

      // Saving the unchanged document again files nothing new.
      await page.click('[data-testid="save"]');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="save-status"]')?.textContent?.includes('already version'),
      );

      // Compare: the document against the version just saved (once the registry has read its text).
      await page.click('[data-testid="tab-compare"]');
      for (let i = 0; i < 60; i++) {
        await page.click('[data-testid="compare-document"]');
        await page.waitForSelector('[data-testid="document-summary"]');
        if ((await textOf(page, '[data-testid="document-summary"]')) === 'No change since that version.')
          break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(await textOf(page, '[data-testid="document-summary"]')).toBe('No change since that version.');

      // The registry has the contract, its version from Word, and the document's text.
      const token = await page.evaluate(
        () => JSON.parse(localStorage.getItem('pactfile.word.session') ?? '{}').token,
      );
      expect(typeof token).toBe('string');
      const list = await api<{ items: Array<{ id: string; number: string; versionCount: number }> }>(
        '/api/contracts',
        token,
      );
      const contract = list.items.find((c) => c.number === number);
      expect(contract?.versionCount).toBe(1);
      const versions = await api<Array<{ id: string; seq: number; source: string; filename: string }>>(
        `/api/contracts/${contract?.id}/versions`,
        token,
      );
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ seq: 1, source: 'word', filename: 'Purchase agreement.docx' });
      const file = await fetch(
        `${server.url}/api/contracts/${contract?.id}/versions/${versions[0]?.id}/file`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      const docx = unzipSync(new Uint8Array(await file.arrayBuffer()));
      const xml = strFromU8(docx['word/document.xml']!);
      expect(xml).toContain('甲方应于收到发票后三十日内付款');
      expect(xml).not.toContain('壹万元整（¥12,000）');
      // The inserted clause went into the saved file.
      expect(xml.match(/<w:p>/g)?.length).toBeGreaterThan(5);
    } catch (err) {
      throw errors.length ? new Error(`${String(err)}\nPage errors:\n${errors.join('\n')}`) : err;
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 320 px wide pane and can be used from the keyboard', async () => {
    const { page, errors } = await openPane('en-US');
    await page.setViewport({ width: 320, height: 900 });
    const shots = process.env.PACTFILE_SCREENSHOTS;
    /** Nothing may stick out sideways: a horizontal scroll bar in a task pane hides half of every line. */
    const overflow = () =>
      page.evaluate(() => {
        const wide = [...document.querySelectorAll('main *')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > document.documentElement.clientWidth + 1;
        });
        return {
          scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          wide: wide
            .slice(0, 5)
            .map((el) => `${el.tagName}.${el.getAttribute('data-testid') ?? el.className}`),
        };
      });
    const look = async (name: string) => {
      expect(await overflow(), name).toEqual({ scroll: 0, wide: [] });
      if (shots) await page.screenshot({ path: join(shots, `word-${name}.png`), fullPage: true });
    };
    try {
      await look('sign-in');
      await page.click('[data-testid="tab-checks"]');
      await page.click('[data-testid="run-checks"]');
      await page.waitForSelector('[data-testid="finding"]');
      await look('checks');
      await page.click('[data-testid="tab-clauses"]');
      await page.waitForSelector('[data-testid="insert-zh.payment"]');
      await page.click('[data-testid="insert-zh.payment"]');
      await page.waitForSelector('[data-testid="clause-form"]');
      await look('clause-form');
      await page.click('[data-testid="insert-confirm"]');
      await page.waitForSelector('[data-testid="clause-in-document"]');
      await page.click('[data-testid="tab-compare"]');
      await page.click('[data-testid="compare"]');
      await page.waitForSelector('[data-testid="comparison-summary"]');
      await look('compare');

      // Keyboard: from the top of the page, Tab reaches the tabs; the arrow keys move between them and
      // Enter opens one; Tab then reaches the pane's controls.
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-testid="run-checks"]');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
      const tabUntil = async (id: string, limit = 40) => {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press('Tab');
          if ((await focused()) === id) return true;
        }
        return false;
      };
      expect(await tabUntil('tab-checks')).toBe(true);
      await page.keyboard.press('ArrowLeft');
      expect(await focused()).toBe('tab-clauses');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="clause-query"]');
      expect(await tabUntil('clause-query')).toBe(true);
      await page.keyboard.type('付款');
      expect(await tabUntil('insert-zh.payment')).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="clause-form"]');
      expect(await tabUntil('input-contractPrice')).toBe(true);
      await page.keyboard.type('5000');
      expect(await tabUntil('insert-confirm')).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="clause-in-document"]');
    } catch (err) {
      throw errors.length ? new Error(`${String(err)}\nPage errors:\n${errors.join('\n')}`) : err;
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
