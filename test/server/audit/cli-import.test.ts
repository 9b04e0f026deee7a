import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFolder } from '../../../server/cli/ops/import-folder';
import { CLI_PRINCIPAL } from '../../../server/cli/ops/principal';
import { makeDocx, makePdf } from '../../../server/cli/ops/sample-documents';
import { openTestRegistry, scratchDir, type TestRegistry, writeTree } from '../cli/helpers';

describe('versions imported from the command line', () => {
  let scratch: ReturnType<typeof scratchDir>;
  let t: TestRegistry;

  beforeEach(async () => {
    scratch = scratchDir();
    t = await openTestRegistry(join(scratch.dir, 'data'));
  });
  afterEach(async () => {
    await t.close();
    scratch.cleanup();
  });

  it('are audited, by the system, with the file they came from', async () => {
    const folder = join(scratch.dir, 'archive');
    writeTree(folder, {
      '采购/采购合同.docx': makeDocx([{ text: '采购合同', style: 'title' }, '甲方向乙方采购服务器。']),
      'lease.pdf': makePdf([{ text: 'LEASE', style: 'title' }, 'Lease of the office premises.']),
    });
    const report = await importFolder(t.registry, { folder, today: '2025-06-01' });
    expect(report.documents).toBe(2);

    const entries = await t.registry.audit.list({ entity: 'version', limit: 100 }, CLI_PRINCIPAL);
    expect(entries).toHaveLength(2);
    const versionIds = new Set(
      (await Promise.all(report.items.map((i) => t.registry.versions.listForContract(i.contract?.id ?? ''))))
        .flat()
        .map((v) => v.id),
    );
    for (const e of entries) {
      expect(e).toMatchObject({ action: 'add', actorId: null, after: { source: 'import' } });
      expect(versionIds.has(e.entityId)).toBe(true);
    }
    expect(entries.map((e) => (e.after as { filename: string }).filename).sort()).toEqual([
      'lease.pdf',
      '采购合同.docx',
    ]);
    // Each entry belongs to its contract, so the contract's own trail shows it.
    for (const item of report.items) {
      const trail = await t.registry.audit.list({ contractId: item.contract?.id, limit: 100 }, CLI_PRINCIPAL);
      expect(trail.map((e) => `${e.entityType}:${e.action}`)).toEqual(['contract:create', 'version:add']);
    }
    expect(await t.registry.audit.verify()).toMatchObject({ ok: true });
  });

  it('are not audited in a dry run', async () => {
    const folder = join(scratch.dir, 'archive');
    writeTree(folder, { 'lease.pdf': makePdf(['Lease of the office premises.']) });
    await importFolder(t.registry, { folder, today: '2025-06-01', dryRun: true });
    expect(await t.registry.audit.count()).toBe(0);
  });
});
