import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AdapterResult } from '../adapters/types';
import { loadReminders, REMINDERS_KEY } from '../background/reminders';
import { DEFAULT_SETTINGS, loadSettings, SETTINGS_KEY, type Settings } from '../browser/settings';
import { pageDocumentsKey } from '../messages';
import type { CaptureDb } from '../queue/db';
import type { CaptureJob, DocumentCheck } from '../queue/types';
import type { DueReminder } from '../registry/client';
import { type Language, resolveLanguage } from './i18n';

const localArea = {
  get: (k: string) => browser.storage.local.get(k),
  set: (items: Record<string, unknown>) => browser.storage.local.set(items),
};

export function useSettings(): [Settings, boolean] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const load = () =>
      loadSettings(localArea).then((s) => {
        setSettings(s);
        setLoaded(true);
      });
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return [settings, loaded];
}

export function useLanguage(settings: Settings): Language {
  return resolveLanguage(settings.language, browser.i18n?.getUILanguage?.() ?? navigator.language);
}

/**
 * The active tab of this window, followed as the user switches tabs. A panel opened as a page of its own
 * with `?tab=<id>` stays on that tab.
 */
export function useActiveTabId(): number | null {
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    const pinned = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(pinned) && pinned > 0) {
      setTabId(pinned);
      return;
    }
    const refresh = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
    void refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.windows.onFocusChanged.addListener(refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.windows.onFocusChanged.removeListener(refresh);
    };
  }, []);
  return tabId;
}

/** What the content script found on a tab, as the background keeps it in session storage. */
export function usePageDocuments(tabId: number | null): AdapterResult | null {
  const [result, setResult] = useState<AdapterResult | null>(null);
  useEffect(() => {
    setResult(null);
    if (tabId === null) return;
    const key = pageDocumentsKey(tabId);
    void browser.storage.session
      .get(key)
      .then((v) => setResult((v[key] as AdapterResult | undefined) ?? null));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[key];
      if (area === 'session' && change) setResult((change.newValue as AdapterResult | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);
  return result;
}

/** The capture jobs, live: the panel shows progress as the background writes it. */
export function useJobs(db: CaptureDb): CaptureJob[] {
  const [jobs, setJobs] = useState<CaptureJob[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => db.jobs.orderBy('createdAt').reverse().toArray()).subscribe({
      next: setJobs,
      error: (err: unknown) => console.error(err),
    });
    return () => sub.unsubscribe();
  }, [db]);
  return jobs;
}

/** What the registry said about documents before they were filed, live. */
export function useChecks(db: CaptureDb): DocumentCheck[] {
  const [checks, setChecks] = useState<DocumentCheck[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => db.checks.toArray()).subscribe({
      next: setChecks,
      error: (err: unknown) => console.error(err),
    });
    return () => sub.unsubscribe();
  }, [db]);
  return checks;
}

/** The reminders due, as the background last read them, live. */
export function useReminders(): DueReminder[] {
  const [items, setItems] = useState<DueReminder[]>([]);
  useEffect(() => {
    const load = () => loadReminders(localArea).then((r) => setItems(r.items));
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && REMINDERS_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return items;
}
