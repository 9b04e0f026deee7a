/**
 * Word diff inside one pair of aligned paragraphs. Tokens are compared on their folded keys with `diffArrays`
 * (Myers); each run of changes is then read as a whole:
 * - a `{{variable}}` on one side facing a value on the other is a filled variable, not a deviation;
 * - text that differs only in what the options ignore is equal;
 * - otherwise the common start and end of the run (per character for Chinese, whose word segmentation
 *   depends on context) stay equal and the rest is a deletion and an insertion.
 */
import { diffArrays } from 'diff';
import { comparisonKey, type KeyOptions } from './normalize';
import { isCountedWord, type Token, tokenize } from './tokens';
import type { Range, RedlineOp, VariableSpan } from './types';

export interface ParagraphSide {
  text: string;
  /** Offset of `text` in its whole document. */
  offset: number;
  spans?: readonly VariableSpan[];
}

export interface WordDiffResult {
  ops: RedlineOp[];
  insertedWords: number;
  deletedWords: number;
  variables: number;
  /** Non-whitespace characters on each side, and how many of them are unchanged. */
  oldChars: number;
  newChars: number;
  equalOldChars: number;
  equalNewChars: number;
}

/** A compared unit: a token, plus (when whitespace is ignored) the whitespace before it for display. */
interface Unit {
  key: string;
  /** Display range: from the end of the previous unit to the end of this token. */
  lead: number;
  start: number;
  end: number;
  token: Token;
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const VARIABLE_KEY = '\u0000var:';

function units(side: ParagraphSide, options: KeyOptions): { units: Unit[]; tokens: Token[] } {
  const tokens = tokenize(side.text, side.offset, side.spans ?? []);
  const out: Unit[] = [];
  let lead = side.offset;
  for (const token of tokens) {
    if (options.ignoreWhitespace && token.kind === 'space') continue;
    const key =
      token.kind === 'variable' ? `${VARIABLE_KEY}${token.variable}` : comparisonKey(token.text, options);
    out.push({ key, lead, start: token.start, end: token.end, token });
    lead = token.end;
  }
  return { units: out, tokens };
}

/** A `{{name}}` written in the text; a span's value (even one that reads `{{name}}`) is a slot instead. */
const isPlaceholder = (u: Unit): boolean => u.token.kind === 'variable' && u.token.fromSpan !== true;
const isVariable = (u: Unit): boolean => u.token.kind === 'variable';
const isSpace = (u: Unit): boolean => u.token.kind === 'space';

class OpBuilder {
  readonly ops: RedlineOp[] = [];
  variables = 0;
  constructor(
    private readonly oldSide: ParagraphSide,
    private readonly newSide: ParagraphSide,
  ) {}

  private oldText(r: Range): string {
    return this.oldSide.text.slice(r[0] - this.oldSide.offset, r[1] - this.oldSide.offset);
  }
  private newText(r: Range): string {
    return this.newSide.text.slice(r[0] - this.newSide.offset, r[1] - this.newSide.offset);
  }

