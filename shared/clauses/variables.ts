/**
 * Typed `{{variables}}` of a clause body: finding them, checking values against their type, and filling a
 * body. Filling reports where each value sits in the result, so that a diff against the standard text can
 * treat the filled values as variables rather than as deviations.
 */

import {
  type ClauseLanguage,
  localize,
  type MoneyValue,
  type VariableDefinition,
  type VariableValue,
} from '@shared/schemas/clause';
import { IsoDate } from '@shared/schemas/common';
import { formatDate, formatMoney, formatNumber } from './format';

export interface Message {
  zh: string;
  en: string;
}

export interface VariableReference {
  name: string;
  /** Offsets of the whole placeholder `{{ name }}` in the body, end exclusive. */
  start: number;
  end: number;
}

/** One filled value in the filled text, `[start, end)`. */
export interface FilledSpan {
  name: string;
  start: number;
  end: number;
  value: string;
}

export type ValueCheck = { ok: true; value: VariableValue } | { ok: false; message: Message };

export interface VariableError {
  name: string;
  message: Message;
}

export interface FillResult {
  text: string;
  spans: FilledSpan[];
  /** Required variables that had neither a value nor a default (their placeholder stays in the text). */
  missing: string[];
  errors: VariableError[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/g;

export function parseVariables(body: string): VariableReference[] {
  return [...body.matchAll(PLACEHOLDER)].map((m) => ({
    name: m[1] ?? '',
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Distinct variable names in order of first use. */
export function variableNames(body: string): string[] {
  return [...new Set(parseVariables(body).map((r) => r.name))];
}

const fail = (zh: string, en: string): ValueCheck => ({ ok: false, message: { zh, en } });

export function isValidIsoDate(text: string): boolean {
  return IsoDate.safeParse(text).success;
}

function isMoneyValue(value: unknown): value is MoneyValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.value === 'number' && typeof v.currency === 'string';
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Checks one value against its variable's type; returns the value in its canonical form. */
export function validateValue(definition: VariableDefinition, value: unknown): ValueCheck {
  if (isBlank(value)) return fail('未填写', 'No value given');
  switch (definition.type) {
    case 'text':
    case 'party': {
      if (typeof value !== 'string') return fail('应为文字', 'Expected text');
      if (
        definition.type === 'text' &&
        definition.maxLength !== undefined &&
        value.length > definition.maxLength
      ) {
        return fail(`不得超过 ${definition.maxLength} 个字符`, `At most ${definition.maxLength} characters`);
      }
      return { ok: true, value: value.trim() };
    }
    case 'date': {
      if (typeof value !== 'string' || !isValidIsoDate(value)) {
        return fail('日期应写作 YYYY-MM-DD，且为真实日期', 'A date is written YYYY-MM-DD and must exist');
      }
      return { ok: true, value };
    }
    case 'money': {
      if (!isMoneyValue(value)) {
        return fail(
          '金额应为整数最小货币单位加币种',
          'Money is an integer number of minor units and a currency',
        );
      }
      if (!Number.isSafeInteger(value.value) || value.value < 0) {
        return fail(
          '金额应为非负整数最小货币单位（如：分）',
          'Money is a non-negative integer number of minor units (e.g. cents)',
        );
      }
      if (!/^[A-Z]{3}$/.test(value.currency)) {
        return fail(
          '币种应为 ISO 4217 代码，如 CNY、USD',
          'A currency is an ISO 4217 code such as CNY or USD',
        );
      }
      if (definition.currency !== undefined && value.currency !== definition.currency) {
        return fail(`币种应为 ${definition.currency}`, `The currency must be ${definition.currency}`);
      }
      return { ok: true, value: { value: value.value, currency: value.currency } };
    }
    case 'number': {
      const n = typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return fail('应为数字', 'Expected a number');
      if (definition.integer && !Number.isInteger(n)) return fail('应为整数', 'Expected a whole number');
      if (definition.min !== undefined && n < definition.min) {
        return fail(`不得小于 ${definition.min}`, `Must be at least ${definition.min}`);
      }
      if (definition.max !== undefined && n > definition.max) {
        return fail(`不得大于 ${definition.max}`, `Must be at most ${definition.max}`);
      }
      return { ok: true, value: n };
    }
    case 'choice': {
      if (typeof value !== 'string' || !definition.options.some((o) => o.value === value)) {
        const list = definition.options.map((o) => (o.label ? localize(o.label, 'en') : o.value)).join(' / ');
        return fail(`应为以下选项之一：${list}`, `Must be one of: ${list}`);
      }
      return { ok: true, value };
    }
  }
}

/** The text a (valid) value takes in the clause's language. */
export function renderValue(
  definition: VariableDefinition,
  value: VariableValue,
  language: ClauseLanguage,
): string {
  switch (definition.type) {
    case 'money':
      return formatMoney(value as MoneyValue, language);
    case 'date':
      return formatDate(String(value), language);
    case 'number':
      return typeof value === 'number' ? formatNumber(value, language) : String(value);
    default:
      return String(value);
  }
}

export interface FillOptions {
  /** What stands in for a variable without value or default: its placeholder (default) or nothing. */
  missing?: 'keep' | 'blank';
}

/**
 * Fills a body with values (falling back to each variable's default). Returns the text, the span of every
 * filled value in it, the required variables left unfilled, and the values that failed their type check
 * (those keep their placeholder).
 */
export function fillBody(
  body: string,
  definitions: readonly VariableDefinition[],
  values: Readonly<Record<string, unknown>>,
  language: ClauseLanguage,
  options: FillOptions = {},
): FillResult {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const rendered = new Map<string, string | null>();
  const errors: VariableError[] = [];
  const missing: string[] = [];

  const resolve = (name: string): string | null => {
    const cached = rendered.get(name);
    if (cached !== undefined) return cached;
    const definition = byName.get(name);
    let text: string | null = null;
    if (definition) {
      const given = values[name];
      const candidate = isBlank(given) ? definition.default : given;
      if (isBlank(candidate)) {
        if (definition.required) missing.push(name);
      } else {
        const check = validateValue(definition, candidate);
        if (check.ok) text = renderValue(definition, check.value, language);
        else errors.push({ name, message: check.message });
      }
    } else if (typeof values[name] === 'string' || typeof values[name] === 'number') {
      text = String(values[name]);
    }
    rendered.set(name, text);
    return text;
  };

  let out = '';
  let cursor = 0;
  const spans: FilledSpan[] = [];
  for (const ref of parseVariables(body)) {
    out += body.slice(cursor, ref.start);
    cursor = ref.end;
    const text = resolve(ref.name);
    if (text === null) {
      if (options.missing !== 'blank') out += body.slice(ref.start, ref.end);
      continue;
    }
    spans.push({ name: ref.name, start: out.length, end: out.length + text.length, value: text });
    out += text;
  }
  out += body.slice(cursor);
  return { text: out, spans, missing, errors };
}
