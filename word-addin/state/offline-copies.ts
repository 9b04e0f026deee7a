/**
 * Copies of the registry's clause library and playbooks, kept so that drafting and checking go on
 * without the network. Values are plain JSON data; readers validate what they get back.
 */
export interface OfflineCopies {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

/** Copies that last as long as the pane (when the browser offers no IndexedDB, and in tests). */
export function memoryCopies(): OfflineCopies {
  const data = new Map<string, string>();
  return {
    async get(key) {
      const raw = data.get(key);
      return raw === undefined ? undefined : JSON.parse(raw);
    },
    async put(key, value) {
      data.set(key, JSON.stringify(value));
    },
  };
}
