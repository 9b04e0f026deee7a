import { describe, expect, it } from 'vitest';
import { inChunks } from '../../../server/db/in-chunks';

describe('lookups by a list of ids', () => {
  it('are asked in chunks no larger than the limit, and answer in order', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const asked: string[][] = [];
    const out = await inChunks(
      ids,
      async (chunk) => {
        asked.push(chunk);
        return chunk.map((id) => id.toUpperCase());
      },
      5,
    );
    expect(asked.map((c) => c.length)).toEqual([5, 5, 2]);
    expect(out).toEqual(ids.map((id) => id.toUpperCase()));
    expect(await inChunks([], async (chunk) => chunk, 5)).toEqual([]);
  });
});
