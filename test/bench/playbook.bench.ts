/**
 * Playbook engine speed: a full check of a 60,000- and a 400,000-character contract, and the re-check of one
 * edited paragraph through the incremental checker (what the Word add-in does while someone types).
 * Aims: full check of 60,000 characters ≤ 20 ms; re-check of one paragraph ≤ 1 ms.
 *
 * Figures are wall-clock time; CPU time (user + system, this process) is printed next to it because shared
 * machines preempt: when the two differ much, other work was running.
 *
 * Texts are built from real clauses: the Civil Code (contracts book) articles for Chinese and CUAD contracts
 * for English when ../shared/corpora is present, the test fixtures otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createChecker, defaultPlaybook } from '@shared/playbook';
import type { Playbook } from '@shared/schemas/playbook';
import { formatChineseInteger } from '@shared/text/chinese-numerals';
import { splitParagraphs, splitUnwrapped } from '@shared/text/paragraphs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpora = `${root}../shared/corpora`;
const fixtures = `${root}test/fixtures/playbook`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function stats(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;

/** Chinese clause bodies: Civil Code articles without their numbers, or the fixture contracts' lines. */
function chineseBodies(): string[] {
  const code = `${corpora}/zh-law/民法典-合同编.md`;
  if (existsSync(code)) {
    return readFileSync(code, 'utf8')
      .split('\n')
      .map((l) => l.replace(/^第[一二三四五六七八九十百千零]+条\s*/, '').trim())
      .filter((l) => l.length > 20 && !l.startsWith('#') && !l.startsWith('<'));
  }
  return ['purchase-contract.zh.txt', 'clean-contract.zh.txt'].flatMap((f) =>
    readFileSync(`${fixtures}/${f}`, 'utf8')
      .split('\n')
      .filter((l) => l.length > 12 && !/^第/.test(l)),
  );
}

/** Contract clauses that carry the things the rules look for, mixed in among the articles. */
const ZH_CLAUSES = [
  '合同总价为人民币壹拾万元整（¥100,000.00），甲方应在收到发票后三十日内支付。',
  '乙方逾期交货的，每逾期一日，应按合同总价的万分之五向甲方支付违约金。',
  '本合同所称"保密信息"是指一方披露的技术信息和经营信息，乙方应对保密信息承担保密义务。',
  '因本合同引起的争议，提交上海国际仲裁中心仲裁。',
  '任何一方可提前三十日书面通知对方解除本合同。',
];

function chineseContract(size: number): string[] {
  const bodies = chineseBodies();
  const out = ['设备采购合同', '甲方（买方）：北京星河科技有限公司', '乙方（卖方）：上海远帆贸易有限公司'];
  let length = out.join('\n').length;
  for (let n = 1; length < size; n++) {
    const heading = `第${formatChineseInteger(n)}条 条款${n}`;
    const body =
      n % 5 === 0 ? (ZH_CLAUSES[(n / 5) % ZH_CLAUSES.length] ?? '') : (bodies[n % bodies.length] ?? '');
    out.push(heading, body.replace(/甲方/g, n % 2 ? '甲方' : '乙方'));
    length += heading.length + body.length + 2;
  }
  out.push('甲方（盖章）：', '乙方（盖章）：');
  return out;
}

/** English paragraphs: CUAD contracts one after the other, or the English fixtures repeated with numbers. */
function englishContract(size: number): string[] {
  const dir = `${corpora}/cuad-dev/txt`;
  const out: string[] = [];
  let length = 0;
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) {
      for (const p of splitUnwrapped(readFileSync(`${dir}/${f}`, 'utf8'))) {
        out.push(p.text);
        length += p.text.length + 1;
        if (length >= size) return out;
      }
    }
  }
  const base = ['services-agreement.en.md', 'clean-agreement.en.txt'].flatMap((f) =>
    splitParagraphs(readFileSync(`${fixtures}/${f}`, 'utf8')).map((p) => p.text),
  );
  for (let i = 0; length < size; i++) {
    const p = `${base[i % base.length]} (${i})`;
    out.push(p);
    length += p.length + 1;
  }
  return out;
}

/** Runs `fn`, returning wall-clock and CPU milliseconds. */
function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function fullCheck(label: string, paragraphs: string[], playbook: Playbook, runs: number): number {
  const chars = paragraphs.reduce((n, p) => n + p.length + 1, 0);
  // Warm-up: compile the playbook and let the JIT settle on the rules' code.
  for (let i = 0; i < 5; i++) createChecker(playbook).checkAll(paragraphs);
  const wall: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t = timed(() => {
      findings = createChecker(playbook).checkAll(paragraphs).length;
    });
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  const { p50, p95 } = stats(wall);
  console.log(
    `full check  ${label}: ${chars} chars, ${paragraphs.length} paragraphs, ${findings} findings — ` +
      `p50 ${ms(p50)}, p95 ${ms(p95)} (CPU p50 ${ms(stats(cpu).p50)})`,
  );
  return p50;
}

function editCheck(label: string, paragraphs: string[], playbook: Playbook, edits: number): number {
  const checker = createChecker(playbook);
  checker.checkAll(paragraphs);
  const samples: number[] = [];
  const cpu: number[] = [];
  const structural: number[] = [];
  for (let i = 0; i < edits; i++) {
    // Typing in a paragraph somewhere in the document: one more character each time.
    const index = Math.floor((paragraphs.length * ((i * 7919) % edits)) / edits);
    const current = checker.paragraphs()[index] ?? '';
    const t = timed(() => checker.update(index, `${current}${i % 2 ? '，' : '约定'}`));
    samples.push(t.wall);
    cpu.push(t.cpu);
    if (i % 10 === 0) {
      const t1 = performance.now();
      checker.insert(index, '新增段落：双方另行签订补充协议。');
      checker.remove(index);
      structural.push((performance.now() - t1) / 2);
    }
  }
  const { p50, p95 } = stats(samples);
  const s = stats(structural);
  console.log(
    `edit check  ${label}: update one paragraph p50 ${ms(p50)}, p95 ${ms(p95)} (CPU p50 ${ms(stats(cpu).p50)}); ` +
      `insert/remove p50 ${ms(s.p50)}, p95 ${ms(s.p95)}`,
  );
  return p50;
}

export async function run(): Promise<void> {
  const zh = defaultPlaybook('zh-CN');
  const en = defaultPlaybook('en');
  const zh60 = chineseContract(60_000);
  const en60 = englishContract(60_000);
  const zh400 = chineseContract(400_000);
  const en400 = englishContract(400_000);

  const full60 = fullCheck('zh 60k ', zh60, zh, 20);
  const fullEn60 = fullCheck('en 60k ', en60, en, 20);
  fullCheck('zh 400k', zh400, zh, 5);
  fullCheck('en 400k', en400, en, 5);
  const edit60 = editCheck('zh 60k ', zh60, zh, 300);
  const editEn60 = editCheck('en 60k ', en60, en, 300);
  editCheck('zh 400k', zh400, zh, 100);
  editCheck('en 400k', en400, en, 100);

  console.log(
    `ratios to aims: full 60k zh ${(full60 / 20).toFixed(2)}×, en ${(fullEn60 / 20).toFixed(2)}× of 20 ms; ` +
      `one-paragraph re-check zh ${(edit60 / 1).toFixed(2)}×, en ${(editEn60 / 1).toFixed(2)}× of 1 ms`,
  );
}
