// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../word-addin/App';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import type { RegistryClient } from '../../../word-addin/registry/client';
import { memoryCopies } from '../../../word-addin/state/offline-copies';
import type { KeyValueStore } from '../../../word-addin/state/session';
import { click, type Rendered, render, settle } from './render';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const makeClient = (url: string) => ({ baseUrl: url }) as RegistryClient;
const SESSION = {
  'pactfile.word.session': JSON.stringify({ registryUrl: 'https://r', token: 't', userName: '王律师' }),
};

describe('the task pane', () => {
  it('checks without signing in and asks for it only to save', async () => {
    const host = createFakeDocumentHost({ paragraphs: ['合同'] });
    view = await render(
      <App
        host={host}
        language="zh"
        storage={memoryStore()}
        copies={memoryCopies()}
        defaultRegistryUrl="https://r"
        makeClient={makeClient}
      />,
    );
    const q = (s: string) => view!.container.querySelector(s);
    expect(q('[data-testid="run-checks"]')).not.toBeNull();
    expect(q('[data-testid="signed-in-as"]')).toBeNull();
    await click(q('[data-testid="tab-save"]'));
    expect(q('[data-testid="sign-in"]')?.textContent).toBe('登录');
  });

  it('remembers the session and forgets it on sign-out', async () => {
    const store = memoryStore(SESSION);
    const host = createFakeDocumentHost({ paragraphs: ['合同'] });
    view = await render(
      <App
        host={host}
        language="en"
        storage={store}
        copies={memoryCopies()}
        defaultRegistryUrl="https://r"
        makeClient={makeClient}
      />,
    );
    const q = (s: string) => view!.container.querySelector(s);
    expect(q('[data-testid="signed-in-as"]')?.textContent).toBe('Signed in as 王律师');
    await click(q('[data-testid="tab-save"]'));
    await settle();
    expect(q('[data-testid="create"]')).not.toBeNull();
    // The new contract's type suggests the usual codes with their names.
    const list = q('[data-testid="new-type"]')?.getAttribute('list');
    expect(q(`datalist[id="${list}"] option[value="sales"]`)?.getAttribute('label')).toBe('Sales');
    const signOut = Array.from(view.container.querySelectorAll('button')).find(
      (b) => b.textContent === 'Sign out',
    );
    await click(signOut);
    expect(store.data['pactfile.word.session']).toBeUndefined();
    expect(q('[data-testid="sign-in"]')).not.toBeNull();
  });
});
