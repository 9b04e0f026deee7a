import type { MiddlewareHandler } from 'hono';
import { unauthorized } from '../errors';
import type { Registry } from '../registry';
import type { AppEnv } from './env';

/** Resolves the bearer token to a principal; every /api route but login needs one. */
export function requireToken(registry: Registry): MiddlewareHandler<AppEnv> {
  // "Last used" is worth one write a minute per token, not one per request.
  const touched = new Map<string, number>();
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized();
    const principal = await registry.users.principalForToken(match[1]);
    if (!principal)
      throw unauthorized('The API token is not valid (revoked, expired or mistyped). Sign in again.');
    c.set('principal', { userId: principal.userId, role: principal.role, department: principal.department });
    const now = Date.now();
    if ((touched.get(principal.tokenId) ?? 0) < now - 60_000) {
      touched.set(principal.tokenId, now);
      await registry.users.touchToken(principal.tokenId);
    }
    await next();
  };
}
