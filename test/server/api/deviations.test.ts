import { starterLibrary } from '@shared/clauses/library';
import { fillBody } from '@shared/clauses/variables';
import type { Redline } from '@shared/diff/types';
import type { Clause, ClauseLanguage } from '@shared/schemas/clause';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

interface Deviation {
  clauseId: string;
  clauseVersion: number;
  title: string;
  category: string;
  language: ClauseLanguage;
  range: { start: number; end: number };
  redline: Redline;
}

const clause = (language: ClauseLanguage, id: string) =>
  starterLibrary(language).clauses.find((c) => c.id === id) as Clause;

describe.each(DIALECTS)('clause deviations of a version on %s', (dialect) => {
  let t: TestRegistry;
  let legal: Caller;
  let outsider: Caller;
  let contractId: string;

  const fileVersion = async (bytes: Uint8Array, filename: string) => {
    const sha = sha256(bytes);
    await legal.req('PUT', `/api/blobs/${sha}`, bytes, { 'content-type': 'application/octet-stream' });
    const res = await legal.json<{ version: { id: string } }>(
      'POST',
      `/api/contracts/${contractId}/versions`,
      {
        sha256: sha,
        filename,
        source: 'upload',
      },
    );
    return res.body.version.id;
  };
  const deviations = (caller: Caller, versionId: string) =>
    caller.json<{ versionId: string; clauses: Deviation[] } & { textStatus?: string }>(
      'GET',
      `/api/contracts/${contractId}/versions/${versionId}/deviations`,
    );

  const law = clause('zh-CN', 'zh.governing-law');
  const courts = clause('zh-CN', 'zh.dispute-resolution.courts');
  const assignment = clause('zh-CN', 'zh.assignment');
  const lawText = fillBody(law.body, law.variables, { governingLaw: '中华人民共和国法律' }, 'zh-CN').text;
  const assignmentText = assignment.body.replace('{{noticeDays}}', '15').replace('书面同意', '口头同意');

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    outsider = await signIn(t, { email: 'ops@example.com', role: 'staff', department: 'OPS' });
    for (const c of [...starterLibrary('zh-CN').clauses, ...starterLibrary('en').clauses]) {
      const res = await legal.json('POST', '/api/clauses', c);
      expect(res.status).toBe(201);
    }
    const created = await legal.json<{ id: string }>('POST', '/api/contracts', {
      title: '技术服务合同',
      type: 'service',
      department: 'SD',
    });
    contractId = created.body.id;
  });
  afterAll(() => t.close());

  it('answers each library clause found with its place in the text and its redline', async () => {
    expect(assignmentText).toContain('口头同意');
    const versionId = await fileVersion(
      makeDocx([
        { text: '技术服务合同', style: 'title' },
        '甲方：上海示例科技有限公司',
        '第一条 转让',
        assignmentText,
        '第二条 法律适用',
        lawText,
      ]),
      '技术服务合同.docx',
    );
    await t.registry.ingest.idle();
    const res = await deviations(legal, versionId);
    expect(res.status).toBe(200);
    expect(res.body.versionId).toBe(versionId);
    expect(res.body.clauses.map((c) => c.clauseId)).toEqual(['zh.assignment', 'zh.governing-law']);
    expect(res.body.clauses.map((c) => c.clauseId)).not.toContain(courts.id);

    const text = await (
      await legal.req('GET', `/api/contracts/${contractId}/versions/${versionId}/text`)
    ).text();
    const [moved, kept] = res.body.clauses;
    expect(text.slice(moved?.range.start, moved?.range.end)).toBe(assignmentText);
    expect(text.slice(kept?.range.start, kept?.range.end)).toBe(lawText);
    expect(kept).toMatchObject({
      clauseVersion: law.version,
      title: '法律适用',
      category: 'governing-law',
      language: 'zh-CN',
    });
    expect(kept?.redline.summary.identical).toBe(true);
    expect(kept?.redline.summary.words.variables).toBe(1);
    expect(moved?.redline.summary.identical).toBe(false);
    const inserted = moved?.redline.paragraphs.flatMap((p) => p.ops).filter((op) => op.op === 'insert') ?? [];
    expect(inserted.map((op) => op.text).join('')).toContain('口头');
    for (const op of inserted) {
      if (op.op === 'insert') expect(text.slice(op.to[0], op.to[1])).toBe(op.text);
    }
  });

  it('finds the English clauses of an English version', async () => {
    const courtsEn = clause('en', 'en.dispute-resolution.courts');
    const filled = fillBody(courtsEn.body, courtsEn.variables, { courts: 'Shanghai' }, 'en').text;
    const versionId = await fileVersion(
      makeDocx([{ text: 'SERVICES AGREEMENT', style: 'title' }, '12. Jurisdiction', filled]),
      'agreement.docx',
    );
    await t.registry.ingest.idle();
    const res = await deviations(legal, versionId);
    expect(res.body.clauses).toMatchObject([
      { clauseId: 'en.dispute-resolution.courts', language: 'en', title: 'Dispute resolution (courts)' },
    ]);
    const [found] = res.body.clauses;
    expect(found?.redline.summary).toMatchObject({ identical: true, words: { variables: 1, changed: 0 } });
  });

  it('uses the current version of a clause the library changed', async () => {
    const edited = { ...law, body: law.body.replace('适用', '受'), version: law.version };
    const put = await legal.json<{ version: number }>('PUT', `/api/clauses/${law.id}`, edited);
    expect(put.status).toBe(200);
    const versionId = await fileVersion(makeDocx(['第二条 法律适用', lawText, '（修订）']), '修订.docx');
    await t.registry.ingest.idle();
    const res = await deviations(legal, versionId);
    const found = res.body.clauses.find((c) => c.clauseId === law.id);
    expect(found?.clauseVersion).toBe(put.body.version);
    expect(found?.redline.summary.identical).toBe(false);
  });

  it('answers 409 while the text is not extracted, and for a version without text', async () => {
    const scan = await fileVersion(makePdf([]), 'scan.pdf');
    await t.registry.ingest.idle();
    const none = await deviations(legal, scan);
    expect(none.status).toBe(409);
    expect(none.body.textStatus).toBe('needs_ocr');

    await t.registry.versions.setText(scan, { status: 'pending' });
    const pending = await deviations(legal, scan);
    expect(pending.status).toBe(409);
    expect(pending.body.textStatus).toBe('pending');
  });

  it('answers 404 to whoever cannot see the contract, and for a version of another contract', async () => {
    const versions = await legal.json<{ id: string }[]>('GET', `/api/contracts/${contractId}/versions`);
    const versionId = versions.body[0]?.id ?? '';
    expect((await deviations(outsider, versionId)).status).toBe(404);
    const other = await legal.json<{ id: string }>('POST', '/api/contracts', { title: 'Other', type: 'doc' });
    const res = await legal.json('GET', `/api/contracts/${other.body.id}/versions/${versionId}/deviations`);
    expect(res.status).toBe(404);
  });

  it('is declared in the OpenAPI document', async () => {
    const doc = await legal.json<{ paths: Record<string, { get?: { responses: Record<string, unknown> } }> }>(
      'GET',
      '/openapi.json',
    );
    const route = doc.body.paths['/api/contracts/{id}/versions/{versionId}/deviations'];
    expect(Object.keys(route?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '404', '409']));
  });
});

