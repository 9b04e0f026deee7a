/** Money as integer minor units: conversion from and to the decimal text people write. */

/** Decimal places of a currency's minor unit (CNY 2, JPY 0), from the ICU data that ships with Node. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** True for an ISO 4217 code this runtime knows. */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/**
 * Converts a plain decimal (`1234.5`) to minor units, scaled by 10^exponent (4 for 万), exactly:
 * digits are shifted as text, never through a float; a fraction finer than the minor unit is
 * rounded half up. Null for malformed input or a value beyond Number.MAX_SAFE_INTEGER.
 */
export function decimalToMinor(decimal: string, digits: number, exponent = 0): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m) return null;
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  const shift = digits + exponent - fraction.length;
  const all = `${whole}${fraction}`;
  let value: bigint;
  if (shift >= 0) {
    value = BigInt(all) * 10n ** BigInt(shift);
  } else {
    const keep = all.slice(0, all.length + shift) || '0';
    const next = Number(all[all.length + shift] ?? '0');
    value = BigInt(keep) + (next >= 5 ? 1n : 0n);
  }
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** Minor units as a plain decimal in major units: 123450 CNY → `1234.50`. */
export function formatMinor(value: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(value);
  const text = String(value).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
