import type { SignedInUser } from '../registry/client';
import type { LanguageSetting } from '../ui/i18n';

export interface Settings {
  registryUrl: string;
  token: string | null;
  user: SignedInUser | null;
  language: LanguageSetting;
  defaultContractType: string;
}

export const DEFAULT_SETTINGS: Settings = {
  registryUrl: '',
  token: null,
  user: null,
  language: 'auto',
  defaultContractType: 'general',
};

/** The part of `storage.local` the settings need (so tests can pass a map). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'settings';

export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const stored = (await area.get(KEY))[KEY];
  return {
    ...DEFAULT_SETTINGS,
    ...(typeof stored === 'object' && stored ? (stored as Partial<Settings>) : {}),
  };
}

export async function saveSettings(area: KeyValueArea, changes: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings(area)), ...changes };
  await area.set({ [KEY]: next });
  return next;
}

export const SETTINGS_KEY = KEY;
