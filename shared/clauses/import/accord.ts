/**
 * Importer for Accord Project templates (Cicero TemplateMark, `grammar.tem.md`). What maps onto the clause
 * format becomes a variable: `{{name}}` and `{{name as "FORMAT"}}`, `{{#with x}}` (as `x.name`), a formula
 * `{{% … %}}` (a value for the drafter to work out), an `{{#if}}`/`{{#optional}}` around plain text (a choice),
 * a list `{{#ulist}}`/`{{#olist}}`/`{{#join}}` (one text value). The rest stays readable: a conditional around
 * variables is kept in [brackets], `{{#clause}}` is inlined. Each such decision is reported as a note.
 */

import { diffTexts } from '@shared/diff/redline';
import { type Clause, clauseSchema, type VariableDefinition } from '@shared/schemas/clause';
import { parseVariables } from '../variables';
import {
  guessCategory,
  humanize,
  type ImportNote,
  type ImportResult,
  slugify,
  stripEmphasis,
} from './common';

export interface AccordImportOptions {
  /** Slug of the clause (usually the template's folder name). */
  id: string;
  title?: string;
  category?: string;
  /** The template's `sample.md`: its values tell the variables' types. */
  sample?: string;
  /** `none`: the template is one clause. `headings`: one clause per Markdown heading. */
  split?: 'none' | 'headings';
  source?: Clause['source'];
}

type Node =
  | { t: 'text'; text: string }
  | { t: 'var'; name: string; format?: string }
  | { t: 'formula'; expr: string; format?: string }
  | { t: 'block'; kind: string; arg: string; body: Node[]; otherwise?: Node[] };

const TAG = /\{\{(%[\s\S]*?%|[^{}]*)\}\}/g;
const AS_FORMAT = /^([\s\S]*?)\s+as\s+"([^"]*)"\s*$/;

/** TemplateMark text → a tree of text, variables, formulas and blocks. */
function parse(template: string, notes: ImportNote[]): Node[] {
  const root: Node[] = [];
  const stack: Array<{ node: Extract<Node, { t: 'block' }>; inElse: boolean }> = [];
  const current = (): Node[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    if (top.inElse) {
      top.node.otherwise ??= [];
      return top.node.otherwise;
    }
    return top.node.body;
  };
  let cursor = 0;
  for (const m of template.matchAll(TAG)) {
    if (m.index > cursor) current().push({ t: 'text', text: template.slice(cursor, m.index) });
    cursor = m.index + m[0].length;
    const inner = (m[1] ?? '').trim();
    if (inner.startsWith('%')) {
      const expr = inner.slice(1, -1).trim();
      const formatted = AS_FORMAT.exec(expr);
      current().push({ t: 'formula', expr: formatted?.[1]?.trim() ?? expr, format: formatted?.[2] });
    } else if (inner.startsWith('#')) {
      const [kind = '', ...rest] = inner.slice(1).trim().split(/\s+/);
      const node: Extract<Node, { t: 'block' }> = { t: 'block', kind, arg: rest.join(' '), body: [] };
      current().push(node);
      stack.push({ node, inElse: false });
    } else if (inner.startsWith('/')) {
      const kind = inner.slice(1).trim();
      const top = stack.pop();
      if (!top || top.node.kind !== kind) {
        notes.push({
          level: 'warning',
          message: { zh: `未配对的结束标记 {{/${kind}}}`, en: `Unmatched {{/${kind}}}` },
        });
        if (top) stack.push(top);
      }
    } else if (inner === 'else') {
      const top = stack[stack.length - 1];
      if (top) top.inElse = true;
    } else {
      const formatted = AS_FORMAT.exec(inner);
      current().push({ t: 'var', name: (formatted?.[1] ?? inner).trim(), format: formatted?.[2] });
    }
  }
  if (cursor < template.length) current().push({ t: 'text', text: template.slice(cursor) });
  if (stack.length > 0) {
    notes.push({
      level: 'warning',
      message: { zh: '模板中有未结束的块', en: 'The template has unclosed blocks' },
    });
  }
  return root;
}

interface Declared {
  name: string;
  kind: 'value' | 'formula' | 'choice' | 'list';
  format?: string;
  required: boolean;
  expr?: string;
  options?: string[];
  pattern?: string;
}

class Converter {
  readonly declared = new Map<string, Declared>();
  private formulas = 0;
  constructor(private readonly notes: ImportNote[]) {}

  private declare(d: Declared): string {
    const existing = this.declared.get(d.name);
    if (existing) existing.required ||= d.required;
    else this.declared.set(d.name, d);
    return `{{${d.name}}}`;
  }

  convert(nodes: readonly Node[], prefix = '', optional = false): string {
    return nodes.map((n) => this.node(n, prefix, optional)).join('');
  }

