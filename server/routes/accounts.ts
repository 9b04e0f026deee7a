import { createRoute } from '@hono/zod-openapi';
import { Department } from '@shared/schemas/contract';
import { z } from 'zod';
import { fieldDiff } from '../audit/field-diff';
import { ROLES } from '../auth/principal';
import { hashPassword, verifyPassword } from '../auth/secrets';
import { atomically } from '../db/atomically';
import { conflict, forbidden, notFound, unauthorized } from '../errors';
import type { ApiApp } from '../http/env';
import type { Registry } from '../registry';
import { errorResponses, IdParam, json, jsonBody, notFoundResponse, problemOf } from './openapi-helpers';

const tags = ['Accounts'];

export const UserOut = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    department: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

const Person = z
  .object({ id: z.string(), name: z.string(), email: z.string(), department: z.string().nullable() })
  .meta({ id: 'Person' });

const Password = z.string().min(8, 'must be at least 8 characters').max(200);

export const UserCreate = z
  .strictObject({
    email: z.email().max(200),
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    department: Department.nullable().optional(),
    password: Password.optional(),
  })
  .meta({ id: 'UserCreate' });

const UserPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES).optional(),
    department: Department.nullable().optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
  })
  .meta({ id: 'UserPatch' });

const LoginIn = z
  .strictObject({
    email: z.string().min(1).max(200),
    password: z.string().min(1).max(200),
    tokenName: z.string().max(100).optional(),
  })
  .meta({ id: 'Login' });
const TokenOut = z
  .object({
    token: z.string().meta({ description: 'Shown once; send it as `Authorization: Bearer <token>`' }),
    tokenId: z.string(),
    user: UserOut,
  })
  .meta({ id: 'IssuedToken' });

/** Sign-in: POST /api/auth/login answers without a token. */
export function registerLoginRoute(app: ApiApp, registry: Registry): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags,
      summary: 'Sign in with email and password; returns a new API token',
      security: [],
      request: { body: jsonBody(LoginIn) },
      responses: {
        200: json(TokenOut, 'Signed in'),
        400: errorResponses[400],
        401: problemOf('Wrong email or password'),
      },
    }),
    async (c) => {
      const { email, password, tokenName } = c.req.valid('json');
      const user = await registry.users.byEmailWithHash(email);
      const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : false;
      if (!user || !ok || user.disabled) throw unauthorized('Wrong email or password.');
      const { passwordHash: _hidden, ...safe } = user;
      const issued = await registry.users.createToken(user.id, tokenName ?? 'sign-in');
      return c.json({ token: issued.token, tokenId: issued.id, user: safe }, 200);
    },
  );
}

export function registerAccountRoutes(app: ApiApp, registry: Registry): void {
  const requireAdmin = (role: string) => {
    if (role !== 'admin') throw forbidden('Only an admin can manage users.');
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      tags,
      summary: 'The signed-in user',
      responses: { 200: json(UserOut, 'You'), ...errorResponses },
    }),
    async (c) => {
      const me = await registry.users.byId(c.get('principal').userId);
      if (!me) throw unauthorized();
      return c.json(me, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/me/tokens',
      tags,
      summary: 'Create another API token for yourself (for an integration, a script…)',
      request: { body: jsonBody(z.strictObject({ name: z.string().trim().min(1).max(100) })) },
      responses: { 201: json(TokenOut, 'The new token, shown once'), ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      const me = await registry.users.byId(p.userId);
      if (!me) throw unauthorized();
      const issued = await registry.users.createToken(p.userId, c.req.valid('json').name);
      return c.json({ token: issued.token, tokenId: issued.id, user: me }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/tokens',
      tags,
      summary: 'Your API tokens (names and dates; never the tokens themselves)',
      responses: {
        200: json(
          z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              createdAt: z.string(),
              lastUsedAt: z.string().nullable(),
            }),
          ),
          'Your tokens',
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await registry.users.listTokens(c.get('principal').userId), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/me/tokens/{id}',
      tags,
      summary: 'Revoke one of your API tokens',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const ok = await registry.users.revokeToken(c.get('principal').userId, c.req.valid('param').id);
      if (!ok) throw notFound(`Token ${c.req.valid('param').id}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags,
      summary: 'List users (admin)',
      responses: { 200: json(z.array(UserOut), 'All users'), ...errorResponses },
    }),
    async (c) => {
      requireAdmin(c.get('principal').role);
      return c.json(await registry.users.list(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people',
      tags,
      summary: 'Names of the registry’s people, for anyone signed in',
      description:
        'What approval steps, audit trails and owners need to show a person by name: id, name, email and department, without role or state. `ids` (comma-separated, at most 200) limits the answer to those people, disabled ones included; without it, the people who can still sign in.',
      request: {
        query: z.object({
          ids: z
            .string()
            .optional()
            .transform((v) =>
              v ? [...new Set(v.split(',').map((x) => x.trim()))].filter(Boolean) : undefined,
            )
            .refine((v) => !v || v.length <= 200, 'at most 200 ids'),
        }),
      },
      responses: { 200: json(z.array(Person), 'The people'), ...errorResponses },
    }),
    async (c) => {
      const { ids } = c.req.valid('query');
      const wanted = ids ? new Set(ids) : null;
      const people = (await registry.users.list()).filter((u) => (wanted ? wanted.has(u.id) : !u.disabled));
      return c.json(
        people.map(({ id, name, email, department }) => ({ id, name, email, department })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags,
      summary: 'Create a user with a role and a department (admin)',
      request: { body: jsonBody(UserCreate) },
      responses: {
        201: json(UserOut, 'The new user'),
        ...errorResponses,
        409: problemOf('The email is taken'),
      },
    }),
    async (c) => {
      requireAdmin(c.get('principal').role);
      const input = c.req.valid('json');
      if (await registry.users.byEmailWithHash(input.email))
        throw conflict(`A user with email ${input.email} exists.`);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const user = await atomically(registry.db, async (unit) => {
        const created = await unit.users.create({ ...input, passwordHash });
        unit.audit({
          actorId: c.get('principal').userId,
          entityType: 'user',
          entityId: created.id,
          action: 'create',
          after: { ...created, passwordSet: Boolean(input.password) },
        });
        return created;
      });
      return c.json(user, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/users/{id}',
      tags,
      summary: 'Change a user: role, department, disable, reset password (admin)',
      request: { params: IdParam, body: jsonBody(UserPatch) },
      responses: { 200: json(UserOut, 'The user after the change'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      requireAdmin(c.get('principal').role);
      const { password, ...rest } = c.req.valid('json');
      const id = c.req.valid('param').id;
      const passwordHash = password ? await hashPassword(password) : undefined;
      const updated = await atomically(registry.db, async (unit) => {
        const before = await unit.users.byId(id);
        const after = await unit.users.update(id, { ...rest, ...(passwordHash ? { passwordHash } : {}) });
        if (!after || !before) throw notFound(`User ${id}`);
        // Never the hash: a password change is recorded as the fact that it changed.
        const diff = fieldDiff(before, after) ?? { before: {}, after: {} };
        unit.audit({
          actorId: c.get('principal').userId,
          entityType: 'user',
          entityId: after.id,
          action: 'update',
          before: diff.before,
          after: password ? { ...diff.after, passwordChanged: true } : diff.after,
        });
        return after;
      });
      return c.json(updated, 200);
    },
  );
}
