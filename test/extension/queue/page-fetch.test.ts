import { describe, expect, it } from 'vitest';
import { createFetchBytes, DownloadError } from '../../../extension/queue/download';
import {
  answerPageFetch,
  base64ToBytes,
  bytesToBase64,
  createPageFetchBytes,
  isPageFetchRequest,
  type PageFetchReply,
  type PageFetchRequest,
  withSessionToken,
} from '../../../extension/queue/page-fetch';
import { makePdf } from '../../helpers/files';

const PDF = makePdf(['Service agreement renewal between Acme and Partner']) as Uint8Array<ArrayBuffer>;
const ATTACHMENT = 'https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=AAMk%2Fx%3D';
const COOKIE = 'ClientId=8F2C; X-OWA-CANARY=kY3f0cR8y0aU1n2.; OpenIdConnect.token.v1=abc';

function answering(body: BodyInit | null, answer: ResponseInit = {}) {
  const seen: { url: string; init?: RequestInit }[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(body, answer);
  }) as typeof fetch;
  return { seen, fetchFn };
}

describe('fetching a file through the page of its site', () => {
  it('adds the session’s Outlook token to attachment downloads, and nothing to other addresses', () => {
    const url = new URL(withSessionToken(ATTACHMENT, COOKIE));
    expect(url.searchParams.get('id')).toBe('AAMk/x=');
    expect(url.searchParams.get('X-OWA-CANARY')).toBe('kY3f0cR8y0aU1n2.');
    expect(withSessionToken(ATTACHMENT, 'ClientId=8F2C')).toBe(ATTACHMENT);
    expect(withSessionToken('https://outlook.office.com/files/a.pdf', COOKIE)).toBe(
      'https://outlook.office.com/files/a.pdf',
    );
  });

  it('answers the bytes from the page, in base64, with the session’s cookies', async () => {
    const { seen, fetchFn } = answering(PDF, { headers: { 'content-type': 'application/pdf' } });
    const reply = await answerPageFetch({ type: 'page-fetch', url: ATTACHMENT }, COOKIE, fetchFn);
    expect(reply.ok).toBe(true);
    expect(reply.ok && base64ToBytes(reply.base64)).toEqual(PDF);
    expect(seen[0]?.init?.credentials).toBe('include');
    expect(new URL(seen[0]?.url ?? '').searchParams.get('X-OWA-CANARY')).toBe('kY3f0cR8y0aU1n2.');
  });

  it('says why the page could not fetch: a refusal, a sign-in page, no answer', async () => {
    const request: PageFetchRequest = { type: 'page-fetch', url: ATTACHMENT };
    const refused = answering('gone', { status: 440, statusText: 'Login Timeout' });
    expect(await answerPageFetch(request, COOKIE, refused.fetchFn)).toEqual({
      ok: false,
      status: 440,
      error: 'Login Timeout',
    });
    const signIn = answering('<html></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(await answerPageFetch(request, COOKIE, signIn.fetchFn)).toMatchObject({ ok: false, status: 403 });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await answerPageFetch(request, COOKIE, offline)).toEqual({
      ok: false,
      status: 0,
      error: 'Failed to fetch',
    });
  });

  it('keeps large files whole across base64', () => {
    const big = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  });

  it('asks the open tabs of the site in turn, and fails to be retried when none is open', async () => {
    const asked: number[] = [];
    const replies = new Map<number, PageFetchReply | undefined>([
      [4, undefined], // a tab whose page has no content script (still loading)
      [7, { ok: true, base64: bytesToBase64(PDF) }],
    ]);
    let open = [4, 7];
    const fetchBytes = createPageFetchBytes({
      tabsOf: async (origin) => (origin === 'https://outlook.office.com' ? open : []),
      ask: async (tabId, request) => {
        expect(isPageFetchRequest(request)).toBe(true);
        asked.push(tabId);
        return replies.get(tabId);
      },
    });
    const recipe = {
      url: ATTACHMENT,
      credentials: 'include' as const,
      pageOrigin: 'https://outlook.office.com',
    };
    expect(await fetchBytes(recipe)).toEqual(PDF);
    expect(asked).toEqual([4, 7]);

    open = [];
    const none = await fetchBytes(recipe).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(DownloadError);
    expect((none as DownloadError).retryable).toBe(true);
    expect((none as DownloadError).message).toContain('https://outlook.office.com');

    open = [4, 9];
    replies.set(9, { ok: false, status: 440, error: 'Login Timeout' });
    const refused = await fetchBytes(recipe).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 440, message: 'Login Timeout' });
  });

  it('sends files that only their site’s pages may fetch through a page, and others directly', async () => {
    const direct = answering(PDF, { headers: { 'content-type': 'application/pdf' } });
    const throughPage: string[] = [];
    const fetchBytes = createFetchBytes(direct.fetchFn, async (recipe) => {
      throughPage.push(recipe.url);
      return PDF;
    });
    await fetchBytes({ url: ATTACHMENT, credentials: 'include', pageOrigin: 'https://outlook.office.com' });
    await fetchBytes({ url: 'https://mail.google.com/mail/u/0/?attid=0.1', credentials: 'include' });
    expect(throughPage).toEqual([ATTACHMENT]);
    expect(direct.seen.map((s) => s.url)).toEqual(['https://mail.google.com/mail/u/0/?attid=0.1']);
    const withoutPages = createFetchBytes(direct.fetchFn);
    await expect(
      withoutPages({ url: ATTACHMENT, credentials: 'include', pageOrigin: 'https://outlook.office.com' }),
    ).rejects.toBeInstanceOf(DownloadError);
  });
});
