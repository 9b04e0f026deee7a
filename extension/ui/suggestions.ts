import type { ContractPatch } from '@shared/schemas/contract';
import type { Extraction } from '@shared/schemas/extraction';

/** The contract fields the registry's reading of a document can suggest. */
export const SUGGESTED_FIELDS = ['type', 'counterparty', 'effectiveDate', 'expiryDate', 'amount'] as const;
export type SuggestedField = (typeof SUGGESTED_FIELDS)[number];

/** The suggestion form as the user edits it: text fields, parsed only when confirmed. */
export interface SuggestionForm {
  type: string;
  parties: { name: string; role: string }[];
  effectiveDate: string;
  expiryDate: string;
  /** In major units as typed (`125000.50`); the registry keeps minor units. */
  amount: string;
  currency: string;
}

/** Minor units as a decimal text with two decimals (`12500050` → `125000.50`). */
export function formatMinorUnits(value: number): string {
  const cents = String(value % 100).padStart(2, '0');
  return `${Math.floor(value / 100)}.${cents}`;
}

/** A typed amount (`125,000.5`) in minor units, or null when it is not a non-negative amount. */
export function parseMajorUnits(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.replace(/[,\s，]/g, ''));
  if (!m?.[1]) return null;
  const value = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** The form filled from what the registry read, and which fields it actually suggests. */
export function suggestionsFrom(meta: Extraction): { form: SuggestionForm; offered: SuggestedField[] } {
  const form: SuggestionForm = {
    type: meta.contractType === 'other' ? '' : meta.contractType,
    parties: meta.parties.map((p) => ({ name: p.name, role: p.role ?? '' })),
    effectiveDate: meta.effectiveDate ?? meta.agreementDate ?? '',
    expiryDate: meta.expiryDate ?? '',
    amount: meta.amount ? formatMinorUnits(meta.amount.value) : '',
    currency: meta.amount?.currency ?? 'CNY',
  };
  const offered = SUGGESTED_FIELDS.filter((f) => {
    if (f === 'counterparty') return form.parties.length > 0;
    if (f === 'amount') return form.amount !== '';
    return form[f] !== '';
  });
  return { form, offered };
}

export type PatchProblem = 'amount' | 'date' | 'dateOrder' | 'type';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The `PATCH /api/contracts/{id}` body for the fields the user accepted, or what is wrong with them. */
export function patchFrom(
  form: SuggestionForm,
  accepted: readonly SuggestedField[],
): { patch: ContractPatch } | { problem: PatchProblem } {
  const patch: ContractPatch = {};
  const on = new Set(accepted);
  if (on.has('type')) {
    const type = form.type.trim();
    if (!/^[\p{L}\p{N}_-]{1,40}$/u.test(type)) return { problem: 'type' };
    patch.type = type;
  }
  if (on.has('counterparty')) {
    patch.counterparty = form.parties
      .map((p) => ({ name: p.name.trim(), role: p.role.trim() || 'counterparty' }))
      .filter((p) => p.name !== '');
  }
  for (const field of ['effectiveDate', 'expiryDate'] as const) {
    if (!on.has(field)) continue;
    const date = form[field].trim();
    if (date !== '' && !ISO_DATE.test(date)) return { problem: 'date' };
    patch[field] = date || null;
  }
  if (patch.effectiveDate && patch.expiryDate && patch.expiryDate < patch.effectiveDate) {
    return { problem: 'dateOrder' };
  }
  if (on.has('amount')) {
    if (form.amount.trim() === '') patch.amount = null;
    else {
      const value = parseMajorUnits(form.amount);
      const currency = form.currency.trim().toUpperCase();
      if (value === null || !/^[A-Z]{3}$/.test(currency)) return { problem: 'amount' };
      patch.amount = { value, currency };
    }
  }
  return { patch };
}
