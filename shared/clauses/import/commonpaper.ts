/**
 * Importer for Common Paper standard terms (Markdown with HTML spans). The terms are split into clauses at
 * their numbered sections: a subsection with its own heading (`12.3 Governing Law and Chosen Courts`) is a
 * clause, untitled subsections stay with their section, and an NDA item (`9. **Governing Law and
 * Jurisdiction**. …`) is a clause. The cover-page variables (`Governing Law`, `Chosen Courts`, `Provider`, …)
 * become `{{variables}}`; when the cover page is given, its hints, defaults and check-box options are used.
 */
import { type Clause, clauseSchema, type VariableDefinition } from '@shared/schemas/clause';
import { parseVariables } from '../variables';
import {
  camelCase,
  guessCategory,
  type ImportNote,
  type ImportResult,
  slugify,
  stripEmphasis,
} from './common';

export interface CommonPaperImportOptions {
  /** Prefix of the clause ids, e.g. `commonpaper.mutual-nda`. */
  id: string;
  /** The cover page (e.g. `Mutual-NDA-coverpage.md`): labels, hints, defaults and options of the variables. */
  coverPage?: string;
  source?: Clause['source'];
}

export interface CoverPageField {
  label: string;
  description?: string;
  default?: string;
  options?: Array<{ value: string; checked: boolean }>;
}

const VARIABLE_SPAN = /<span class="(?:coverpage|keyterms|orderform)_link"[^>]*>([^<]+)<\/span>/g;
const POSSESSIVE = /(?:['’]s)$/;

/** Replaces the variable spans by placeholders; returns the text and the label of each variable name. */
function replaceVariableSpans(text: string): { text: string; labels: Map<string, string> } {
  const raw = [...text.matchAll(VARIABLE_SPAN)].map((m) => (m[1] ?? '').trim());
  const bases = new Set(raw.map((label) => label.replace(POSSESSIVE, '')));
  const labels = new Map<string, string>();
  const replaced = text.replace(VARIABLE_SPAN, (_, inner: string) => {
    let label = inner.trim();
    let suffix = '';
    const possessive = POSSESSIVE.exec(label);
    if (possessive) {
      suffix = possessive[0];
      label = label.slice(0, -suffix.length);
    } else if (label.endsWith('s') && bases.has(label.slice(0, -1))) {
      // "Subscription Periods": the plural of a variable that also occurs in the singular.
      suffix = 's';
      label = label.slice(0, -1);
    }
    const name = camelCase(label);
    if (!labels.has(name)) labels.set(name, label);
    return `{{${name}}}${suffix}`;
  });
  return { text: replaced, labels };
}

/** Markdown and HTML → plain clause text. */
function plain(text: string): string {
  return stripEmphasis(text)
    .replace(/<span[^>]*>|<\/span>/g, '')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^)]+)\)/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Reads the cover page: one field per `###` heading, plus `Name: [hint]` lines inside a section. */
export function parseCommonPaperCoverPage(text: string): Map<string, CoverPageField> {
  const fields = new Map<string, CoverPageField>();
  let current: CoverPageField | undefined;
  let hasSubFields = false;
  const close = (): void => {
    if (current && !hasSubFields) fields.set(camelCase(current.label), current);
    current = undefined;
    hasSubFields = false;
  };
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    const heading = /^(#{1,6})\s+(.+)$/.exec(line);
    if (heading) {
      close();
      if ((heading[1] ?? '').length >= 3) current = { label: plain(heading[2] ?? '') };
      continue;
    }
    if (!current || line === '' || line.startsWith('|')) continue;
    const label = /<label>(.*?)<\/label>/.exec(line);
    if (label) {
      current.description = plain(label[1] ?? '');
      continue;
    }
    const checkbox = /^-\s*\[( |x|X)\]\s*(.+)$/.exec(line);
    if (checkbox) {
      current.options ??= [];
      current.options.push({
        value: plain((checkbox[2] ?? '').replace(/\[([^\]]*)\]/g, '$1')),
        checked: checkbox[1] !== ' ',
      });
      continue;
    }
    const sub = /^([A-Z][^:[\]]{1,40}):\s*\[([^\]]*)\]/.exec(line);
    if (sub) {
      hasSubFields = true;
      const subLabel = (sub[1] ?? '').trim();
      fields.set(camelCase(subLabel), { label: subLabel, description: plain(sub[2] ?? '') });
      continue;
    }
    const bracket = /^\[([^\]]+)\]$/.exec(line);
    if (bracket) {
      const value = plain(bracket[1] ?? '');
      if (/^(fill in|today)/i.test(value)) current.description ??= value;
      else current.default = value;
      continue;
    }
    current.description ??= plain(line);
  }
  close();
  return fields;
}

