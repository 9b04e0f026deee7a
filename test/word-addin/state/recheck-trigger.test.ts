import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { createWordDocumentHost } from '../../../word-addin/office/word-document-host';
import {
  PARAGRAPH_EVENT_DELAY_MS,
  recheckDelay,
  watchForRechecks,
} from '../../../word-addin/state/recheck-trigger';
import { FakeWordDocument, fakeOffice } from '../fake-word';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('when to re-check while typing', () => {
  it('waits for a pause on selection changes, and re-checks almost at once on paragraph events', () => {
    expect(recheckDelay('selection', 800)).toBe(800);
    expect(recheckDelay('paragraphs', 800)).toBe(PARAGRAPH_EVENT_DELAY_MS);
    expect(recheckDelay('paragraphs', 20)).toBe(20);
  });

  it('debounces selection changes: a burst of typing gives one re-check after the pause', async () => {
    const host = createFakeDocumentHost({ paragraphs: ['a'], changeEvents: 'selection' });
    let runs = 0;
    const stop = watchForRechecks(host, async () => void runs++, 800);
    for (let i = 0; i < 5; i++) {
      host.type(0, `a${i}`);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(800);
    expect(runs).toBe(1);
    stop();
    host.type(0, 'b');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
  });

  it('re-checks soon after a paragraph event, gathering the events of one edit', async () => {
    const host = createFakeDocumentHost({ paragraphs: ['a'], changeEvents: 'paragraphs' });
    let runs = 0;
    const stop = watchForRechecks(host, async () => void runs++, 800);
    host.type(0, 'ab');
    host.type(0, 'abc');
    await vi.advanceTimersByTimeAsync(PARAGRAPH_EVENT_DELAY_MS);
    expect(runs).toBe(1);
    stop();
  });

  it('runs one re-check at a time and one more for the changes made during it', async () => {
    const host = createFakeDocumentHost({ paragraphs: ['a'], changeEvents: 'paragraphs' });
    let runs = 0;
    let active = 0;
    let most = 0;
    const stop = watchForRechecks(
      host,
      async () => {
        active++;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 500));
        active--;
        runs++;
      },
      800,
    );
    host.type(0, 'ab');
    await vi.advanceTimersByTimeAsync(PARAGRAPH_EVENT_DELAY_MS + 10);
    host.type(0, 'abc');
    await vi.advanceTimersByTimeAsync(PARAGRAPH_EVENT_DELAY_MS + 10);
    host.type(0, 'abcd');
    await vi.advanceTimersByTimeAsync(2000);
    expect(most).toBe(1);
    expect(runs).toBe(2);
    stop();
  });

  it('follows the Word host: paragraph events with WordApi 1.6, selection changes without', async () => {
    for (const [version, delay] of [
      ['1.6', PARAGRAPH_EVENT_DELAY_MS],
      ['1.3', 800],
    ] as const) {
      const doc = new FakeWordDocument(['a', 'b']);
      const { env, office } = fakeOffice(doc, { sets: { WordApi: version } });
      const host = createWordDocumentHost(env);
      let runs = 0;
      const stop = watchForRechecks(host, async () => void runs++, 800);
      await vi.advanceTimersByTimeAsync(0);
      doc.typeInto(1, 'bb');
      for (const h of office.handlers.get('documentSelectionChanged') ?? []) h();
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(runs, version).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs, version).toBe(1);
      stop();
    }
  });
});
