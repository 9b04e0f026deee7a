/**
 * Reading the cells of a contract ledger (台账) as people fill them in Excel: dates in several
 * forms or as Excel serial numbers, amounts with symbols, thousands separators and 万/亿, lists.
 * Pure functions; each returns the value or a message saying what is wrong.
 */
import { findDates, toIsoDate } from '@shared/extract/dates';
import type { Money } from '@shared/schemas/common';
import { CONTRACT_STATUSES, type ContractStatus } from '@shared/schemas/contract';
import { type LocalizedText, msg } from './messages';
import { currencyDigits, decimalToMinor, isKnownCurrency } from './money';

export type CellResult<T> = { ok: true; value: T } | { ok: false; error: LocalizedText };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(zh: string, en: string): CellResult<T> => ({ ok: false, error: msg(zh, en) });

/** The text of a cell as written, trimmed, without the quote that guards it against formula injection. */
export function cellText(raw: string | undefined): string {
  const s = (raw ?? '').trim();
  return /^'[=+\-@＝＋－＠]/.test(s) ? s.slice(1) : s;
}

/** A cell to parse: NFKC-normalised (full-width digits and signs → half-width). Values shown keep cellText. */
export const cleanCell = (raw: string | undefined): string => cellText(raw).normalize('NFKC').trim();

/** Cells that mean "nothing here" in ledgers. */
const BLANK = new Set(['', '-', '--', '—', '——', '/', '无', '暂无', 'n/a', 'na', 'null', 'none']);
export const isBlankCell = (raw: string | undefined): boolean => BLANK.has(cleanCell(raw).toLowerCase());

/** Excel counts days from 1899-12-30 (which absorbs its 1900 leap-year bug for dates after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function fromExcelSerial(serial: number): string | null {
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const YMD = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const YMD_ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;

/**
 * A date cell: `2024-03-01`, `2024/3/1`, `2024.3.1`, `2024年3月1日`, `20240301`, an Excel serial
 * number (45352), or any single date the text extractor reads (`March 1, 2024`, `二〇二四年三月一日`).
 */
export function parseDateCell(raw: string | undefined): CellResult<string | null> {
  if (isBlankCell(raw)) return ok(null);
  const s = cleanCell(raw);
  const bad = fail<string | null>(
    `“${s}”不是有效日期（可写作 2024-03-01、2024/3/1 或 2024年3月1日）`,
    `"${s}" is not a valid date (write 2024-03-01, 2024/3/1 or 2024年3月1日)`,
  );
  const parts = YMD.exec(s) ?? YMD_ZH.exec(s);
  if (parts) {
    const [y, m, d] = parts.length === 5 ? [parts[1], parts[3], parts[4]] : [parts[1], parts[2], parts[3]];
    const iso = toIsoDate(Number(y), Number(m), Number(d));
    return iso ? ok(iso) : bad;
  }
  const compact = COMPACT.exec(s);
  if (compact) {
    const iso = toIsoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return iso ? ok(iso) : bad;
  }
  if (SERIAL.test(s)) {
    const iso = fromExcelSerial(Number(s));
    return iso ? ok(iso) : bad;
  }
  const found = findDates(s);
  const only = found[0];
  if (found.length === 1 && only && only.text.trim() === s.replace(/\s+/g, ' ')) return ok(only.iso);
  return bad;
}

/** Currency markers in the order they must be tried (美元 before 元, HK$ before $). */
const CURRENCY_MARKERS: [RegExp, string][] = [
  [/US\$|USD|美元|美金/gi, 'USD'],
  [/HK\$|HKD|港币|港元|港幣/gi, 'HKD'],
  [/JPY|日元|日圓|円/gi, 'JPY'],
  [/EUR|€|欧元|歐元/gi, 'EUR'],
  [/GBP|£|英镑|英鎊/gi, 'GBP'],
  [/RMB|CNY|人民币|人民幣|¥|元/gi, 'CNY'],
  [/\$/g, 'USD'],
];

/** Finds and removes the currency markers of a text; the codes found (none, one, or a conflict). */
function takeCurrencies(text: string): { rest: string; codes: Set<string> } {
  const codes = new Set<string>();
  let rest = text;
  for (const [pattern, code] of CURRENCY_MARKERS) {
    if (pattern.test(rest)) codes.add(code);
    pattern.lastIndex = 0;
    rest = rest.replace(pattern, ' ');
  }
  const iso = /\b[A-Z]{3}\b/.exec(rest);
  if (iso && isKnownCurrency(iso[0])) {
    codes.add(iso[0]);
    rest = rest.replace(iso[0], ' ');
  }
  return { rest, codes };
}

/** A currency cell: `CNY`, `人民币`, `美元`, `USD`, `$`… */
export function parseCurrencyCell(raw: string | undefined): CellResult<string | null> {
  if (isBlankCell(raw)) return ok(null);
  const s = cleanCell(raw);
  const { rest, codes } = takeCurrencies(s);
  const [code] = codes;
  if (codes.size === 1 && code && rest.trim() === '') return ok(code);
  return fail(
    `“${s}”不是可识别的币种（如 CNY、人民币、USD）`,
    `"${s}" is not a currency (e.g. CNY, 人民币, USD)`,
  );
}

const MULTIPLIERS: [RegExp, number][] = [
  [/亿$/, 8],
  [/百万$/, 6],
  [/万$/, 4],
  [/千$/, 3],
  [/million$/i, 6],
  [/m$/i, 6],
  [/k$/i, 3],
];

