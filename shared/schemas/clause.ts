/**
 * The clause library format: one standard clause with its typed `{{variables}}`, its version history,
 * drafting guidance and negotiation positions (preferred / fallback / walk-away).
 */
import { z } from 'zod';
import { IsoDate, Money } from './common';

export const CLAUSE_LANGUAGES = ['zh-CN', 'en'] as const;
export const clauseLanguageSchema = z.enum(CLAUSE_LANGUAGES);
export type ClauseLanguage = z.infer<typeof clauseLanguageSchema>;

/** Text written in one or both working languages. A plain string is text in the clause's own language. */
export const localizedTextSchema = z.union([
  z.string().min(1),
  z
    .object({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() })
    .strict()
    .refine((t) => t.zh !== undefined || t.en !== undefined, { error: 'Give the text in zh, en or both' }),
]);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Lower-case slug: `limitation-of-liability`, `zh.dispute-resolution.cietac`. */
export const clauseIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, { error: 'A clause id is a lower-case slug (a-z, 0-9, "-", ".")' })
  .max(120);

/** Variable names as written between the braces: `amount`, `seller`, `tenant.address`. */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export const variableNameSchema = z.string().regex(VARIABLE_NAME_PATTERN, {
  error: 'A variable name is an identifier (letters, digits, "_"), parts joined by "."',
});

/** Money values are the registry's `Money`: integer minor units (`value`) and an ISO 4217 `currency`. */
export type MoneyValue = Money;

