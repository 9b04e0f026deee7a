import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { HttpProblem } from '../errors';

export const PROBLEM_TYPE = 'application/problem+json';

export function problemResponse(
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): Response {
  const body = { type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': PROBLEM_TYPE } });
}

export const zodErrors = (error: ZodError) =>
  error.issues.map((i) => ({
    path: i.path.length ? i.path.join('.') : '(body)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));

/** Every error leaves as problem+json; internals are logged, never sent. */
export function handleError(err: Error, c: Context, log: (msg: string) => void): Response {
  if (err instanceof HttpProblem) return problemResponse(err.status, err.title, err.detail, err.extra);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return problemResponse(413, 'Payload Too Large', 'The request body is too large.');
    const detail = err.message || undefined;
    const title = status === 400 ? 'Bad Request' : status === 401 ? 'Unauthorized' : 'Error';
    return problemResponse(
      status,
      title,
      detail === 'Malformed JSON in request body' ? 'The body is not valid JSON.' : detail,
    );
  }
  log(`${c.req.method} ${c.req.path} failed: ${err.stack ?? err.message}`);
  return problemResponse(
    500,
    'Internal Server Error',
    'Something went wrong on the server; it has been logged.',
  );
}
