import { createRoot } from 'react-dom/client';
import { App } from './App';
import { indexedDbCopies } from './browser/indexeddb-copies';
import { pickLanguage, STRINGS } from './i18n/strings';
import { NotInWordError, startHost } from './office/start-host';
import { createRegistryClient } from './registry/client';

const root = createRoot(document.getElementById('root')!);

startHost(window.location.search, navigator.language).then(
  ({ host, displayLanguage }) => {
    const language = pickLanguage(displayLanguage);
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    root.render(
      <App
        host={host}
        language={language}
        storage={window.localStorage}
        copies={indexedDbCopies()}
        // The pane is served by the registry itself, so its own origin is the likeliest address.
        defaultRegistryUrl={window.location.origin}
        makeClient={(url, token) => createRegistryClient(url, token)}
      />,
    );
  },
  (err: unknown) => {
    const t = STRINGS[pickLanguage(navigator.language)];
    const text =
      err instanceof NotInWordError
        ? t.notInWord
        : `${t.hostFailed} ${err instanceof Error ? err.message : ''}`;
    root.render(<p role="alert">{text}</p>);
  },
);
