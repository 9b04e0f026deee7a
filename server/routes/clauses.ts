import { createRoute } from '@hono/zod-openapi';
import { type Clause, clauseLanguageSchema, clauseSchema } from '@shared/schemas/clause';
import { z } from 'zod';
import { managesRegistry, type Principal } from '../auth/principal';
import { atomically } from '../db/atomically';
import {
  clauseSearchText,
  LibraryRepo,
  type LibraryVersion,
  VersionConflictError,
} from '../db/repos/library';
import { conflict, forbidden, notFound } from '../errors';
import type { ApiApp } from '../http/env';
import { saveClauseIn } from '../library/save-clause';
import type { Registry } from '../registry';
import { errorResponses, json, jsonBody, notFoundResponse, problemOf } from './openapi-helpers';

const tags = ['Clause library'];
const IdParam = z.object({ id: z.string().min(1).max(120) });

const VersionInfo = z
  .object({
    version: z.number().int(),
    note: z.string().nullable(),
    archived: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LibraryVersionInfo' });

const ClauseOut = clauseSchema.meta({ id: 'Clause' });
const ClauseList = z.object({ items: z.array(ClauseOut) }).meta({ id: 'ClauseList' });

const ClauseQuery = z.object({
  language: clauseLanguageSchema.optional(),
  category: z.string().max(60).optional(),
  q: z.string().max(200).optional().meta({ description: 'Words of the title, body, category or tags' }),
});

const SaveNote = z.object({
  note: z.string().max(500).optional().meta({ description: 'Why it changed, kept with the version' }),
});

/** The stored clause, with its version and the bodies of its earlier versions as history. */
function withHistory(current: LibraryVersion<Clause>, earlier: LibraryVersion<Clause>[]): Clause {
  return {
    ...current.data,
    version: current.version,
    history: [
      ...(earlier[0]?.data.history ?? []),
      ...earlier
        .filter((v) => v.version < current.version)
        .map((v) => ({
          version: v.version,
          date: v.createdAt.slice(0, 10),
          body: v.data.body,
          ...(v.note ? { note: v.note } : {}),
        })),
    ].filter((h) => h.version < current.version),
  };
}

const requireEditor = (p: Principal) => {
  if (!managesRegistry(p)) throw forbidden('Only admin and legal can change the clause library.');
};

export function registerClauseRoutes(app: ApiApp, registry: Registry): void {
  const repo = new LibraryRepo(registry.db);

  const save = async (clause: Clause, p: Principal, note: string | undefined, expectedVersion?: number) => {
    try {
      const saved = await atomically(registry.db, (unit) =>
        saveClauseIn(unit, clause, { actorId: p.userId, note: note ?? null, expectedVersion }),
      );
      return withHistory(saved, await repo.history<Clause>('clause', clause.id));
    } catch (err) {
      if (err instanceof VersionConflictError) {
        throw conflict(err.message, { currentVersion: err.current });
      }
      throw err;
    }
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/clauses',
      tags,
      summary: 'The clause library: current version of every clause, filtered by language, category or words',
      request: { query: ClauseQuery },
      responses: { 200: json(ClauseList, 'Clauses'), ...errorResponses },
    }),
    async (c) => {
      const items = await repo.listCurrent<Clause>('clause', c.req.valid('query'));
      return c.json({ items: items.map((v) => ({ ...v.data, version: v.version })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/clauses/{id}',
      tags,
      summary: 'One clause, at its current version or at `?version=n`, with the bodies of earlier versions',
      request: {
        params: IdParam,
        query: z.object({ version: z.coerce.number().int().positive().optional() }),
      },
      responses: { 200: json(ClauseOut, 'The clause'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const found = await repo.get<Clause>('clause', id, c.req.valid('query').version);
      if (!found) throw notFound(`Clause ${id}`);
      return c.json(withHistory(found, await repo.history<Clause>('clause', id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/clauses/{id}/versions',
      tags,
      summary: 'Every saved version of a clause, oldest first',
      request: { params: IdParam },
      responses: { 200: json(z.array(VersionInfo), 'Versions'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const versions = await repo.history<Clause>('clause', id);
      if (versions.length === 0) throw notFound(`Clause ${id}`);
      return c.json(
        versions.map(({ data: _data, id: _id, ...info }) => info),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/clauses',
      tags,
      summary: 'Add a clause to the library; it keeps its version number and the history it comes with',
      request: { query: SaveNote, body: jsonBody(ClauseOut) },
      responses: {
        201: json(ClauseOut, 'The clause as stored'),
        ...errorResponses,
        409: problemOf('A clause with this id exists'),
      },
    }),
    async (c) => {
      const p = c.get('principal');
      requireEditor(p);
      const clause = c.req.valid('json');
      const { note } = c.req.valid('query');
      if (await repo.get('clause', clause.id))
        throw conflict(`Clause ${clause.id} exists; PUT a new version instead.`);
      return c.json(await save(clause, p, note), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/clauses/{id}',
      tags,
      summary: 'Save a new version of a clause',
      description:
        'Send the clause with the `version` you edited; it is stored as the next version. If someone saved in between, the answer is 409 with `currentVersion`.',
      request: { params: IdParam, query: SaveNote, body: jsonBody(ClauseOut) },
      responses: {
        200: json(ClauseOut, 'The new version'),
        ...errorResponses,
        ...notFoundResponse,
        409: problemOf('The clause changed since the version you edited'),
      },
    }),
    async (c) => {
      const p = c.get('principal');
      requireEditor(p);
      const { id } = c.req.valid('param');
      const clause = c.req.valid('json');
      const { note } = c.req.valid('query');
      if (clause.id !== id) throw conflict(`The body is clause ${clause.id}, the URL says ${id}.`);
      if (!(await repo.get('clause', id))) throw notFound(`Clause ${id}`);
      return c.json(await save(clause, p, note, clause.version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/clauses/{id}',
      tags,
      summary: 'Archive a clause (its versions are kept; it no longer appears in the library)',
      request: { params: IdParam },
      responses: { 204: { description: 'Archived' }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      requireEditor(p);
      const { id } = c.req.valid('param');
      const current = await repo.get<Clause>('clause', id);
      if (!current) throw notFound(`Clause ${id}`);
      await atomically(registry.db, async (unit) => {
        await new LibraryRepo(unit.db).save<Clause>(
          'clause',
          id,
          (version) => ({
            data: { ...current.data, version },
            index: {
              language: current.data.language,
              category: current.data.category,
              searchText: clauseSearchText(current.data),
            },
          }),
          { note: 'archived', createdBy: p.userId, archived: true },
        );
        unit.audit({ actorId: p.userId, entityType: 'clause', entityId: id, action: 'archive' });
      });
      return c.body(null, 204);
    },
  );
}
