import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { Candidate } from '../../adapters/types';
import type { ExtensionMessage } from '../../messages';
import { CaptureDb } from '../../queue/db';
import type { CapturedDocument } from '../../queue/types';
import { createRegistryClient } from '../../registry/client';
import {
  useActiveTabId,
  useChecks,
  useJobs,
  useLanguage,
  usePageDocuments,
  useSettings,
} from '../../ui/hooks';
import { SidePanel } from '../../ui/SidePanel';
import '../../ui/styles.css';

const db = new CaptureDb();
const send = (message: ExtensionMessage) => browser.runtime.sendMessage(message);

function captured(c: Candidate): CapturedDocument {
  const { key, fileName, fetch, sizeText, sizeBytes, sourceRef, subject, site, pageUrl } = c;
  return { key, fileName, fetch, sizeText, sizeBytes, sourceRef, subject, site, pageUrl };
}

function App() {
  const [settings] = useSettings();
  const lang = useLanguage(settings);
  const tabId = useActiveTabId();
  const page = usePageDocuments(tabId);
  const jobs = useJobs(db);
  const checks = useChecks(db);
  const signedIn = !!settings.token && !!settings.registryUrl;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // Ask the registry about the documents of the page (fetched by the background, hashed, looked up).
  const keys = page?.candidates.map((c) => c.key).join('\n') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for the candidates
  useEffect(() => {
    if (!signedIn || !page || page.candidates.length === 0) return;
    void send({ type: 'check', documents: page.candidates.filter((c) => c.site !== 'web').map(captured) });
  }, [keys, signedIn]);
  return (
    <SidePanel
      lang={lang}
      signedIn={signedIn}
      page={page}
      jobs={jobs}
      checks={checks}
      defaultType={settings.defaultContractType}
      onFile={async (candidate, target) => {
        // A link to another site is fetched by the background only with access to that site, asked for here
        // (the click is the user gesture a permission request needs). The listed sites are granted already.
        if (candidate.site === 'web' && candidate.fetch) {
          const origins = [`${new URL(candidate.fetch.url).origin}/*`];
          if (!(await browser.permissions.request({ origins }).catch(() => false))) return;
        }
        void send({ type: 'file', document: captured(candidate), target });
      }}
      searchContracts={async (text) =>
        settings.token
          ? createRegistryClient(fetch.bind(globalThis), settings.registryUrl, settings.token).findContracts(
              text,
            )
          : []
      }
      onRetry={(job) => void send({ type: 'retry', jobId: job.id })}
      onRescan={() => {
        if (tabId !== null)
          void browser.tabs.sendMessage(tabId, { type: 'rescan' } satisfies ExtensionMessage);
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenRegistry={(query) =>
        void browser.tabs.create({
          url: query ? `registry.html?${new URLSearchParams({ q: query })}` : 'registry.html',
        })
      }
    />
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
