import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../word-addin/vite.config';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifestPath = join(root, 'manifest.xml');
const ORIGIN = 'https://localhost:8787';

let doc: Document;
/** Elements by a path of local names (prefixes such as `bt:` ignored), e.g. `Resources Urls Url`. */
function all(path: string): Element[] {
  let found: Element[] = [doc.documentElement];
  for (const name of path.split(' ')) {
    found = found.flatMap((el) => Array.from(el.getElementsByTagNameNS('*', name)));
  }
  return [...new Set(found)];
}
const one = (path: string) => {
  const el = all(path)[0];
  if (!el) throw new Error(`manifest.xml has no ${path}`);
  return el;
};
const withAttr = (name: string) =>
  Array.from(doc.getElementsByTagNameNS('*', '*')).filter((e) => e.hasAttribute(name));

beforeAll(() => {
  const { window } = new JSDOM('');
  doc = new window.DOMParser().parseFromString(readFileSync(manifestPath, 'utf8'), 'application/xml');
});

/** The files the build serves under /word/: the Vite inputs and everything in public/. */
function builtFileFor(path: string): string | null {
  if (!path.startsWith('/word/')) return null;
  const rel = path.slice('/word/'.length);
  const input = (viteConfig as { build?: { rolldownOptions?: { input?: Record<string, string> } } }).build
    ?.rolldownOptions?.input;
  const page = Object.values(input ?? {}).find((file) => file.endsWith(`/word-addin/${rel}`));
  if (page) return page;
  const inPublic = join(root, 'word-addin/public', rel);
  return existsSync(inPublic) ? inPublic : null;
}

function pngSize(file: string): number {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return bytes.readUInt32BE(16);
}

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
  });

  it('parses with office-addin-manifest as a Word task-pane add-in', async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Document']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.defaultSettings?.sourceLocation).toBe(`${ORIGIN}/word/taskpane.html`);
    expect(info.displayName).toBe('Pactfile');
  });

  it('requires WordApi 1.3', () => {
    const set = one('Requirements Sets Set');
    expect(set.getAttribute('Name')).toBe('WordApi');
    expect(set.getAttribute('MinVersion')).toBe('1.3');
  });

  it('puts a button that opens the task pane on the Home tab', () => {
    const tab = one('VersionOverrides Host DesktopFormFactor ExtensionPoint OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const button = Array.from(tab.getElementsByTagNameNS('*', 'Control'))[0];
    expect(button?.getAttribute('xsi:type')).toBe('Button');
    const action = Array.from(button?.getElementsByTagNameNS('*', 'Action') ?? [])[0];
    expect(action?.getAttribute('xsi:type')).toBe('ShowTaskpane');
    const resid = Array.from(action?.getElementsByTagNameNS('*', 'SourceLocation') ?? [])[0]?.getAttribute(
      'resid',
    );
    const url = all('Resources Urls Url').find((u) => u.getAttribute('id') === resid);
    expect(url?.getAttribute('DefaultValue')).toBe(`${ORIGIN}/word/taskpane.html`);
  });

  it('defines every resource it refers to', () => {
    const defined = new Set(
      Array.from(one('Resources').getElementsByTagNameNS('*', '*')).map((e) => e.getAttribute('id')),
    );
    const used = withAttr('resid').map((e) => e.getAttribute('resid'));
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined, `resid ${id}`).toContain(id);
  });

  it('has Chinese for the name, the description and every ribbon string', () => {
    const strings = [...all('ShortStrings String'), ...all('LongStrings String')];
    expect(strings.length).toBe(5);
    for (const el of [one('DisplayName'), one('Description'), ...strings]) {
      const zh = Array.from(el.children).find(
        (c) => c.localName === 'Override' && c.getAttribute('Locale') === 'zh-CN',
      );
      expect(zh?.getAttribute('Value'), el.getAttribute('id') ?? el.localName).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('points every URL at a file the build serves from the registry, over HTTPS', () => {
    const urls = withAttr('DefaultValue')
      .map((e) => e.getAttribute('DefaultValue') ?? '')
      .filter((v) => /^https?:/.test(v));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      const u = new URL(url);
      expect(u.origin, url).toBe(ORIGIN);
      expect(builtFileFor(u.pathname), url).not.toBeNull();
    }
  });

  it('has icons of the sizes it announces', () => {
    const images = all('Resources Images Image');
    expect(images).toHaveLength(3);
    for (const img of images) {
      const file = builtFileFor(new URL(img.getAttribute('DefaultValue') ?? '').pathname);
      const size = Number(/\.(\d+)x\d+$/.exec(img.getAttribute('id') ?? '')?.[1]);
      expect(pngSize(file!)).toBe(size);
    }
  });
});
