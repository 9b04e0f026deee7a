/** The signed-in registry and token, kept in the pane's local storage between openings. */
export interface Session {
  registryUrl: string;
  token: string;
  userName: string;
}

const KEY = 'pactfile.word.session';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function loadSession(store: KeyValueStore): Session | null {
  try {
    const raw = store.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    return typeof s.registryUrl === 'string' && typeof s.token === 'string'
      ? { registryUrl: s.registryUrl, token: s.token, userName: s.userName ?? '' }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(store: KeyValueStore, session: Session | null): void {
  if (session) store.setItem(KEY, JSON.stringify(session));
  else store.removeItem(KEY);
}
