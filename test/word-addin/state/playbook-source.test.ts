import { defaultPlaybook } from '@shared/playbook';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbCopies } from '../../../word-addin/browser/indexeddb-copies';
import type { RegistryClient } from '../../../word-addin/registry/client';
import { createPlaybookProvider, loadPlaybook } from '../../../word-addin/state/playbook-source';

/** Offline copies in a fresh in-memory IndexedDB, through the pane's own IndexedDB adapter. */
function freshCopies() {
  return indexedDbCopies({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/** The company's version of the Chinese playbook: the shipped one without its last rule. */
const shipped = defaultPlaybook('zh-CN');
const company = { ...shipped, rules: shipped.rules.slice(0, -1) };

describe('the playbook the checks run', () => {
  it('is the registry’s when it answers, then its offline copy, else the shipped one', async () => {
    let online = true;
    const asked: string[] = [];
    const client = {
      playbook: async (id: string) => {
        asked.push(id);
        if (!online) throw new Error('offline');
        return company;
      },
    } as unknown as RegistryClient;
    const copies = freshCopies();

    const fromRegistry = await loadPlaybook('zh', { client, copies });
    expect(fromRegistry.origin).toBe('registry');
    expect(fromRegistry.playbook.rules).toHaveLength(company.rules.length);
    expect(asked).toEqual(['zh-CN']);

    online = false;
    const offline = await loadPlaybook('zh', { client, copies });
    expect(offline.origin).toBe('offline-copy');
    expect(offline.playbook.rules).toHaveLength(company.rules.length);

    const fresh = await loadPlaybook('zh', { client, copies: freshCopies() });
    expect(fresh).toMatchObject({ origin: 'starter' });
    expect(fresh.playbook.rules).toHaveLength(shipped.rules.length);
  });

  it('does not run a playbook the registry sends that is not valid', async () => {
    const client = { playbook: async () => ({ id: 'x', rules: 'nope' }) } as unknown as RegistryClient;
    expect((await loadPlaybook('en', { client })).origin).toBe('starter');
  });

  it('is loaded once per language until refreshed', async () => {
    let calls = 0;
    const client = {
      playbook: async () => {
        calls++;
        return company;
      },
    } as unknown as RegistryClient;
    const provider = createPlaybookProvider({ client });
    const a = await provider.get('zh');
    const b = await provider.get('zh');
    expect(b.playbook).toBe(a.playbook);
    expect(calls).toBe(1);
    provider.refresh();
    await provider.get('zh');
    expect(calls).toBe(2);
  });
});
