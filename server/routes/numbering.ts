import { createRoute } from '@hono/zod-openapi';
import {
  DEFAULT_NUMBERING_PATTERN,
  NumberingPatternError,
  parsePattern,
  renderNumber,
} from '@shared/numbering';
import { ContractType, NumberingRule } from '@shared/schemas/contract';
import { z } from 'zod';
import { managesRegistry } from '../auth/principal';
import { atomically } from '../db/atomically';
import { NumberingRepo } from '../db/repos/numbering';
import { badRequest, forbidden } from '../errors';
import type { ApiApp } from '../http/env';
import type { Registry } from '../registry';
import { errorResponses, json, jsonBody } from './openapi-helpers';

const tags = ['Numbering'];
const RuleOut = z
  .object({ type: z.string(), pattern: z.string(), updatedAt: z.string(), example: z.string() })
  .meta({ id: 'NumberingRule' });

const example = (type: string, pattern: string) =>
  renderNumber(pattern, { type, department: 'SD', date: new Date().toISOString().slice(0, 10) }, 1);

export function registerNumberingRoutes(app: ApiApp, registry: Registry): void {
  const repo = new NumberingRepo(registry.db);

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/numbering-rules/{type}',
      tags,
      summary: 'Set the numbering pattern of a contract type, e.g. XSC-{YYYY}-{DEPT}-{SEQ:3}',
      description:
        'Tokens: {TYPE}, {YYYY}, {YY}, {MM}, {DD}, {DEPT}, {SEQ:n}. The sequence restarts whenever the rest of the number changes (a new year, another department).',
      request: { params: z.object({ type: ContractType }), body: jsonBody(NumberingRule) },
      responses: { 200: json(RuleOut, 'The rule as stored, with an example number'), ...errorResponses },
    }),
    async (c) => {
      if (!managesRegistry(c.get('principal')))
        throw forbidden('Only admin and legal can change numbering rules.');
      const { type } = c.req.valid('param');
      const { pattern } = c.req.valid('json');
      try {
        parsePattern(pattern);
      } catch (err) {
        if (err instanceof NumberingPatternError)
          throw badRequest(err.message, [{ path: 'pattern', message: err.message }]);
        throw err;
      }
      const rule = await atomically(registry.db, async (unit) => {
        const rules = new NumberingRepo(unit.db);
        const before = (await rules.list()).find((r) => r.type === type);
        const saved = await rules.put(type, pattern);
        unit.audit({
          actorId: c.get('principal').userId,
          entityType: 'numbering_rule',
          entityId: type,
          action: 'save',
          before: before ? { pattern: before.pattern } : undefined,
          after: { pattern },
        });
        return saved;
      });
      return c.json({ ...rule, example: example(type, pattern) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/numbering-rules',
      tags,
      summary: 'List the numbering rules (types without one use the default pattern)',
      responses: {
        200: json(z.object({ defaultPattern: z.string(), rules: z.array(RuleOut) }), 'The rules'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const rules = (await repo.list()).map((r) => ({ ...r, example: example(r.type, r.pattern) }));
      return c.json({ defaultPattern: DEFAULT_NUMBERING_PATTERN, rules }, 200);
    },
  );
}
