import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { type Settings, saveSettings } from '../../browser/settings';
import { createRegistryClient } from '../../registry/client';
import { describeRegistryError, RegistryError } from '../../registry/errors';
import { signInToRegistry } from '../../registry/sign-in';
import { useLanguage, useSettings } from '../../ui/hooks';
import { localized, translate } from '../../ui/i18n';
import { Options } from '../../ui/Options';
import '../../ui/styles.css';

const local = {
  get: (k: string) => browser.storage.local.get(k),
  set: (items: Record<string, unknown>) => browser.storage.local.set(items),
};
const save = (changes: Partial<Settings>) => saveSettings(local, changes);
const fetchFn = (input: string, init?: RequestInit) => fetch(input, init);

function App() {
  const [settings, loaded] = useSettings();
  const lang = useLanguage(settings);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (!loaded) return null;
  return (
    <Options
      lang={lang}
      settings={settings}
      onSignIn={(url, email, password) =>
        signInToRegistry(
          {
            fetchFn,
            requestOrigin: async (pattern) =>
              (await browser.permissions.contains({ origins: [pattern] })) ||
              browser.permissions.request({ origins: [pattern] }),
            save,
          },
          lang,
          url,
          email,
          password,
        )
      }
      onSignOut={async () => {
        await save({ token: null, user: null });
      }}
      onTest={async () => {
        if (!settings.token) return translate(lang, 'signedOutBanner');
        try {
          const me = await createRegistryClient(fetchFn, settings.registryUrl, settings.token).me();
          return translate(lang, 'connectionOk', { name: me.name, role: me.role });
        } catch (err) {
          if (err instanceof RegistryError) return localized(lang, describeRegistryError(err));
          throw err;
        }
      }}
      onSave={async (changes) => {
        await save(changes);
      }}
    />
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
