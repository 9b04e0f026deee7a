import type { Strings } from '../i18n/strings';
import type { ClausePosition } from '../office/document-host';

/** `en.payment · v1`, followed by the position when it is not the standard text. */
export function clauseCaption(
  t: Strings,
  clauseId: string,
  version: string,
  position: ClausePosition,
): string {
  const base = `${clauseId} · v${version}`;
  return position === 'standard' ? base : `${base} · ${t.positions[position]}`;
}
