import { check, defaultPlaybook } from '@shared/playbook';
import { createLocator, formatJson, formatSarif, formatText, type ReportFile } from '@shared/playbook/report';
import { describe, expect, it } from 'vitest';

const zh = defaultPlaybook('zh-CN');
const paragraphs = [
  '设备采购合同',
  '',
  '交货地点：[●]。',
  '合同总价为人民币壹拾万元整\r\n（¥1,000,000.00）。',
];
const file: ReportFile = {
  path: 'contracts/采购.txt',
  paragraphs,
  findings: check(paragraphs, zh),
  playbook: zh,
  language: 'zh',
};

describe('createLocator', () => {
  it('turns paragraph and offset into line and column, counting breaks inside paragraphs', () => {
    const locator = createLocator(['ab', 'cd\nef', 'g']);
    expect(locator.position(0, 1)).toEqual({ line: 1, column: 2 });
    expect(locator.position(1, 4)).toEqual({ line: 3, column: 2 });
    expect(locator.position(2, 0)).toEqual({ line: 4, column: 1 });
  });
});

describe('formatText', () => {
  it('writes file:line:column level ruleId message, then a summary', () => {
    const text = formatText([file], { lang: 'en' });
    expect(text).toContain('contracts/采购.txt:3:6 error zh.placeholder');
    expect(text).toMatch(/contracts\/采购\.txt:4:9 error zh\.amount-words-mismatch The amount in words/);
    expect(text.trim().split('\n').pop()).toMatch(/^\d+ errors?, \d+ warnings?, \d+ info$/);
    expect(formatText([file], { lang: 'zh' })).toContain('个错误');
  });
});

describe('formatJson', () => {
  it('carries every finding with its position', () => {
    const report = JSON.parse(formatJson([file], { lang: 'en' }));
    const placeholder = report.files[0].findings.find(
      (f: { ruleId: string }) => f.ruleId === 'zh.placeholder',
    );
    expect(placeholder).toMatchObject({
      paragraphIndex: 2,
      match: '[●]',
      start: { line: 3, column: 6 },
      end: { line: 3, column: 9 },
    });
    expect(report.summary.error).toBeGreaterThanOrEqual(2);
  });
});

describe('formatSarif', () => {
  it('is a SARIF 2.1.0 log with rules, results, regions and fixes', () => {
    const log = JSON.parse(formatSarif([file], { lang: 'en' }));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('pactfile');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(zh.rules.map((r) => r.id));
    for (const r of run.tool.driver.rules) {
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
    }
    for (const result of run.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const region = result.locations[0].physicalLocation.region;
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'])
        expect(region[key]).toBeGreaterThanOrEqual(1);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('contracts/采购.txt');
    }
    const amount = run.results.find((r: { ruleId: string }) => r.ruleId === 'zh.amount-words-mismatch');
    // The match spans the \r\n inside the paragraph: it ends on the next line.
    expect(amount.locations[0].physicalLocation.region).toMatchObject({
      startLine: 4,
      startColumn: 9,
      endLine: 5,
      endColumn: 15,
    });
    expect(amount.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('壹佰万元整');
    const info = run.results.find((r: { ruleId: string }) => r.ruleId === 'zh.required-dispute-resolution');
    expect(info.level).toBe('warning');
    expect(info.locations[0].physicalLocation.region).toMatchObject({
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: 1,
    });
  });

  it('marks suppressed findings as accepted suppressions', () => {
    const [first] = file.findings.filter((f) => f.ruleId === 'zh.placeholder');
    const suppressed = {
      ...file,
      findings: file.findings.map((f) => (f === first ? { ...f, suppression: { reason: '待定' } } : f)),
    };
    const log = JSON.parse(formatSarif([suppressed], { lang: 'zh' }));
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'zh.placeholder');
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: '待定' }]);
    expect(formatText([suppressed], { lang: 'en' })).not.toContain('zh.placeholder');
  });
});
