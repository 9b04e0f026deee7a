import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

const realPdf = readFileSync(new URL('../../fixtures/documents/affiliate-agreement.pdf', import.meta.url));

type Version = {
  id: string;
  seq: number;
  filename: string;
  text: { status: string; pageCount: number | null; error: string | null };
};

describe.each(DIALECTS)('documents on %s', (dialect) => {
  let t: TestRegistry;
  let legal: Caller;
  let contractId: string;

  const upload = (bytes: Uint8Array, sha = sha256(bytes)) =>
    legal.req('PUT', `/api/blobs/${sha}`, bytes, { 'content-type': 'application/octet-stream' });
  const file = async (id: string, bytes: Uint8Array, filename: string, sourceRef?: string) => {
    await upload(bytes);
    return legal.json<{ version: Version; duplicate: boolean; alreadyFiled: { number: string }[] }>(
      'POST',
      `/api/contracts/${id}/versions`,
      { sha256: sha256(bytes), filename, source: 'upload', sourceRef },
    );
  };
  const newContract = async (title: string) =>
    (await legal.json<{ id: string; number: string }>('POST', '/api/contracts', { title, type: 'doc' })).body;

  beforeAll(async () => {
    t = await openTestRegistry(dialect, { MAX_UPLOAD_MB: '1', MAX_UNZIPPED_MB: '5' });
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    contractId = (await newContract('Affiliate agreement')).id;
  });
  afterAll(() => t.close());

  it('answers HEAD with 404, takes the bytes, then answers 200', async () => {
    const bytes = makePdf(['Hash first']);
    const sha = sha256(bytes);
    expect((await legal.req('HEAD', `/api/blobs/${sha}`)).status).toBe(404);
    const put = await upload(bytes);
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ sha256: sha, mediaType: 'application/pdf', size: bytes.length });
    expect((await legal.req('HEAD', `/api/blobs/${sha}`)).status).toBe(200);
    expect((await upload(bytes)).status).toBe(200);
  });

  it('refuses a body that does not hash to the URL, and keeps nothing', async () => {
    const bytes = makePdf(['one']);
    const wrong = sha256(makePdf(['two']));
    const res = await upload(bytes, wrong);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await legal.req('HEAD', `/api/blobs/${wrong}`)).status).toBe(404);
    expect((await legal.req('HEAD', `/api/blobs/${sha256(bytes)}`)).status).toBe(404);
  });

  it('refuses a body over the upload limit with 413', async () => {
    const big = new Uint8Array(1024 * 1024 + 10).fill(0x41);
    expect((await upload(big)).status).toBe(413);
    expect((await legal.req('HEAD', `/api/blobs/${sha256(big)}`)).status).toBe(404);
  });

  it('refuses bytes that are no document with 415', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff]);
    expect((await upload(exe)).status).toBe(415);
  });

  it('files a real PDF as a version and extracts its text with the page count', async () => {
    const res = await file(contractId, realPdf, 'Affiliate Agreement.pdf', 'msg-1');
    expect(res.status).toBe(201);
    expect(res.body.version.seq).toBe(1);
    await t.registry.ingest.idle();
    const v = await legal.json<Version>(
      'GET',
      `/api/contracts/${contractId}/versions/${res.body.version.id}`,
    );
    expect(v.body.text.status).toBe('done');
    expect(v.body.text.pageCount).toBeGreaterThan(1);
    const text = await (
      await legal.req('GET', `/api/contracts/${contractId}/versions/${res.body.version.id}/text`)
    ).text();
    expect(text).toMatch(/AFFILIATE AGREEMENT/i);
  });

  it('files the same bytes once per contract and says where they already are', async () => {
    const again = await file(contractId, realPdf, 'copy.pdf');
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.version.seq).toBe(1);
    const other = await newContract('Another');
    const elsewhere = await file(other.id, realPdf, 'copy.pdf');
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.alreadyFiled.map((f) => f.number)).toHaveLength(1);
    const filings = await legal.json<{ stored: boolean; filings: unknown[] }>(
      'GET',
      `/api/blobs/${sha256(realPdf)}/filings`,
    );
    expect(filings.body).toMatchObject({ stored: true });
    expect(filings.body.filings).toHaveLength(2);
    const blobs = await t.registry.db.db
      .selectFrom('blobs')
      .select('sha256')
      .where('sha256', '=', sha256(realPdf))
      .execute();
    expect(blobs).toHaveLength(1);
  });

  it('extracts DOCX text and downloads with a Chinese file name intact', async () => {
    const docx = makeDocx(['采购合同', '甲方：北京星辰科技有限公司']);
    const res = await file(contractId, docx, '../../etc/采购合同（终稿）.docx');
    expect(res.status).toBe(201);
    expect(res.body.version.filename).toBe('采购合同（终稿）.docx');
    await t.registry.ingest.idle();
    const dl = await legal.req('GET', `/api/contracts/${contractId}/versions/${res.body.version.id}/file`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const disposition = dl.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('采购合同（终稿）.docx')}`);
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(docx);
    const text = await (
      await legal.req('GET', `/api/contracts/${contractId}/versions/${res.body.version.id}/text`)
    ).text();
    expect(text).toContain('北京星辰科技有限公司');
  });

  it('refuses a file whose bytes are not what its name says', async () => {
    const pdf = makePdf(['not a docx']);
    const res = await file(contractId, pdf, 'contract.docx');
    expect(res.status).toBe(415);
  });

  it('asks for the bytes before a version can point at them', async () => {
    const res = await legal.json('POST', `/api/contracts/${contractId}/versions`, {
      sha256: 'a'.repeat(64),
      filename: 'x.pdf',
      source: 'upload',
    });
    expect(res.status).toBe(409);
  });

  it('marks a PDF without a text layer as needing OCR', async () => {
    const res = await file(contractId, makePdf([]), 'scan.pdf');
    await t.registry.ingest.idle();
    const v = await legal.json<Version>(
      'GET',
      `/api/contracts/${contractId}/versions/${res.body.version.id}`,
    );
    expect(v.body.text.status).toBe('needs_ocr');
  });

  it('records an error for a corrupt PDF and stays up', async () => {
    const corrupt = new TextEncoder().encode(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n',
    );
    const res = await file(contractId, corrupt, 'broken.pdf');
    expect(res.status).toBe(201);
    await t.registry.ingest.idle();
    const v = await legal.json<Version>(
      'GET',
      `/api/contracts/${contractId}/versions/${res.body.version.id}`,
    );
    expect(v.body.text.status).toBe('error');
    expect(v.body.text.error).toContain('broken.pdf');
    expect((await legal.req('GET', '/healthz')).status).toBe(200);
  });

  it('refuses to expand a DOCX zip bomb', async () => {
    const { zipSync } = await import('fflate');
    const bomb = zipSync(
      { '[Content_Types].xml': new Uint8Array(10), 'word/document.xml': new Uint8Array(20 * 1024 * 1024) },
      { level: 6 },
    );
    const res = await file(contractId, bomb, 'bomb.docx');
    expect(res.status).toBe(201);
    await t.registry.ingest.idle();
    const v = await legal.json<Version>(
      'GET',
      `/api/contracts/${contractId}/versions/${res.body.version.id}`,
    );
    expect(v.body.text.status).toBe('error');
    expect(v.body.text.error).toMatch(/zip bomb/);
  });

  it('lists versions in order and hides them from users who cannot see the contract', async () => {
    const list = await legal.json<Version[]>('GET', `/api/contracts/${contractId}/versions`);
    expect(list.body.map((v) => v.seq)).toEqual(list.body.map((_, i) => i + 1));
    const viewer = await signIn(t, { email: 'viewer@example.com', role: 'viewer', department: 'XX' });
    expect((await viewer.req('GET', `/api/contracts/${contractId}/versions`)).status).toBe(404);
    expect((await viewer.req('PUT', `/api/blobs/${'b'.repeat(64)}`, new Uint8Array([1]))).status).toBe(403);
  });
});
