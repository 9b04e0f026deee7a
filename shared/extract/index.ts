/**
 * Metadata extraction: reads a contract's text (Chinese or English) and returns what the registry asks for
 * when a contract is filed — title, type, parties, dates, term and renewal, governing law, amount, payment
 * terms — and which clause categories the contract contains, with the sentence that shows each.
 *
 * Pure functions over a string; patterns run on the matching copy (`@shared/text`), offsets refer to the
 * original text.
 */
import type { Extraction } from '@shared/schemas/extraction';
import { guessLanguage } from '@shared/text';
import { findContractAmount } from './amounts';
import { detectClauses } from './clauses';
import { findContractDates } from './contract-dates';
import { toDocumentText } from './document-text';
import { findGoverningLaw } from './governing-law';
import { findParties } from './parties';
import { findPaymentTerms } from './payment-terms';
import { findRenewal, findTerminationNoticeDays } from './renewal';
import { findInitialTerm } from './term';
import { classifyContract, findTitle } from './title';

export { CLAUSE_CATEGORIES, CLAUSE_PATTERNS, type ClauseCategory } from './clause-patterns';
export { CONTRACT_TYPES, type ContractType } from './contract-types';
export { addToDate, findDates, parseDate } from './dates';
export { documentMatchingText, toDocumentText } from './document-text';
export { durationInDays, findDurations, parseDuration } from './durations';
export { canonicalJurisdiction, findGoverningLaw, sameJurisdiction } from './governing-law';
export { findParties, type Party } from './parties';
export { normalizePartyName, samePartyName } from './party-names';
export { findRenewal } from './renewal';

const ZH_UNITS = { day: '日', week: '周', month: '个月', year: '年' } as const;

/** Extracts a contract's metadata from its full text. */
export function extractContractMetadata(original: string): Extraction {
  const doc = toDocumentText(original);
  const text = doc.text;
  const language = guessLanguage(text);
  const excerpt = (start: number, end: number) => {
    const [from, to] = doc.toOriginalRange(start, end);
    return { start: from, end: to, excerpt: original.slice(from, to).replace(/\s+/g, ' ').trim() };
  };

  const title = findTitle(text);
  const term = findInitialTerm(text);
  const dates = findContractDates(text, term);
  const renewal = findRenewal(text);
  const law = findGoverningLaw(text);
  const amount = findContractAmount(text);
  const payment = findPaymentTerms(text);
  const clauses = detectClauses(doc);
  // A renewal term read from the text is itself evidence of a renewal clause.
  if (renewal.renewalTerm !== null) clauses.present['renewal-term'] = true;
  if (law !== null) clauses.present['governing-law'] = true;

  const d = term?.duration;
  return {
    language,
    title,
    contractType: classifyContract(title, text),
    parties: findParties(text),
    agreementDate: dates.agreementDate,
    effectiveDate: dates.effectiveDate,
    expiryDate: dates.expiryDate,
    initialTerm: d
      ? language === 'zh'
        ? `${d.count}${ZH_UNITS[d.unit]}`
        : `${d.count} ${d.unit}${d.count === 1 ? '' : 's'}`
      : null,
    renewalTerm: renewal.renewalTerm,
    autoRenew: renewal.autoRenew,
    noticePeriodDays: renewal.noticePeriodDays,
    terminationNoticeDays: findTerminationNoticeDays(text),
    governingLaw: law?.jurisdiction ?? null,
    amount: amount?.amount ?? null,
    amountWordsMatch: amount?.wordsMatch ?? null,
    paymentTerms: payment
      ? { dueDays: payment.dueDays, evidence: excerpt(payment.start, payment.end) }
      : null,
    clauses: clauses.present,
    clauseEvidence: clauses.evidence,
  };
}
