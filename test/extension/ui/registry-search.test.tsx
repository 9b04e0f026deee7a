// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../extension/registry/client';
import { RegistrySearch } from '../../../extension/ui/RegistrySearch';
import { snippetParts } from '../../../extension/ui/snippet';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('snippetParts', () => {
  it('reads the registry’s escaped snippet into text parts with the matches marked', () => {
    expect(snippetParts('…the <mark>Supplier</mark> shall pay &lt;b&gt; &amp; <mark>供货</mark>')).toEqual([
      { text: '…the ', mark: false },
      { text: 'Supplier', mark: true },
      { text: ' shall pay <b> & ', mark: false },
      { text: '供货', mark: true },
    ]);
  });
});

describe('the registry search page', () => {
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

  it('searches and shows each contract with its snippet, as text', async () => {
    const queries: string[] = [];
    const hit = {
      contract: {
        id: 'c1',
        number: 'HT-2024-001',
        title: 'Supply agreement',
        counterparty: [{ name: 'Acme' }],
        status: 'active',
      },
      score: 1,
      snippet: '<mark>Supply</mark> of goods &lt;img src=x onerror=alert(1)&gt;',
    } as unknown as SearchHit;
    act(() =>
      root.render(
        <RegistrySearch
          lang="en"
          signedIn={true}
          initialQuery="Supply"
          search={async (q) => {
            queries.push(q);
            return { total: 1, items: [hit] };
          }}
        />,
      ),
    );
    await act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(queries).toEqual(['Supply']);
    expect(host.querySelector('.name')?.textContent).toBe('HT-2024-001 · Supply agreement');
    expect(host.querySelector('mark')?.textContent).toBe('Supply');
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('.snippet')?.textContent).toBe('Supply of goods <img src=x onerror=alert(1)>');
    expect(host.textContent).toContain('1 contracts found');
  });
});
