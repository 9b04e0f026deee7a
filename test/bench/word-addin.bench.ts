/**
 * Word add-in checks: a full check, and the re-check after one paragraph is edited, on documents of 50, 300
 * and 1,000 paragraphs, run through the add-in's Word host over a fake of Word's JavaScript API that counts
 * `context.sync()` calls (each one is a round trip to Word: tens of milliseconds on desktop, more on Mac).
 * Aims (docs): one or two syncs per check whatever the size; a re-check costs about one paragraph's scan.
 *
 * The documents are built from the starter clause libraries (filled with their defaults) with contract
 * front matter whose amounts trip the playbook, in Chinese and in English.
 */
import { starterLibrary } from '@shared/clauses/library/index';
import { fillBody } from '@shared/clauses/variables';
import { createWordDocumentHost } from '../../word-addin/office/word-document-host';
import { createLiveChecker } from '../../word-addin/state/live-checker';
import { createPlaybookProvider } from '../../word-addin/state/playbook-source';
import { runChecks } from '../../word-addin/state/run-checks';
import { FakeWordDocument, fakeOffice } from '../word-addin/fake-word';

const FRONT = {
  'zh-CN': [
    '采购合同',
    '甲方：上海示例科技有限公司    乙方：示例供应有限公司',
    '合同总价为人民币壹万元整（¥12,000）。',
  ],
  en: [
    'SUPPLY AGREEMENT',
    'Between Example Tech Ltd and Example Supply Ltd',
    'The price is ten thousand dollars (USD 12,000).',
  ],
} as const;

function documentOf(language: 'zh-CN' | 'en', size: number): string[] {
  const bodies = starterLibrary(language).clauses.flatMap((c) =>
    fillBody(c.body, c.variables, {}, c.language).text.split('\n'),
  );
  const out: string[] = [...FRONT[language]];
  for (let i = 0; out.length < size; i++) out.push(`${out.length}. ${bodies[i % bodies.length]}`);
  return out.slice(0, size);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

async function measure(language: 'zh-CN' | 'en', size: number): Promise<void> {
  const paragraphs = documentOf(language, size);
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  const playbooks = createPlaybookProvider();
  // Warm the playbook and the engine once, outside the figures.
  await runChecks(createWordDocumentHost(fakeOffice(new FakeWordDocument([...paragraphs])).env), {
    playbooks,
  });

  const fullTimes: number[] = [];
  const fullSyncs: number[] = [];
  const editTimes: number[] = [];
  const editSyncs: number[] = [];
  let findings = 0;
  for (let round = 0; round < 5; round++) {
    const doc = new FakeWordDocument([...paragraphs]);
    const host = createWordDocumentHost(fakeOffice(doc, { sets: { WordApi: '1.6' } }).env);
    const live = createLiveChecker();
    let t0 = performance.now();
    const run = await runChecks(host, { live, playbooks });
    fullTimes.push(performance.now() - t0);
    fullSyncs.push(doc.syncs);
    findings = run.findings.length;
    for (let e = 0; e < 10; e++) {
      const at = 3 + (((round * 10 + e) * 37) % (size - 3));
      doc.typeInto(at, `${doc.paragraphs[at]} 甲方应于收到发票后九十日内付款。`);
      const before = doc.syncs;
      t0 = performance.now();
      await runChecks(host, { live, playbooks });
      editTimes.push(performance.now() - t0);
      editSyncs.push(doc.syncs - before);
    }
  }
  const full = median(fullTimes);
  const edit = median(editTimes);
  console.log(
    `${language.padEnd(5)} ${String(size).padStart(5)} paragraphs (${String(chars).padStart(7)} chars, ${findings} findings): ` +
      `full check ${ms(full)}, ${median(fullSyncs)} sync · re-check after one edit ${ms(edit)}, ` +
      `${median(editSyncs)} sync · full/re-check ${(full / Math.max(edit, 1e-6)).toFixed(1)}×`,
  );
}

export async function run(): Promise<void> {
  console.log(
    'Times are medians (5 full checks, 50 re-checks) inside the pane; Word round trips come on top.',
  );
  for (const language of ['zh-CN', 'en'] as const)
    for (const size of [50, 300, 1000]) await measure(language, size);
}
