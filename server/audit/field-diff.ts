/** Fields that change on every write and say nothing about what was changed. */
const NOISE = new Set(['updatedAt', 'versionCount']);

/**
 * The fields that differ between two states of a record, as `{ before, after }` holding only those
 * fields; null when nothing changed. Values are compared by their JSON.
 */
export function fieldDiff<T extends object>(
  before: T,
  after: T,
  ignore: readonly string[] = [],
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  let changed = false;
  for (const k of keys) {
    if (NOISE.has(k) || ignore.includes(k)) continue;
    if (JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    out.before[k] = b[k] ?? null;
    out.after[k] = a[k] ?? null;
    changed = true;
  }
  return changed ? out : null;
}
