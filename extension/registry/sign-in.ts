import { originPattern } from '../browser/permissions';
import type { Settings } from '../browser/settings';
import { type Language, localized, translate } from '../ui/i18n';
import { type FetchFn, normalizeRegistryUrl, signIn } from './client';
import { describeRegistryError, RegistryError } from './errors';

export interface SignInPorts {
  fetchFn: FetchFn;
  /** Asks the user for access to the registry's origin (an optional host permission). */
  requestOrigin(pattern: string): Promise<boolean>;
  save(changes: Partial<Settings>): Promise<unknown>;
}

/** Signs in to a registry: access to its origin first, then email and password for a token. Null when done. */
export async function signInToRegistry(
  ports: SignInPorts,
  lang: Language,
  rawUrl: string,
  email: string,
  password: string,
): Promise<string | null> {
  const registryUrl = normalizeRegistryUrl(rawUrl);
  if (!registryUrl) return translate(lang, 'badUrl');
  const pattern = originPattern(registryUrl);
  if (!(await ports.requestOrigin(pattern))) {
    return translate(lang, 'permissionDenied', { origin: new URL(registryUrl).origin });
  }
  try {
    const { token, user } = await signIn(ports.fetchFn, registryUrl, email.trim(), password);
    await ports.save({ registryUrl, token, user });
    return null;
  } catch (err) {
    if (err instanceof RegistryError) {
      return err.signedOut ? translate(lang, 'wrongPassword') : localized(lang, describeRegistryError(err));
    }
    throw err;
  }
}