describe('clause deviations on a registry whose library was never filled', () => {
  let t: TestRegistry;
  let legal: Caller;

  beforeAll(async () => {
    t = await openTestRegistry('sqlite');
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
  });
  afterAll(() => t.close());

  it('compares with the starter library, until the company has a library of its own', async () => {
    const law = clause('zh-CN', 'zh.governing-law');
    const lawText = fillBody(law.body, law.variables, { governingLaw: '中华人民共和国法律' }, 'zh-CN').text;
    const created = await legal.json<{ id: string }>('POST', '/api/contracts', {
      title: '服务合同',
      type: 'services',
    });
    const bytes = makeDocx(['第一条 法律适用', lawText]);
    const sha = sha256(bytes);
    await legal.req('PUT', `/api/blobs/${sha}`, bytes, { 'content-type': 'application/octet-stream' });
    const added = await legal.json<{ version: { id: string } }>(
      'POST',
      `/api/contracts/${created.body.id}/versions`,
      {
        sha256: sha,
        filename: '服务合同.docx',
        source: 'upload',
      },
    );
    await t.registry.ingest.idle();
    const path = `/api/contracts/${created.body.id}/versions/${added.body.version.id}/deviations`;
    const starter = await legal.json<{ clauses: Deviation[] }>('GET', path);
    expect(starter.body.clauses.map((c) => [c.clauseId, c.redline.summary.identical])).toEqual([
      ['zh.governing-law', true],
    ]);

    // The company's own library, even with every clause archived, replaces the starter one.
    const own = { ...clause('zh-CN', 'zh.assignment'), id: 'acme.assignment' };
    expect((await legal.json('POST', '/api/clauses', own)).status).toBe(201);
    expect((await legal.json<{ clauses: Deviation[] }>('GET', path)).body.clauses).toEqual([]);
    expect((await legal.req('DELETE', '/api/clauses/acme.assignment')).status).toBe(204);
    expect((await legal.json<{ clauses: Deviation[] }>('GET', path)).body.clauses).toEqual([]);
  });
});
