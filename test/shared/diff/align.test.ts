import { type Alignment, alignParagraphs } from '@shared/diff/align';
import { describe, expect, it } from 'vitest';

const P = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i} sets out obligation number ${i} of the parties about topic ${String.fromCharCode(97 + i)}.`,
);

const kinds = (alignment: Alignment[]) => alignment.map((a) => a.kind);

/** Every old paragraph appears once (unless inserted), every new one once, new ones in reading order. */
function expectComplete(alignment: Alignment[], oldCount: number, newCount: number): void {
  const olds = alignment.filter((a) => a.kind !== 'inserted').map((a) => ('a' in a ? a.a : -1));
  const news = alignment.filter((a) => a.kind !== 'deleted').map((a) => ('b' in a ? a.b : -1));
  expect([...olds].sort((x, y) => x - y)).toEqual(Array.from({ length: oldCount }, (_, i) => i));
  expect(news).toEqual(Array.from({ length: newCount }, (_, i) => i));
}

describe('alignParagraphs', () => {
  it('matches identical texts one to one', () => {
    const alignment = alignParagraphs(P, P);
    expect(kinds(alignment)).toEqual(P.map(() => 'equal'));
  });

  it('places inserted and deleted paragraphs where they stand', () => {
    const next = [
      ...P.slice(0, 3),
      'A brand new paragraph inserted during negotiation.',
      ...P.slice(3, 7),
      ...P.slice(8),
    ];
    const alignment = alignParagraphs(P, next);
    expectComplete(alignment, P.length, next.length);
    expect(alignment[3]).toEqual({ kind: 'inserted', b: 3 });
    const deleted = alignment.findIndex((a) => a.kind === 'deleted');
    expect(alignment[deleted]).toEqual({ kind: 'deleted', a: 7 });
    expect(alignment[deleted - 1]).toMatchObject({ kind: 'equal', a: 6 });
  });

  it('reports a paragraph that changed place as moved, not as deleted and inserted', () => {
    const next = [...P];
    const [moved] = next.splice(2, 1);
    next.splice(9, 0, moved!);
    const alignment = alignParagraphs(P, next);
    expectComplete(alignment, P.length, next.length);
    expect(alignment.filter((a) => a.kind === 'moved')).toEqual([{ kind: 'moved', a: 2, b: 9, score: 1 }]);
    expect(alignment.filter((a) => a.kind === 'deleted' || a.kind === 'inserted')).toEqual([]);
  });

  it('finds a paragraph that was moved and edited', () => {
    const next = [...P];
    next.splice(1, 1);
    next.push(P[1]!.replace('obligation', 'duty'));
    const alignment = alignParagraphs(P, next);
    expectComplete(alignment, P.length, next.length);
    const moved = alignment.find((a) => a.kind === 'moved');
    expect(moved).toMatchObject({ a: 1, b: next.length - 1 });
    expect(moved && 'score' in moved && moved.score).toBeLessThan(1);
  });

  it('pairs an edited paragraph with its original, and leaves an unrelated one unpaired', () => {
    const next = [...P];
    next[4] = P[4]!.replace('the parties', 'both parties');
    next[8] = 'Completely unrelated wording about delivery of goods by sea freight.';
    const alignment = alignParagraphs(P, next);
    expectComplete(alignment, P.length, next.length);
    expect(alignment.find((a) => a.kind === 'changed')).toMatchObject({ a: 4, b: 4 });
    expect(alignment.filter((a) => a.kind === 'deleted')).toEqual([{ kind: 'deleted', a: 8 }]);
    expect(alignment.filter((a) => a.kind === 'inserted')).toEqual([{ kind: 'inserted', b: 8 }]);
  });

  it('does not report short repeated lines such as page numbers as moves', () => {
    const old = ['1', P[0]!, '2', P[1]!];
    const next = [P[0]!, '1', P[1]!, '2'];
    const alignment = alignParagraphs(old, next);
    expect(alignment.filter((a) => a.kind === 'moved')).toEqual([]);
  });

  it('pairs edited paragraphs inside a large gap through the rare-word index', () => {
    const old = Array.from(
      { length: 150 },
      (_, i) => `Clause ${i}: the obligation word${i} and term${i * 7} apply to item${i}.`,
    );
    const next = old.map((p) => p.replace('apply to', 'shall apply to'));
    const alignment = alignParagraphs(old, next);
    expectComplete(alignment, old.length, next.length);
    const changed = alignment.filter((a) => a.kind === 'changed');
    expect(changed.length).toBe(150);
    expect(changed.every((a) => a.kind === 'changed' && a.a === a.b)).toBe(true);
  });

  it('accounts for every paragraph under random edits', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 25; round++) {
      const old = Array.from(
        { length: 40 },
        (_, i) => `Section ${i} about matter ${Math.floor(random() * 1000)} and ${i % 5}.`,
      );
      const next: string[] = [];
      for (const p of old) {
        const r = random();
        if (r < 0.1) continue;
        if (r < 0.2) next.push(`${p} Amended.`);
        else next.push(p);
        if (r > 0.9) next.push(`Inserted text ${Math.floor(random() * 1000)}.`);
      }
      if (next.length > 4) next.push(next.splice(1, 1)[0]!);
      expectComplete(alignParagraphs(old, next), old.length, next.length);
    }
  });
});
