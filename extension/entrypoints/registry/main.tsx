import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createRegistryClient } from '../../registry/client';
import { useLanguage, useSettings } from '../../ui/hooks';
import { RegistrySearch } from '../../ui/RegistrySearch';
import '../../ui/styles.css';

function App() {
  const [settings, loaded] = useSettings();
  const lang = useLanguage(settings);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (!loaded) return null;
  return (
    <RegistrySearch
      lang={lang}
      signedIn={!!settings.token}
      initialQuery={new URLSearchParams(location.search).get('q') ?? ''}
      search={(q) =>
        createRegistryClient(fetch.bind(globalThis), settings.registryUrl, settings.token ?? '').search(q)
      }
    />
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
