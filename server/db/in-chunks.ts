/**
 * SQLite allows at most 32,766 parameters in one statement, so a lookup by a list of ids (`where id in
 * (…)`) over a large registry is asked in chunks.
 */
export const ID_CHUNK = 5_000;

/** Runs `lookup` on consecutive chunks of `ids` and answers the results in order, concatenated. */
export async function inChunks<T>(
  ids: readonly string[],
  lookup: (chunk: string[]) => Promise<T[]>,
  size = ID_CHUNK,
): Promise<T[]> {
  if (ids.length <= size) return lookup([...ids]);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await lookup(ids.slice(i, i + size))));
  return out;
}
