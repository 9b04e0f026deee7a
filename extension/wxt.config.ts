import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { DOWNLOAD_HOSTS } from './sites';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Built with `npx wxt build extension` (from the repository root): Chrome MV3 output in extension/.output/chrome-mv3. */
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  alias: { '@shared': here('../shared') },
  manifest: ({ manifestVersion }) => ({
    // Shown in the browser's language: public/_locales/{en,zh_CN}/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: '0.1.0',
    permissions: ['storage', 'alarms', 'sidePanel', 'contextMenus', 'notifications'],
    // The sites whose documents the background downloads (the content scripts run on the same sites).
    host_permissions: DOWNLOAD_HOSTS,
    // The registry's origin is asked for at sign-in, and only that origin (Firefox's MV2 build lists
    // optional origins among the optional permissions).
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_openPanelCommand__',
      },
    },
  }),
});
