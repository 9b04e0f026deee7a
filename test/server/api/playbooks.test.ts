import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Stored = {
  playbook: { id: string; rules: { id: string }[]; version: string };
  version: number;
  shipped: boolean;
};
type Analysis = {
  status: string;
  language?: string;
  playbook?: { id: string; version: string };
  counts?: { error: number };
  findings?: { ruleId: string; level: string; paragraphIndex: number; range: [number, number] }[];
  metadata?: {
    parties: { name: string; role: string }[];
    amount: { value: number; currency: string } | null;
  };
};

const CONTRACT = [
  '采购合同',
  '甲方（买方）：北京星辰科技有限公司',
  '乙方（卖方）：上海浦东设备制造有限公司',
  '第一条 合同金额：人民币壹拾万元整（¥200,000.00）。',
  '第二条 交货日期：[●]。',
  '第三条 争议解决：因本合同引起的争议，提交上海国际仲裁中心仲裁。',
];

describe.each(DIALECTS)('playbooks and analysis on %s', (dialect) => {
  let t: TestRegistry;
  let legal: Caller;
  let staff: Caller;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    staff = await signIn(t, { email: 'staff@example.com', role: 'staff', department: 'SD' });
  });
  afterAll(() => t.close());

  it('lists the shipped playbooks', async () => {
    const { body } = await staff.json<{ items: { id: string; rules: number; shipped: boolean }[] }>(
      'GET',
      '/api/playbooks',
    );
    expect(body.items.map((p) => p.id)).toEqual(['en', 'zh-CN']);
    expect(body.items.every((p) => p.shipped && p.rules >= 25)).toBe(true);
  });

  it('checks every filed document and reads its metadata', async () => {
    const contract = await staff.json<{ id: string }>('POST', '/api/contracts', {
      title: '采购合同',
      type: 'purchase',
    });
    const docx = makeDocx(CONTRACT);
    await staff.req('PUT', `/api/blobs/${sha256(docx)}`, docx, {
      'content-type': 'application/octet-stream',
    });
    const filed = await staff.json<{ version: { id: string } }>(
      'POST',
      `/api/contracts/${contract.body.id}/versions`,
      {
        sha256: sha256(docx),
        filename: '采购合同.docx',
        source: 'upload',
      },
    );
    await t.registry.ingest.idle();
    const a = await staff.json<Analysis>(
      'GET',
      `/api/contracts/${contract.body.id}/versions/${filed.body.version.id}/analysis`,
    );
    expect(a.body).toMatchObject({ status: 'done', language: 'zh', playbook: { id: 'zh-CN', version: '0' } });
    const rules = a.body.findings?.map((f) => f.ruleId) ?? [];
    expect(rules.some((r) => r.includes('amount-words'))).toBe(true);
    expect(rules.some((r) => r.includes('placeholder'))).toBe(true);
    expect(a.body.counts?.error).toBeGreaterThan(0);
    expect(a.body.metadata?.parties.map((p) => p.name)).toEqual(
      expect.arrayContaining(['北京星辰科技有限公司', '上海浦东设备制造有限公司']),
    );
  });

  it('saves the company’s own version of a playbook and checks with it from then on', async () => {
    const shipped = await legal.json<Stored>('GET', '/api/playbooks/zh-CN');
    expect(shipped.body).toMatchObject({ version: 0, shipped: true });
    const withoutPlaceholders = {
      ...shipped.body.playbook,
      rules: shipped.body.playbook.rules.filter((r) => !r.id.includes('placeholder')),
    };
    const saved = await legal.json<Stored>(
      'PUT',
      '/api/playbooks/zh-CN?note=no%20placeholder%20rule',
      withoutPlaceholders,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, shipped: false });
    const stale = await legal.json('PUT', '/api/playbooks/zh-CN?baseVersion=0', withoutPlaceholders);
    expect(stale.status).toBe(409);

    const contract = await staff.json<{ id: string }>('POST', '/api/contracts', {
      title: '第二份',
      type: 'purchase',
    });
    const docx = makeDocx([...CONTRACT, '第四条 本合同一式两份。']);
    await staff.req('PUT', `/api/blobs/${sha256(docx)}`, docx, {
      'content-type': 'application/octet-stream',
    });
    const filed = await staff.json<{ version: { id: string } }>(
      'POST',
      `/api/contracts/${contract.body.id}/versions`,
      {
        sha256: sha256(docx),
        filename: 'b.docx',
        source: 'upload',
      },
    );
    await t.registry.ingest.idle();
    const a = await staff.json<Analysis>(
      'GET',
      `/api/contracts/${contract.body.id}/versions/${filed.body.version.id}/analysis`,
    );
    expect(a.body.playbook).toEqual({ id: 'zh-CN', version: '1' });
    expect(a.body.findings?.some((f) => f.ruleId.includes('placeholder'))).toBe(false);

    expect((await legal.req('DELETE', '/api/playbooks/zh-CN')).status).toBe(204);
    expect((await legal.json<Stored>('GET', '/api/playbooks/zh-CN')).body).toMatchObject({
      version: 0,
      shipped: true,
    });
  });

  it('refuses a playbook whose examples do not behave, and staff edits', async () => {
    const shipped = (await legal.json<Stored>('GET', '/api/playbooks/en')).body.playbook as Record<
      string,
      unknown
    > & {
      rules: Record<string, unknown>[];
    };
    const rule = shipped.rules[0] as { examples: { pass: string[]; fail: string[] } };
    const broken = {
      ...shipped,
      rules: [
        { ...rule, examples: { pass: rule.examples.fail, fail: rule.examples.pass } },
        ...shipped.rules.slice(1),
      ],
    };
    const res = await legal.json<{ examples: unknown[] }>('PUT', '/api/playbooks/en', broken);
    expect(res.status).toBe(422);
    expect(res.body.examples.length).toBeGreaterThan(0);
    expect((await staff.json('PUT', '/api/playbooks/en', shipped)).status).toBe(403);
    const invalid = await legal.json<{ errors: { path: string }[] }>('PUT', '/api/playbooks/en', {
      ...shipped,
      rules: [{ id: 'x' }],
    });
    expect(invalid.status).toBe(400);
  });
});
