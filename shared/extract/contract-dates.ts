import { addToDate, type DateMatch, findDates } from './dates';
import { durationInMonths } from './durations';
import type { InitialTerm } from './term';

/** The dates that frame a contract: when it was made, when it takes effect, when it ends. */
export interface ContractDates {
  agreementDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
}

/**
 * Dates in an EDGAR filing stamp ("Source: ACME INC, 10-K, 3/30/2016") or a page header belong to the
 * filing, not to the contract.
 */
function isFilingStamp(text: string, d: DateMatch): boolean {
  return /Source:[^\n]{0,160},\s*$/.test(text.slice(Math.max(0, d.index - 200), d.index));
}

/** The text just before a date, on one line. */
function before(text: string, d: DateMatch, length = 90): string {
  return text.slice(Math.max(0, d.index - length), d.index).replace(/\s+/g, ' ');
}

function after(text: string, d: DateMatch, length = 60): string {
  return text.slice(d.end, d.end + length).replace(/\s+/g, ' ');
}

// "made as of", "made effective this", "dated", "Date:", "签订日期：", "于…签订"
const AGREEMENT_CUE =
  /\b(?:made|entered\s+into|executed|dated|signed|concluded|agreed)\b(?:\s+(?:and|as|of|on|this|the|effective|dated|entered|into|made|for|identification|purposes|only|is))*\s*$|\bdate[d]?\s*:\s*$|(?:签订|签署|签约|订立)(?:日期|时间)\s*[:：]?\s*$|(?:日期|时间)\s*[:：]\s*$/iu;
// "entered into in ShenZhen on", "signed at Geneva on the"
const AGREEMENT_PLACE_CUE =
  /\b(?:made|entered\s+into|executed|signed|concluded)\s+(?:in|at)\s+(?:[A-Z][\w.-]*,?\s+){1,4}(?:on|this)\s+(?:the\s+)?$/;
