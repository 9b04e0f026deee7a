import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOWNLOAD_HOSTS } from '../../../extension/sites';
import { root } from './harness';

/** The manifests `npm run build` wrote for Chrome (MV3) and Firefox (MV2). */
const manifest = (target: string) =>
  JSON.parse(readFileSync(join(root, 'extension/.output', target, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;

describe('the extension builds', () => {
  it('gives Chrome a Manifest V3 extension with a service worker, a side panel and the listed sites only', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(m.permissions).toContain('sidePanel');
    expect([...(m.host_permissions as string[])].sort()).toEqual([...DOWNLOAD_HOSTS].sort());
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.content_security_policy).toBeUndefined();
  });

  it('gives Firefox a Manifest V2 extension with the panel as its sidebar and no Chrome-only permission', () => {
    const m = manifest('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(m.permissions).not.toContain('sidePanel');
    for (const host of DOWNLOAD_HOSTS) expect(m.permissions).toContain(host);
    expect(m.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.default_locale).toBe('en');
  });
});
