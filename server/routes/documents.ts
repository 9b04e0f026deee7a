import { Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import { Id } from '@shared/schemas/common';
import { z } from 'zod';
import { assertMayChange, editsContracts } from '../auth/principal';
import { BlobHashMismatchError, BlobTooLargeError } from '../blobs/store';
import { VERSION_SOURCES } from '../db/repos/versions';
import { forbidden, HttpProblem, notFound, payloadTooLarge, unprocessable } from '../errors';
import type { ApiApp } from '../http/env';
import { addFileVersion, FileRejectedError, storeBlob, UPLOAD_TYPES } from '../ingest/file-version';
import { contentDisposition } from '../ingest/filename';
import { emitWebhookEvent } from '../obligations/webhook-events';
import type { Registry } from '../registry';
import { withDestroyedAt } from '../retention/destruction-review';
import { visibleContract } from './contracts';
import { errorResponses, json, jsonBody, notFoundResponse, problemOf } from './openapi-helpers';

const tags = ['Documents'];

const Sha = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256') });

const Filing = z
  .object({
    contractId: z.string(),
    number: z.string(),
    title: z.string(),
    versionId: z.string(),
    seq: z.number(),
  })
  .meta({ id: 'Filing' });

export const VersionOut = z
  .object({
    id: z.string(),
    contractId: z.string(),
    seq: z.number().int(),
    sha256: z.string(),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    source: z.string(),
    sourceRef: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    text: z.object({
      status: z.enum(['pending', 'done', 'needs_ocr', 'error']),
      error: z.string().nullable(),
      pageCount: z.number().int().nullable(),
      length: z.number().int(),
    }),
    destroyedAt: z.string().nullable().meta({
      description: 'When its file was destroyed at the end of retention (downloads then answer 410)',
    }),
  })
  .meta({ id: 'Version' });

const VersionCreate = z
  .strictObject({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'),
    filename: z.string().min(1).max(1000),
    source: z.enum(VERSION_SOURCES),
    sourceRef: z.string().max(500).nullable().optional().meta({
      description: 'Where it came from: mail message id, envelope id, file path…',
    }),
  })
  .meta({ id: 'VersionCreate' });

const VersionCreated = z
  .object({
    version: VersionOut,
    duplicate: z
      .boolean()
      .meta({ description: 'True when these bytes were already a version of this contract' }),
    alreadyFiled: z.array(Filing).meta({ description: 'Other contracts that hold the same bytes' }),
  })
  .meta({ id: 'VersionCreated' });

const VersionParams = z.object({ id: Id, versionId: Id });

/** The problem answer for an error of the storing steps. */
function asProblem(err: unknown): unknown {
  if (err instanceof BlobHashMismatchError) {
    return unprocessable(err.message, { expected: err.expected, actual: err.actual });
  }
  if (err instanceof BlobTooLargeError) return payloadTooLarge(err.limit);
  if (err instanceof FileRejectedError) {
    const status = err.reason === 'not-stored' ? 409 : err.reason === 'empty' ? 422 : 415;
    const title = { 409: 'Conflict', 415: 'Unsupported Media Type', 422: 'Unprocessable Content' }[status];
    return new HttpProblem(status, title, err.localized.en, { detailZh: err.localized.zh });
  }
  return err;
}

export function registerDocumentRoutes(app: ApiApp, registry: Registry): void {
  const maxBytes = registry.config.maxUploadBytes;

  // HEAD is answered by this GET route (Hono serves HEAD from GET, without the body).
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/blobs/{sha256}',
      tags,
      summary: 'Whether the registry has these bytes (use HEAD: 200 when stored, 404 when not)',
      request: { params: Sha },
      responses: {
        200: json(z.object({ sha256: z.string(), size: z.number(), mediaType: z.string() }), 'Stored'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const { sha256 } = c.req.valid('param');
      const row = await registry.versions.blob(sha256);
      if (!row || !(await registry.blobs.has(sha256))) throw notFound(`A blob with SHA-256 ${sha256}`);
      return c.json({ sha256, size: Number(row.size), mediaType: row.media_type }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/blobs/{sha256}/filings',
      tags,
      summary: 'Whether the registry has these bytes, and where you can see them filed',
      description:
        'Hash-first upload: ask `HEAD /api/blobs/{sha256}` (200 when the bytes are stored, 404 when not) or this route, upload with `PUT /api/blobs/{sha256}` only when missing, then add a version.',
      request: { params: Sha },
      responses: {
        200: json(
          z.object({ stored: z.boolean(), filings: z.array(Filing) }),
          'Stored or not, and the filings',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { sha256 } = c.req.valid('param');
      const stored =
        (await registry.versions.blob(sha256)) !== undefined && (await registry.blobs.has(sha256));
      return c.json({ stored, filings: await registry.versions.filings(sha256, c.get('principal')) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/blobs/{sha256}',
      tags,
      summary: 'Upload the bytes of a document; the body must hash to the SHA-256 in the URL',
      request: {
        params: Sha,
        body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
      },
      responses: {
        201: json(z.object({ sha256: z.string(), size: z.number(), mediaType: z.string() }), 'Stored'),
        200: json(
          z.object({ sha256: z.string(), size: z.number(), mediaType: z.string() }),
          'Already stored',
        ),
        ...errorResponses,
        413: problemOf('Larger than the upload limit'),
        415: problemOf('Not a PDF, DOCX, DOC, image or text file'),
        422: problemOf('The body does not hash to the SHA-256 in the URL; nothing was kept'),
      },
    }),
    async (c) => {
      const p = c.get('principal');
      if (!editsContracts(p)) throw forbidden(`The ${p.role} role cannot upload documents.`);
      const { sha256 } = c.req.valid('param');
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (declared > maxBytes) throw payloadTooLarge(maxBytes);
      const body = c.req.raw.body;
      if (!body) throw unprocessable('The body is empty.');
      try {
        const stored = await storeBlob(registry, sha256, Readable.fromWeb(body as never), {
          maxBytes,
          accept: UPLOAD_TYPES,
        });
        return c.json({ sha256, size: stored.size, mediaType: stored.mediaType }, stored.created ? 201 : 200);
      } catch (err) {
        throw asProblem(err);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts/{id}/versions',
      tags,
      summary: 'Add uploaded bytes to a contract as its next version',
      description:
        'The same bytes filed again on the same contract give back the existing version (`duplicate: true`); `alreadyFiled` lists other contracts holding them.',
      request: { params: z.object({ id: Id }), body: jsonBody(VersionCreate) },
      responses: {
        201: json(VersionCreated, 'Added'),
        200: json(VersionCreated, 'These bytes were already a version of this contract'),
        ...errorResponses,
        ...notFoundResponse,
        409: problemOf('The bytes have not been uploaded yet'),
        415: problemOf('The bytes are not what the file name says'),
      },
    }),
    async (c) => {
      const p = c.get('principal');
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const contract = await visibleContract(registry, id, p);
      assertMayChange(p, contract.department, {
        role: `The ${p.role} role cannot add versions.`,
        department: 'Staff can add versions to their own department’s contracts only.',
      });
      try {
        const added = await addFileVersion(
          registry,
          {
            contractId: id,
            sha256: input.sha256,
            filename: input.filename,
            source: input.source,
            sourceRef: input.sourceRef ?? null,
            createdBy: p.userId,
          },
          p,
        );
        if (!added.duplicate) await emitWebhookEvent(registry, 'version.added', added.version);
        // A version just added, or found with the same bytes, still has its file.
        const answer = { ...added, version: { ...added.version, destroyedAt: null } };
        return c.json(answer, added.duplicate ? 200 : 201);
      } catch (err) {
        throw asProblem(err);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/versions',
      tags,
      summary: 'The versions of a contract, oldest first',
      request: { params: z.object({ id: Id }) },
      responses: { 200: json(z.array(VersionOut), 'Versions'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await visibleContract(registry, id, c.get('principal'));
      return c.json(await withDestroyedAt(registry, id, await registry.versions.listForContract(id)), 200);
    },
  );

  const versionOf = async (id: string, versionId: string, p: Parameters<typeof visibleContract>[2]) => {
    await visibleContract(registry, id, p);
    const v = await registry.versions.get(versionId);
    if (!v || v.contractId !== id) throw notFound(`Version ${versionId}`);
    return v;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/versions/{versionId}',
      tags,
      summary: 'One version, with the state of its text extraction',
      request: { params: VersionParams },
      responses: { 200: json(VersionOut, 'The version'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      const [version] = await withDestroyedAt(registry, id, [
        await versionOf(id, versionId, c.get('principal')),
      ]);
      return c.json(version, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/versions/{versionId}/text',
      tags,
      summary: 'The extracted plain text of a version',
      request: { params: VersionParams },
      responses: {
        200: { description: 'The text', content: { 'text/plain': { schema: z.string() } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      await versionOf(id, versionId, c.get('principal'));
      const text = await registry.versions.text(versionId);
      return c.text(text ?? '', 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/versions/{versionId}/file',
      tags,
      summary: 'Download the file of a version',
      request: { params: VersionParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      const v = await versionOf(id, versionId, c.get('principal'));
      return new Response(registry.blobs.stream(v.sha256), {
        status: 200,
        headers: {
          'content-type': v.mediaType,
          'content-length': String(v.size),
          'content-disposition': contentDisposition(v.filename),
          'x-content-type-options': 'nosniff',
        },
      });
    },
  );
}
