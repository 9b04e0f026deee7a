import { guessLanguage } from '@shared/text';
import { type Duration, durationInDays, findDurations } from './durations';

/** How a contract renews after its initial term, and the notice needed to stop it renewing. */
export interface Renewal {
  /** The renewal term, normalised: "successive 1 year", "2 years", "1年". */
  renewalTerm: string | null;
  /** True when renewal happens unless someone objects; false when it needs a decision; null if unknown. */
  autoRenew: boolean | null;
  /** Notice, in days, a party must give to prevent renewal (months count 30 days). */
  noticePeriodDays: number | null;
  /** The sentence the renewal was read from, in the text searched. */
  excerpt: { start: number; end: number } | null;
}

const EN_RENEWAL =
  /\b(?:(?:automatically|shall|will)\s+continue\s+(?:in\s+effect\s+)?(?:thereafter\s+)?(?:until|unless)\s+(?:and\s+unless\s+)?terminated|automatic(?:ally)?\s+(?:be\s+)?(?:renew|extend)|(?:renew|extend)(?:ed|s)?\s+automatically|renew(?:ed|s|al|able)?|extend(?:ed|s|able)?|prolong(?:ed|s)?|evergreen|continue\s+(?:thereafter\s+)?(?:on|from)\s+(?:a\s+)?(?:month|year)[\s-]+to[\s-]+(?:month|year))\b/gi;
// "thereafter it shall automatically continue until terminated": an evergreen contract.
const EVERGREEN =
  /\bcontinue\s+(?:in\s+effect\s+)?(?:thereafter\s+)?(?:until|unless)\s+(?:and\s+unless\s+)?terminated|\bevergreen\b/i;
// A notice outside the renewal sentence counts only when it is tied to the end of a term.
const NOTICE_TIED_TO_TERM_END =
  /non-?renew|intent(?:ion)?\s+(?:not\s+)?to\s+(?:terminate|renew|extend)|notice\s+of\s+(?:termination|non-?renewal|cancellation)|not\s+(?:to\s+)?(?:renew|extend)|(?:prior\s+to|before|preceding)\s+the\s+(?:end|expiration|expiry)|(?:last\s+day|end|expiration|expiry)\s+of\s+(?:the|any|each|such|a)\s+(?:then[-\s]current\s+)?(?:initial\s+|renewal\s+|current\s+)?(?:term|period)|期满前|到期前|届满前/i;
const EN_AUTOMATIC_RENEWAL =
  /\b(?:automatically\s+(?:be\s+)?(?:renew|extend)|(?:renew|extend)(?:ed|s)?\s+automatically)/i;
const ZH_AUTOMATIC_RENEWAL = /自动(?:续|延)/;
// "continue on a month to month basis": a renewal for one month (or year) at a time.
const ROLLING = /\b(month|year)[\s-]+to[\s-]+(?:month|year)\b/i;
// The renewal term is redacted or left blank: "extendable for a further * years".
const REDACTED_TERM =
  /^[^.;]{0,40}?\bfor\s+(?:an?\s+)?(?:further|additional|successive|subsequent)?\s*(?:\*+|\[\s*\*+\s*\]|\[\s*\]|_+)/i;
const ZH_RENEWAL = /自动续(?:期|签|约|展)|自动延(?:续|长|期)|续(?:期|签|约)|顺延|延长/g;
const EN_AUTOMATIC =
  /\bautomatic(?:ally)?\b|\bunless\s+(?:either|one|a|the)?\s*(?:party|parties|licensee|licensor|company|customer|supplier|distributor)?\s*(?:gives?|provides?|delivers?|notif|sends?|elects?|terminates?)|\bunless\s+(?:sooner\s+|earlier\s+)?terminated|\bunless\s+(?:written\s+)?notice/i;
const EN_MANUAL =
  /\bmutual(?:ly)?\b|\boption\s+to\s+(?:renew|extend)|\bmay\s+(?:be\s+)?(?:renew|extend)|\bupon\s+(?:the\s+)?(?:written\s+)?agreement\b|\bif\s+(?:both|the)\s+parties\s+agree/i;
