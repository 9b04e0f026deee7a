// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalizedMessage } from '../../../extension/queue/types';
import type { DueReminder } from '../../../extension/registry/client';
import { SidePanel } from '../../../extension/ui/SidePanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const reminder = (id: string, dueDate: string, kind = 'expiry'): DueReminder => ({
  id,
  kind,
  contractId: `c-${id}`,
  number: `HT-2025-${id}`,
  title: `Lease ${id}`,
  dueDate,
  remindDate: '2025-03-01',
  state: 'due',
});

describe('the due reminders in the side panel', () => {
  let host: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  const render = (
    lang: 'en' | 'zh-CN',
    reminders: DueReminder[],
    onReminderDone?: (r: DueReminder) => Promise<LocalizedMessage | null>,
  ) =>
    act(() =>
      root.render(
        <SidePanel
          lang={lang}
          signedIn={true}
          page={null}
          jobs={[]}
          checks={[]}
          defaultType="purchase"
          onFile={() => {}}
          searchContracts={async () => []}
          onRetry={() => {}}
          onRescan={() => {}}
          onOpenOptions={() => {}}
          onOpenRegistry={() => {}}
          reminders={reminders}
          onReminderDone={onReminderDone}
        />,
      ),
    );

  const doneButton = (id: string) =>
    host.querySelector<HTMLButtonElement>(`[data-reminder="${id}"] button.done`) ?? undefined;

  it('says how many reminders are due, in both languages, soonest first', () => {
    const due = [reminder('2', '2025-04-30', 'payment'), reminder('1', '2025-03-31')];
    render('en', due);
    expect(host.querySelector('.reminders h2')?.textContent).toBe('Reminders due (2)');
    expect(
      [...host.querySelectorAll('[data-reminder]')].map((li) => li.getAttribute('data-reminder')),
    ).toEqual(['1', '2']);
    render('zh-CN', due);
    expect(host.querySelector('.reminders h2')?.textContent).toBe('到期提醒（2）');
    render('zh-CN', []);
    expect(host.querySelector('.reminders')).toBeNull();
  });

  it('marks a reminder done with its Done button, and shows why when the registry refuses', async () => {
    const asked: string[] = [];
    let answer: LocalizedMessage | null = {
      code: 'registry.forbidden',
      zh: '无权操作。',
      en: 'You may not do this.',
    };
    render('en', [reminder('1', '2025-03-31'), reminder('2', '2025-04-30')], async (r) => {
      asked.push(r.id);
      return answer;
    });
    expect(doneButton('1')?.textContent).toBe('Done');
    await act(async () => doneButton('2')?.click());
    expect(asked).toEqual(['2']);
    expect(host.querySelector('[data-reminder="2"] [role="alert"]')?.textContent).toBe(
      'Not marked done: You may not do this.',
    );
    expect(host.querySelector('[data-reminder="1"] [role="alert"]')).toBeNull();
    answer = null;
    await act(async () => doneButton('2')?.click());
    expect(asked).toEqual(['2', '2']);
    expect(host.querySelector('[data-reminder="2"] [role="alert"]')).toBeNull();
    expect(doneButton('2')?.disabled).toBe(false);
  });

  it('shows no Done button when the panel cannot mark reminders done', () => {
    render('zh-CN', [reminder('1', '2025-03-31')]);
    expect(doneButton('1')).toBeUndefined();
  });
});
