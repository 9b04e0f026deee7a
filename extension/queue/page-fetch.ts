import type { FetchRecipe } from '../adapters/types';
import { DownloadError } from './download';

/** The background asks an open page of a site to fetch a file with the user's session there. */
export interface PageFetchRequest {
  type: 'page-fetch';
  url: string;
}

/** The page's answer: the bytes in base64 (messages carry JSON), or why it could not fetch them. */
export type PageFetchReply = { ok: true; base64: string } | { ok: false; status: number; error: string };

export function isPageFetchRequest(value: unknown): value is PageFetchRequest {
  const m = value as Partial<PageFetchRequest> | null;
  return typeof m === 'object' && m !== null && m.type === 'page-fetch' && typeof m.url === 'string';
}

const OWA_CANARY = 'X-OWA-CANARY';

/**
 * The address as the site's own download link has it. Outlook wants its anti-forgery token (the
 * `X-OWA-CANARY` cookie its pages read) in the query of each attachment download.
 */
export function withSessionToken(url: string, cookie: string): string {
  const u = new URL(url);
  if (!u.pathname.includes('/service.svc/')) return u.toString();
  const canary = cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${OWA_CANARY}=`))
    ?.slice(OWA_CANARY.length + 1);
  if (canary) u.searchParams.set(OWA_CANARY, decodeURIComponent(canary));
  return u.toString();
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: spreading a large array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** In the page (the content script): fetches the file as the site's own pages do, and answers the bytes. */
export async function answerPageFetch(
  request: PageFetchRequest,
  cookie: string,
  fetchFn: typeof fetch,
): Promise<PageFetchReply> {
  let res: Response;
  try {
    res = await fetchFn(withSessionToken(request.url, cookie), { credentials: 'include' });
  } catch (err) {
    return { ok: false, status: 0, error: err instanceof Error ? err.message : String(err) };
  }
  if (!res.ok) return { ok: false, status: res.status, error: res.statusText || `HTTP ${res.status}` };
  if (/^text\/html\b/i.test(res.headers.get('content-type') ?? '')) {
    return { ok: false, status: 403, error: 'the site answered with a web page, not a file (signed out?)' };
  }
  return { ok: true, base64: bytesToBase64(new Uint8Array(await res.arrayBuffer())) };
}

/** What the background needs of the browser to have a page fetch a file. */
export interface PageFetchPorts {
  /** Ids of the open tabs showing pages of this origin. */
  tabsOf(origin: string): Promise<number[]>;
  /** Sends the request to the tab's content script; undefined when nothing there answers. */
  ask(tabId: number, request: PageFetchRequest): Promise<PageFetchReply | undefined>;
}

/**
 * In the background: fetches a file through an open page of its site, trying each open tab of that site.
 * No such page open is a failure the queue tries again later (the user opens the site again).
 */
export function createPageFetchBytes(ports: PageFetchPorts): (recipe: FetchRecipe) => Promise<Uint8Array> {
  return async (recipe) => {
    const origin = recipe.pageOrigin ?? new URL(recipe.url).origin;
    const tabs = await ports.tabsOf(origin);
    let last: DownloadError = new DownloadError(0, `no page of ${origin} is open to download it from`);
    for (const tabId of tabs) {
      let reply: PageFetchReply | undefined;
      try {
        reply = await ports.ask(tabId, { type: 'page-fetch', url: recipe.url });
      } catch {
        reply = undefined;
      }
      if (reply?.ok) return base64ToBytes(reply.base64);
      if (reply) last = new DownloadError(reply.status, reply.error);
    }
    throw last;
  };
}
