import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { Candidate } from '../../adapters/types';
import { completeReminder } from '../../background/reminders';
import type { ExtensionMessage } from '../../messages';
import { CaptureDb } from '../../queue/db';
import type { CapturedDocument } from '../../queue/types';
import { createRegistryClient, type RegistryClient } from '../../registry/client';
import {
  useActiveTabId,
  useChecks,
  useJobs,
  useLanguage,
  usePageDocuments,
  useReminders,
  useSettings,
} from '../../ui/hooks';
import type { InboxItem } from '../../ui/reviewer/types';
import { SidePanel } from '../../ui/SidePanel';
import '../../ui/styles.css';

const db = new CaptureDb();
/** Versions whose suggested fields were saved or dismissed (most recent first, a bounded list). */
const SETTLED_KEY = 'suggestions-settled';

async function settle(versionId: string): Promise<void> {
  const stored = (await browser.storage.local.get(SETTLED_KEY))[SETTLED_KEY];
  const list = Array.isArray(stored) ? (stored as string[]) : [];
  await browser.storage.local.set({
    [SETTLED_KEY]: [versionId, ...list.filter((v) => v !== versionId)].slice(0, 500),
  });
}
const send = (message: ExtensionMessage) => browser.runtime.sendMessage(message);
const signedOutMessage = {
  code: 'registry.signed-out',
  zh: '尚未登录登记系统：请先在设置中登录。',
  en: 'You are not signed in to the registry: sign in in the settings first.',
};

function captured(c: Candidate): CapturedDocument {
  const { key, fileName, fetch, sizeText, sizeBytes, sourceRef, subject, site, pageUrl } = c;
  return { key, fileName, fetch, sizeText, sizeBytes, sourceRef, subject, site, pageUrl };
}

/**
 * The approvals waiting for the user, read when the panel opens and whenever it is shown again (decisions are
 * taken on the registry page). A registry that cannot answer leaves it unknown: the panel then shows nothing.
 */
function useInbox(client: RegistryClient | null): InboxItem[] | null {
  const [items, setItems] = useState<InboxItem[] | null>(null);
  useEffect(() => {
    if (!client) {
      setItems(null);
      return;
    }
    let cancelled = false;
    const load = () =>
      void client.inbox().then(
        (list) => !cancelled && setItems(list),
        () => !cancelled && setItems(null),
      );
    const onShow = () => document.visibilityState === 'visible' && load();
    load();
    document.addEventListener('visibilitychange', onShow);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onShow);
    };
  }, [client]);
  return items;
}

function App() {
  const [settings] = useSettings();
  const lang = useLanguage(settings);
  const tabId = useActiveTabId();
  const page = usePageDocuments(tabId);
  const jobs = useJobs(db);
  const checks = useChecks(db);
  const reminders = useReminders();
  // Read once when the panel opens: a form just saved keeps showing "saved" until the panel is opened again.
  const [settled, setSettled] = useState<string[]>([]);
  useEffect(() => {
    void browser.storage.local.get(SETTLED_KEY).then((v) => {
      const list = v[SETTLED_KEY];
      setSettled(Array.isArray(list) ? (list as string[]) : []);
    });
  }, []);
  const signedIn = !!settings.token && !!settings.registryUrl;
  const client = useMemo(
    () =>
      settings.token && settings.registryUrl
        ? createRegistryClient(fetch.bind(globalThis), settings.registryUrl, settings.token)
        : null,
    [settings.registryUrl, settings.token],
  );
  const inbox = useInbox(client);
  const suggestions = useMemo(
    () =>
      client
        ? {
            loadAnalysis: client.analysis,
            saveContract: async (id: string, patch: Parameters<typeof client.patchContract>[1]) => {
              await client.patchContract(id, patch);
            },
            onSettled: (versionId: string) => void settle(versionId),
            settled,
          }
        : undefined,
    [client, settled],
  );
  const openRegistry = (params: Record<string, string>) =>
    void browser.tabs.create({
      url: Object.keys(params).length > 0 ? `registry.html?${new URLSearchParams(params)}` : 'registry.html',
    });
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
      searchContracts={async (text) => (client ? client.findContracts(text) : [])}
      suggestions={suggestions}
      reminders={reminders}
      onOpenContract={(contractId) => openRegistry({ contract: contractId })}
      inbox={inbox}
      onOpenInbox={() => openRegistry({ view: 'inbox' })}
      onReminderDone={async (reminder) => {
        const outcome = await completeReminder(
          { markDone: client ? (id) => client.markReminderDone(id) : null, area: browser.storage.local },
          reminder.id,
        );
        if (outcome.status === 'done') return null;
        return outcome.status === 'failed' ? outcome.error : signedOutMessage;
      }}
      onRetry={(job) => void send({ type: 'retry', jobId: job.id })}
      onRescan={() => {
        if (tabId !== null)
          void browser.tabs.sendMessage(tabId, { type: 'rescan' } satisfies ExtensionMessage);
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenRegistry={(query) => openRegistry(query ? { q: query } : {})}
    />
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
