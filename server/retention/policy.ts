/**
 * Retention policies and the date until which a contract's documents are kept. Pure: the facts come
 * from the database, the arithmetic is here.
 */
import { addMonths } from '../obligations/calendar-date';

/** What the years are counted from. */
export const RETENTION_BASES = ['expiry', 'end'] as const;
export type RetentionBasis = (typeof RETENTION_BASES)[number];

/** The type that stands for every contract type without a policy of its own. */
export const ANY_TYPE = '*';

export interface RetentionPolicy {
  contractType: string;
  years: number;
  from: RetentionBasis;
}

/** Used when no policy is stored for the type and none for '*'. */
export const DEFAULT_POLICY: RetentionPolicy = { contractType: ANY_TYPE, years: 10, from: 'end' };

/** Statuses that end a contract before or at its expiry date. */
export const ENDING_STATUSES = ['expired', 'terminated'] as const;

/** The policy that applies to a type: its own, else the '*' one, else the default. */
export function policyFor(type: string, policies: readonly RetentionPolicy[]): RetentionPolicy {
  return (
    policies.find((p) => p.contractType === type) ??
    policies.find((p) => p.contractType === ANY_TYPE) ??
    DEFAULT_POLICY
  );
}

export interface RetentionFacts {
  type: string;
  expiryDate: string | null;
  /** The day the contract last entered `expired` or `terminated`, if it ever did. */
  endedOn: string | null;
  /** Set by a destruction review that decided to keep the contract longer. */
  keptUntil: string | null;
}

/** Adds calendar years; 29 February becomes 28 February in a year without it. */
export const addYears = (date: string, years: number): string => addMonths(date, years * 12);

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null || a >= b ? a : b;

/**
 * The day from which the years count: `expiry` is the expiry date (the day the contract ended when it
 * has none); `end` is the later of the expiry date and the day the contract was terminated or marked
 * expired, so an early termination never shortens retention. Null while neither exists.
 */
export function retentionStart(f: RetentionFacts, basis: RetentionBasis): string | null {
  return basis === 'expiry' ? (f.expiryDate ?? f.endedOn) : later(f.expiryDate, f.endedOn);
}

/**
 * Until when the documents are kept: the start plus the policy's years, or later when a review
 * decided so. Null while the contract has no start date.
 */
export function retentionUntil(f: RetentionFacts, policies: readonly RetentionPolicy[]): string | null {
  const policy = policyFor(f.type, policies);
  const start = retentionStart(f, policy.from);
  if (start === null) return null;
  return later(addYears(start, policy.years), f.keptUntil);
}

/** Whether retention has run out on `asOf`. */
export const isDue = (until: string | null, asOf: string): boolean => until !== null && until <= asOf;
