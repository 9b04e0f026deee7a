import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbCopies } from '../../../word-addin/browser/indexeddb-copies';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import type { RegistryClient } from '../../../word-addin/registry/client';
import {
  clausesInDocument,
  clauseToInsert,
  documentClauseLanguage,
  filterClauses,
  insertClause,
  isOutdated,
  loadClauseLibrary,
  loadLibrary,
} from '../../../word-addin/state/clause-library';

/** Offline copies in a fresh in-memory IndexedDB, through the pane's own IndexedDB adapter. */
function freshCopies() {
  return indexedDbCopies({ indexedDB: new IDBFactory(), IDBKeyRange });
}

describe('the clause library in the pane', () => {
  it('offers the Chinese and English libraries and filters them by title in either language', async () => {
    const zh = await loadClauseLibrary('zh-CN');
    const en = await loadClauseLibrary('en');
    expect(zh.length).toBeGreaterThan(0);
    expect(en.every((c) => c.language === 'en')).toBe(true);
    const confidentiality = filterClauses(zh, '保密', 'zh-CN');
    expect(confidentiality.length).toBeGreaterThan(0);
    expect(
      confidentiality.every((c) => c.category === 'confidentiality' || c.id.includes('confidential')),
    ).toBe(true);
    expect(filterClauses(zh, 'confidentiality', 'en').map((c) => c.id)).toEqual(
      confidentiality.map((c) => c.id),
    );
    expect(filterClauses(zh, 'no such clause anywhere', 'en')).toEqual([]);
  });

  it('picks the library of the document’s language, or the pane’s for an empty document', async () => {
    expect(
      await documentClauseLanguage(
        createFakeDocumentHost({ paragraphs: ['买卖合同', '甲方：某公司'] }),
        'en',
      ),
    ).toBe('zh-CN');
    expect(
      await documentClauseLanguage(createFakeDocumentHost({ paragraphs: ['Sale Agreement'] }), 'zh-CN'),
    ).toBe('en');
    expect(await documentClauseLanguage(createFakeDocumentHost({ paragraphs: [''] }), 'zh-CN')).toBe('zh-CN');
  });

  it('inserts a clause with its defaults filled and the other variables left to fill', async () => {
    const clause = (await loadClauseLibrary('zh-CN')).find((c) =>
      c.variables.some((v) => v.default === undefined),
    );
    expect(clause).toBeDefined();
    if (!clause) return;
    const toInsert = clauseToInsert(clause);
    expect(toInsert.clauseId).toBe(clause.id);
    expect(toInsert.version).toBe(clause.version);
    const unfilled = clause.variables.filter((v) => v.default === undefined).map((v) => v.name);
    for (const name of unfilled) expect(toInsert.text).toContain(`{{${name}}}`);
    for (const v of clause.variables.filter((d) => d.default !== undefined)) {
      expect(toInsert.text).not.toContain(`{{${v.name}}}`);
    }
  });

  it('lists the clauses in the document and notices a newer library version', async () => {
    const library = await loadClauseLibrary('en');
    const [first] = library;
    const host = createFakeDocumentHost({ paragraphs: ['Agreement'] });
    await insertClause(host, first!);
    const listed = await clausesInDocument(host, library);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      clauseId: first!.id,
      version: String(first!.version),
      latestVersion: first!.version,
    });
    expect(isOutdated(listed[0]!)).toBe(false);
    expect(isOutdated({ ...listed[0]!, version: '0' })).toBe(true);
    expect(isOutdated({ ...listed[0]!, latestVersion: null })).toBe(false);
  });

  it('uses the registry’s library when it answers, and its offline copy when it does not', async () => {
    const [starter] = await loadClauseLibrary('en');
    const house = { ...starter!, id: 'acme.confidentiality', version: 4, body: 'Acme house wording.' };
    let online = true;
    const client = {
      clauses: async () => {
        if (!online) throw new Error('offline');
        return [house, { id: 'broken' }];
      },
    } as unknown as RegistryClient;
    const copies = freshCopies();

    const fromRegistry = await loadLibrary('en', { client, copies });
    expect(fromRegistry.origin).toBe('registry');
    expect(fromRegistry.clauses.map((c) => c.id)).toEqual(['acme.confidentiality']);

    online = false;
    const offline = await loadLibrary('en', { client, copies });
    expect(offline).toMatchObject({ origin: 'offline-copy' });
    expect(offline.clauses[0]?.body).toBe('Acme house wording.');

    const nothing = await loadLibrary('en', { client, copies: freshCopies() });
    expect(nothing.origin).toBe('starter');
    expect((await loadLibrary('zh-CN')).origin).toBe('starter');
  });

  it('falls back to the starter library when the registry’s library is still empty', async () => {
    const client = { clauses: async () => [] } as unknown as RegistryClient;
    expect((await loadLibrary('zh-CN', { client, copies: freshCopies() })).origin).toBe('starter');
  });
});

describe('the offline copies in IndexedDB', () => {
  it('outlive the pane: a new pane over the same database finds the copy', async () => {
    const indexedDB = new IDBFactory();
    const [starter] = await loadClauseLibrary('en');
    const house = { ...starter!, id: 'acme.kept', body: 'Kept between openings.' };
    const client = { clauses: async () => [house] } as unknown as RegistryClient;
    await loadLibrary('en', { client, copies: indexedDbCopies({ indexedDB, IDBKeyRange }) });
    const offline = {
      clauses: async () => Promise.reject(new Error('offline')),
    } as unknown as RegistryClient;
    const reopened = await loadLibrary('en', {
      client: offline,
      copies: indexedDbCopies({ indexedDB, IDBKeyRange }),
    });
    expect(reopened).toMatchObject({ origin: 'offline-copy' });
    expect(reopened.clauses.map((c) => c.body)).toEqual(['Kept between openings.']);
  });
});
