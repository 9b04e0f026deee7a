/**
 * Counts of terms across a document, kept up to date paragraph by paragraph. A document-level rule asks
 * "how often does X occur?"; the first time, every paragraph is counted; after that, only paragraphs that
 * change are recounted, so re-checking one edited paragraph does not rescan the document.
 */
import type { ParagraphFacts } from './types';

/** Counts the occurrences of one term in one paragraph. */
export type TermCounter = (paragraph: ParagraphFacts) => number;

/** A paragraph's place in the document; its identity, not its index, keys the counts. */
export interface TermSlot {
  readonly facts: ParagraphFacts;
}

interface Entry {
  counter: TermCounter;
  counts: Map<TermSlot, number>;
  total: number;
  pass: number;
}

const WORD = /[a-z0-9]+/g;

/** The distinct lower-case Latin words of a paragraph. */
function wordsOf(facts: ParagraphFacts): Set<string> {
  const out = new Set<string>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(facts.lower); m !== null; m = WORD.exec(facts.lower)) out.add(m[0]);
  return out;
}

/** The first lower-case Latin word of a term, which every occurrence of it contains. */
export function probeWord(term: string): string | null {
  WORD.lastIndex = 0;
  const m = WORD.exec(term.toLowerCase());
  WORD.lastIndex = 0;
  return m && /^[a-z]/i.test(term) ? m[0] : null;
}

export class TermIndex {
  private readonly entries = new Map<string, Entry>();
  private pass = 0;
  /** Which paragraphs contain each Latin word: built on first need, then kept up to date. */
  private words: Map<string, Set<TermSlot>> | null = null;

  constructor(private readonly slots: () => readonly TermSlot[]) {}

  private wordIndex(): Map<string, Set<TermSlot>> {
    if (!this.words) {
      this.words = new Map();
      for (const slot of this.slots()) this.indexWords(slot);
    }
    return this.words;
  }

  private indexWords(slot: TermSlot): void {
    if (!this.words || slot.facts.lower.length === 0) return;
    for (const w of wordsOf(slot.facts)) {
      let set = this.words.get(w);
      if (!set) {
        set = new Set();
        this.words.set(w, set);
      }
      set.add(slot);
    }
  }

  private entry(key: string, counter: TermCounter, probes?: readonly string[]): Entry {
    let e = this.entries.get(key);
    if (!e) {
      e = { counter, counts: new Map(), total: 0, pass: this.pass };
      // Only paragraphs holding one of the probe words can hold the term.
      if (probes && probes.length > 0) {
        const index = this.wordIndex();
        const sets = probes.map((w) => index.get(w)).filter((x): x is Set<TermSlot> => x !== undefined);
        sets.forEach((set, k) => {
          for (const slot of set) {
            // A paragraph in an earlier probe's set has been counted already.
            if (k > 0 && sets.slice(0, k).some((earlier) => earlier.has(slot))) continue;
            this.countInto(e as Entry, slot);
          }
        });
      } else {
        for (const slot of this.slots()) this.countInto(e, slot);
      }
      this.entries.set(key, e);
    }
    e.pass = this.pass;
    return e;
  }

  private countInto(e: Entry, slot: TermSlot): void {
    const n = e.counter(slot.facts);
    if (n > 0) {
      e.counts.set(slot, n);
      e.total += n;
    }
  }

  /**
   * Occurrences in the whole document. `key` names the term and how it is counted (unique per counter).
   * `probes`: lower-case Latin words one of which every occurrence contains, so that only the paragraphs
   * containing them are counted the first time.
   */
  count(key: string, counter: TermCounter, probes?: readonly string[]): number {
    return this.entry(key, counter, probes).total;
  }

  /** Occurrences in the paragraph at `index`. */
  countAt(key: string, counter: TermCounter, index: number, probes?: readonly string[]): number {
    const slot = this.slots()[index];
    return slot ? (this.entry(key, counter, probes).counts.get(slot) ?? 0) : 0;
  }

  /** Where each paragraph is in the current order; rebuilt once per pass when asked for. */
  private positions: Map<TermSlot, number> | null = null;

  private positionOf(slot: TermSlot): number {
    if (!this.positions) {
      const positions = new Map<TermSlot, number>();
      this.slots().forEach((s, i) => {
        positions.set(s, i);
      });
      this.positions = positions;
    }
    return this.positions.get(slot) ?? -1;
  }

  /** Indexes of the paragraphs with an occurrence, in document order, with their counts. */
  paragraphsWith(key: string, counter: TermCounter, probes?: readonly string[]): Array<[number, number]> {
    const e = this.entry(key, counter, probes);
    const out: Array<[number, number]> = [];
    for (const [slot, n] of e.counts) {
      const i = this.positionOf(slot);
      if (i >= 0) out.push([i, n]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  /** Index of the first paragraph with an occurrence, or -1. */
  firstIndex(key: string, counter: TermCounter, probes?: readonly string[]): number {
    const e = this.entry(key, counter, probes);
    let first = -1;
    for (const slot of e.counts.keys()) {
      const i = this.positionOf(slot);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    }
    return first;
  }

  /** A paragraph came in: count every tracked term in it. */
  added(slot: TermSlot): void {
    this.indexWords(slot);
    for (const e of this.entries.values()) {
      const n = e.counter(slot.facts);
      if (n > 0) {
        e.counts.set(slot, n);
        e.total += n;
      }
    }
  }

  /** A paragraph went away. */
  removed(slot: TermSlot): void {
    if (this.words && slot.facts.lower.length > 0) {
      for (const w of wordsOf(slot.facts)) this.words.get(w)?.delete(slot);
    }
    for (const e of this.entries.values()) {
      const n = e.counts.get(slot);
      if (n !== undefined) {
        e.total -= n;
        e.counts.delete(slot);
      }
    }
  }

  /** Starts a document pass; terms no rule asks about during the pass are dropped at its end. */
  beginPass(): void {
    this.pass++;
    this.positions = null;
  }

  endPass(): void {
    for (const [key, e] of this.entries) if (e.pass !== this.pass) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.words = null;
  }
}

/** Occurrences of a literal in a text (non-overlapping). */
export function countLiteral(text: string, literal: string): number {
  if (literal === '') return 0;
  let n = 0;
  for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length)) n++;
  return n;
}
