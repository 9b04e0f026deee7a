/**
 * Redline between two texts (a document and its earlier version, or a clause and its standard text):
 * paragraphs are aligned first, then words are compared inside each aligned pair. Identical paragraphs are
 * never tokenised, which keeps long, mostly unchanged contracts cheap.
 */
import { type Alignment, alignParagraphs } from './align';
import { comparisonKey } from './normalize';
import { type Paragraph, splitParagraphs } from './paragraphs';
import { countWords } from './tokens';
import type {
  DiffOptions,
  ParagraphKind,
  ParagraphRef,
  Redline,
  RedlineParagraph,
  RedlineSummary,
  VariableSpan,
} from './types';
import { countNonSpace, diffParagraphWords } from './words';

interface Side {
  paragraphs: Paragraph[];
  /** Spans of filled variables per paragraph index (only paragraphs that have some). */
  spans: Map<number, VariableSpan[]>;
  keys: string[];
  /** The texts similarity is measured on: placeholders in, width folded if asked, whitespace kept. */
  likenessTexts: string[];
}

function prepare(text: string, spans: readonly VariableSpan[] | undefined, options: DiffOptions): Side {
  const paragraphs = splitParagraphs(text, options.paragraphs ?? 'line');
  const byParagraph = new Map<number, VariableSpan[]>();
  if (spans && spans.length > 0) {
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    let s = 0;
    for (const p of paragraphs) {
      while (s < sorted.length && (sorted[s]?.end ?? 0) <= p.start) s++;
      for (let k = s; k < sorted.length && (sorted[k]?.start ?? Number.POSITIVE_INFINITY) < p.end; k++) {
        const span = sorted[k];
        if (!span) continue;
        const list = byParagraph.get(p.index);
        if (list) list.push(span);
        else byParagraph.set(p.index, [span]);
      }
    }
  }
  // Width folding once; whitespace removal on top of it for the keys only (similarity needs the word breaks).
  const folded = paragraphs.map((p) => {
    const text = withPlaceholders(p, byParagraph.get(p.index));
    return options.ignorePunctuationWidth ? comparisonKey(text, { ignorePunctuationWidth: true }) : text;
  });
  const keys = options.ignoreWhitespace
    ? folded.map((t) => comparisonKey(t, { ignoreWhitespace: true }))
    : folded;
  const likenessTexts = folded;
  return { paragraphs, spans: byParagraph, keys, likenessTexts };
}

/** The paragraph with each filled value replaced by its placeholder, so it matches the template exactly. */
function withPlaceholders(p: Paragraph, spans: readonly VariableSpan[] | undefined): string {
  if (!spans) return p.text;
  let out = '';
  let cursor = p.start;
  for (const s of spans) {
    const start = Math.max(s.start, cursor);
    const end = Math.min(s.end, p.end);
    if (end < start) continue;
    out += `${p.text.slice(cursor - p.start, start - p.start)}{{${s.name}}}`;
    cursor = end;
  }
  return out + p.text.slice(cursor - p.start);
}

const ref = (p: Paragraph): ParagraphRef => ({ index: p.index, start: p.start, end: p.end });

export function diffTexts(oldText: string, newText: string, options: DiffOptions = {}): Redline {
  const a = prepare(oldText, options.oldSpans, options);
  const b = prepare(newText, options.newSpans, options);
  const alignments = alignParagraphs(a.keys, b.keys, {
    threshold: options.pairThreshold ?? 0.5,
    oldTexts: a.likenessTexts,
    newTexts: b.likenessTexts,
  });

  const summary: RedlineSummary = {
    paragraphs: {
      old: a.paragraphs.length,
      new: b.paragraphs.length,
      equal: 0,
      changed: 0,
      inserted: 0,
      deleted: 0,
      moved: 0,
    },
    words: { inserted: 0, deleted: 0, changed: 0, variables: 0 },
    similarity: 1,
    identical: false,
  };
  let oldChars = 0;
  let newChars = 0;
  let equalChars = 0;

  const paragraphs: RedlineParagraph[] = alignments.map((al) => {
    const result = paragraphFor(al, a, b, options);
    summary.paragraphs[result.paragraph.kind]++;
    summary.words.inserted += result.insertedWords;
    summary.words.deleted += result.deletedWords;
    summary.words.variables += result.variables;
    oldChars += result.oldChars;
    newChars += result.newChars;
    equalChars += result.equalChars;
    return result.paragraph;
  });

  summary.words.changed = summary.words.inserted + summary.words.deleted;
  summary.similarity = oldChars + newChars === 0 ? 1 : equalChars / (oldChars + newChars);
  const p = summary.paragraphs;
  summary.identical = p.changed + p.inserted + p.deleted + p.moved === 0;
  return { paragraphs, summary };
}

