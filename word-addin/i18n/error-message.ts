import { RegistryError } from '../registry/client';
import type { Strings } from './strings';

/** What to tell the user about a failed registry call. */
export function errorMessage(t: Strings, err: unknown, registryUrl: string): string {
  if (err instanceof RegistryError) {
    switch (err.kind) {
      case 'unreachable':
        return t.unreachable(registryUrl);
      case 'unauthorized':
        return t.badToken;
      case 'forbidden':
        return t.forbidden;
      default:
        return t.failed(err.message);
    }
  }
  return t.failed(err instanceof Error ? err.message : String(err));
}