  equal(from: Range, to: Range): void {
    if (from[1] === from[0] && to[1] === to[0]) return;
    const last = this.ops[this.ops.length - 1];
    if (last?.op === 'equal' && last.from[1] === from[0] && last.to[1] === to[0]) {
      this.ops[this.ops.length - 1] = this.makeEqual([last.from[0], from[1]], [last.to[0], to[1]]);
      return;
    }
    this.ops.push(this.makeEqual(from, to));
  }
  private makeEqual(from: Range, to: Range): RedlineOp {
    const text = this.newText(to);
    const original = this.oldText(from);
    return original === text ? { op: 'equal', text, from, to } : { op: 'equal', text, original, from, to };
  }
  delete(from: Range): void {
    if (from[1] === from[0]) return;
    const last = this.ops[this.ops.length - 1];
    if (last?.op === 'delete' && last.from[1] === from[0]) {
      this.ops[this.ops.length - 1] = {
        op: 'delete',
        text: this.oldText([last.from[0], from[1]]),
        from: [last.from[0], from[1]],
      };
      return;
    }
    this.ops.push({ op: 'delete', text: this.oldText(from), from });
  }
  insert(to: Range): void {
    if (to[1] === to[0]) return;
    const last = this.ops[this.ops.length - 1];
    if (last?.op === 'insert' && last.to[1] === to[0]) {
      this.ops[this.ops.length - 1] = {
        op: 'insert',
        text: this.newText([last.to[0], to[1]]),
        to: [last.to[0], to[1]],
      };
      return;
    }
    this.ops.push({ op: 'insert', text: this.newText(to), to });
  }
  /** `placeholderOnOld`: the template side is the old text (the usual case: standard text → document). */
  variable(name: string, from: Range, to: Range, placeholderOnOld: boolean): void {
    this.variables++;
    const placeholder = placeholderOnOld ? this.oldText(from) : this.newText(to);
    const text = placeholderOnOld ? this.newText(to) : this.oldText(from);
    this.ops.push({ op: 'variable', name, text, placeholder, from, to });
  }
}

/** Range covering units [i, j) of one side, display whitespace included; empty at `at` when i === j. */
function span(list: readonly Unit[], i: number, j: number, at: number): Range {
  if (i >= j) return [at, at];
  return [list[i]?.lead ?? at, list[j - 1]?.end ?? at];
}

export function diffParagraphWords(
  oldSide: ParagraphSide,
  newSide: ParagraphSide,
  options: KeyOptions = {},
): WordDiffResult {
  const a = units(oldSide, options);
  const b = units(newSide, options);
  const builder = new OpBuilder(oldSide, newSide);
  // Two templates compared with each other: a placeholder only matches the same placeholder.
  const matchValues = !(a.units.some(isPlaceholder) && b.units.some(isPlaceholder));
  const runs = absorbBracketedValues(
    absorbSplitValues(
      absorbLoneSpaces(
        diffArrays(
          a.units.map((u) => u.key),
          b.units.map((u) => u.key),
        ),
        a.units,
      ),
      a.units,
      b.units,
      options,
    ),
    a.units,
    b.units,
  );

  let ia = 0;
  let ib = 0;
  for (const run of runs) {
    if (!run.common) {
      readHunk(
        a.units,
        ia,
        ia + run.aCount,
        b.units,
        ib,
        ib + run.bCount,
        builder,
        oldSide,
        newSide,
        options,
        matchValues,
      );
      ia += run.aCount;
      ib += run.bCount;
      continue;
    }
    for (let k = 0; k < run.aCount; k++, ia++, ib++) {
      const ua = a.units[ia];
      const ub = b.units[ib];
      if (!ua || !ub) continue;
      if (isVariable(ua) && isVariable(ub) && !(isPlaceholder(ua) && isPlaceholder(ub))) {
        // Whitespace before the value is shown as equal, the value itself as the variable.
        builder.equal([ua.lead, ua.start], [ub.lead, ub.start]);
        builder.variable(
          ua.token.variable ?? '',
          [ua.start, ua.end],
          [ub.start, ub.end],
          isPlaceholder(ua) || !isPlaceholder(ub),
        );
      } else builder.equal([ua.lead, ua.end], [ub.lead, ub.end]);
    }
  }
  return summarise(builder, a.tokens, b.tokens, oldSide, newSide);
}

interface Run {
  common: boolean;
  aCount: number;
  bCount: number;
}

/**
 * Runs of changes with the whitespace between two changes folded into the change, so that
 * "pay {{amount}} within" against "pay USD 100.00 within" reads as one replaced stretch, not three.
 */
function absorbLoneSpaces(
  changes: ReadonlyArray<{ added: boolean; removed: boolean; count: number }>,
  aUnits: readonly Unit[],
): Run[] {
  const runs: Run[] = changes.map((c) => ({
    common: !c.added && !c.removed,
    aCount: c.added ? 0 : c.count,
    bCount: c.removed ? 0 : c.count,
  }));
  let ia = 0;
  runs.forEach((run, i) => {
    if (run.common && i > 0 && i < runs.length - 1 && !runs[i - 1]?.common && !runs[i + 1]?.common) {
      let spaces = true;
      for (let k = ia; k < ia + run.aCount; k++) if (!isSpace(aUnits[k] as Unit)) spaces = false;
      if (spaces) run.common = false;
    }
    ia += run.aCount;
  });
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && !last.common && !run.common) {
      last.aCount += run.aCount;
      last.bCount += run.bCount;
    } else merged.push({ ...run });
  }
  return merged;
}