export interface AmountHints {
  /** Currency from the ledger's currency column, if any. */
  currency?: string | null;
  /** Currency the header names, e.g. 金额（美元）. */
  headerCurrency?: string | null;
  /** Power of ten the header implies, e.g. 4 for 金额（万元）. */
  headerExponent?: number;
}

/**
 * An amount cell: `¥1,234.50`, `1234.5`, `12.5万`, `人民币10万元整`, `USD 250,000`. The currency
 * comes from the currency column, else the cell's own symbol, else the header, else CNY.
 */
export function parseAmountCell(raw: string | undefined, hints: AmountHints = {}): CellResult<Money | null> {
  if (isBlankCell(raw)) return ok(null);
  const s = cleanCell(raw);
  const { rest, codes } = takeCurrencies(s);
  if (codes.size > 1) {
    return fail(`“${s}”含有多个币种`, `"${s}" names more than one currency`);
  }
  const [symbol] = codes;
  if (hints.currency && symbol && hints.currency !== symbol) {
    return fail(
      `金额“${s}”是 ${symbol}，但币种列写的是 ${hints.currency}`,
      `the amount "${s}" is in ${symbol} but the currency column says ${hints.currency}`,
    );
  }
  const currency = hints.currency ?? symbol ?? hints.headerCurrency ?? 'CNY';
  let number = rest.replace(/[\s,，']/g, '').replace(/整$/, '');
  let exponent: number | null = null;
  for (const [pattern, exp] of MULTIPLIERS) {
    if (pattern.test(number)) {
      number = number.replace(pattern, '');
      exponent = exp;
      break;
    }
  }
  const value = decimalToMinor(number, currencyDigits(currency), exponent ?? hints.headerExponent ?? 0);
  if (value === null) {
    return fail(
      `“${s}”不是可识别的金额（如 ¥1,234.50、1234.5 或 12.5万）`,
      `"${s}" is not an amount (e.g. ¥1,234.50, 1234.5 or 12.5万)`,
    );
  }
  return ok({ value, currency });
}

/** What the header of an amount column says about its unit: 金额（万元）, Amount (USD). */
export function amountHintsFromHeader(
  header: string,
): Pick<AmountHints, 'headerCurrency' | 'headerExponent'> {
  const unit = /[(（]([^)）]*)[)）]/.exec(header.normalize('NFKC'))?.[1] ?? '';
  const { codes } = takeCurrencies(unit);
  const [code] = codes;
  const exponent = /亿/.test(unit) ? 8 : /万/.test(unit) ? 4 : /千/.test(unit) ? 3 : 0;
  return { headerCurrency: codes.size === 1 && code ? code : null, headerExponent: exponent };
}

/** A list cell, items as written: separated by `;`, `；`, `,`, `，`, `、`, `|` or line breaks. */
export function parseListCell(raw: string | undefined, separators = /[;；,，、|\n]/): string[] {
  if (isBlankCell(raw)) return [];
  return cellText(raw)
    .split(separators)
    .map((x) => x.trim())
    .filter((x) => x !== '' && !isBlankCell(x));
}

const STATUS_WORDS: Record<string, ContractStatus> = {
  草稿: 'draft',
  起草: 'draft',
  起草中: 'draft',
  审批中: 'in_review',
  审核中: 'in_review',
  审查中: 'in_review',
  已审批: 'approved',
  已批准: 'approved',
  签署中: 'signing',
  待签署: 'signing',
  履行中: 'active',
  执行中: 'active',
  生效: 'active',
  已生效: 'active',
  有效: 'active',
  到期: 'expired',
  已到期: 'expired',
  已过期: 'expired',
  终止: 'terminated',
  已终止: 'terminated',
  解除: 'terminated',
  已解除: 'terminated',
  续签: 'renewed',
  已续签: 'renewed',
  归档: 'archived',
  已归档: 'archived',
};

/** A status cell: one of the registry's statuses, in English or Chinese (履行中, 已到期…). */
export function parseStatusCell(raw: string | undefined): CellResult<ContractStatus | null> {
  if (isBlankCell(raw)) return ok(null);
  const s = cleanCell(raw);
  const key = s.toLowerCase().replace(/[\s-]+/g, '_');
  const direct = CONTRACT_STATUSES.find((st) => st === key);
  const found = direct ?? STATUS_WORDS[s];
  if (found) return ok(found);
  return fail(
    `“${s}”不是合同状态（${CONTRACT_STATUSES.join('、')}，或 履行中、已到期、已终止…）`,
    `"${s}" is not a status (${CONTRACT_STATUSES.join(', ')}, or 履行中, 已到期, 已终止…)`,
  );
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '自动续约', '自动续期']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗']);

/** A yes/no cell: 是/否, yes/no, true/false, 1/0, √/×. */
export function parseBooleanCell(raw: string | undefined): CellResult<boolean | null> {
  const s = cleanCell(raw).toLowerCase();
  if (s === '') return ok(null);
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return fail(`“${s}”不是 是/否`, `"${s}" is not yes/no`);
}

/** A number of days: `30`, `30天`, `30 days`, `30日`. */
export function parseDaysCell(raw: string | undefined): CellResult<number | null> {
  if (isBlankCell(raw)) return ok(null);
  const s = cleanCell(raw);
  const m = /^(\d{1,4})\s*(?:天|日|days?|d)?$/i.exec(s);
  if (m) return ok(Number(m[1]));
  return fail(`“${s}”不是天数`, `"${s}" is not a number of days`);
}
