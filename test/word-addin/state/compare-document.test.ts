import { diffTexts } from '@shared/diff/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/auth/secrets';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { createRegistryClient, type RegistryClient } from '../../../word-addin/registry/client';
import { compareWithLastVersion, deviationSummary } from '../../../word-addin/state/compare-document';
import { linkContract, saveDocument } from '../../../word-addin/state/save-document';
import { openTestRegistry, type TestRegistry } from '../../helpers/registry';

const BASE = 'http://registry.test';
let t: TestRegistry;
let client: RegistryClient;

beforeEach(async () => {
  t = await openTestRegistry('sqlite');
  await t.registry.users.create({
    email: 'lawyer@example.com',
    name: '王律师',
    role: 'legal',
    passwordHash: await hashPassword('correct horse'),
  });
  const fetchVia = async (url: string, init?: RequestInit) => t.app.request(url, init);
  const { token } = await createRegistryClient(BASE, undefined, fetchVia).login(
    'lawyer@example.com',
    'correct horse',
  );
  client = createRegistryClient(BASE, token, fetchVia);
});
afterEach(() => t.close());

const DRAFT = [
  '采购合同',
  '甲方：上海示例科技有限公司',
  '1. 甲方应于收到发票后三十日内付款，合同总价为人民币 12,000 元。',
  '2. 乙方应按约定交付货物。',
  '3. 本合同自双方签字盖章之日起生效。',
];

/** Waits until the registry has extracted the text of every version of the contract. */
async function extracted(contractId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const versions = await client.versions(contractId);
    if (versions.every((v) => v.text.status !== 'pending')) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the text was not extracted');
}

describe('comparing the document with its last saved version', () => {
  it('asks to link the document first, and says when the contract has no version', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    expect(await compareWithLastVersion(host, client)).toEqual({ kind: 'not-linked' });
    const contract = await client.createContract({ title: 'Servers', type: 'purchase' });
    await linkContract(host, contract.id);
    expect(await compareWithLastVersion(host, client)).toEqual({
      kind: 'no-version',
      contractId: contract.id,
    });
  });

  it('finds no change right after saving, then shows the edits made since against the newest version', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT, name: 'Servers.docx' });
    const contract = await client.createContract({ title: 'Servers', type: 'purchase' });
    await saveDocument(host, client, contract.id);
    host.state.paragraphs[3] = '2. 乙方应于合同签订后十日内交付货物。';
    await saveDocument(host, client, contract.id);
    await extracted(contract.id);

    const same = await compareWithLastVersion(host, client);
    expect(same.kind).toBe('compared');
    if (same.kind !== 'compared') return;
    expect(same.version.seq).toBe(2);
    expect(same.summary.identical).toBe(true);

    host.state.paragraphs[2] = DRAFT[2]!.replace('三十日', '六十日').replace('12,000', '15,000');
    host.state.paragraphs.splice(4, 0, '3. 质量保证期为十二个月。');
    host.state.paragraphs.splice(1, 1);
    const after = await compareWithLastVersion(host, client);
    if (after.kind !== 'compared') throw new Error(after.kind);
    expect(after.summary).toMatchObject({
      identical: false,
      paragraphs: { changed: 1, inserted: 1, deleted: 1, moved: 0 },
      figureChanges: 2,
    });
    expect(after.summary.similarity).toBeGreaterThan(50);
    expect(after.summary.similarity).toBeLessThan(100);
    const changed = after.redline.paragraphs.find((p) => p.kind === 'changed');
    expect(changed?.ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['六', '15,000']);
  });

  it('says when the registry has no text for the version yet', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    const contract = await client.createContract({ title: 'Servers', type: 'purchase' });
    await saveDocument(host, client, contract.id);
    const stub: RegistryClient = {
      ...client,
      versions: async (id) =>
        (await client.versions(id)).map((v) => ({ ...v, text: { status: 'pending', length: 0 } })),
    };
    expect((await compareWithLastVersion(host, stub)).kind).toBe('no-text');
  });
});

describe('the deviation summary', () => {
  it('counts the changed paragraphs that touch figures, Chinese numerals included', () => {
    const r = diffTexts(
      '付款期限为三十日。\n违约金为合同价款的百分之五。\n本合同一式两份。\n双方友好协商。',
      '付款期限为六十日。\n违约金为合同价款的百分之五。\n本合同一式四份。\n双方应友好协商。',
    );
    const s = deviationSummary(r);
    expect(s.paragraphs.changed).toBe(3);
    expect(s.figureChanges).toBe(2);
  });
});