function definitionFor(name: string, label: string, field: CoverPageField | undefined): VariableDefinition {
  const description = field?.description ? { en: field.description } : undefined;
  const base = { name, label: { en: label }, required: true, ...(description ? { description } : {}) };
  const options = field?.options;
  if (options && options.length > 0) {
    const checked = options.find((o) => o.checked) ?? options[0];
    return {
      ...base,
      type: 'choice',
      options: options.map((o) => ({ value: o.value })),
      ...(checked ? { default: checked.value } : {}),
    };
  }
  if (/date$/i.test(label)) return { ...base, type: 'date' };
  if (/^(provider|customer|party \d|discloser|recipient)$/i.test(label)) return { ...base, type: 'party' };
  return { ...base, type: 'text', ...(field?.default ? { default: field.default } : {}) };
}

interface Draft {
  title: string;
  section: string;
  lines: string[];
}

const TOP_ITEM = /^(\d+)\.\s+(.*)$/;
const SUB_ITEM = /^ {2,4}(\d+)\.\s+(.*)$/;
const HEADER_2 = /^<span class="header_2"[^>]*>(.*?)<\/span>\s*(.*)$/;
const HEADER_3 = /^<span class="header_3"[^>]*>(.*?)<\/span>\s*(.*)$/;
const BOLD_TITLE = /^\*\*(.+?)\*\*\.?\s*(.*)$/;

export function importCommonPaperTerms(text: string, options: CommonPaperImportOptions): ImportResult {
  const notes: ImportNote[] = [];
  const { text: withPlaceholders, labels } = replaceVariableSpans(text.replace(/\r\n?/g, '\n'));
  const cover = options.coverPage
    ? parseCommonPaperCoverPage(options.coverPage)
    : new Map<string, CoverPageField>();

  const drafts: Draft[] = [];
  let section = '';
  let sectionDraft: Draft | undefined;
  let current: Draft | undefined;
  for (const line of withPlaceholders.split('\n')) {
    if (line.trim() === '' || /^#\s/.test(line)) continue;
    if (/free to use under|^Common Paper .*Version/i.test(line)) continue;
    const top = TOP_ITEM.exec(line);
    if (top) {
      const rest = top[2] ?? '';
      const h2 = HEADER_2.exec(rest);
      const bold = BOLD_TITLE.exec(rest);
      if (h2) {
        section = plain(h2[1] ?? '');
        sectionDraft = undefined;
        current = undefined;
        if ((h2[2] ?? '').trim()) {
          current = sectionDraft = { title: section, section, lines: [h2[2] ?? ''] };
          drafts.push(current);
        }
      } else {
        const title = bold ? plain(bold[1] ?? '') : `Section ${top[1]}`;
        section = title;
        current = { title, section, lines: [bold ? (bold[2] ?? '') : rest] };
        drafts.push(current);
      }
      continue;
    }
    const sub = SUB_ITEM.exec(line);
    if (sub && section) {
      const rest = sub[2] ?? '';
      const h3 = HEADER_3.exec(rest);
      if (h3) {
        current = { title: plain(h3[1] ?? '').replace(/[.:]\s*$/, ''), section, lines: [h3[2] ?? ''] };
        drafts.push(current);
      } else {
        // An untitled subsection belongs to a clause named after its section.
        if (!sectionDraft || sectionDraft.section !== section) {
          sectionDraft = { title: section, section, lines: [] };
          drafts.push(sectionDraft);
        }
        sectionDraft.lines.push(rest);
        current = sectionDraft;
      }
      continue;
    }
    if (current) current.lines.push(line.trim());
    else
      notes.push({
        level: 'info',
        message: {
          zh: `忽略正文外的文字：${line.trim()}`,
          en: `Skipped text outside the sections: ${line.trim()}`,
        },
      });
  }

  const usedIds = new Set<string>();
  const clauses = drafts
    .map((d) => ({ ...d, body: d.lines.map(plain).filter(Boolean).join('\n') }))
    .filter((d) => d.body.length > 0)
    .map((d) => {
      let id = `${options.id}.${slugify(d.title)}`;
      for (let n = 2; usedIds.has(id); n++) id = `${options.id}.${slugify(d.title)}-${n}`;
      usedIds.add(id);
      const names = [...new Set(parseVariables(d.body).map((r) => r.name))];
      return clauseSchema.parse({
        id,
        title: d.title,
        category: guessCategory(d.title, d.section),
        language: 'en',
        body: d.body,
        variables: names.map((name) => definitionFor(name, labels.get(name) ?? name, cover.get(name))),
        version: 1,
        source: options.source ?? {
          name: 'Common Paper standard terms',
          url: 'https://commonpaper.com/standards/',
          licence: 'CC BY 4.0',
        },
        tags: ['imported', 'common-paper'],
      });
    });
  return { clauses, notes };
}