/** The same comparison, named for its use on a clause against its library text. */
export const diffClause = (standardText: string, actualText: string, options: DiffOptions = {}): Redline =>
  diffTexts(standardText, actualText, options);

interface ParagraphResult {
  paragraph: RedlineParagraph;
  insertedWords: number;
  deletedWords: number;
  variables: number;
  oldChars: number;
  newChars: number;
  /** Unchanged characters counted on both sides. */
  equalChars: number;
}

function paragraphFor(al: Alignment, a: Side, b: Side, options: DiffOptions): ParagraphResult {
  if (al.kind === 'deleted') {
    const p = a.paragraphs[al.a] as Paragraph;
    const chars = countNonSpace(p.text);
    return {
      paragraph: {
        kind: 'deleted',
        from: ref(p),
        similarity: 0,
        ops: [{ op: 'delete', text: p.text, from: [p.start, p.end] }],
      },
      insertedWords: 0,
      deletedWords: countWords(p.text),
      variables: 0,
      oldChars: chars,
      newChars: 0,
      equalChars: 0,
    };
  }
  if (al.kind === 'inserted') {
    const p = b.paragraphs[al.b] as Paragraph;
    const chars = countNonSpace(p.text);
    return {
      paragraph: {
        kind: 'inserted',
        to: ref(p),
        similarity: 0,
        ops: [{ op: 'insert', text: p.text, to: [p.start, p.end] }],
      },
      insertedWords: countWords(p.text),
      deletedWords: 0,
      variables: 0,
      oldChars: 0,
      newChars: chars,
      equalChars: 0,
    };
  }

  const pa = a.paragraphs[al.a] as Paragraph;
  const pb = b.paragraphs[al.b] as Paragraph;
  const spansA = a.spans.get(al.a);
  const spansB = b.spans.get(al.b);
  const identical = al.kind === 'equal' || (al.kind === 'moved' && al.score === 1);

  if (identical && !spansA && !spansB) {
    const oldChars = countNonSpace(pa.text);
    const newChars = countNonSpace(pb.text);
    const op =
      pa.text === pb.text
        ? {
            op: 'equal' as const,
            text: pb.text,
            from: [pa.start, pa.end] as const,
            to: [pb.start, pb.end] as const,
          }
        : {
            op: 'equal' as const,
            text: pb.text,
            original: pa.text,
            from: [pa.start, pa.end] as const,
            to: [pb.start, pb.end] as const,
          };
    return {
      paragraph: { kind: al.kind, from: ref(pa), to: ref(pb), similarity: 1, ops: [op] },
      insertedWords: 0,
      deletedWords: 0,
      variables: 0,
      oldChars,
      newChars,
      equalChars: oldChars + newChars,
    };
  }

  const words = diffParagraphWords(
    { text: pa.text, offset: pa.start, spans: spansA },
    { text: pb.text, offset: pb.start, spans: spansB },
    options,
  );
  const deviates = words.ops.some((op) => op.op === 'insert' || op.op === 'delete');
  const kind: ParagraphKind = al.kind === 'moved' ? 'moved' : deviates ? 'changed' : 'equal';
  const total = words.oldChars + words.newChars;
  return {
    paragraph: {
      kind,
      from: ref(pa),
      to: ref(pb),
      similarity: total === 0 ? 1 : (words.equalOldChars + words.equalNewChars) / total,
      ops: words.ops,
    },
    insertedWords: words.insertedWords,
    deletedWords: words.deletedWords,
    variables: words.variables,
    oldChars: words.oldChars,
    newChars: words.newChars,
    equalChars: words.equalOldChars + words.equalNewChars,
  };
}
