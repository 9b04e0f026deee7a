/**
 * The answer of the clause deviations route, declared with zod for validation and the OpenAPI document.
 * The redline is `Redline` of `@shared/diff/types`, written out field by field.
 */
import type { Redline } from '@shared/diff/types';
import { clauseLanguageSchema } from '@shared/schemas/clause';
import { z } from 'zod';

const Range = z.tuple([z.number().int(), z.number().int()]).readonly().meta({
  description: 'Offsets [start, end), end exclusive',
});

const RedlineOp = z
  .discriminatedUnion('op', [
    z.object({
      op: z.literal('equal'),
      text: z.string(),
      original: z
        .string()
        .optional()
        .meta({ description: 'The standard text, when it differs only by what was ignored' }),
      from: Range,
      to: Range,
    }),
    z.object({ op: z.literal('insert'), text: z.string(), to: Range }),
    z.object({ op: z.literal('delete'), text: z.string(), from: Range }),
    z.object({
      op: z.literal('variable'),
      name: z.string(),
      text: z.string().meta({ description: 'The value filled in the document' }),
      placeholder: z.string(),
      from: Range,
      to: Range,
    }),
  ])
  .meta({ id: 'RedlineOp' });

const ParagraphRef = z.object({ index: z.number().int(), start: z.number().int(), end: z.number().int() });

const RedlineParagraph = z
  .object({
    kind: z.enum(['equal', 'changed', 'inserted', 'deleted', 'moved']),
    from: ParagraphRef.optional(),
    to: ParagraphRef.optional(),
    similarity: z.number(),
    ops: z.array(RedlineOp),
  })
  .meta({ id: 'RedlineParagraph' });

export const RedlineSchema = z
  .object({
    paragraphs: z.array(RedlineParagraph),
    summary: z.object({
      paragraphs: z.object({
        old: z.number().int(),
        new: z.number().int(),
        equal: z.number().int(),
        changed: z.number().int(),
        inserted: z.number().int(),
        deleted: z.number().int(),
        moved: z.number().int(),
      }),
      words: z.object({
        inserted: z.number().int(),
        deleted: z.number().int(),
        changed: z.number().int(),
        variables: z.number().int(),
      }),
      similarity: z.number(),
      identical: z.boolean(),
    }),
  })
  .meta({
    id: 'Redline',
    description:
      'Standard text (`from`: offsets in the clause body) against the document (`to`: offsets in the version’s text)',
  });

// The schema and the shared type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const redlineMatches: Same<z.output<typeof RedlineSchema>, Redline> = true;
void redlineMatches;

export const ClauseDeviationSchema = z
  .object({
    clauseId: z.string(),
    clauseVersion: z.number().int(),
    title: z.string().meta({ description: 'In the clause’s language' }),
    category: z.string(),
    language: clauseLanguageSchema,
    range: z.object({ start: z.number().int(), end: z.number().int() }).meta({
      description: 'Offsets of the clause in the version’s text as served by `/text`, end exclusive',
    }),
    redline: RedlineSchema,
  })
  .meta({ id: 'ClauseDeviation' });

export const VersionDeviationsSchema = z
  .object({
    versionId: z.string(),
    clauses: z
      .array(ClauseDeviationSchema)
      .meta({ description: 'The library clauses found, in document order' }),
  })
  .meta({ id: 'VersionDeviations' });
