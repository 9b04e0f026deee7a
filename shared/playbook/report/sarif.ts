/**
 * SARIF 2.1.0 (OASIS): one run, the rules of every playbook used, one result per finding with its region
 * (lines and columns from 1, end column exclusive), fixes as replacements, suppressions as accepted.
 */
import type { Finding } from '@shared/schemas/finding';
import type { Rule, RuleLevel } from '@shared/schemas/playbook';
import { createLocator, type Locator } from './locate';
import type { ReportFile, ReportOptions } from './types';

const SARIF_LEVEL: Record<RuleLevel, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function region(locator: Locator, paragraph: number, start: number, end: number) {
  const a = locator.position(paragraph, start);
  const b = locator.position(paragraph, end);
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}

function ruleDescriptor(rule: Rule, lang: 'zh' | 'en') {
  const help = rule.basis
    ? [rule.basis.citation, rule.basis.note?.[lang]].filter(Boolean).join(' — ')
    : undefined;
  return {
    id: rule.id,
    name: rule.id.replace(/^[a-z-]+\./, '').replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.message[lang] },
    ...(rule.description ? { fullDescription: { text: rule.description[lang] } } : {}),
    ...(rule.basis?.url ? { helpUri: rule.basis.url } : {}),
    ...(help ? { help: { text: help } } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[rule.level] },
    properties: { kind: rule.kind, tags: [rule.kind] },
  };
}

export function sarifReport(files: readonly ReportFile[], options: ReportOptions) {
  const rules: Rule[] = [];
  const ruleIndex = new Map<string, number>();
  for (const file of files) {
    for (const rule of file.playbook.rules) {
      if (ruleIndex.has(rule.id)) continue;
      ruleIndex.set(rule.id, rules.length);
      rules.push(rule);
    }
  }
  const results = files.flatMap((file, artifactIndex) => {
    const locator = createLocator(file.paragraphs);
    const artifactLocation = { uri: file.path, index: artifactIndex };
    return file.findings.map((f: Finding) => ({
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: SARIF_LEVEL[f.level],
      message: { text: f.message[options.lang] },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: {
              ...region(locator, f.paragraphIndex, f.range[0], f.range[1]),
              ...(f.match ? { snippet: { text: f.match } } : {}),
            },
          },
        },
      ],
      partialFingerprints: { 'pactfileParagraph/v1': `${f.ruleId}:${f.fingerprint}:${f.match}` },
      ...(f.fixes.length > 0
        ? {
            fixes: f.fixes.map((fix) => ({
              description: { text: fix.label?.[options.lang] ?? fix.replacement },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: [
                    {
                      deletedRegion: region(locator, f.paragraphIndex, fix.range[0], fix.range[1]),
                      insertedContent: { text: fix.replacement },
                    },
                  ],
                },
              ],
            })),
          }
        : {}),
      ...(f.suppression
        ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.suppression.reason }] }
        : {}),
      properties: { messages: f.message, ...(f.basis ? { basis: f.basis } : {}) },
    }));
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pactfile',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: rules.map((r) => ruleDescriptor(r, options.lang)),
          },
        },
        artifacts: files.map((f) => ({ location: { uri: f.path } })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(files: readonly ReportFile[], options: ReportOptions): string {
  return `${JSON.stringify(sarifReport(files, options), null, 2)}\n`;
}