const keysOf = (list: readonly Unit[], from: number, to: number): string => {
  let out = '';
  for (let k = from; k < to; k++) out += list[k]?.key ?? '';
  return out;
};

/**
 * A filled value facing its own text, when the value holds punctuation that also follows it ("…of China
 * (excluding, for this purpose, …)," ): the word diff pairs the mark inside the value with the one after it
 * and reads the rest of the value as an insertion. When the runs from the value's change onwards spell
 * exactly the value followed by the text common to both sides, they are one change: the value.
 */
function absorbSplitValues(
  runs: Run[],
  aUnits: readonly Unit[],
  bUnits: readonly Unit[],
  options: KeyOptions,
): Run[] {
  const out: Run[] = [];
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Run;
    const merged = run.common ? null : mergeValueRuns(runs, i, ia, ib, aUnits, bUnits, options);
    if (merged) {
      out.push(merged.run);
      ia += merged.run.aCount;
      ib += merged.run.bCount;
      i = merged.last;
      continue;
    }
    out.push(run);
    ia += run.aCount;
    ib += run.bCount;
  }
  return out;
}

function mergeValueRuns(
  runs: readonly Run[],
  i: number,
  ia: number,
  ib: number,
  aUnits: readonly Unit[],
  bUnits: readonly Unit[],
  options: KeyOptions,
): { run: Run; last: number } | null {
  const run = runs[i] as Run;
  // The slot on one side, alone in its change; the runs after it may only add to the other side.
  const slotOld = run.aCount === 1 && run.bCount > 0 && aUnits[ia]?.token.fromSpan === true;
  const slotNew = run.bCount === 1 && run.aCount > 0 && bUnits[ib]?.token.fromSpan === true;
  if (!slotOld && !slotNew) return null;
  const slot = (slotOld ? aUnits[ia] : bUnits[ib]) as Unit;
  const value = comparisonKey(slot.token.text, options);
  let aCount = run.aCount;
  let bCount = run.bCount;
  for (let j = i + 1; j < runs.length; j++) {
    const next = runs[j] as Run;
    if (!next.common && (slotOld ? next.aCount > 0 : next.bCount > 0)) return null;
    aCount += next.aCount;
    bCount += next.bCount;
    if (next.common) continue;
    // The other side spells the value followed by what the slot's side has after the slot.
    const other = slotOld ? keysOf(bUnits, ib, ib + bCount) : keysOf(aUnits, ia, ia + aCount);
    const rest = slotOld ? keysOf(aUnits, ia + 1, ia + aCount) : keysOf(bUnits, ib + 1, ib + bCount);
    if (other === value + rest) return { run: { common: false, aCount, bCount }, last: j };
    if (other.length > value.length + rest.length) return null;
  }
  return null;
}

const OPENING = new Set(['(', '（', '[', '【', '「', '『', '“', '‘', '《', '〈']);
const CLOSING = new Set([')', '）', ']', '】', '」', '』', '”', '’', '》', '〉']);

/** Brackets and quotes opened and not closed in these units' text. */
function openBrackets(list: readonly Unit[], from: number, to: number): number {
  let open = 0;
  for (let k = from; k < to; k++) {
    for (const ch of list[k]?.token.text ?? '') {
      if (OPENING.has(ch)) open++;
      else if (CLOSING.has(ch) && open > 0) open--;
    }
  }
  return open;
}

/**
 * A placeholder facing a value that opens a bracket and holds the punctuation that follows the placeholder
 * ("laws of {{law}}, without" against "laws of China (excluding, for this purpose, Hong Kong), without"):
 * the word diff ends the value at the first comma and reads the rest as an insertion. While the value
 * leaves a bracket open and the insertion after the common text ends with that same text, the common text
 * and the insertion belong to the value: its closing part. Without an open bracket, text added after a
 * placeholder stays an insertion (the placeholder could stand for anything).
 */
