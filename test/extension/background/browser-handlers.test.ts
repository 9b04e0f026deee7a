import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../extension/adapters/generic';
import {
  OPEN_PANEL_COMMAND,
  onCommand,
  onFileLinkMenu,
} from '../../../extension/background/browser-handlers';
import { BackgroundController } from '../../../extension/background/controller';
import {
  candidateFromLink,
  DOCUMENT_LINK_PATTERNS,
  FILE_LINK_MENU_ID,
  fileLinkMenuTitle,
} from '../../../extension/background/link-capture';
import { saveSettings } from '../../../extension/browser/settings';
import { CaptureDb } from '../../../extension/queue/db';
import { fixturePage } from '../fixture-page';

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    get: async (k: string) => (data.has(k) ? { [k]: structuredClone(data.get(k)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (k: string) => {
      data.delete(k);
    },
  };
}

/** A controller signed out: jobs are written to the queue and wait there. */
async function signedOutController(name: string) {
  const settings = memoryArea();
  await saveSettings(settings, { defaultContractType: 'purchase' });
  return new BackgroundController({
    db: new CaptureDb(name, { indexedDB: new IDBFactory(), IDBKeyRange }),
    settings,
    session: memoryArea(),
    fetchFn: async () => {
      throw new TypeError('offline');
    },
    fetchBytes: async () => new Uint8Array([1]),
    scheduleDrain: async () => {},
    setBadge: async () => {},
    notify: async () => {},
  });
}

/** The browser's side of the handlers, recording what was asked of it. */
function fakeBrowser(grant: boolean) {
  const calls: string[] = [];
  return {
    calls,
    ports: {
      requestOrigins: async (origins: string[]) => {
        calls.push(`request ${origins.join(' ')}`);
        return grant;
      },
      openSidePanel: async (target: { tabId?: number; windowId?: number }) => {
        calls.push(`panel ${JSON.stringify(target)}`);
      },
    },
  };
}

describe('a right-clicked link', () => {
  it('becomes a document with the key the page scan gives the same link', () => {
    const { doc, url } = fixturePage('generic-page.html', 'https://procurement.example/tender/');
    const scanned = genericAdapter.extract(doc, url).candidates;
    expect(scanned.length).toBeGreaterThan(1);
    for (const c of scanned.filter((x) => !x.fetch?.url.includes('download?'))) {
      const fromMenu = candidateFromLink({ linkUrl: c.fetch?.url, pageUrl: url.toString() }, null);
      expect(fromMenu?.key).toBe(c.key);
      expect(fromMenu?.fileName).toBe(c.fileName);
      expect(fromMenu?.fetch).toEqual(c.fetch);
    }
  });

  it('takes PDF and Word links only, and sends cookies only to the page’s own site', () => {
    const own = candidateFromLink(
      {
        linkUrl: 'https://example.com/files/Lease%20%E7%A7%9F%E8%B5%81.pdf?x=1#p2',
        pageUrl: 'https://example.com/a',
      },
      null,
    );
    expect(own).toMatchObject({
      fileName: 'Lease 租赁.pdf',
      fetch: { url: 'https://example.com/files/Lease%20%E7%A7%9F%E8%B5%81.pdf?x=1', credentials: 'include' },
      site: 'web',
    });
    const other = candidateFromLink(
      { linkUrl: 'https://cdn.example.net/a.docx', pageUrl: 'https://example.com/' },
      null,
    );
    expect(other?.fetch?.credentials).toBe('omit');
    // A download link without an extension is named by its text.
    expect(
      candidateFromLink({ linkUrl: 'https://example.com/get?id=4', linkText: 'NDA.pdf' }, null)?.fileName,
    ).toBe('NDA.pdf');
    expect(candidateFromLink({ linkUrl: 'https://example.com/page.html' }, null)).toBeNull();
    expect(candidateFromLink({ linkUrl: 'ftp://example.com/a.pdf' }, null)).toBeNull();
    expect(candidateFromLink({ linkUrl: 'not a url' }, null)).toBeNull();
  });

  it('has a menu item in the browser’s language, shown on document links', () => {
    expect(fileLinkMenuTitle('zh-CN')).toBe('归档到 Pactfile');
    expect(fileLinkMenuTitle('en-US')).toBe('File into Pactfile');
    expect(DOCUMENT_LINK_PATTERNS).toContain('*://*/*.pdf?*');
    expect(DOCUMENT_LINK_PATTERNS).toContain('*://*/*.docx');
  });
});

describe('the “File into Pactfile” menu handler', () => {
  const click = {
    menuItemId: FILE_LINK_MENU_ID,
    linkUrl: 'https://vendor.example/docs/Framework%20Purchase%20Agreement.pdf',
    pageUrl: 'https://vendor.example/docs/',
  };

  it('opens the panel, asks for the link’s site and queues the link as a new contract', async () => {
    const controller = await signedOutController('menu-1');
    const b = fakeBrowser(true);
    const reply = await onFileLinkMenu(
      click,
      { id: 7, windowId: 1, title: 'Vendor documents' },
      controller,
      b.ports,
    );
    expect(b.calls).toEqual(['panel {"tabId":7}', 'request https://vendor.example/*']);
    expect(reply.ok).toBe(true);
    const jobs = await controller.queue.list();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      id: reply.jobId,
      state: 'queued',
      document: { fileName: 'Framework Purchase Agreement.pdf', site: 'web', subject: 'Vendor documents' },
      target: { kind: 'new', title: 'Framework Purchase Agreement', type: 'purchase' },
    });
    // The same link again finds the same job.
    const again = await onFileLinkMenu(click, { id: 7 }, controller, b.ports);
    expect(again.jobId).toBe(reply.jobId);
    expect(await controller.queue.list()).toHaveLength(1);
  });

  it('queues nothing when access to the site is refused, or for another menu item', async () => {
    const controller = await signedOutController('menu-2');
    const refused = await onFileLinkMenu(click, { id: 7 }, controller, fakeBrowser(false).ports);
    expect(refused).toMatchObject({ ok: false });
    const other = await onFileLinkMenu(
      { ...click, menuItemId: 'something-else' },
      undefined,
      controller,
      fakeBrowser(true).ports,
    );
    expect(other.ok).toBe(false);
    const page = await onFileLinkMenu(
      { ...click, linkUrl: 'https://vendor.example/about.html' },
      undefined,
      controller,
      fakeBrowser(true).ports,
    );
    expect(page.ok).toBe(false);
    expect(await controller.queue.list()).toEqual([]);
  });
});

describe('the keyboard shortcut', () => {
  it('opens the side panel on the current tab, or the window without one', async () => {
    const b = fakeBrowser(true);
    expect(await onCommand(OPEN_PANEL_COMMAND, { id: 3, windowId: 9 }, b.ports)).toBe(true);
    expect(await onCommand(OPEN_PANEL_COMMAND, { windowId: 9 }, b.ports)).toBe(true);
    expect(await onCommand('another-command', { id: 3 }, b.ports)).toBe(false);
    expect(b.calls).toEqual(['panel {"tabId":3}', 'panel {"windowId":9}']);
  });
});
