// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../extension/browser/settings';
import { Options } from '../../../extension/ui/Options';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function type(input: HTMLInputElement | null, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setValue?.call(input, value);
  input?.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the options page', () => {
  let host: HTMLDivElement;
  let root: Root;
  let signIns: string[][];
  let saved: Partial<Settings>[];

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    signIns = [];
    saved = [];
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  const render = (settings: Settings, answer: string | null) =>
    act(() =>
      root.render(
        <Options
          lang="zh-CN"
          settings={settings}
          onSignIn={async (url, email, password) => {
            signIns.push([url, email, password]);
            return answer;
          }}
          onSignOut={async () => {}}
          onTest={async () => '连接正常'}
          onSave={async (changes) => {
            saved.push(changes);
          }}
        />,
      ),
    );

  it('signs in with the address, email and password typed, and shows why it failed', async () => {
    render(DEFAULT_SETTINGS, '邮箱或密码错误。');
    act(() => {
      type(host.querySelector('input[name="registryUrl"]'), 'https://contracts.example.com');
      type(host.querySelector('input[name="email"]'), 'legal@example.com');
      type(host.querySelector('input[name="password"]'), 'secret password');
    });
    await act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(signIns).toEqual([['https://contracts.example.com', 'legal@example.com', 'secret password']]);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('邮箱或密码错误。');
    // The password is not kept in the form after an attempt.
    expect(host.querySelector<HTMLInputElement>('input[name="password"]')?.value).toBe('');
  });

  it('shows who is signed in, tests the connection and saves the language', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      registryUrl: 'https://contracts.example.com',
      token: 'tok',
      user: { id: 'u1', email: 'legal@example.com', name: '李律师', role: 'legal', department: null },
    };
    render(settings, null);
    expect(host.querySelector('[data-testid="signed-in"]')?.textContent).toBe(
      '已登录：李律师（legal@example.com）',
    );
    const test = [...host.querySelectorAll('button')].find((b) => b.textContent === '测试连接');
    await act(async () => test?.click());
    expect(host.querySelector('[role="status"]')?.textContent).toBe('连接正常');
    const select = host.querySelector<HTMLSelectElement>('select[name="language"]');
    act(() => {
      if (select) {
        select.value = 'en';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    expect(saved).toEqual([{ language: 'en' }]);
  });
});
