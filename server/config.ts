import { resolve } from 'node:path';
import { z } from 'zod';

/** Every setting of the registry, read from the environment. Documented in README.md. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(4096).default(100),
  MAX_UNZIPPED_MB: z.coerce.number().positive().max(8192).default(200),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  PACTFILE_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  OFFICE_JS_SOURCE: z.enum(['local', 'cdn']).default('local'),
  LOG_REQUESTS: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  maxUploadBytes: number;
  maxUnzippedBytes: number;
  allowedOrigins: string[];
  /** PEM files: with both, the registry serves HTTPS (Word loads add-ins over HTTPS only). */
  tls: { certFile: string; keyFile: string } | null;
  adminToken: string | undefined;
  officeJsSource: 'local' | 'cdn';
  logRequests: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  TLS_CERT and TLS_KEY go together: set both or neither');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    maxUnzippedBytes: Math.round(e.MAX_UNZIPPED_MB * 1024 * 1024),
    allowedOrigins: e.ALLOWED_ORIGINS,
    tls: e.TLS_CERT && e.TLS_KEY ? { certFile: resolve(e.TLS_CERT), keyFile: resolve(e.TLS_KEY) } : null,
    adminToken: e.PACTFILE_ADMIN_TOKEN,
    officeJsSource: e.OFFICE_JS_SOURCE,
    logRequests: e.LOG_REQUESTS,
  };
}
