import { type Duration, durationInMonths, findDurations } from './durations';

/** How long the contract runs before any renewal, as written ("five (5) years from the Effective Date"). */
export interface InitialTerm {
  duration: Duration;
  index: number;
}

// The subject of a term sentence: the contract itself or its term.
const EN_TERM_CUES =
  /\b(?:(?:initial|original)\s+term|term\s+of\s+(?:this|the)\s+(?:agreement|contract)|(?:this\s+)?(?:agreement|contract|term)\b(?:(?!\b(?:so\s+long\s+as|if|provided|unless|they|it|which|that)\b)[^.;]){0,100}?\b(?:continue|remain|be\s+(?:valid|effective|in\s+(?:full\s+)?(?:force|effect))|(?:is|be)\s+for|run|last|expire|terminate|end|have\s+a\s+(?:term|duration)))\b/gi;
const ZH_TERM_CUES =
  /(?:本合同|本协议)?(?:有效期|合同期限|协议期限|合同期|服务期限|租赁期限|期限)(?:限)?\s*(?:为|是|:|：)?\s*/g;
// Between the cue and the period only connecting words may stand ("for an initial period of", "until the").
const EN_CONNECTOR =
  /^[\s,]*(?:(?:shall|will|be|is|for|of|a|an|the|initial|period|term|until|through|up\s+to|and|continue|remain|in|full|force|effect|valid|from|effective|date|hereof|commencing|on|expire|at|end|later|earlier|sooner|as|first|set|forth|above|written|this|agreement|contract|at\s+least|not\s+less\s+than|beginning|ending|expiring|\(\s*"?\w{1,20}"?\s*\))[\s,]+)*$/i;
const ZH_CONNECTOR = /^[\s,，]*(?:自[^，。；]{0,30}?起\s*)?(?:为|是|共|计)?\s*$/;
// A period that runs after the contract ends is not its term ("for three years thereafter").
const AFTER_THE_END =
  /^[\s)'’-]*(?:thereafter|(?:after|following)\s+(?:the\s+|its\s+|such\s+|any\s+)?(?:termination|expiration|expiry|end|such)|from\s+the\s+(?:end|termination|expiration|date\s+of\s+(?:termination|expiration))|prior|notice|written|'s?\s+notice|后|届满后)/i;

function firstTermPeriod(after: string, connector: RegExp): Duration | null {
  const duration = findDurations(after).find((d) => d.index < 100);
  if (!duration || duration.unit === 'day' || duration.unit === 'week') return null;
  if (!connector.test(after.slice(0, duration.index))) return null;
  // "ending two (2) years thereafter" counts from the start; "for two years thereafter" runs after the end.
  const lead = after.slice(0, duration.index);
  const tail = after.slice(duration.end, duration.end + 60);
  if (
    AFTER_THE_END.test(tail) &&
    !(/\b(?:ending|expiring|end|expire)\b/i.test(lead) && /^\W*thereafter/i.test(tail))
  )
    return null;
  if (durationInMonths(duration) === null) return null;
  return duration;
}

/** The initial term of the contract, when it is stated as a length of time. */
export function findInitialTerm(text: string): InitialTerm | null {
  for (const [cues, connector] of [
    [EN_TERM_CUES, EN_CONNECTOR],
    [ZH_TERM_CUES, ZH_CONNECTOR],
  ] as const) {
    for (const m of text.matchAll(cues)) {
      const offset = m.index + m[0].length;
      const duration = firstTermPeriod(text.slice(offset, offset + 200), connector);
      if (duration === null) continue;
      return {
        duration: { ...duration, index: offset + duration.index, end: offset + duration.end },
        index: m.index,
      };
    }
  }
  return null;
}
