/**
 * Contract numbering patterns, e.g. `XSC-{YYYY}-{DEPT}-{SEQ:3}` → `XSC-2024-SD-001`.
 * Pure: the server supplies the sequence value for the pattern's scope (everything but the
 * sequence), so the sequence restarts when the rest of the number changes.
 */

export const DEFAULT_NUMBERING_PATTERN = '{TYPE}-{YYYY}-{SEQ:4}';
export const NO_DEPARTMENT = 'GEN';

export interface NumberingContext {
  type: string;
  department: string | null | undefined;
  /** The registration date, `YYYY-MM-DD`. */
  date: string;
}

type Part = { literal: string } | { token: 'TYPE' | 'YYYY' | 'YY' | 'MM' | 'DD' | 'DEPT' } | { seq: number };

export class NumberingPatternError extends Error {}

const TOKEN = /\{([A-Z]+)(?::(\d+))?\}/g;

export function parsePattern(pattern: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  let seqCount = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ literal: pattern.slice(last, at) });
    const [whole, name, width] = m;
    if (name === 'SEQ') {
      const w = width === undefined ? 3 : Number(width);
      if (w < 1 || w > 10) throw new NumberingPatternError(`${whole}: the width of SEQ must be 1 to 10`);
      parts.push({ seq: w });
      seqCount++;
    } else if (
      (name === 'TYPE' ||
        name === 'YYYY' ||
        name === 'YY' ||
        name === 'MM' ||
        name === 'DD' ||
        name === 'DEPT') &&
      width === undefined
    ) {
      parts.push({ token: name });
    } else {
      throw new NumberingPatternError(
        `${whole} is not a known token (use {TYPE}, {YYYY}, {YY}, {MM}, {DD}, {DEPT}, {SEQ:n})`,
      );
    }
    last = at + whole.length;
  }
  if (last < pattern.length) parts.push({ literal: pattern.slice(last) });
  const literalText = parts.map((p) => ('literal' in p ? p.literal : '')).join('');
  if (/[{}]/.test(literalText)) throw new NumberingPatternError('unbalanced or malformed { } in the pattern');
  if (/[/\\\s]/.test(literalText))
    throw new NumberingPatternError('the pattern may not contain spaces or slashes');
  if (seqCount !== 1) throw new NumberingPatternError('the pattern needs exactly one {SEQ} or {SEQ:n} token');
  return parts;
}

const SEQ_MARK = '{SEQ}'; // literals cannot contain braces, so this never clashes

function renderWith(parts: Part[], ctx: NumberingContext, seqText: (width: number) => string): string {
  const [yyyy = '', mm = '', dd = ''] = ctx.date.split('-');
  const values = {
    TYPE: ctx.type.toUpperCase(),
    YYYY: yyyy,
    YY: yyyy.slice(2),
    MM: mm,
    DD: dd,
    DEPT: (ctx.department || NO_DEPARTMENT).toUpperCase(),
  };
  return parts
    .map((p) => ('literal' in p ? p.literal : 'token' in p ? values[p.token] : seqText(p.seq)))
    .join('');
}

/** The scope of a number: the rendered pattern with the sequence left out. One counter per scope. */
export function numberingScope(pattern: string, ctx: NumberingContext): string {
  return `${pattern}|${renderWith(parsePattern(pattern), ctx, () => SEQ_MARK)}`;
}

/** Renders the number for a sequence value; a value wider than the width keeps all its digits. */
export function renderNumber(pattern: string, ctx: NumberingContext, seq: number): string {
  return renderWith(parsePattern(pattern), ctx, (w) => String(seq).padStart(w, '0'));
}
