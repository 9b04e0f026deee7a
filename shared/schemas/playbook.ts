/**
 * Playbooks: contract checks written as data (JSON or YAML), one rule per entry, lint style.
 * Every rule has a stable namespaced id, a level, a message in both languages, its legal basis or guidance,
 * a scope, exceptions, and passing and failing examples that the test suite runs. What a rule looks for
 * depends on its `kind`; see shared/playbook/README.md.
 */
import { z } from 'zod';
import { LocalizedText } from './common';

export const ruleLevelSchema = z.enum(['error', 'warning', 'info']);
export type RuleLevel = z.infer<typeof ruleLevelSchema>;

/** `zh.amount-words-mismatch`, `en.required-governing-law`: a namespace, a dot, lower-case words. */
export const ruleIdSchema = z.string().regex(/^[a-z][a-z0-9-]*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/, {
  error: 'A rule id is namespaced and lower-case, such as zh.amount-words-mismatch',
});

/** A regular expression, written as JavaScript source without slashes; checked to compile (with the `u` flag). */
export const patternSchema = z
  .string()
  .min(1, { error: 'A pattern cannot be empty' })
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, 'u');
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        message: `Not a valid regular expression: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  });

const patterns = () => z.array(patternSchema).default([]);

/** Where a rule looks: the whole document, only inside clauses whose heading matches `clauses`, or definitions. */
export const ruleScopeSchema = z.enum(['document', 'clause', 'definitions']);
export type RuleScope = z.infer<typeof ruleScopeSchema>;

export const ruleBasisSchema = z.strictObject({
  /** The statute, regulation or guidance relied on: `民法典 第五百八十五条`. */
  citation: z.string().min(1),
  url: z.url().optional(),
  note: LocalizedText.optional(),
});
export type RuleBasis = z.infer<typeof ruleBasisSchema>;

export const ruleExceptionsSchema = z.strictObject({
  /** A finding whose matched text matches one of these is dropped. */
  match: patterns(),
  /** A finding in a paragraph that matches one of these is dropped. */
  context: patterns(),
  /** A finding is dropped when one of these matches its surroundings: the finding with up to 40 characters
   *  either side (`(?:By|Name|Title)\s*:\s*_+` leaves signature lines alone). */
  near: patterns(),
});

export const ruleExamplesSchema = z.strictObject({
  /** Texts (paragraphs separated by line breaks) on which the rule must find nothing. */
  pass: z.array(z.string()).default([]),
  /** Texts on which the rule must report at least one finding. */
  fail: z.array(z.string()).default([]),
});

const common = {
  id: ruleIdSchema,
  level: ruleLevelSchema,
  /** Shown for each finding. Placeholders such as {match}, {value}, {limit}, {expected} are filled in. */
  message: LocalizedText,
  description: LocalizedText.optional(),
  basis: ruleBasisSchema.optional(),
  scope: ruleScopeSchema.default('document'),
  /** For scope `clause`: patterns matched against clause headings (争议解决, Governing Law…). */
  clauses: patterns(),
  exceptions: ruleExceptionsSchema.default({ match: [], context: [], near: [] }),
  examples: ruleExamplesSchema.default({ pass: [], fail: [] }),
  /** Patterns ignore case unless this is set. */
  caseSensitive: z.boolean().default(false),
  enabled: z.boolean().default(true),
};

const requiredClauseSchema = z
  .strictObject({
    ...common,
    kind: z.literal('required-clause'),
    /** Matched against each clause heading's title. */
    headings: patterns(),
    /** Matched against every paragraph: one match is enough. */
    patterns: patterns(),
    /** Plain words; the clause counts as present when `minKeywords` different ones occur in the document. */
    keywords: z.array(z.string().min(1)).default([]),
    minKeywords: z.number().int().min(1).default(2),
    /** The rule applies only to documents in which one of these matches (empty: to every document). */
    appliesWhen: patterns(),
  })
  .refine((r) => r.headings.length + r.patterns.length + r.keywords.length > 0, {
    error: 'Give at least one of headings, patterns or keywords',
    path: ['headings'],
  });

const existenceSchema = z
  .strictObject({
    ...common,
    kind: z.literal('existence'),
    patterns: patterns(),
    /** Literal words; Latin words match whole words, Chinese ones only on word boundaries (see wordBoundaries). */
    words: z.array(z.string().min(1)).default([]),
    /** Chinese matches must start and end on word boundaries (so 订金 does not match inside 预订金额). */
    wordBoundaries: z.boolean().default(true),
  })
  .refine((r) => r.patterns.length + r.words.length > 0, {
    error: 'Give at least one of patterns or words',
    path: ['patterns'],
  });

const swapSchema = z.strictObject({
  pattern: patternSchema,
  /** The preferred wording; `$1` or `$<name>` insert groups. Several replacements give several fixes. */
  replacement: z.union([z.string(), z.array(z.string()).min(1)]),
  label: LocalizedText.optional(),
});

const substitutionSchema = z.strictObject({
  ...common,
  kind: z.literal('substitution'),
  swap: z.array(swapSchema).min(1, { error: 'Give at least one swap' }),
  wordBoundaries: z.boolean().default(true),
});

const thresholdSchema = z
  .strictObject({
    ...common,
    kind: z.literal('threshold'),
    /** What is pulled out of the text: a duration in days, or a rate in percent. */
    measure: z.enum(['days', 'rate']),
    /** Every one of these must match the sentence for it to be looked at. */
    sentence: patterns(),
    /** The value taken is the one closest to a match of this pattern, within `window` characters. */
    anchor: patternSchema,
    direction: z.enum(['before', 'after', 'nearest']).default('nearest'),
    window: z.number().int().min(1).max(400).default(40),
    /** Rates only: `none` keeps rates without a period (30%), `periodic` keeps rates per day/month/year. */
    period: z.enum(['any', 'none', 'periodic']).default('any'),
    /** Rates only: compare per-day, per-week and per-month rates as yearly rates. */
    annualize: z.boolean().default(false),
    max: z.number().optional(),
    min: z.number().optional(),
  })
  .refine((r) => r.max !== undefined || r.min !== undefined, {
    error: 'Give max, min or both',
    path: ['max'],
  });

const liabilityCapSchema = z
  .strictObject({
    ...common,
    kind: z.literal('liability-cap'),
    /** Sentences that set a cap on liability (one pattern must match). */
    sentence: z.array(patternSchema).min(1),
    /** Sentences that state the contract amount; the first amount in the first such sentence is used. */
    contractAmount: z.array(patternSchema).min(1),
    /** The cap as a share of the contract amount (1 = 100%). */
    minRatio: z.number().min(0).optional(),
    maxRatio: z.number().min(0).optional(),
  })
  .refine((r) => r.minRatio !== undefined || r.maxRatio !== undefined, {
    error: 'Give minRatio, maxRatio or both',
    path: ['minRatio'],
  });

const definedTermsSchema = z.strictObject({
  ...common,
  kind: z.literal('defined-terms'),
  /** `undefined`: a conventionally defined term used without definition; `unused`: defined, never used;
   *  `capitalisation`: a defined term written with other capitals. */
  check: z.enum(['undefined', 'unused', 'capitalisation']),
  /** For `undefined`: the terms that are only used once defined. */
  candidates: z.array(z.string().min(1)).default([]),
  /** More ways of defining a term, with a named group `term`. */
  definitionPatterns: patterns(),
  /** When one of these matches (definitions borrowed from another agreement), `undefined` stays silent. */
  incorporation: patterns(),
  /** Defined terms never reported. */
  ignore: z.array(z.string()).default([]),
});

const placeholderSchema = z.strictObject({
  ...common,
  kind: z.literal('placeholder'),
  patterns: z.array(patternSchema).min(1),
});

const partyConsistencySchema = z.strictObject({
  ...common,
  kind: z.literal('party-consistency'),
  /** `designations`: role names (甲方, Buyer) used but not given to a party; `names`: a party's name written
   *  in another form. */
  check: z.enum(['designations', 'names']),
  /** Role names that stand for the same side, one list per side: [["Buyer","Purchaser"],["Seller","Vendor"]]. */
  families: z.array(z.array(z.string().min(1)).min(1)).default([]),
});

const dateOrderSchema = z.strictObject({
  ...common,
  kind: z.literal('date-order'),
  /** Label patterns just before (…Before) or after (…After) a date that make it a start or an end date. */
  startBefore: patterns(),
  startAfter: patterns(),
  endBefore: patterns(),
  endAfter: patterns(),
});

const amountWordsSchema = z.strictObject({
  ...common,
  kind: z.literal('amount-words'),
  script: z.enum(['zh-uppercase', 'en-words']),
});

const crossReferenceSchema = z.strictObject({
  ...common,
  kind: z.literal('cross-reference'),
  forms: z
    .array(z.enum(['zh-article', 'en-section', 'en-article']))
    .default(['zh-article', 'en-section', 'en-article']),
  /** Text right around a reference that makes it point into another instrument (《民法典》第…条, Section 365 of the Code). */
  external: patterns(),
});

const numberingSchema = z.strictObject({
  ...common,
  kind: z.literal('numbering'),
  schemes: z
    .array(z.enum(['zh-chapter', 'zh-article', 'zh-list', 'zh-paren', 'decimal', 'en-article', 'en-section']))
    .default(['zh-chapter', 'zh-article', 'zh-list', 'zh-paren', 'decimal', 'en-article', 'en-section']),
  /** Jumps larger than this are taken for a new list or a stray number, not a gap (except for 第X条). */
  maxGap: z.number().int().min(1).default(3),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  requiredClauseSchema,
  existenceSchema,
  substitutionSchema,
  thresholdSchema,
  liabilityCapSchema,
  definedTermsSchema,
  placeholderSchema,
  partyConsistencySchema,
  dateOrderSchema,
  amountWordsSchema,
  crossReferenceSchema,
  numberingSchema,
]);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;
export type RuleKindName = Rule['kind'];
export type RuleOfKind<K extends RuleKindName> = Extract<Rule, { kind: K }>;

export const playbookLanguageSchema = z.enum(['zh', 'en']);

export const playbookSchema = z
  .strictObject({
    /** `zh-CN`, `en`, `acme-procurement`. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'A playbook id is a slug such as zh-CN' }),
    name: LocalizedText,
    /** The language of the documents the playbook is written for. */
    language: playbookLanguageSchema,
    version: z.string().default('1'),
    description: LocalizedText.optional(),
    rules: z.array(ruleSchema),
  })
  .superRefine((playbook, ctx) => {
    const seen = new Map<string, number>();
    playbook.rules.forEach((rule, i) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `Duplicate rule id (also rules[${first}])`,
        });
      } else seen.set(rule.id, i);
    });
  });
export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookInput = z.input<typeof playbookSchema>;
