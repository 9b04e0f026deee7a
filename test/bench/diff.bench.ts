/**
 * Clause diff on a 200-page contract: two versions of ~500 KB of real contract text (CUAD, when the corpus is
 * present; otherwise the fixture standard terms repeated), the second with edited, moved, inserted and deleted
 * paragraphs. Prints p50/p95 of `diffTexts` beside `diffWords` from the `diff` library run on the whole texts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffTexts } from '@shared/diff/redline';
import { diffWords } from 'diff';

const CORPUS =
  process.env.PACTFILE_CORPORA ?? fileURLToPath(new URL('../../../shared/corpora', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/clauses', import.meta.url));
const TARGET_CHARS = 500_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same edits. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sourceText(): { text: string; source: string } {
  const dir = join(CORPUS, 'cuad-dev', 'txt');
  const parts: string[] = [];
  let size = 0;
  let source = 'CUAD contracts';
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).sort()) {
      if (size >= TARGET_CHARS) break;
      const text = readFileSync(join(dir, file), 'utf8');
      parts.push(text);
      size += text.length;
    }
  } else {
    source = 'fixture standard terms, repeated';
    const base = readFileSync(join(FIXTURES, 'commonpaper-mutual-nda.md'), 'utf8');
    for (let copy = 1; size < TARGET_CHARS; copy++) {
      const text = base.replace(/^(\d+)\./gm, (_, n: string) => `${copy}.${n}.`);
      parts.push(text);
      size += text.length;
    }
  }
  // Keep whole paragraphs up to the target size.
  const lines = parts.join('\n').split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length >= TARGET_CHARS) break;
    kept.push(line);
    length += line.length + 1;
  }
  return { text: kept.join('\n'), source };
}

const REPLACEMENTS: Array<[RegExp, string]> = [
  [/\bshall\b/, 'will'],
  [/\bthirty \(30\)/, 'sixty (60)'],
  [/\bany\b/, 'each'],
  [/\breasonable\b/, 'commercially reasonable'],
  [/\bParty\b/, 'party'],
];

function editedVersion(text: string): { text: string; edits: Record<string, number> } {
  const rnd = random(42);
  const paragraphs = text.split('\n');
  const edits = { edited: 0, deleted: 0, inserted: 0, moved: 0 };
  const out: string[] = [];
  const movedOut: string[] = [];
  for (const p of paragraphs) {
    if (p.trim().length < 40) {
      out.push(p);
      continue;
    }
    const r = rnd();
    if (r < 0.01) {
      edits.deleted++;
      continue;
    }
    if (r < 0.02) {
      edits.moved++;
      movedOut.push(p);
      continue;
    }
    if (r < 0.07) {
      const [pattern, replacement] =
        REPLACEMENTS[Math.floor(rnd() * REPLACEMENTS.length)] ?? REPLACEMENTS[0]!;
      const edited = pattern.test(p)
        ? p.replace(pattern, replacement)
        : `${p} This sentence was added in review.`;
      out.push(edited);
      edits.edited++;
      continue;
    }
    out.push(p);
    if (r > 0.99) {
      out.push('The parties further agree that this paragraph was inserted during negotiation.');
      edits.inserted++;
    }
  }
  // Moved paragraphs reappear further on.
  for (const p of movedOut) out.splice(Math.floor(rnd() * out.length), 0, p);
  return { text: out.join('\n'), edits };
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function time(runs: number, fn: () => void): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

export async function run(): Promise<void> {
  const { text: oldText, source } = sourceText();
  const { text: newText, edits } = editedVersion(oldText);
  const paragraphs = oldText.split('\n').filter((l) => l.trim()).length;
  console.log(
    `source: ${source}; old ${(oldText.length / 1000).toFixed(0)}k chars, ${paragraphs} paragraphs`,
  );
  console.log(`edits: ${JSON.stringify(edits)}`);

  time(3, () => diffTexts(oldText, newText)); // warm-up
  const ours = time(20, () => diffTexts(oldText, newText));
  const redline = diffTexts(oldText, newText);
  console.log(
    `summary: ${JSON.stringify(redline.summary.paragraphs)} words changed ${redline.summary.words.changed}`,
  );
  console.log(`diffTexts (align + word diff): p50 ${ours.p50.toFixed(1)} ms, p95 ${ours.p95.toFixed(1)} ms`);
  const folded = time(10, () =>
    diffTexts(oldText, newText, { ignoreWhitespace: true, ignorePunctuationWidth: true }),
  );
  console.log(
    `diffTexts with both ignore options: p50 ${folded.p50.toFixed(1)} ms, p95 ${folded.p95.toFixed(1)} ms`,
  );

  const words = time(3, () => diffWords(oldText, newText));
  console.log(
    `diff.diffWords on the whole texts: p50 ${words.p50.toFixed(1)} ms, p95 ${words.p95.toFixed(1)} ms`,
  );
  console.log(`ratio diffWords / diffTexts (p50): ${(words.p50 / ours.p50).toFixed(1)}×`);
}
