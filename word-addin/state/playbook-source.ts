/**
 * The playbook the checks run: the registry's (the company's version of the shipped playbook) when signed
 * in, with a copy kept for working offline; else that copy; else the playbook shipped in `shared/`.
 * Loaded once per language for the pane's life, so checking while typing never waits for the network.
 */
import { type DefaultPlaybookId, defaultPlaybook, validatePlaybook } from '@shared/playbook';
import type { Playbook } from '@shared/schemas/playbook';
import type { DocumentLanguage } from '@shared/text/language';
import type { RegistryClient } from '../registry/client';
import type { LibraryOrigin } from './clause-library';
import type { OfflineCopies } from './offline-copies';

export interface PlaybookSource {
  client?: RegistryClient | null;
  copies?: OfflineCopies;
}

export interface LoadedPlaybook {
  playbook: Playbook;
  origin: LibraryOrigin;
}

const idFor = (language: DocumentLanguage): DefaultPlaybookId => (language === 'zh' ? 'zh-CN' : 'en');
const cacheKey = (id: string) => `pactfile.word.playbook.${id}`;

async function readCopy(copies: OfflineCopies | undefined, id: string): Promise<Playbook | null> {
  try {
    const stored = await copies?.get(cacheKey(id));
    return stored ? validatePlaybook(stored, 'offline copy') : null;
  } catch {
    return null;
  }
}

export async function loadPlaybook(
  language: DocumentLanguage,
  source: PlaybookSource = {},
): Promise<LoadedPlaybook> {
  const id = idFor(language);
  if (source.client) {
    try {
      const playbook = validatePlaybook(await source.client.playbook(id), `registry playbook ${id}`);
      try {
        await source.copies?.put(cacheKey(id), playbook);
      } catch {
        // storage full or refused: the copy is a convenience
      }
      return { playbook, origin: 'registry' };
    } catch {
      // offline, signed out or not valid: fall back below
    }
  }
  const copy = await readCopy(source.copies, id);
  if (copy) return { playbook: copy, origin: 'offline-copy' };
  return { playbook: defaultPlaybook(id), origin: 'starter' };
}

/** Remembers the playbook of each language until `refresh()`; the same object is handed back meanwhile. */
export interface PlaybookProvider {
  get(language: DocumentLanguage): Promise<LoadedPlaybook>;
  refresh(): void;
}

export function createPlaybookProvider(source: PlaybookSource = {}): PlaybookProvider {
  const loaded = new Map<DocumentLanguage, Promise<LoadedPlaybook>>();
  return {
    get(language) {
      let p = loaded.get(language);
      if (!p) {
        p = loadPlaybook(language, source);
        loaded.set(language, p);
      }
      return p;
    },
    refresh: () => loaded.clear(),
  };
}
