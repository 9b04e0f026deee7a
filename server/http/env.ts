import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from '../auth/principal';

export interface AppEnv {
  Variables: { principal: Principal };
}

export type ApiApp = OpenAPIHono<AppEnv>;
