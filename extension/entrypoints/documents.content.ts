import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { findDocuments } from '../adapters';
import type { ExtensionMessage } from '../messages';
import { answerPageFetch, isPageFetchRequest } from '../queue/page-fetch';
import { CONTENT_SCRIPT_MATCHES } from '../sites';

/** Reads the page with its site's adapter, and again when the page changes (webmail is a single-page app). */
export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    let last = '';
    const report = () => {
      const result = findDocuments(document, new URL(location.href));
      const serialized = JSON.stringify(result);
      if (serialized === last) return;
      last = serialized;
      const message: ExtensionMessage = { type: 'page-documents', result };
      browser.runtime.sendMessage(message).catch(() => {
        // The background is restarting or the extension was updated: the next change reports again.
      });
    };
    // At most one reading per half second, however busy the page (webmail redraws all the time).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        report();
      }, 500);
    };
    const observer = new MutationObserver(soon);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      clearTimeout(timer);
    });
    ctx.addEventListener(window, 'wxt:locationchange', soon);
    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as ExtensionMessage | null)?.type === 'rescan') {
        last = '';
        report();
      }
    });
    // Files the site serves only to its own pages: fetched here, with the session the page holds.
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      if (!isPageFetchRequest(message)) return false;
      void answerPageFetch(message, document.cookie, fetch.bind(globalThis)).then(sendResponse);
      return true;
    });
    report();
  },
});
