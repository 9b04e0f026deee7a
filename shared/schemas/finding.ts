/**
 * What a playbook check reports. Ranges are `[start, end)` in UTF-16 code units of the ORIGINAL paragraph
 * text (not of the normalised copy checks run on), so a client can select exactly what was found.
 */
import { z } from 'zod';
import { LocalizedText, Timestamp } from './common';
import { ruleIdSchema, ruleLevelSchema } from './playbook';

export const textRangeSchema = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([start, end]) => end >= start, { error: 'A range ends at or after its start' });
export type TextRange = z.infer<typeof textRangeSchema>;

/** An edit that fixes the finding: replace `range` of the same paragraph by `replacement`. */
export const findingFixSchema = z.object({
  range: textRangeSchema,
  replacement: z.string(),
  label: LocalizedText.optional(),
});
export type FindingFix = z.infer<typeof findingFixSchema>;

/** Why one finding is accepted as it is, and by whom. */
export const suppressionSchema = z.object({
  reason: z.string().min(1, { error: 'Say why the finding is suppressed' }),
  by: z.string().optional(),
  at: Timestamp.optional(),
});
export type Suppression = z.infer<typeof suppressionSchema>;

export const findingSchema = z
  .object({
    ruleId: ruleIdSchema,
    level: ruleLevelSchema,
    message: LocalizedText,
    /** Index of the paragraph the finding is in (0 for findings about the whole document). */
    paragraphIndex: z.number().int().min(0),
    /** `[start, end)` inside that paragraph; empty for something missing from the document. */
    range: textRangeSchema,
    /** The text found (original characters); empty for something missing. */
    match: z.string(),
    fixes: z.array(findingFixSchema),
    /** Fingerprint of the paragraph's text (`document` for findings about the whole document). */
    fingerprint: z.string(),
    basis: z.object({ citation: z.string(), url: z.string().optional() }).optional(),
    suppression: suppressionSchema.optional(),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof findingSchema>;

/**
 * A recorded decision to accept one finding: the rule, plus the paragraph's fingerprint and/or the matched
 * text. The paragraph may move; the suppression follows its text.
 */
export const suppressionEntrySchema = suppressionSchema
  .extend({
    ruleId: ruleIdSchema,
    fingerprint: z.string().optional(),
    match: z.string().optional(),
  })
  .refine((s) => s.fingerprint !== undefined || s.match !== undefined, {
    error: 'Name the finding: give fingerprint, match or both',
    path: ['fingerprint'],
  });
export type SuppressionEntry = z.infer<typeof suppressionEntrySchema>;
