/**
 * Reading a playbook someone wrote: JSON or YAML text → a validated playbook, or a PlaybookError that names
 * each bad field (`rules[3].level: …`).
 */
import { type Playbook, playbookSchema } from '@shared/schemas/playbook';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

export interface PlaybookIssue {
  /** Where the problem is: `rules[3].examples.fail[0]`, or '' for the file as a whole. */
  path: string;
  message: string;
}

export class PlaybookError extends Error {
  constructor(
    readonly issues: PlaybookIssue[],
    readonly source = 'playbook',
  ) {
    super(
      `${source} is not a valid playbook:\n${issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`,
    );
    this.name = 'PlaybookError';
  }
}

/** `rules[3].swap[0].pattern` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function describe(issue: z.core.$ZodIssue, data: unknown): string {
  // Say which rule a problem is in by its id when it has one: easier to find than an index.
  const [first, index] = issue.path;
  let where = '';
  if (first === 'rules' && typeof index === 'number' && data && typeof data === 'object') {
    const rules = (data as { rules?: unknown }).rules;
    const id = Array.isArray(rules) ? (rules[index] as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id === 'string') where = ` (rule ${id})`;
  }
  return `${issue.message}${where}`;
}

/** Repeated rule ids, found on the raw data (the schema's own check only runs once every rule is valid). */
function duplicateIds(data: unknown): PlaybookIssue[] {
  const rules = data && typeof data === 'object' ? (data as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(rules)) return [];
  const seen = new Map<string, number>();
  const issues: PlaybookIssue[] = [];
  rules.forEach((rule: unknown, i) => {
    const id = rule && typeof rule === 'object' ? (rule as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      issues.push({
        path: `rules[${i}].id`,
        message: `Duplicate rule id (also rules[${first}]) (rule ${id})`,
      });
  });
  return issues;
}

/** Validates already-parsed data. */
export function validatePlaybook(data: unknown, source = 'playbook'): Playbook {
  const result = playbookSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describe(issue, data),
  }));
  for (const dup of duplicateIds(data)) if (!issues.some((i) => i.path === dup.path)) issues.push(dup);
  throw new PlaybookError(issues, source);
}

/** Parses playbook text. The format follows the file name (.yaml/.yml → YAML), else the text itself. */
export function parsePlaybook(text: string, filename = 'playbook.json'): Playbook {
  const yaml = /\.ya?ml$/i.test(filename) || (!/\.json$/i.test(filename) && !/^\s*[{[]/.test(text));
  let data: unknown;
  try {
    data = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new PlaybookError(
      [{ path: '', message: `not valid ${yaml ? 'YAML' : 'JSON'}: ${message}` }],
      filename,
    );
  }
  return validatePlaybook(data, filename);
}
