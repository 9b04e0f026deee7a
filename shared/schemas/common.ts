import { z } from 'zod';

/** Calendar date of a contract (no time zone): `YYYY-MM-DD`, checked to be a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date')
  .meta({ example: '2024-03-01' });

/** UTC timestamp, ISO 8601. */
export const Timestamp = z.string().meta({ example: '2024-03-01T08:30:00.000Z' });

/** Money is integer minor units plus an ISO 4217 currency code; never a float. */
export const Money = z
  .strictObject({
    value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).meta({
      description: 'Amount in minor units (fen, cents): ¥100,000.00 is 10000000',
      example: 10000000,
    }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY or USD')
      .meta({ example: 'CNY' }),
  })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof Money>;

export const Id = z.string().min(1).max(64).meta({ example: 'c_01HV6Z3K7Q' });

/** A localised text: both languages where the author gave both. */
export const LocalizedText = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** RFC 9457 problem details, the shape of every API error. */
export const Problem = z
  .object({
    type: z.string().default('about:blank'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'For validation errors: each offending field and what is wrong with it' }),
  })
  .passthrough()
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
