import type { AdapterResult } from '../adapters/types';
import type { KeyValueArea } from '../browser/settings';
import { loadSettings } from '../browser/settings';
import { type ExtensionMessage, type FileReply, pageDocumentsKey } from '../messages';
import { CaptureQueue, type DrainReport } from '../queue/capture-queue';
import type { CaptureDb } from '../queue/db';
import { DocumentChecker } from '../queue/document-checker';
import type { FetchBytes } from '../queue/download';
import { createRegistryClient, type DueReminder, type FetchFn } from '../registry/client';
import { type Language, resolveLanguage } from '../ui/i18n';
import { prefillFiling } from '../ui/prefill';
import { candidateFromLink, type LinkClick } from './link-capture';
import {
  completeReminder,
  pollReminders,
  type ReminderDoneOutcome,
  type ReminderPollOutcome,
} from './reminders';

/** The browser as the background sees it, behind small functions (the real ones wrap `chrome.*`). */
export interface BackgroundPorts {
  db: CaptureDb;
  settings: KeyValueArea;
  session: KeyValueArea & { remove(key: string): Promise<void> };
  fetchFn: FetchFn;
  fetchBytes: FetchBytes;
  /** Wake the worker at this time (an alarm: the service worker may be stopped until then). */
  scheduleDrain(at: number): Promise<void>;
  setBadge(tabId: number, count: number | null): Promise<void>;
  /** Shows a reminder as a system notification. */
  notify(reminder: DueReminder, lang: Language): Promise<void>;
  now?: () => number;
  /** The browser's display language, for notifications when the setting is `auto`. */
  uiLanguage?: () => string;
}

/** Who sent a message: a content script in a tab, or a page of the extension (side panel, options). */
export type MessageOrigin = { kind: 'content-script'; tabId: number } | { kind: 'extension-page' };

/** What the background does, independent of how the browser delivers events. */
export class BackgroundController {
  readonly queue: CaptureQueue;
  readonly checker: DocumentChecker;
  /** Freeing the leases of the worker before this one, done once before this worker's first drain. */
  private recovered: Promise<unknown> | null = null;

  constructor(private readonly ports: BackgroundPorts) {
    const registry = async () => {
      const s = await loadSettings(ports.settings);
      return s.registryUrl && s.token ? createRegistryClient(ports.fetchFn, s.registryUrl, s.token) : null;
    };
    this.queue = new CaptureQueue({ db: ports.db, fetchBytes: ports.fetchBytes, now: ports.now, registry });
    this.checker = new DocumentChecker({
      db: ports.db,
      fetchBytes: ports.fetchBytes,
      now: ports.now,
      registry,
    });
  }

  /** Files what is due, then sets the alarm for what waits. */
  async drain(): Promise<DrainReport> {
    // A worker stopped mid-upload leaves its job leased: this worker takes it over at once.
    this.recovered ??= this.queue.releaseStaleLeases().catch(() => 0);
    await this.recovered;
    const report = await this.queue.drain();
    if (report.nextDueAt !== null && !report.signedOut) await this.ports.scheduleDrain(report.nextDueAt);
    return report;
  }

  async onPageDocuments(tabId: number, result: AdapterResult): Promise<void> {
    await this.ports.session.set({ [pageDocumentsKey(tabId)]: result });
    await this.ports.setBadge(tabId, result.candidates.length);
  }

  /** Reads the due reminders and announces new ones (on the reminders alarm, at start and at sign-in). */
  async pollReminders(): Promise<ReminderPollOutcome> {
    const s = await loadSettings(this.ports.settings);
    const lang = resolveLanguage(s.language, this.ports.uiLanguage?.() ?? 'en');
    const client =
      s.registryUrl && s.token ? createRegistryClient(this.ports.fetchFn, s.registryUrl, s.token) : null;
    return pollReminders({
      fetchDue: client ? () => client.dueReminders() : null,
      area: this.ports.settings,
      notify: (r) => this.ports.notify(r, lang),
      now: this.ports.now ?? Date.now,
    });
  }

  /** "Mark done" on a reminder's notification: tells the registry, and takes it off the panel's list. */
  async markReminderDone(reminderId: string): Promise<ReminderDoneOutcome> {
    const s = await loadSettings(this.ports.settings);
    const client =
      s.registryUrl && s.token ? createRegistryClient(this.ports.fetchFn, s.registryUrl, s.token) : null;
    return completeReminder(
      { markDone: client ? (id) => client.markReminderDone(id) : null, area: this.ports.settings },
      reminderId,
    );
  }

  /** After signing in again, filings refused for being signed out go again. */
  async onSignedIn(): Promise<void> {
    await this.queue.retryFailed({ code: 'registry.signed-out' });
    await this.drain();
    await this.pollReminders();
  }

  /**
   * Files a right-clicked link as a new contract, titled from the file name, with the default type. The
   * same link filed twice gives back the first capture.
   */
  async fileLink(
    click: LinkClick,
    pageTitle: string | null,
  ): Promise<{ ok: true; jobId: string; created: boolean } | { ok: false; error: string }> {
    const candidate = candidateFromLink(click, pageTitle);
    if (!candidate) return { ok: false, error: 'not a link to a PDF or Word file' };
    const settings = await loadSettings(this.ports.settings);
    // The file name names the document; the page title around a link rarely names the contract.
    const { title, type } = prefillFiling({ ...candidate, subject: null }, settings.defaultContractType);
    const { job, created } = await this.queue.enqueue(candidate, { kind: 'new', title, type });
    void this.drain();
    return { ok: true, jobId: job.id, created };
  }

  async onTabClosed(tabId: number): Promise<void> {
    await this.ports.session.remove(pageDocumentsKey(tabId));
  }

  /**
   * Handles a message; the answer goes back to the sender. Content scripts may only report what their page
   * shows; filing is asked for by the extension's own pages.
   */
  async onMessage(message: ExtensionMessage, from: MessageOrigin): Promise<unknown> {
    if (from.kind === 'content-script' && message.type !== 'page-documents') {
      return { ok: false, error: 'not allowed' };
    }
    switch (message.type) {
      case 'page-documents':
        if (from.kind === 'content-script') await this.onPageDocuments(from.tabId, message.result);
        return { ok: true };
      case 'file': {
        // Written to the queue first; filing happens after the answer, so a closed panel loses nothing.
        const { job, created } = await this.queue.enqueue(message.document, message.target);
        void this.drain();
        return { ok: true, jobId: job.id, created } satisfies FileReply;
      }
      case 'check':
        return { ok: true, checked: await this.checker.check(message.documents) };
      case 'retry': {
        await this.queue.retryNow(message.jobId);
        void this.drain();
        return { ok: true };
      }
      case 'drain':
        return this.drain();
      case 'rescan':
        return { ok: false };
    }
  }
}
