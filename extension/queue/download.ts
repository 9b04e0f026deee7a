import type { FetchRecipe } from '../adapters/types';

/** The file could not be fetched from the site it was found on (status 0: no answer). */
export class DownloadError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'DownloadError';
  }

  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export type FetchBytes = (recipe: FetchRecipe) => Promise<Uint8Array>;

/**
 * Fetches a document with the site's cookies. A web page instead of a file usually means a sign-in page.
 * Files the site serves only to its own pages (`pageOrigin`) go through `fromPage`.
 */
export function createFetchBytes(fetchFn: typeof fetch, fromPage?: FetchBytes): FetchBytes {
  return async (recipe) => {
    if (recipe.pageOrigin) {
      if (!fromPage) throw new DownloadError(0, 'this file can only be fetched by a page of its site');
      return fromPage(recipe);
    }
    let res: Response;
    try {
      res = await fetchFn(recipe.url, { credentials: recipe.credentials });
    } catch (err) {
      throw new DownloadError(0, err instanceof Error ? err.message : String(err));
    }
    if (!res.ok) throw new DownloadError(res.status, res.statusText || `HTTP ${res.status}`);
    if (/^text\/html\b/i.test(res.headers.get('content-type') ?? '')) {
      throw new DownloadError(403, 'the site answered with a web page, not a file (signed out?)');
    }
    return new Uint8Array(await res.arrayBuffer());
  };
}