const ZH_AGREEMENT_AFTER = /^\s*(?:在[^，。]{0,20})?(?:签订|签署|订立|签字)/;
// `(the "Effective Date")` right after a date.
const EFFECTIVE_AFTER = /^[\s,]*\(?\s*(?:the\s+|this\s+)?["']?effective\s+date["']?/i;
// A date that the text itself calls the effective date: '"Effective Date" shall mean', "Effective Date:".
const EFFECTIVE_DEFINED =
  /(?:\beffective\s+date["']?\s*(?:shall\s+)?(?:means?|is|shall\s+be)\b[^;]{0,80}?|\beffective\s+date\s*(?:of\s+this\s+(?:agreement|contract)\s*)?(?:is|shall\s+be|:))(?:\s+the)?\s*$|生效日期\s*[:：]?\s*$/i;
// A date introduced as the start of the contract: "effective as of", "the term shall commence on", "自…起".
const EFFECTIVE_BEFORE =
  /\b(?:effective\s+(?:as\s+of|on|from)|made\s+effective(?:\s+(?:as\s+of|on|this))?|\bterm\b[^.;]{0,60}?\b(?:shall|will)\s+(?:begin|commence|start)\s+(?:on|as\s+of)|commencing\s+on|commencement\s+date\s*(?:shall\s+be|is|:|means))(?:\s+the)?\s*$|自\s*$/i;
const ZH_EFFECTIVE_AFTER = /^\s*(?:起)?\s*(?:正式)?生效/;
// The contract takes effect when made: its effective date is its agreement date.
const EFFECTIVE_ON_SIGNING =
  /\b(?:effective|come\s+into\s+(?:force|effect)|enter\s+into\s+force|take\s+effect|commence)\s+(?:as\s+of\s+|on\s+|upon\s+|from\s+)?(?:the\s+)?(?:date\s+(?:first\s+)?(?:written|set\s+forth|stated)\s+above|date\s+hereof|signing\s+date|date\s+of\s+(?:its\s+)?(?:signature|signing|execution)(?:\s+(?:hereof|of\s+this\s+agreement))?|execution\s+(?:hereof|of\s+this\s+agreement))|"effective\s+date"\s+(?:shall\s+)?means?\s+the\s+date\s+(?:first\s+)?(?:written|set\s+forth|of\s+this\s+agreement)|本(?:合同|协议)(?:自|于)?(?:双方)?(?:签字|签署|签订)(?:盖章)?(?:之日)?(?:起)?生效/i;
// The preamble dates the contract by its effective date: "entered into as of the Effective Date".
const MADE_AS_OF_EFFECTIVE =
  /\b(?:made|entered\s+into|dated)(?:\s+and\s+\w+)?\s+(?:as\s+of|on)\s+the\s+effective\s+date\b/i;
const EXPIRY_BEFORE =
  /\b(?:expir(?:e|es|ing|ation)|terminat(?:e|es|ing)|end(?:s|ing)?|continu(?:e|es|ing)|remain\s+in\s+(?:full\s+)?(?:force|effect))\b[^.;]{0,60}?\b(?:on|until|through|thru|to|at)\s*(?:and\s+including\s+)?(?:the\s+)?$|\b(?:expiration|termination|end)\s+date\s*(?:shall\s+be|is|:|means)?\s*$|(?:有效期|期限|合同|协议)[^。；]{0,40}[至到]\s*$|截止(?:日期)?\s*[:：]?\s*$/i;
const ZH_EXPIRY_AFTER = /^\s*(?:止|为止|届满|终止)/;
const TERM_CONTEXT = /\bterm\b|\bagreement\b|\bcontract\b|\bamendment\b|\bexpir|有效期|期限|合同|协议/i;
// The date belongs to another agreement the text mentions ("that certain agreement effective as of …"):
// the agreement named nearest before the date is introduced as another one.
const AGREEMENT_NOUN = /\b(?:agreement|contract|amendment|addendum|plan|license|licence|letter|nda)\b/gi;
const OTHER_INTRODUCER =
  /\b(?:that\s+certain|certain|an?|prior|previous|original|existing|underlying|(?:to|under|of|in|with|by)\s+the)\s+(?:[\w&'()"-]+\s+){0,6}$/i;
const THIS_INTRODUCER = /\b(?:this|these|the\s+present)\s+(?:[\w&'()"-]+\s+){0,6}$/i;
const THIS_AGREEMENT =
  /\bthis\s+(?:[\w&'-]+\s+){0,6}(?:agreement|contract|amendment|addendum)\b[^.;]{0,120}$/i;

function refersToOtherAgreement(text: string, d: DateMatch): boolean {
  const context = before(text, d, 160);
  const nouns = [...context.matchAll(AGREEMENT_NOUN)];
  const nearest = nouns[nouns.length - 1];
  if (!nearest) return false;
  const lead = context.slice(Math.max(0, nearest.index - 80), nearest.index);
  return OTHER_INTRODUCER.test(lead) && !THIS_INTRODUCER.test(lead);
}

const ANNIVERSARY =
  /\b(?:on|until|upon)\s+the\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|fifteenth|twentieth|\d{1,2}(?:st|nd|rd|th))\s+anniversary\s+of\s+the\s+(effective\s+date|date\s+(?:hereof|of\s+this\s+agreement)|commencement\s+date|execution)/i;
const ANNIVERSARY_YEARS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  fifteenth: 15,
  twentieth: 20,
};

/** The date the contract was made: the preamble's date, a "Dated:" line, or the signing date. */
function agreementDate(text: string, dates: DateMatch[]): string | null {
  const head = Math.max(6000, Math.min(text.length * 0.15, 20000));
  const own = dates.filter((d) => !refersToOtherAgreement(text, d));
  const inHead = own.filter((d) => d.index < head);
  const isCued = (d: DateMatch) =>
    AGREEMENT_CUE.test(before(text, d)) ||
    AGREEMENT_PLACE_CUE.test(before(text, d)) ||
    ZH_AGREEMENT_AFTER.test(after(text, d)) ||
    (EFFECTIVE_AFTER.test(after(text, d)) && /agreement|contract|合同|协议/i.test(before(text, d, 300)));
  // The sentence that opens with "This … Agreement" is the preamble; prefer its date.
  const cued = inHead.filter(isCued);
  const preamble = cued.find((d) => THIS_AGREEMENT.test(before(text, d, 300)));
  if (preamble ?? cued[0]) return (preamble ?? cued[0])?.iso ?? null;
  // A preamble that says only "effective as of" is also the date the contract was made.
  const effective = inHead.find(
    (d) =>
      EFFECTIVE_BEFORE.test(before(text, d)) && /agreement|contract|合同|协议/i.test(before(text, d, 300)),
  );
  if (effective) return effective.iso;
  // Signature blocks at the end: "executed as of the 14th day of December, 1997", "Date: April 7, 2020".
  const tail = own.filter((d) => d.index >= head);
  const signed = tail.find(
    (d) =>
      AGREEMENT_CUE.test(before(text, d)) && /witness|executed|signed|date\s*:/i.test(before(text, d, 200)),
  );
  return signed?.iso ?? null;
}

function effectiveDate(text: string, dates: DateMatch[], agreement: string | null): string | null {
  const explicit = dates.find(
    (d) =>
      !refersToOtherAgreement(text, d) &&
      (EFFECTIVE_AFTER.test(after(text, d)) ||
        EFFECTIVE_DEFINED.test(before(text, d, 160)) ||
        ZH_EFFECTIVE_AFTER.test(after(text, d)) ||
        (EFFECTIVE_BEFORE.test(before(text, d)) && TERM_CONTEXT.test(before(text, d, 200)))),
  );
  if (explicit) return explicit.iso;
  if (agreement !== null && EFFECTIVE_ON_SIGNING.test(text)) return agreement;
  return null;
}

function yearsOf(word: string): number | null {
  const n = /^(\d{1,2})/.exec(word);
  return n ? Number(n[1]) : (ANNIVERSARY_YEARS[word.toLowerCase()] ?? null);
}

function expiryDate(
  text: string,
  dates: DateMatch[],
  start: string | null,
  term: InitialTerm | null,
): string | null {
  const explicit = dates.find(
    (d) =>
      (EXPIRY_BEFORE.test(before(text, d, 120)) || ZH_EXPIRY_AFTER.test(after(text, d))) &&
      TERM_CONTEXT.test(before(text, d, 250)) &&
      !/notice|prior\s+to|before|written|invoice|payment|pay|deliver|Y2K|year\s+2000|transition/i.test(
        before(text, d, 70),
      ) &&
      (start === null || d.iso > start),
  );
  if (explicit) return explicit.iso;
  if (start === null) return null;
  // "shall remain in effect until the end of the current calendar year"
  if (
    /\b(?:remain|continue)\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?\s+until\s+the\s+end\s+of\s+the\s+(?:current\s+|then[-\s]current\s+)?calendar\s+year\b/i.test(
      text,
    )
  )
    return `${start.slice(0, 4)}-12-31`;
  const anniversary = ANNIVERSARY.exec(text);
  if (anniversary) {
    const years = yearsOf(anniversary[1] ?? '');
    if (years !== null) return addToDate(start, { years });
  }
  if (term) {
    const months = durationInMonths(term.duration);
    if (months !== null && Number.isInteger(months)) return addToDate(start, { months });
  }
  return null;
}

/** Agreement, effective and expiry dates of a contract (`YYYY-MM-DD`, or null when not stated). */
export function findContractDates(text: string, term: InitialTerm | null): ContractDates {
  const dates = findDates(text).filter((d) => !isFilingStamp(text, d));
  let agreement = agreementDate(text, dates);
  const effective = effectiveDate(text, dates, agreement);
  if (agreement === null && MADE_AS_OF_EFFECTIVE.test(text.slice(0, 20000))) agreement = effective;
  const expiry = expiryDate(text, dates, effective ?? agreement, term);
  return { agreementDate: agreement, effectiveDate: effective, expiryDate: expiry };
}
