import type { LocalizedText } from '@shared/schemas/common';

/** A text in both languages of the product. */
export type { LocalizedText };

/** A message in both languages of the product. */
export const msg = (zh: string, en: string): LocalizedText => ({ zh, en });

export type Language = 'zh' | 'en';

/** The language of the terminal: Chinese when the locale says so, English otherwise. */
export function cliLanguage(env: Record<string, string | undefined> = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Joins several messages into one, language by language. */
export function joinMessages(parts: LocalizedText[], zhSep = '；', enSep = '; '): LocalizedText {
  return { zh: parts.map((p) => p.zh).join(zhSep), en: parts.map((p) => p.en).join(enSep) };
}

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** An error a command reports as it is, in the user's language, without a stack trace. */
export class LocalizedError extends Error {
  constructor(readonly localized: LocalizedText) {
    super(localized.en);
  }
}

/** Runs a command's body; a LocalizedError is printed in the user's language and sets exit code 1. */
export async function reportingErrors(body: (lang: Language) => Promise<void>): Promise<void> {
  const lang = cliLanguage();
  try {
    await body(lang);
  } catch (err) {
    if (!(err instanceof LocalizedError)) throw err;
    console.error(err.localized[lang]);
    process.exitCode = 1;
  }
}
