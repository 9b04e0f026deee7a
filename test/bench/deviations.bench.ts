/**
 * Clause deviations on long contracts: the starter library (both languages, as the registry serves it)
 * looked for in a 300-paragraph contract of each language, and in one ten times longer for the ratio.
 * Filler paragraphs are real contract and statute text when the corpora are present (CUAD for English,
 * the Civil Code's contracts book for Chinese), numbered placeholder prose otherwise. Among them stand
 * the library's clauses, filled, in another order, every third one edited and one left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { starterLibrary } from '@shared/clauses/library';
import { locateClauses } from '@shared/clauses/locate';
import { fillBody } from '@shared/clauses/variables';
import type { Clause, ClauseLanguage, VariableDefinition } from '@shared/schemas/clause';
import { machineNote, ms, summarize, timeRuns } from './support/stats';

const CORPUS =
  process.env.PACTFILE_CORPORA ?? fileURLToPath(new URL('../../../shared/corpora', import.meta.url));

function sampleValue(v: VariableDefinition): unknown {
  if (v.default !== undefined) return v.default;
  switch (v.type) {
    case 'money':
      return { value: 50_000_000, currency: v.currency ?? 'CNY' };
    case 'number':
      return v.min !== undefined ? v.min + 1 : 30;
    case 'date':
      return '2025-03-01';
    case 'choice':
      return v.options[0]?.value ?? '';
    case 'party':
      return 'Hangzhou Yunfan Technology Co., Ltd.';
    default:
      return 'Shanghai';
  }
}

function fillerParagraphs(language: ClauseLanguage, count: number): { paragraphs: string[]; source: string } {
  const out: string[] = [];
  if (language === 'en') {
    const dir = join(CORPUS, 'cuad-dev', 'txt');
    if (existsSync(dir)) {
      for (const file of readdirSync(dir).sort()) {
        for (const line of readFileSync(join(dir, file), 'utf8').split(/\r?\n/)) {
          if (line.trim().length >= 80) out.push(line.trim());
          if (out.length >= count) return { paragraphs: out, source: 'CUAD contracts' };
        }
      }
    }
  } else {
    const file = join(CORPUS, 'zh-law', '民法典-合同编.md');
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        if (line.startsWith('第') && line.length >= 30) out.push(line.trim());
        if (out.length >= count) return { paragraphs: out, source: 'Civil Code, contracts book' };
      }
    }
  }
  for (let i = out.length; i < count; i++) {
    out.push(
      language === 'en'
        ? `${i + 1}. The parties shall cooperate in good faith on the matters of schedule ${i + 1}, keeping records of each delivery, acceptance and invoice for the term.`
        : `${i + 1}. 双方应就附件${i + 1}所列事项诚信合作，并就每次交付、验收及开票保存记录，直至本合同期限届满。`,
    );
  }
  return {
    paragraphs: out,
    source: out.length === count ? 'placeholder prose' : 'corpus and placeholder prose',
  };
}

interface Contract {
  text: string;
  paragraphs: number;
  expected: string[];
  source: string;
}

/** A contract of about `size` paragraphs with the library's clauses spread through it. */
function contract(language: ClauseLanguage, size: number): Contract {
  const clauses = starterLibrary(language).clauses;
  const bodies = clauses
    .map((c: Clause, i) => {
      const values = Object.fromEntries(c.variables.map((v) => [v.name, sampleValue(v)]));
      let body = fillBody(c.body, c.variables, values, language).text;
      if (i % 3 === 0)
        body += language === 'en' ? ' This applies to affiliates too.' : '本款同样适用于关联方。';
      return { id: c.id, body };
    })
    .filter((_, i) => i !== 5)
    .reverse();
  const bodyParagraphs = bodies.reduce((n, b) => n + b.body.split('\n').length, 0);
  const filler = fillerParagraphs(language, Math.max(0, size - bodyParagraphs));
  const every = Math.max(1, Math.floor(filler.paragraphs.length / bodies.length));
  const lines: string[] = [];
  const expected: string[] = [];
  filler.paragraphs.forEach((p, i) => {
    lines.push(p);
    const b = (i + 1) % every === 0 ? bodies[(i + 1) / every - 1] : undefined;
    if (b) {
      lines.push(b.body);
      expected.push(b.id);
    }
  });
  const text = lines.join('\n');
  return { text, paragraphs: text.split('\n').length, expected, source: filler.source };
}

export async function run(): Promise<void> {
  console.log(machineNote());
  const library = [...starterLibrary('zh-CN').clauses, ...starterLibrary('en').clauses];
  for (const language of ['en', 'zh-CN'] as const) {
    const medians: number[] = [];
    for (const size of [300, 3000]) {
      const c = contract(language, size);
      const found = locateClauses(c.text, library);
      const ids = found.map((f) => f.clauseId);
      const right = c.expected.filter((id) => ids.includes(id)).length;
      const stray = ids.filter((id) => !c.expected.includes(id)).length;
      const runs = size > 1000 ? 5 : 20;
      const s = summarize(await timeRuns(runs, 2, async () => locateClauses(c.text, library)));
      medians.push(s.p50);
      console.log(
        `${language} ${c.paragraphs} paragraphs (${(c.text.length / 1000).toFixed(0)}k chars, ${c.source}), ${library.length} clauses: ` +
          `p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms; found ${right}/${c.expected.length} placed, ${stray} stray`,
      );
    }
    console.log(
      `${language} 10x the paragraphs: ${((medians[1] ?? 0) / (medians[0] ?? 1)).toFixed(1)}x the time`,
    );
  }
}
