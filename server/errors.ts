/** An error that the API answers as RFC 9457 problem details. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: { path: string; message: string }[]) =>
  new HttpProblem(400, 'Bad Request', detail, errors ? { errors } : {});
export const unauthorized = (
  detail = 'Sign in first: send an API token as `Authorization: Bearer <token>`.',
) => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} was not found.`);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem(409, 'Conflict', detail, extra);
export const payloadTooLarge = (limit: number) =>
  new HttpProblem(413, 'Payload Too Large', `The body is larger than the limit of ${limit} bytes.`, {
    limit,
  });
export const unsupportedMediaType = (detail: string) =>
  new HttpProblem(415, 'Unsupported Media Type', detail);
export const unprocessable = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem(422, 'Unprocessable Content', detail, extra);