function absorbBracketedValues(
  input: readonly Run[],
  aUnits: readonly Unit[],
  bUnits: readonly Unit[],
): Run[] {
  const runs = input.map((r) => ({ ...r }));
  const out: Run[] = [];
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Run;
    const placeholder =
      !run.common && run.aCount === 1 && run.bCount > 0 && isPlaceholder(aUnits[ia] as Unit);
    while (placeholder && openBrackets(bUnits, ib, ib + run.bCount) > 0) {
      const common = runs[i + 1];
      const added = runs[i + 2];
      if (!common?.common || !added || added.common || added.aCount > 0 || added.bCount < common.bCount)
        break;
      // Once the value takes in the common text and the insertion, the insertion's tail follows it.
      const tail = ib + run.bCount + added.bCount;
      const commonKeys = keysOf(aUnits, ia + run.aCount, ia + run.aCount + common.aCount);
      if (keysOf(bUnits, tail, tail + common.bCount) !== commonKeys) break;
      run.bCount += added.bCount;
      runs.splice(i + 2, 1);
    }
    out.push(run);
    ia += run.aCount;
    ib += run.bCount;
  }
  return out;
}

interface Piece {
  key: string;
  start: number;
  end: number;
  variable?: string;
  /** A value the caller marked with a span (not a `{{placeholder}}` written in the text). */
  filled?: boolean;
  space: boolean;
}

/**
 * The units of a run of changes as pieces: Chinese words are split into characters (so a word segmented
 * differently on each side does not hide the characters the sides share); other tokens stay whole.
 */
function pieces(list: readonly Unit[], options: KeyOptions): Piece[] {
  const out: Piece[] = [];
  for (const u of list) {
    if (isVariable(u))
      out.push({
        key: u.key,
        start: u.start,
        end: u.end,
        variable: u.token.variable ?? '',
        filled: !isPlaceholder(u),
        space: false,
      });
    else if (CJK_CHAR.test(u.token.text)) {
      let at = u.start;
      for (const ch of u.token.text) {
        out.push({ key: comparisonKey(ch, options), start: at, end: at + ch.length, space: false });
        at += ch.length;
      }
    } else out.push({ key: u.key, start: u.start, end: u.end, space: isSpace(u) });
  }
  return out;
}

/**
 * Reads one run of changes: text equal once folded; otherwise its common start and end stay equal, and in
 * what remains a variable facing a value is a filled variable, anything else a deletion and an insertion.
 */
