// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../word-addin/i18n/strings';
import { SignInPane } from '../../../word-addin/panes/SignInPane';
import { type RegistryClient, RegistryError } from '../../../word-addin/registry/client';
import type { Session } from '../../../word-addin/state/session';
import { click, type Rendered, render, settle, typeInto } from './render';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

function clientThat(login: RegistryClient['login'], me?: RegistryClient['me']) {
  const calls: Array<{ url: string; token?: string }> = [];
  const make = (url: string, token?: string) => {
    calls.push({ url, token });
    return { baseUrl: url, login, me: me ?? (() => Promise.reject(new Error('no'))) } as RegistryClient;
  };
  return { make, calls };
}

async function fill(email: string, password: string) {
  const q = (s: string) => view!.container.querySelector(s);
  await typeInto(q('[data-testid="email"]'), email);
  await typeInto(q('[data-testid="password"]'), password);
  await click(q('[data-testid="sign-in"]'));
  await settle();
}

describe('the Sign-in pane', () => {
  it('signs in with email and password and hands back a session', async () => {
    const sessions: Session[] = [];
    const { make, calls } = clientThat(async (email, password) => {
      expect([email, password]).toEqual(['lawyer@example.com', 'secret-pass']);
      return { token: 'tok', user: { id: 'u1', email, name: 'Li Lei', role: 'legal' } };
    });
    view = await render(
      <SignInPane
        t={STRINGS.en}
        defaultUrl="registry.example.com/"
        makeClient={make}
        onSignedIn={(s) => sessions.push(s)}
      />,
    );
    await fill('lawyer@example.com', 'secret-pass');
    expect(calls[0]?.url).toBe('https://registry.example.com');
    expect(sessions).toEqual([
      { registryUrl: 'https://registry.example.com', token: 'tok', userName: 'Li Lei' },
    ]);
  });

  it('explains an unreachable registry and a wrong password differently', async () => {
    let failure = new RegistryError('unreachable', 'down');
    const { make } = clientThat(() => Promise.reject(failure));
    view = await render(
      <SignInPane t={STRINGS.zh} defaultUrl="http://10.0.0.9:8787" makeClient={make} onSignedIn={() => {}} />,
    );
    await fill('a@b.cn', 'x');
    const error = () => view!.container.querySelector('[data-testid="sign-in-error"]')?.textContent;
    expect(error()).toBe(STRINGS.zh.unreachable('http://10.0.0.9:8787'));
    failure = new RegistryError('unauthorized', 'Wrong email or password.', 401);
    await click(view.container.querySelector('[data-testid="sign-in"]'));
    await settle();
    expect(error()).toBe(STRINGS.zh.wrongPassword);
  });

  it('accepts a pasted API token once the registry knows it', async () => {
    const sessions: Session[] = [];
    const { make, calls } = clientThat(
      () => Promise.reject(new Error('not used')),
      async () => ({ id: 'u1', email: 'ops@example.com', name: '', role: 'staff' }),
    );
    view = await render(
      <SignInPane
        t={STRINGS.en}
        defaultUrl="http://127.0.0.1:8787"
        makeClient={make}
        onSignedIn={(s) => sessions.push(s)}
      />,
    );
    const toggle = Array.from(view.container.querySelectorAll('button')).find(
      (b) => b.textContent === STRINGS.en.useToken,
    );
    await click(toggle);
    await typeInto(view.container.querySelector('[data-testid="token"]'), '  pf_token_123  ');
    await click(view.container.querySelector('[data-testid="sign-in"]'));
    await settle();
    expect(calls.at(-1)).toEqual({ url: 'http://127.0.0.1:8787', token: 'pf_token_123' });
    expect(sessions).toEqual([
      { registryUrl: 'http://127.0.0.1:8787', token: 'pf_token_123', userName: 'ops@example.com' },
    ]);
  });
});
