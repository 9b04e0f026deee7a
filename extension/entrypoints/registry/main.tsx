import { useCallback, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createRegistryClient, type VersionInfo } from '../../registry/client';
import { useLanguage, useSettings } from '../../ui/hooks';
import { RegistryApp } from '../../ui/reviewer/RegistryApp';
import { saveBlob } from '../../ui/save-blob';
import '../../ui/styles.css';

function App() {
  const [settings, loaded] = useSettings();
  const lang = useLanguage(settings);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const client = useMemo(
    () => createRegistryClient(fetch.bind(globalThis), settings.registryUrl, settings.token ?? ''),
    [settings.registryUrl, settings.token],
  );
  const download = useCallback(
    async (v: VersionInfo) => saveBlob(await client.downloadVersion(v.contractId, v.id), v.filename),
    [client],
  );
  if (!loaded) return null;
  // A new sign-in starts the pages afresh (another user's inbox and approvals).
  return (
    <RegistryApp
      key={settings.token ?? ''}
      lang={lang}
      signedIn={!!settings.token}
      api={client}
      download={download}
    />
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