function readHunk(
  aUnits: readonly Unit[],
  a0: number,
  a1: number,
  bUnits: readonly Unit[],
  b0: number,
  b1: number,
  builder: OpBuilder,
  oldSide: ParagraphSide,
  newSide: ParagraphSide,
  options: KeyOptions,
  matchValues: boolean,
): void {
  const aAt = aUnits[a0]?.lead ?? aUnits[a0 - 1]?.end ?? oldSide.offset;
  const bAt = bUnits[b0]?.lead ?? bUnits[b0 - 1]?.end ?? newSide.offset;
  const removed = aUnits.slice(a0, a1);
  const added = bUnits.slice(b0, b1);
  const from = span(aUnits, a0, a1, aAt);
  const to = span(bUnits, b0, b1, bAt);

  // Same text once the ignored differences are folded away (e.g. "a b" / "ab" with whitespace ignored).
  const keyOf = (list: readonly Unit[]): string => comparisonKey(list.map((u) => u.key).join(''), options);
  if (
    removed.length > 0 &&
    added.length > 0 &&
    keyOf(removed) === keyOf(added) &&
    !removed.some(isVariable)
  ) {
    builder.equal(from, to);
    return;
  }

  const pa = pieces(removed, options);
  const pb = pieces(added, options);
  let p = 0;
  while (p < pa.length && p < pb.length && pa[p]?.key === pb[p]?.key && !pa[p]?.variable) p++;
  let s = 0;
  while (
    s < pa.length - p &&
    s < pb.length - p &&
    pa[pa.length - 1 - s]?.key === pb[pb.length - 1 - s]?.key &&
    !pa[pa.length - 1 - s]?.variable
  ) {
    s++;
  }
  const midA = pa.slice(p, pa.length - s);
  const midB = pb.slice(p, pb.length - s);
  const prefixEnd: Range = [
    p > 0 ? (pa[p - 1]?.end ?? from[0]) : from[0],
    p > 0 ? (pb[p - 1]?.end ?? to[0]) : to[0],
  ];
  const suffixStart: Range = [
    s > 0 ? (pa[pa.length - s]?.start ?? from[1]) : from[1],
    s > 0 ? (pb[pb.length - s]?.start ?? to[1]) : to[1],
  ];
  const wordsA = midA.filter((x) => !x.space);
  const wordsB = midB.filter((x) => !x.space);
  const onlyVariables = (list: Piece[]): boolean =>
    list.length > 0 && list.every((x) => x.variable !== undefined);
  const noVariables = (list: Piece[]): boolean => list.every((x) => x.variable === undefined);
  // When both sides are templates a literal placeholder is not a slot for a value; a value the caller marked
  // as filled (a span) still is, whatever placeholders the paragraphs contain elsewhere.
  const slots = (list: Piece[]): boolean => matchValues || list.every((x) => x.filled === true);
  const variableOld = onlyVariables(wordsA) && noVariables(wordsB) && slots(wordsA);
  const variableNew = onlyVariables(wordsB) && noVariables(wordsA) && slots(wordsB);

  // The changed middle. Whitespace at its edges stays equal around a variable's value, and when whitespace
  // is ignored; otherwise a change in whitespace is a change.
  const trimEdges = variableOld || variableNew || options.ignoreWhitespace === true;
  const core = (words: Piece[], start: number, end: number): Range => {
    if (!trimEdges) return [start, end];
    const first = words[0];
    const last = words[words.length - 1];
    return first && last ? [first.start, last.end] : [start, start];
  };
  const coreA = core(wordsA, prefixEnd[0], suffixStart[0]);
  const coreB = core(wordsB, prefixEnd[1], suffixStart[1]);

  builder.equal([from[0], coreA[0]], [to[0], coreB[0]]);
  if (variableOld || variableNew) {
    builder.variable((variableOld ? wordsA : wordsB)[0]?.variable ?? '', coreA, coreB, variableOld);
  } else {
    builder.delete(coreA);
    builder.insert(coreB);
  }
  builder.equal([coreA[1], from[1]], [coreB[1], to[1]]);
}

/** Characters that are not whitespace (a plain loop: this runs over every paragraph of both texts). */
export function countNonSpace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x85) continue;
    if (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f))
      continue;
    if (c === 0x1680) continue;
    n++;
  }
  return n;
}

/** Counts changed words (tokens overlapping deleted/inserted ranges) and unchanged characters. */
function summarise(
  builder: OpBuilder,
  oldTokens: readonly Token[],
  newTokens: readonly Token[],
  oldSide: ParagraphSide,
  newSide: ParagraphSide,
): WordDiffResult {
  const deletedRanges: Range[] = [];
  const insertedRanges: Range[] = [];
  let equalOldChars = 0;
  let equalNewChars = 0;
  for (const op of builder.ops) {
    if (op.op === 'delete') deletedRanges.push(op.from);
    else if (op.op === 'insert') insertedRanges.push(op.to);
    else if (op.op === 'equal') {
      equalOldChars += countNonSpace(op.original ?? op.text);
      equalNewChars += countNonSpace(op.text);
    } else {
      equalOldChars += countNonSpace(sliceOf(oldSide, op.from));
      equalNewChars += countNonSpace(sliceOf(newSide, op.to));
    }
  }
  return {
    ops: builder.ops,
    insertedWords: countOverlapping(newTokens, insertedRanges),
    deletedWords: countOverlapping(oldTokens, deletedRanges),
    variables: builder.variables,
    oldChars: countNonSpace(oldSide.text),
    newChars: countNonSpace(newSide.text),
    equalOldChars,
    equalNewChars,
  };
}

function sliceOf(side: ParagraphSide, range: Range): string {
  return side.text.slice(range[0] - side.offset, range[1] - side.offset);
}

function countOverlapping(tokens: readonly Token[], ranges: readonly Range[]): number {
  let count = 0;
  let r = 0;
  for (const t of tokens) {
    if (!isCountedWord(t)) continue;
    while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= t.start) r++;
    const range = ranges[r];
    if (range && range[0] < t.end && t.start < range[1]) count++;
  }
  return count;
}
