/**
 * The form a drafter fills before inserting a clause: one field per variable, typed as the library declares
 * it, checked with the shared variable rules, and the clause body (or one of its negotiation positions)
 * filled with the values.
 */
import { fillBody, type Message, validateValue, variableNames } from '@shared/clauses/variables';
import { minorDigits } from '@shared/money/currency';
import { scaleDecimal } from '@shared/money/figure-amount';
import {
  type Clause,
  localize,
  type MoneyValue,
  type VariableDefinition,
  type VariableValue,
} from '@shared/schemas/clause';
import type { ClausePosition, ClauseToInsert } from '../office/document-host';
import { positionBody } from './clause-positions';

/** What a field holds while being typed: text for every type, amount and currency for money. */
export type FieldValue = string | { amount: string; currency: string };
export type FormValues = Record<string, FieldValue>;

/** The standard body, or one of the negotiation positions. */
export type BodyChoice = ClausePosition;
export const POSITIONS = ['preferred', 'fallback', 'walkAway'] as const;

const DEFAULT_CURRENCY = { 'zh-CN': 'CNY', en: 'USD' } as const;

/** The amount of a money value as typed, e.g. 1200050 CNY → `12000.50`. */
export function minorToAmount(value: MoneyValue): string {
  const digits = minorDigits(value.currency);
  if (digits === 0) return String(value.value);
  const text = String(value.value).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Integer minor units of a typed amount (`12,000.5` CNY → 1200050); null when it is not a plain amount. */
export function amountToMinor(amount: string, currency: string): number | null {
  const cleaned = amount.replace(/[\s,，]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null;
  return scaleDecimal(cleaned, minorDigits(currency));
}

/** The fields as they start: each variable's default, money in the clause's usual currency. */
export function initialForm(clause: Clause): FormValues {
  const form: FormValues = {};
  for (const v of clause.variables) {
    if (v.type === 'money') {
      const currency = v.default?.currency ?? v.currency ?? DEFAULT_CURRENCY[clause.language];
      form[v.name] = { amount: v.default ? minorToAmount(v.default) : '', currency };
    } else form[v.name] = v.default === undefined ? '' : String(v.default);
  }
  return form;
}

const isBlankField = (value: FieldValue | undefined): boolean =>
  value === undefined || (typeof value === 'string' ? value.trim() === '' : value.amount.trim() === '');

/** A field's text turned into the value the shared rules check (money to integer minor units). */
function toRawValue(definition: VariableDefinition, field: FieldValue): unknown {
  if (definition.type === 'money') {
    if (typeof field === 'string') return field;
    const minor = amountToMinor(field.amount, field.currency);
    return minor === null ? field.amount : { value: minor, currency: field.currency.trim().toUpperCase() };
  }
  return typeof field === 'string' ? field : field.amount;
}

export interface FormCheck {
  values: Record<string, VariableValue>;
  /** Per variable name, why its value is not accepted (the clause cannot be inserted until corrected). */
  errors: Record<string, Message>;
  /** Required variables left blank: their `{{placeholder}}` goes into the document, to fill in later. */
  missing: string[];
}

const MONEY_AMOUNT: Message = {
  zh: '金额应为数字，小数位数不超过币种的最小单位（如 12000.50）',
  en: 'An amount is a number with no more decimals than the currency has (e.g. 12000.50)',
};

/** The variables the chosen text uses (a position often uses fewer than the standard body). */
export function variablesOf(clause: Clause, choice: BodyChoice = 'standard'): VariableDefinition[] {
  const used = new Set(variableNames(bodyOf(clause, choice)));
  return clause.variables.filter((v) => used.has(v.name));
}

/** Checks the fields the chosen text uses; blank ones are left out (required ones are listed as missing). */
export function checkForm(clause: Clause, form: FormValues, choice: BodyChoice = 'standard'): FormCheck {
  const values: Record<string, VariableValue> = {};
  const errors: Record<string, Message> = {};
  const missing: string[] = [];
  for (const v of variablesOf(clause, choice)) {
    const field = form[v.name];
    if (isBlankField(field)) {
      if (v.required) missing.push(v.name);
      continue;
    }
    const raw = toRawValue(v, field as FieldValue);
    if (v.type === 'money' && typeof raw === 'string') {
      errors[v.name] = MONEY_AMOUNT;
      continue;
    }
    const checked = validateValue(v, raw);
    if (checked.ok) values[v.name] = checked.value;
    else errors[v.name] = checked.message;
  }
  return { values, errors, missing };
}

export function availableBodies(clause: Clause): BodyChoice[] {
  return ['standard', ...POSITIONS.filter((p) => clause.positions?.[p] !== undefined)];
}

export function bodyOf(clause: Clause, choice: BodyChoice): string {
  return positionBody(clause, choice) ?? clause.body;
}

/** The drafting note of a position, in the pane's language. */
export function positionNote(clause: Clause, choice: BodyChoice, ui: 'zh-CN' | 'en'): string | null {
  if (choice === 'standard') return null;
  const note = clause.positions?.[choice]?.note;
  return note ? localize(note, ui) : null;
}

/** The clause (or the chosen position) filled with checked values, ready to insert and tagged with it. */
export function filledClause(
  clause: Clause,
  values: Readonly<Record<string, VariableValue>>,
  choice: BodyChoice = 'standard',
): ClauseToInsert {
  const position = positionBody(clause, choice) === null ? 'standard' : choice;
  const { text } = fillBody(bodyOf(clause, position), clause.variables, values, clause.language);
  return {
    clauseId: clause.id,
    version: clause.version,
    position,
    title: localize(clause.title, clause.language),
    text,
  };
}
