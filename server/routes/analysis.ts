import { createRoute } from '@hono/zod-openapi';
import { Id } from '@shared/schemas/common';
import { Extraction } from '@shared/schemas/extraction';
import { findingSchema } from '@shared/schemas/finding';
import { z } from 'zod';
import { clauseDeviations } from '../analysis/clause-deviations';
import { VersionDeviationsSchema } from '../analysis/deviation-schema';
import { conflict, notFound } from '../errors';
import type { ApiApp } from '../http/env';
import type { Registry } from '../registry';
import { visibleContract } from './contracts';
import { errorResponses, json, notFoundResponse, problemOf } from './openapi-helpers';

const Analysis = z
  .object({
    status: z.enum(['pending', 'done', 'no_text']).meta({
      description: '`pending` while the text is being extracted; `no_text` for scans and unreadable files',
    }),
    language: z.enum(['zh', 'en']).optional(),
    playbook: z.object({ id: z.string(), version: z.string() }).optional(),
    analyzedAt: z.string().optional(),
    counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }).optional(),
    findings: z.array(findingSchema).optional(),
    metadata: Extraction.optional().meta({
      description: 'Metadata read from the text, to suggest field values',
    }),
  })
  .meta({ id: 'VersionAnalysis' });

export function registerAnalysisRoutes(app: ApiApp, registry: Registry): void {
  const versionOf = async (id: string, versionId: string, p: Parameters<typeof visibleContract>[2]) => {
    await visibleContract(registry, id, p);
    const version = await registry.versions.get(versionId);
    if (!version || version.contractId !== id) throw notFound(`Version ${versionId}`);
    return version;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/versions/{versionId}/analysis',
      tags: ['Documents'],
      summary: 'Playbook findings and the metadata read from a version’s text',
      request: { params: z.object({ id: Id, versionId: Id }) },
      responses: {
        200: json(Analysis, 'The analysis, or its status'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      const version = await versionOf(id, versionId, c.get('principal'));
      const found = await registry.analysis.get(versionId);
      if (found) {
        const { versionId: _v, ...rest } = found;
        return c.json({ status: 'done' as const, ...rest }, 200);
      }
      return c.json(
        { status: version.text.status === 'pending' ? ('pending' as const) : ('no_text' as const) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/versions/{versionId}/deviations',
      tags: ['Documents'],
      summary: 'How far each clause of the library found in a version drifted from its standard text',
      description:
        'Every current clause of the library is looked for in the version’s text; each one found comes with its place in the text (as served by `/text`) and its redline against the standard text, in document order. Filled variables are not deviations. A registry whose clause library was never filled compares with Pactfile’s starter clauses (Chinese and English), as the Word add-in drafts from them then.',
      request: { params: z.object({ id: Id, versionId: Id }) },
      responses: {
        200: json(VersionDeviationsSchema, 'The clauses found and their redlines'),
        ...errorResponses,
        ...notFoundResponse,
        409: problemOf('The version has no text yet (`textStatus`: pending), or none to compare'),
      },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      const version = await versionOf(id, versionId, c.get('principal'));
      const text = version.text.status === 'done' ? await registry.versions.text(versionId) : null;
      if (!text?.trim()) throw noTextYet(version.text.status);
      return c.json({ versionId, clauses: await clauseDeviations(registry.db, text) }, 200);
    },
  );
}

/** The 409 answer for a version whose text cannot be compared (yet). */
function noTextYet(status: string) {
  return status === 'pending'
    ? conflict('The text of this version is still being extracted; try again shortly.', {
        detailZh: '该版本的文本仍在提取中，请稍后再试。',
        textStatus: status,
      })
    : conflict('This version has no text to compare (a scan, or a file that could not be read).', {
        detailZh: '该版本没有可比对的文本（扫描件或无法读取的文件）。',
        textStatus: status,
      });
}