const ZH_AUTOMATIC = /自动|未提出|未书面通知|均未/;
const ZH_MANUAL = /协商一致|另行签订|重新签订|书面同意/;
// A notice period is followed by "prior to", "before", "notice", "in advance".
const NOTICE_AFTER =
  /^[\s)'’s-]*(?:\([^)]*\)\s*)?(?:(?:prior\s+)?(?:written\s+)?notice|prior|before|in\s+advance|advance)/i;
const NOTICE_BEFORE = /(?:notice|notify|notification)[^.;]{0,60}$/i;
const ZH_NOTICE = /(?:届满|到期|期满|终止)前\s*$|提前\s*$/;

const ZH_UNITS: Record<Duration['unit'], string> = { day: '日', week: '周', month: '个月', year: '年' };

// A sentence ends at ". ", "。", "；", a blank line, or a line break after closing punctuation. Lines broken
// inside a sentence (hard-wrapped text) do not end it.
const SENTENCE_END = /\.\s+(?=[A-Z("\d])|[。；]|(?<=[.:;：。；])[ \t]*\n/g;

function sentenceBounds(text: string, index: number): { start: number; end: number } {
  const from = Math.max(0, index - 600);
  let start = from;
  for (const m of text.slice(from, index).matchAll(SENTENCE_END)) start = from + m.index + m[0].length;
  SENTENCE_END.lastIndex = 0;
  const rest = text.slice(index, index + 700);
  const next = new RegExp(SENTENCE_END.source, 'g').exec(rest);
  return { start, end: index + (next ? next.index + next[0].length : rest.length) };
}

function formatTerm(d: Duration, successive: boolean, chinese: boolean): string {
  if (chinese) return `${d.count}${ZH_UNITS[d.unit]}`;
  const unit = d.count === 1 ? d.unit : `${d.unit}s`;
  return `${successive ? 'successive ' : ''}${d.count} ${unit}`;
}

function isNotice(text: string, d: Duration): boolean {
  return (
    NOTICE_AFTER.test(text.slice(d.end, d.end + 40)) ||
    NOTICE_BEFORE.test(text.slice(Math.max(0, d.index - 80), d.index))
  );
}

function isZhNotice(text: string, d: Duration): boolean {
  return (
    ZH_NOTICE.test(text.slice(Math.max(0, d.index - 8), d.index)) ||
    /^\s*(?:内)?\s*(?:书面)?通知/.test(text.slice(d.end, d.end + 8))
  );
}

/** The renewal term and the notice needed to prevent renewal, read from the first renewal clause. */
export function findRenewal(text: string): Renewal {
  const chinese = guessLanguage(text) === 'zh';
  const pattern = chinese ? ZH_RENEWAL : EN_RENEWAL;
  for (const m of text.matchAll(pattern)) {
    const bounds = sentenceBounds(text, m.index);
    const sentence = text.slice(bounds.start, bounds.end);
    const at = m.index - bounds.start;
    if (!chinese && !/\b(?:term|agreement|contract|period|year|month)s?\b/i.test(sentence)) continue;
    const following = sentence.slice(at, at + 60);
    if (
      !chinese &&
      /\b(?:extend(?:ed|s)?\s+(?:to|beyond|any\s+later|later)|renew(?:ed|al)?\s+of\s+(?:the\s+)?(?:license|permit|registration|insurance|policy|polic))/i.test(
        following,
      )
    )
      continue;
    const term = renewalPeriod(sentence, at, m[0], chinese);
    const redacted = !chinese && REDACTED_TERM.test(sentence.slice(at));
    const evergreen = !chinese && EVERGREEN.test(m[0]);
    if (term === null && !redacted && !evergreen) continue;
    const automatic = chinese ? ZH_AUTOMATIC : EN_AUTOMATIC;
    const manual = chinese ? ZH_MANUAL : EN_MANUAL;
    // "may be renewed by mutual agreement … In the event that neither party gives notice, the term shall be
    // automatically renewed": the sentences that follow settle whether renewal is automatic.
    const after = text.slice(bounds.end, followingSentencesEnd(text, bounds, 2));
    const autoRenew =
      automatic.test(sentence) ||
      evergreen ||
      (chinese ? ZH_AUTOMATIC_RENEWAL : EN_AUTOMATIC_RENEWAL).test(after)
        ? true
        : manual.test(sentence)
          ? false
          : null;
    const successive = /\bsuccessive|\bconsecutive|\beach\b|\bfurther\b|\bto[\s-]+(?:month|year)\b/i.test(
      sentence.slice(at, (term?.end ?? at) + 30),
    );
    return {
      renewalTerm: term ? formatTerm(term, successive, chinese) : evergreen ? 'until terminated' : null,
      autoRenew,
      noticePeriodDays: noticeNear(text, bounds, chinese),
      excerpt: bounds,
    };
  }
  return { renewalTerm: null, autoRenew: null, noticePeriodDays: null, excerpt: null };
}

/** The period a renewal runs for: the first period after the renewal word that is not a notice period. */
function renewalPeriod(sentence: string, at: number, cue: string, chinese: boolean): Duration | null {
  const rolling = ROLLING.exec(cue);
  if (rolling)
    return {
      count: 1,
      unit: rolling[1]?.toLowerCase() === 'year' ? 'year' : 'month',
      index: at,
      end: at + cue.length,
      text: cue,
    };
  const period = findDurations(sentence).find(
    (d) =>
      d.index >= at &&
      !(chinese ? isZhNotice(sentence, d) : isNotice(sentence, d)) &&
      // English renewals say what they renew for: "renew for successive one-year terms".
      (chinese || /\bfor\b|\bof\b/i.test(sentence.slice(at, d.index))),
  );
  if (!period || period.unit === 'day' || period.unit === 'week') return null;
  return period;
}

/** Where the `count` sentences after a sentence end. */
function followingSentencesEnd(text: string, bounds: { start: number; end: number }, count: number): number {
  let next = bounds;
  for (let i = 0; i < count && next.end < text.length; i++) next = sentenceBounds(text, next.end + 1);
  return next.end;
}

/** The notice period in the renewal sentence, or in the two that follow when tied to the end of a term. */
function noticeNear(text: string, bounds: { start: number; end: number }, chinese: boolean): number | null {
  const isNoticePeriod = (s: string, d: Duration) => (chinese ? isZhNotice(s, d) : isNotice(s, d));
  const sentence = text.slice(bounds.start, bounds.end);
  const own = findDurations(sentence).find((d) => isNoticePeriod(sentence, d));
  if (own) return durationInDays(own);
  let next = bounds;
  for (let i = 0; i < 2 && next.end < text.length; i++) {
    next = sentenceBounds(text, next.end + 1);
    const following = text.slice(next.start, next.end);
    if (!NOTICE_TIED_TO_TERM_END.test(following)) continue;
    const notice = findDurations(following).find((d) => isNoticePeriod(following, d));
    if (notice) return durationInDays(notice);
  }
  return null;
}

// "terminate this Agreement … upon thirty (30) days' prior written notice", "提前三十日书面通知对方解除本合同"
const EN_TERMINATION = /\bterminat(?:e|ion|ed)\b[^.;]{0,200}/gi;
const ZH_TERMINATION = /提前\s*([^，。；]{1,8}?)\s*(?:以)?书面(?:形式)?通知[^。；]{0,30}?(?:解除|终止)/g;

/** The notice, in days, either party must give to end the contract; null when none is stated. */
export function findTerminationNoticeDays(text: string): number | null {
  for (const m of text.matchAll(ZH_TERMINATION)) {
    const d = findDurations(m[1] ?? '')[0];
    if (d) return durationInDays(d);
  }
  for (const m of text.matchAll(EN_TERMINATION)) {
    const d = findDurations(m[0]).find((x) => isNotice(m[0], x));
    if (d && !/renew/i.test(m[0])) return durationInDays(d);
  }
  return null;
}
