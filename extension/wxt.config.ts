import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { DOWNLOAD_HOSTS } from './sites';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Built by `npm run build` (`npx wxt build extension`, and `-b firefox`): Chrome MV3 output in
 * extension/.output/chrome-mv3, Firefox MV2 output in extension/.output/firefox-mv2.
 */
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  alias: { '@shared': here('../shared') },
  manifest: ({ browser, manifestVersion }) => ({
    // Shown in the browser's language: public/_locales/{en,zh_CN}/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: '0.1.0',
    // Firefox has a sidebar (`sidebar_action`, which WXT writes from the side panel entry) and no sidePanel API.
    permissions:
      browser === 'firefox'
        ? ['storage', 'alarms', 'contextMenus', 'notifications']
        : ['storage', 'alarms', 'sidePanel', 'contextMenus', 'notifications'],
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
