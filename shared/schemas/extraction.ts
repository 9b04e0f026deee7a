import { z } from 'zod';
import { CLAUSE_CATEGORIES } from '../extract/clause-patterns';
import { CONTRACT_TYPES } from '../extract/contract-types';
import { IsoDate, Money } from './common';

/** Categories of clause looked for in a contract (the CUAD categories Pactfile uses, plus two of its own). */
export const ClauseCategory = z.enum(CLAUSE_CATEGORIES).meta({ id: 'ClauseCategory' });
export type ClauseCategory = z.infer<typeof ClauseCategory>;

/** The kind of contract guessed from its title: a suggestion for the registry's own contract type codes. */
export const ExtractedContractType = z.enum(CONTRACT_TYPES).meta({ id: 'ExtractedContractType' });
export type ExtractedContractType = z.infer<typeof ExtractedContractType>;

export const ExtractedParty = z
  .strictObject({
    name: z.string().min(1),
    role: z
      .string()
      .min(1)
      .nullable()
      .meta({ description: 'As the contract names it: 甲方, Buyer, Licensor …' }),
  })
  .meta({ id: 'ExtractedParty' });
export type ExtractedParty = z.infer<typeof ExtractedParty>;

/** Where something was read, as `[start, end)` in the original text, with the words for display. */
export const TextEvidence = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    excerpt: z.string(),
  })
  .meta({ id: 'TextEvidence' });
export type TextEvidence = z.infer<typeof TextEvidence>;

export const ClausePresence = z.record(ClauseCategory, z.boolean()).meta({ id: 'ClausePresence' });
export type ClausePresence = z.infer<typeof ClausePresence>;

export const PaymentTerms = z
  .strictObject({
    dueDays: z.number().int().min(0).nullable().meta({ description: 'Days allowed to pay, when stated' }),
    evidence: TextEvidence,
  })
  .meta({ id: 'PaymentTerms' });

/** Metadata read from a contract's text, to pre-fill the registry's fields. Every field may be null. */
export const Extraction = z
  .strictObject({
    language: z.enum(['zh', 'en']),
    title: z.string().nullable(),
    contractType: ExtractedContractType,
    parties: z.array(ExtractedParty),
    agreementDate: IsoDate.nullable(),
    effectiveDate: IsoDate.nullable(),
    expiryDate: IsoDate.nullable(),
    initialTerm: z.string().nullable().meta({ example: '5 years' }),
    renewalTerm: z.string().nullable().meta({ example: 'successive 1 year' }),
    autoRenew: z.boolean().nullable(),
    noticePeriodDays: z
      .number()
      .int()
      .min(0)
      .nullable()
      .meta({ description: 'Notice needed to prevent renewal, in days (a month counts 30 days)' }),
    terminationNoticeDays: z.number().int().min(0).nullable(),
    governingLaw: z.string().nullable().meta({ example: 'New York' }),
    amount: Money.nullable(),
    amountWordsMatch: z.boolean().nullable().meta({
      description: 'Whether the amount in Chinese words (大写) equals the figures; null when not both given',
    }),
    paymentTerms: PaymentTerms.nullable(),
    clauses: ClausePresence,
    clauseEvidence: z.partialRecord(ClauseCategory, TextEvidence),
  })
  .meta({ id: 'Extraction' });
export type Extraction = z.infer<typeof Extraction>;
