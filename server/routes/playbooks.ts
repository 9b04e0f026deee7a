import { createRoute } from '@hono/zod-openapi';
import { verifyExamples } from '@shared/playbook';
import { type Playbook, playbookSchema } from '@shared/schemas/playbook';
import { z } from 'zod';
import type { StoredPlaybook } from '../analysis/playbook-store';
import { managesRegistry, type Principal } from '../auth/principal';
import { atomically } from '../db/atomically';
import { LibraryRepo, VersionConflictError } from '../db/repos/library';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import type { ApiApp } from '../http/env';
import type { Registry } from '../registry';
import { errorResponses, json, jsonBody, notFoundResponse, problemOf } from './openapi-helpers';

const tags = ['Playbooks'];
const IdParam = z.object({ id: z.string().min(1).max(120) });

const PlaybookOut = z
  .object({
    playbook: playbookSchema,
    version: z.number().int().meta({ description: 'Registry version; 0 for the shipped playbook unchanged' }),
    shipped: z.boolean(),
  })
  .meta({ id: 'StoredPlaybook' });

const Summary = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }).partial(),
  language: z.enum(['zh', 'en']),
  rules: z.number().int(),
  version: z.number().int(),
  shipped: z.boolean(),
});

const SaveQuery = z.object({
  note: z.string().max(500).optional(),
  baseVersion: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'The version you edited; 409 when someone saved in between' }),
});

const out = (s: StoredPlaybook) => ({ playbook: s.playbook, version: s.version, shipped: s.shipped });

export function registerPlaybookRoutes(app: ApiApp, registry: Registry): void {
  const store = registry.playbooks;
  const requireEditor = (p: Principal) => {
    if (!managesRegistry(p)) throw forbidden('Only admin and legal can change playbooks.');
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/playbooks',
      tags,
      summary: 'The playbooks: the shipped zh-CN and en ones (or the company’s versions of them) and its own',
      responses: { 200: json(z.object({ items: z.array(Summary) }), 'Playbooks'), ...errorResponses },
    }),
    async (c) => {
      const items = (await store.list()).map((s) => ({
        id: s.playbook.id,
        name: typeof s.playbook.name === 'string' ? { en: s.playbook.name } : s.playbook.name,
        language: s.playbook.language,
        rules: s.playbook.rules.length,
        version: s.version,
        shipped: s.shipped,
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/playbooks/{id}',
      tags,
      summary: 'One playbook with all its rules, at its current version or at `?version=n`',
      request: {
        params: IdParam,
        query: z.object({ version: z.coerce.number().int().positive().optional() }),
      },
      responses: { 200: json(PlaybookOut, 'The playbook'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const found = await store.get(id, c.req.valid('query').version);
      if (!found) throw notFound(`Playbook ${id}`);
      return c.json(out(found), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/playbooks/{id}/versions',
      tags,
      summary: 'Every saved version of a playbook, oldest first',
      request: { params: IdParam },
      responses: {
        200: json(
          z.array(
            z.object({
              version: z.number(),
              note: z.string().nullable(),
              createdAt: z.string(),
              archived: z.boolean(),
            }),
          ),
          'Versions',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const versions = await store.repo.history<Playbook>('playbook', c.req.valid('param').id);
      return c.json(
        versions.map((v) => ({
          version: v.version,
          note: v.note,
          createdAt: v.createdAt,
          archived: v.archived,
        })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/playbooks/{id}',
      tags,
      summary: 'Save a playbook as a new version (its rules’ examples must behave as they say)',
      description:
        'Every rule’s `fail` examples must produce a finding of that rule and its `pass` examples none; otherwise 422 lists the examples that do not.',
      request: { params: IdParam, query: SaveQuery, body: jsonBody(playbookSchema) },
      responses: {
        200: json(PlaybookOut, 'The playbook as saved'),
        ...errorResponses,
        409: problemOf('Someone saved the playbook in between'),
        422: problemOf('Some rule examples do not behave as they say'),
      },
    }),
    async (c) => {
      const p = c.get('principal');
      requireEditor(p);
      const { id } = c.req.valid('param');
      const { note, baseVersion } = c.req.valid('query');
      const playbook = c.req.valid('json');
      if (playbook.id !== id) throw conflict(`The body is playbook ${playbook.id}, the URL says ${id}.`);
      const failures = verifyExamples(playbook);
      if (failures.length > 0) {
        throw unprocessable(`${failures.length} rule example(s) do not behave as they say.`, {
          examples: failures,
        });
      }
      try {
        const saved = await atomically(registry.db, async (unit) => {
          const stored = await new LibraryRepo(unit.db).save<Playbook>(
            'playbook',
            id,
            (version) => ({
              data: { ...playbook, version: String(version) },
              index: { language: playbook.language, category: null, searchText: id },
            }),
            { note: note ?? null, createdBy: p.userId, expectedVersion: baseVersion },
          );
          unit.audit({
            actorId: p.userId,
            entityType: 'playbook',
            entityId: id,
            action: 'save',
            after: { version: stored.version, note: note ?? null },
          });
          return stored;
        });
        return c.json({ playbook: saved.data, version: saved.version, shipped: false }, 200);
      } catch (err) {
        if (err instanceof VersionConflictError) throw conflict(err.message, { currentVersion: err.current });
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/playbooks/{id}',
      tags,
      summary: 'Archive a playbook (a shipped one goes back to the version Pactfile ships)',
      request: { params: IdParam },
      responses: { 204: { description: 'Archived' }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      requireEditor(p);
      const { id } = c.req.valid('param');
      const current = await store.repo.get<Playbook>('playbook', id);
      if (!current || current.archived) throw notFound(`Saved playbook ${id}`);
      await atomically(registry.db, async (unit) => {
        await new LibraryRepo(unit.db).save<Playbook>(
          'playbook',
          id,
          () => ({
            data: current.data,
            index: { language: current.data.language, category: null, searchText: id },
          }),
          { note: 'archived', createdBy: p.userId, archived: true },
        );
        unit.audit({ actorId: p.userId, entityType: 'playbook', entityId: id, action: 'archive' });
      });
      return c.body(null, 204);
    },
  );
}
