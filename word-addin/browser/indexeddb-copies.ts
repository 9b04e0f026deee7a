import Dexie, { type EntityTable } from 'dexie';
import { memoryCopies, type OfflineCopies } from '../state/offline-copies';

interface Copy {
  key: string;
  value: unknown;
  savedAt: string;
}

/** The pane's offline copies in IndexedDB (Word's web view keeps it between openings). */
export function indexedDbCopies(
  dependencies: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  name = 'pactfile-word',
): OfflineCopies {
  const factory = dependencies.indexedDB ?? globalThis.indexedDB;
  if (!factory) return memoryCopies();
  const db = new Dexie(name, {
    indexedDB: factory,
    IDBKeyRange: dependencies.IDBKeyRange ?? globalThis.IDBKeyRange,
  }) as Dexie & {
    copies: EntityTable<Copy, 'key'>;
  };
  db.version(1).stores({ copies: 'key' });
  return {
    async get(key) {
      return (await db.copies.get(key))?.value;
    },
    async put(key, value) {
      await db.copies.put({ key, value, savedAt: new Date().toISOString() });
    },
  };
}