  private node(n: Node, prefix: string, optional: boolean): string {
    switch (n.t) {
      case 'text':
        return n.text;
      case 'var':
        return this.declare({
          name: `${prefix}${n.name}`,
          kind: 'value',
          format: n.format,
          required: !optional,
        });
      case 'formula': {
        const base = /^([A-Za-z_]\w*)/.exec(n.expr)?.[1]?.replace(/Formula$/, '') || 'formula';
        const name = this.declared.has(base) ? `${base}${++this.formulas}` : base;
        this.notes.push({
          level: 'info',
          message: {
            zh: `公式 ${n.expr} 改为由起草人填写的变量 ${name}`,
            en: `Formula ${n.expr} became the variable ${name}, for the drafter to fill in`,
          },
        });
        return this.declare({ name, kind: 'formula', format: n.format, expr: n.expr, required: !optional });
      }
      case 'block':
        return this.block(n, prefix, optional);
    }
  }

  private block(n: Extract<Node, { t: 'block' }>, prefix: string, optional: boolean): string {
    const plain = (nodes: readonly Node[] | undefined): boolean => (nodes ?? []).every((c) => c.t === 'text');
    const textOf = (nodes: readonly Node[] | undefined): string =>
      (nodes ?? []).map((c) => (c.t === 'text' ? c.text : '')).join('');
    switch (n.kind) {
      case 'clause':
        this.notes.push({
          level: 'info',
          message: { zh: `子条款 ${n.arg} 已并入正文`, en: `Nested clause ${n.arg} is kept inline` },
        });
        return this.convert(n.body, prefix, optional);
      case 'with':
        return this.convert(n.body, `${prefix}${n.arg}.`, optional);
      case 'if':
      case 'optional': {
        if (plain(n.body) && plain(n.otherwise) && textOf(n.body).trim() !== '') {
          return this.declare({
            name: `${prefix}${n.arg}`,
            kind: 'choice',
            options: [textOf(n.body), textOf(n.otherwise)],
            required: !optional,
          });
        }
        this.notes.push({
          level: 'warning',
          message: {
            zh: `条件文字（条件：${n.arg}）保留在方括号中，请起草人决定是否适用`,
            en: `Conditional text (condition: ${n.arg}) is kept in [brackets] for the drafter to keep or remove`,
          },
        });
        const body = this.convert(n.body, prefix, true);
        const otherwise = n.otherwise ? ` / ${this.convert(n.otherwise, prefix, true)}` : '';
        return `[${body}${otherwise}]`;
      }
      case 'ulist':
      case 'olist':
      case 'join': {
        const pattern = new Converter([]).convert(n.body).trim();
        this.notes.push({
          level: 'info',
          message: {
            zh: `列表 ${n.arg} 改为一个文字变量，每项一行`,
            en: `The list ${n.arg} became one text variable, one item per line`,
          },
        });
        return this.declare({ name: `${prefix}${n.arg}`, kind: 'list', pattern, required: !optional });
      }
      default:
        this.notes.push({
          level: 'warning',
          message: {
            zh: `未识别的块 {{#${n.kind}}}，保留其内容`,
            en: `Unknown block {{#${n.kind}}}: its content is kept`,
          },
        });
        return this.convert(n.body, prefix, optional);
    }
  }
}

const PARTY_NAMES =
  /^(buyer|seller|supplier|importer|exporter|shipper|receiver|licensee|licensor|landlord|tenant|lender|maker|holder|roommate|purchaser|company|grower|employee|employer|counterparty|consignee|consignor|borrower|customer|provider|contractor|vendor|partyId|.*party)$/i;

type ValueType = 'text' | 'date' | 'money' | 'number' | 'party';

/** A variable's type from its format, the value the sample gives it, and its name. */
function inferType(d: Declared, sampleValue: string | undefined): ValueType {
  const last = d.name.split('.').pop() ?? d.name;
  if (d.format) {
    if (/CCC|K|[£$€¥]/.test(d.format)) return 'money';
    if (/D{1,2}[/.\- ]M{1,4}|M{1,4}[/.\- ]D{1,2}|YYYY/.test(d.format)) return 'date';
    if (/0/.test(d.format)) return 'number';
  }
  const value = sampleValue?.trim();
  if (value) {
    if (/^"[\s\S]*"$/.test(value)) return PARTY_NAMES.test(last) ? 'party' : 'text';
    if (/^-?\d[\d,]*(\.\d+)?\s?[A-Z]{3}$|^[A-Z]{3}\s?-?\d|^[£$€¥]\s?\d/.test(value)) return 'money';
    if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value)) return 'date';
    if (/^-?\d+(\.\d+)?$/.test(value)) return 'number';
    return 'text';
  }
  if (PARTY_NAMES.test(last)) return 'party';
  if (/date$/i.test(last)) return 'date';
  if (/(amount|price|fee|rent|deposit|principal)$/i.test(last)) return 'money';
  if (/(percentage|percent|rate|days|count|number)$/i.test(last)) return 'number';
  return 'text';
}

