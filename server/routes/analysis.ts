import { createRoute } from '@hono/zod-openapi';
import { Id } from '@shared/schemas/common';
import { Extraction } from '@shared/schemas/extraction';
import { findingSchema } from '@shared/schemas/finding';
import { z } from 'zod';
import { notFound } from '../errors';
import type { ApiApp } from '../http/env';
import type { Registry } from '../registry';
import { visibleContract } from './contracts';
import { errorResponses, json, notFoundResponse } from './openapi-helpers';

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
      await visibleContract(registry, id, c.get('principal'));
      const version = await registry.versions.get(versionId);
      if (!version || version.contractId !== id) throw notFound(`Version ${versionId}`);
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
}
