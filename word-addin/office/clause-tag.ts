/** Content controls of inserted clauses carry `pactfile:clause:<clauseId>@<version>` in their tag. */
const PREFIX = 'pactfile:clause:';
/** Word shows at most 64 characters of a content control's title. */
export const MAX_TITLE = 64;

export function clauseTag(clauseId: string, version: number | string): string {
  if (!clauseId || clauseId.includes('@')) throw new Error(`Not a clause id: ${clauseId}`);
  return `${PREFIX}${clauseId}@${version}`;
}

export function parseClauseTag(tag: string): { clauseId: string; version: string } | null {
  if (!tag.startsWith(PREFIX)) return null;
  const rest = tag.slice(PREFIX.length);
  const at = rest.lastIndexOf('@');
  if (at <= 0 || at === rest.length - 1) return null;
  return { clauseId: rest.slice(0, at), version: rest.slice(at + 1) };
}

export function controlTitle(title: string): string {
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