function definitionFor(d: Declared, sampleValue: string | undefined): VariableDefinition {
  const label = humanize(d.name);
  switch (d.kind) {
    case 'choice':
      return {
        name: d.name,
        label,
        type: 'choice',
        required: d.required,
        options: [
          { value: d.options?.[0] ?? '', label: { zh: '适用', en: 'Applies' } },
          { value: d.options?.[1] ?? '', label: { zh: '不适用', en: 'Does not apply' } },
        ],
        default: d.options?.[0] ?? '',
        description: {
          en: `Condition "${d.name}" of the Accord template`,
          zh: `Accord 模板中的条件“${d.name}”`,
        },
      };
    case 'list':
      return {
        name: d.name,
        label,
        type: 'text',
        required: d.required,
        description: {
          en: `One item per line, each written as: ${d.pattern}`,
          zh: `每行一项，格式：${d.pattern}`,
        },
      };
    case 'formula':
      return {
        name: d.name,
        label,
        type: d.format && /CCC|K|[£$€¥]/.test(d.format) ? 'money' : 'number',
        required: d.required,
        description: { en: `Calculated: ${d.expr}`, zh: `按公式计算：${d.expr}` },
      };
    case 'value': {
      const type = inferType(d, sampleValue);
      return { name: d.name, label, type, required: d.required };
    }
  }
}

/** Values the sample gives each variable, read off a diff of the converted template against the sample. */
function sampleValues(body: string, sample: string | undefined): Map<string, string> {
  const values = new Map<string, string>();
  if (!sample) return values;
  const redline = diffTexts(body, sample, { paragraphs: 'block', ignoreWhitespace: true });
  for (const p of redline.paragraphs) {
    for (const op of p.ops) if (op.op === 'variable' && !values.has(op.name)) values.set(op.name, op.text);
  }
  return values;
}

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;

function cleanTitle(title: string): string {
  return stripEmphasis(title)
    .replace(/[.:]\s*$/, '')
    .trim();
}

/** Markdown → the plain text of a clause body: emphasis removed, headings as plain lines. */
function plainBody(text: string): string {
  return stripEmphasis(text)
    .replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, '$1$2')
    .split('\n')
    .map((line) => {
      const heading = HEADING.exec(line);
      return heading ? (heading[1] ?? '') : line.replace(/\s+$/, '');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface Section {
  title: string | undefined;
  text: string;
}

function sections(text: string, split: 'none' | 'headings'): Section[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Section[] = [];
  let title: string | undefined;
  let buffer: string[] = [];
  const flush = (): void => {
    const body = buffer.join('\n').trim();
    if (body || title) out.push({ title, text: body });
    buffer = [];
  };
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading && (split === 'headings' || (title === undefined && buffer.join('').trim() === ''))) {
      flush();
      title = cleanTitle(heading[1] ?? '');
      continue;
    }
    buffer.push(line);
  }
  flush();
  return out.filter((s) => s.text.length > 0);
}

const ACCORD_SOURCE = {
  name: 'Accord Project template library',
  url: 'https://github.com/accordproject/cicero-template-library',
  licence: 'Apache-2.0',
};

export function importAccordTemplate(template: string, options: AccordImportOptions): ImportResult {
  const notes: ImportNote[] = [];
  const converter = new Converter(notes);
  const converted = converter.convert(parse(template, notes));
  const values = sampleValues(converted, options.sample);
  const definitions = new Map<string, VariableDefinition>();
  for (const d of converter.declared.values()) definitions.set(d.name, definitionFor(d, values.get(d.name)));

  const parts = sections(converted, options.split ?? 'none');
  const usedIds = new Set<string>();
  const clauses = parts.map((part, i) => {
    const title =
      (parts.length === 1 ? options.title : undefined) ?? part.title ?? options.title ?? humanize(options.id);
    let id =
      parts.length === 1 ? options.id : `${options.id}.${part.title ? slugify(part.title) : `part-${i + 1}`}`;
    for (let n = 2; usedIds.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    usedIds.add(id);
    const body = plainBody(part.text);
    const names = [...new Set(parseVariables(body).map((r) => r.name))];
    return clauseSchema.parse({
      id,
      title,
      category: options.category ?? guessCategory(title, options.id),
      language: 'en',
      body,
      variables: names
        .map((name) => definitions.get(name))
        .filter((d): d is VariableDefinition => d !== undefined),
      version: 1,
      source: options.source ?? ACCORD_SOURCE,
      tags: ['imported', 'accord-project'],
    });
  });
  return { clauses, notes };
}
