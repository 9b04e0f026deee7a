import { validatePlaybook } from '@shared/playbook';
import { DEFAULT_PLAYBOOK_IDS, defaultPlaybook, isDefaultPlaybookId } from '@shared/playbook/playbooks/index';
import type { Playbook } from '@shared/schemas/playbook';
import type { DocumentLanguage } from '@shared/text/language';
import type { Db } from '../db/kysely';
import { LibraryRepo, type LibraryVersion } from '../db/repos/library';

export interface StoredPlaybook {
  playbook: Playbook;
  /** The registry's version number; 0 for a shipped playbook nobody has changed. */
  version: number;
  shipped: boolean;
}

/**
 * Playbooks as the registry holds them: the shipped `zh-CN` and `en` ones until the company saves its
 * own version of them, plus any the company adds.
 */
export class PlaybookStore {
  readonly repo: LibraryRepo;

  constructor(db: Db) {
    this.repo = new LibraryRepo(db);
  }

  private fromRow(v: LibraryVersion<Playbook>): StoredPlaybook {
    return { playbook: validatePlaybook(v.data), version: v.version, shipped: false };
  }

  async get(id: string, version?: number): Promise<StoredPlaybook | null> {
    const stored = await this.repo.get<Playbook>('playbook', id, version);
    if (stored && (version !== undefined || !stored.archived)) return this.fromRow(stored);
    if (version === undefined && isDefaultPlaybookId(id)) {
      return { playbook: defaultPlaybook(id), version: 0, shipped: true };
    }
    return null;
  }

  async list(): Promise<StoredPlaybook[]> {
    const stored = (await this.repo.listCurrent<Playbook>('playbook')).map((v) => this.fromRow(v));
    const ids = new Set(stored.map((s) => s.playbook.id));
    const archived = new Set(
      (await this.repo.listCurrent<Playbook>('playbook', { includeArchived: true }))
        .filter((v) => v.archived)
        .map((v) => v.id),
    );
    const shipped = DEFAULT_PLAYBOOK_IDS.filter((id) => !ids.has(id) || archived.has(id)).map((id) => ({
      playbook: defaultPlaybook(id),
      version: 0,
      shipped: true,
    }));
    return [...shipped, ...stored].sort((a, b) => a.playbook.id.localeCompare(b.playbook.id));
  }

  /** The playbook documents in a language are checked with. */
  async forLanguage(language: DocumentLanguage): Promise<StoredPlaybook> {
    const id = language === 'zh' ? 'zh-CN' : 'en';
    const found = await this.get(id);
    return found ?? { playbook: defaultPlaybook(id), version: 0, shipped: true };
  }
}