export const VARIABLE_TYPES = ['text', 'date', 'money', 'number', 'choice', 'party'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

const variableBase = {
  name: variableNameSchema,
  label: localizedTextSchema,
  required: z.boolean().default(true),
  description: localizedTextSchema.optional(),
};

export const choiceOptionSchema = z
  .object({
    /** The text that goes into the body when this option is chosen. */
    value: z.string(),
    label: localizedTextSchema.optional(),
  })
  .strict();

export const textVariableSchema = z
  .object({
    ...variableBase,
    type: z.literal('text'),
    default: z.string().optional(),
    maxLength: z.number().int().positive().optional(),
  })
  .strict();
export const dateVariableSchema = z
  .object({ ...variableBase, type: z.literal('date'), default: IsoDate.optional() })
  .strict();
export const moneyVariableSchema = z
  .object({
    ...variableBase,
    type: z.literal('money'),
    default: Money.optional(),
    /** When set, a value must be in this currency. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .strict();
export const numberVariableSchema = z
  .object({
    ...variableBase,
    type: z.literal('number'),
    default: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  })
  .strict();
export const choiceVariableSchema = z
  .object({
    ...variableBase,
    type: z.literal('choice'),
    options: z.array(choiceOptionSchema).min(1),
    default: z.string().optional(),
  })
  .strict()
  .refine((v) => v.default === undefined || v.options.some((o) => o.value === v.default), {
    error: 'The default of a choice must be one of its options',
    path: ['default'],
  });
export const partyVariableSchema = z
  .object({
    ...variableBase,
    type: z.literal('party'),
    default: z.string().optional(),
    /** The role the party plays in the clause, e.g. 甲方 / Supplier. */
    role: localizedTextSchema.optional(),
  })
  .strict();

export const variableSchema = z.discriminatedUnion('type', [
  textVariableSchema,
  dateVariableSchema,
  moneyVariableSchema,
  numberVariableSchema,
  choiceVariableSchema,
  partyVariableSchema,
]);
export type VariableDefinition = z.infer<typeof variableSchema>;
export type VariableValue = string | number | MoneyValue;

export const clauseHistoryEntrySchema = z
  .object({
    version: z.number().int().positive(),
    date: IsoDate,
    body: z.string().min(1),
    note: localizedTextSchema.optional(),
  })
  .strict();

export const clausePositionSchema = z
  .object({
    body: z.string().min(1),
    /** Why this position, and what it concedes. */
    note: localizedTextSchema,
  })
  .strict();

export const clausePositionsSchema = z
  .object({
    preferred: clausePositionSchema.optional(),
    fallback: clausePositionSchema.optional(),
    walkAway: clausePositionSchema.optional(),
  })
  .strict();

export const clauseSourceSchema = z
  .object({
    name: z.string().min(1),
    url: z.string().optional(),
    licence: z.string().optional(),
  })
  .strict();

/** Known categories (a library may use others, written as slugs). */
export const CLAUSE_CATEGORIES = {
  confidentiality: { zh: '保密', en: 'Confidentiality' },
  'dispute-resolution': { zh: '争议解决', en: 'Dispute resolution' },
  'governing-law': { zh: '法律适用', en: 'Governing law' },
  'limitation-of-liability': { zh: '责任限制', en: 'Limitation of liability' },
  payment: { zh: '付款', en: 'Payment' },
  termination: { zh: '解除与终止', en: 'Termination' },
  'force-majeure': { zh: '不可抗力', en: 'Force majeure' },
  'intellectual-property': { zh: '知识产权', en: 'Intellectual property' },
  warranties: { zh: '陈述与保证', en: 'Warranties' },
  notices: { zh: '通知', en: 'Notices' },
  'liquidated-damages': { zh: '违约金', en: 'Liquidated damages' },
  assignment: { zh: '转让', en: 'Assignment' },
  indemnification: { zh: '赔偿', en: 'Indemnification' },
  delivery: { zh: '交付', en: 'Delivery' },
  term: { zh: '期限', en: 'Term' },
  general: { zh: '一般条款', en: 'General' },
} as const;

const VARIABLE_REFERENCE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function referencedNames(body: string): string[] {
  return [...body.matchAll(VARIABLE_REFERENCE)].map((m) => m[1] ?? '');
}

export const clauseSchema = z
  .object({
    id: clauseIdSchema,
    title: localizedTextSchema,
    category: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'A category is a lower-case slug' }),
    language: clauseLanguageSchema,
    body: z.string().min(1),
    variables: z.array(variableSchema).default([]),
    version: z.number().int().positive(),
    history: z.array(clauseHistoryEntrySchema).default([]),
    guidance: localizedTextSchema.optional(),
    positions: clausePositionsSchema.optional(),
    tags: z.array(z.string().min(1)).optional(),
    source: clauseSourceSchema.optional(),
  })
  .strict()
  .superRefine((clause, ctx) => {
    const declared = new Set<string>();
    clause.variables.forEach((v, i) => {
      if (declared.has(v.name)) {
        ctx.addIssue({
          code: 'custom',
          message: `Variable "${v.name}" is declared twice`,
          path: ['variables', i],
        });
      }
      declared.add(v.name);
    });
    const bodies: Array<[string, Array<string | number>]> = [[clause.body, ['body']]];
    for (const key of ['preferred', 'fallback', 'walkAway'] as const) {
      const position = clause.positions?.[key];
      if (position) bodies.push([position.body, ['positions', key, 'body']]);
    }
    for (const [body, path] of bodies) {
      for (const name of referencedNames(body)) {
        if (!declared.has(name)) {
          ctx.addIssue({ code: 'custom', message: `Variable "{{${name}}}" is used but not declared`, path });
        }
      }
    }
    const versions = new Set<number>();
    clause.history.forEach((entry, i) => {
      if (entry.version >= clause.version) {
        ctx.addIssue({
          code: 'custom',
          message: `History version ${entry.version} must be older than the current version ${clause.version}`,
          path: ['history', i, 'version'],
        });
      }
      if (versions.has(entry.version)) {
        ctx.addIssue({
          code: 'custom',
          message: `History version ${entry.version} appears twice`,
          path: ['history', i],
        });
      }
      versions.add(entry.version);
    });
  });

export type Clause = z.infer<typeof clauseSchema>;
export type ClauseInput = z.input<typeof clauseSchema>;

export const clauseLibrarySchema = z
  .object({
    language: clauseLanguageSchema,
    title: localizedTextSchema,
    clauses: z.array(clauseSchema),
  })
  .strict()
  .superRefine((library, ctx) => {
    const ids = new Set<string>();
    library.clauses.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({
          code: 'custom',
          message: `Clause id "${c.id}" appears twice`,
          path: ['clauses', i, 'id'],
        });
      ids.add(c.id);
      if (c.language !== library.language) {
        ctx.addIssue({
          code: 'custom',
          message: `Clause "${c.id}" is in ${c.language}, the library is in ${library.language}`,
          path: ['clauses', i, 'language'],
        });
      }
    });
  });
export type ClauseLibrary = z.infer<typeof clauseLibrarySchema>;

/** Picks the text in the wanted language, falling back to the other one. */
export function localize(text: LocalizedText, language: ClauseLanguage): string {
  if (typeof text === 'string') return text;
  const preferred = language === 'zh-CN' ? text.zh : text.en;
  return preferred ?? text.zh ?? text.en ?? '';
}
