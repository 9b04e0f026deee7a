import { createRoute } from '@hono/zod-openapi';
import { Contract, ContractFilters } from '@shared/schemas/contract';
import { z } from 'zod';
import type { ApiApp } from '../http/env';
import type { Registry } from '../registry';
import { errorResponses, json } from './openapi-helpers';

const SearchQuery = ContractFilters.extend({
  q: z.string().trim().min(1, 'type something to search for').max(500),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const SearchResult = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.object({
        contract: Contract,
        score: z.number(),
        snippet: z.string().meta({ description: 'HTML-escaped text around the match, matches in <mark>' }),
      }),
    ),
  })
  .meta({ id: 'SearchResult' });

export function registerSearchRoutes(app: ApiApp, registry: Registry): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      tags: ['Search'],
      summary: 'Full-text search over numbers, titles, parties and document text (Chinese and English)',
      description:
        'Every word must match; quotes and operators are taken as plain text. Takes the list filters too.',
      request: { query: SearchQuery },
      responses: { 200: json(SearchResult, 'Ranked results'), ...errorResponses },
    }),
    async (c) => {
      const { q, limit, offset, ...filters } = c.req.valid('query');
      const principal = c.get('principal');
      const { hits, total } = await registry.search.search({ q, filters, principal, limit, offset });
      const contracts = new Map(
        (
          await registry.contracts.getMany(
            hits.map((h) => h.contractId),
            principal,
          )
        ).map((c) => [c.id, c]),
      );
      const items = hits.flatMap((h) => {
        const contract = contracts.get(h.contractId);
        return contract ? [{ contract, score: h.score, snippet: h.snippet }] : [];
      });
      return c.json({ total, items }, 200);
    },
  );
}
