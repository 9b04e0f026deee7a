import { Problem } from '@shared/schemas/common';
import { z } from 'zod';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** The error answers most routes can give, for the OpenAPI document. */
export const errorResponses = {
  400: problem('The request is malformed or a field is invalid (see `errors`).'),
  401: problem('No valid API token.'),
  403: problem('The token is valid but not allowed to do this.'),
} as const;

export const notFoundResponse = { 404: problem('Not found, or not visible to you.') } as const;
export const conflictResponse = { 409: problem('The request conflicts with the current state.') } as const;
export const problemOf = problem;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const IdParam = z.object({ id: z.string().min(1).max(64) });
