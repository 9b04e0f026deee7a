import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupRegistry, restoreRegistry } from '../../../server/cli/ops/snapshot';
import { loadConfig } from '../../../server/config';
import { openRegistry } from '../../../server/registry';
import { DESTRUCTION_NOTICE } from '../../../server/retention/destruction-notice';
import { makePdf, sha256 } from '../../helpers/files';
import { type Caller, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

describe('backup after a destruction', () => {
  let t: TestRegistry;
  let legal: Caller;
  let scratch: string;
  let contractId: string;
  let versionId: string;
  const bytes = makePdf(['A contract kept ten years and then destroyed']);

  beforeAll(async () => {
    t = await openTestRegistry('sqlite');
    scratch = mkdtempSync(join(tmpdir(), 'pactfile-retention-'));
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    const created = await legal.json<{ id: string }>('POST', '/api/contracts', {
      title: 'Old lease',
      type: 'lease',
      status: 'expired',
      expiryDate: '2012-12-31',
    });
    contractId = created.body.id;
    await legal.req('PUT', `/api/blobs/${sha256(bytes)}`, bytes, {
      'content-type': 'application/octet-stream',
    });
    const filed = await legal.json<{ version: { id: string } }>(
      'POST',
      `/api/contracts/${contractId}/versions`,
      {
        sha256: sha256(bytes),
        filename: 'lease.pdf',
        source: 'upload',
      },
    );
    versionId = filed.body.version.id;
    await t.registry.ingest.idle();
    const res = await legal.json('POST', `/api/contracts/${contractId}/destruction`, { decision: 'destroy' });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up and restores: every version still has a stored file, the destroyed one the notice', async () => {
    const backupDir = join(scratch, 'backup');
    const result = await backupRegistry(t.registry.config, backupDir);
    expect(result.manifest.blobs.map((b) => b.sha256)).toEqual([DESTRUCTION_NOTICE.sha256]);

    const restoredConfig = loadConfig({ DATA_DIR: join(scratch, 'restored') });
    await restoreRegistry(restoredConfig, backupDir);
    const restored = await openRegistry(restoredConfig);
    try {
      const [version] = await restored.versions.listForContract(contractId);
      expect(version?.id).toBe(versionId);
      expect(version?.sha256).toBe(DESTRUCTION_NOTICE.sha256);
      const notice = new TextDecoder().decode(await restored.blobs.read(DESTRUCTION_NOTICE.sha256));
      expect(notice).toContain('destroyed under the retention policy');
      expect(notice).toContain('销毁');
      expect(await restored.blobs.has(sha256(bytes))).toBe(false);
    } finally {
      await restored.close();
    }
  });
});
