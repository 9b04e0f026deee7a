import type { Principal, Role } from '../../auth/principal';
import { hashToken, newApiToken } from '../../auth/secrets';
import { newId, nowIso } from '../../ids';
import type { Db } from '../kysely';
import type { UsersTable } from '../schema';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  department: string | null;
  disabled: boolean;
  createdAt: string;
}

const toUser = (r: UsersTable): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  department: r.department,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

export class UsersRepo {
  constructor(private readonly d: Db) {}

  async count(): Promise<number> {
    const r = await this.d.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async create(input: {
    email: string;
    name: string;
    role: Role;
    department?: string | null;
    passwordHash?: string | null;
  }): Promise<User> {
    const row: UsersTable = {
      id: newId('u'),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      department: input.department ?? null,
      password_hash: input.passwordHash ?? null,
      disabled: 0,
      created_at: nowIso(),
    };
    await this.d.db.insertInto('users').values(row).execute();
    return toUser(row);
  }

  async byId(id: string): Promise<User | null> {
    const r = await this.d.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async byEmailWithHash(email: string): Promise<(User & { passwordHash: string | null }) | null> {
    const r = await this.d.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.d.db.selectFrom('users').selectAll().orderBy('created_at').execute();
    return rows.map(toUser);
  }

  async update(
    id: string,
    patch: Partial<{
      name: string;
      role: Role;
      department: string | null;
      disabled: boolean;
      passwordHash: string;
    }>,
  ): Promise<User | null> {
    await this.d.db
      .updateTable('users')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.department !== undefined && { department: patch.department }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
        ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
      })
      .where('id', '=', id)
      .execute();
    return this.byId(id);
  }

  /** Creates an API token; the clear token is returned once and never stored. */
  async createToken(
    userId: string,
    name: string,
    token = newApiToken(),
  ): Promise<{ id: string; token: string }> {
    const id = newId('t');
    await this.d.db
      .insertInto('api_tokens')
      .values({
        id,
        user_id: userId,
        name,
        token_hash: hashToken(token),
        created_at: nowIso(),
        last_used_at: null,
        expires_at: null,
      })
      .execute();
    return { id, token };
  }

  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    const r = await this.d.db
      .deleteFrom('api_tokens')
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async listTokens(userId: string) {
    return this.d.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at as createdAt', 'last_used_at as lastUsedAt'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  /** Finds the principal behind a bearer token, or null. */
  async principalForToken(token: string): Promise<(Principal & { tokenId: string }) | null> {
    const r = await this.d.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id as tokenId', 'u.id as userId', 'u.role', 'u.department', 'u.disabled', 't.expires_at'])
      .where('t.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!r || r.disabled === 1) return null;
    if (r.expires_at && r.expires_at < nowIso()) return null;
    return { tokenId: r.tokenId, userId: r.userId, role: r.role, department: r.department };
  }

  async touchToken(tokenId: string): Promise<void> {
    await this.d.db
      .updateTable('api_tokens')
      .set({ last_used_at: nowIso() })
      .where('id', '=', tokenId)
      .execute();
  }
}
