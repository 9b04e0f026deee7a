/** A signed-in caller of a running registry over real HTTP (fetch, keep-alive). */
export interface ApiClient {
  /** Sends the request and reads the whole body; throws unless the status is the expected one. */
  call(method: 'GET' | 'POST', path: string, body?: unknown, expect?: number): Promise<unknown>;
}

/**
 * A kept-alive connection the server closes after its idle timeout can be picked for the next request at
 * that very moment; the request then fails with ECONNRESET before the server saw it. GETs are sent again.
 */
const isStaleConnection = (err: unknown) =>
  err instanceof TypeError && (err.cause as { code?: string } | undefined)?.code === 'ECONNRESET';

export function apiClient(baseUrl: string, token: string): ApiClient {
  const send = (method: string, path: string, body: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  return {
    async call(method, path, body, expect = method === 'POST' ? 201 : 200) {
      let res: Response;
      try {
        res = await send(method, path, body);
      } catch (err) {
        if (method !== 'GET' || !isStaleConnection(err)) throw err;
        res = await send(method, path, body);
      }
      const text = await res.text();
      if (res.status !== expect)
        throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
      return text ? JSON.parse(text) : null;
    },
  };
}
