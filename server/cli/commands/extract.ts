import { extractContractMetadata } from '@shared/extract/index';
import { formatFigure } from '@shared/money';
import type { Extraction } from '@shared/schemas/extraction';
import { cliLanguage, type Language, LocalizedError, type LocalizedText, msg } from '../ops/messages';
import { readDocumentText } from '../read-document';
import type { RegisterCommand } from './index';

interface ExtractCommandOptions {
  json?: boolean;
  evidence?: boolean;
}

/** One JSON line per file: the fields a registry record is pre-filled with. */
export function extractionLine(
  file: string,
  result: Extraction,
  withEvidence = false,
): Record<string, unknown> {
  return {
    file,
    title: result.title,
    contractType: result.contractType,
    language: result.language,
    parties: result.parties,
    agreementDate: result.agreementDate,
    effectiveDate: result.effectiveDate,
    expiryDate: result.expiryDate,
    initialTerm: result.initialTerm,
    governingLaw: result.governingLaw,
    renewalTerm: result.renewalTerm,
    autoRenew: result.autoRenew,
    noticePeriodDays: result.noticePeriodDays,
    terminationNoticeDays: result.terminationNoticeDays,
    amount: result.amount,
    paymentDueDays: result.paymentTerms?.dueDays ?? null,
    clauses: result.clauses,
    ...(withEvidence ? { clauseEvidence: result.clauseEvidence } : {}),
  };
}

const LABELS: Record<string, LocalizedText> = {
  title: msg('标题', 'Title'),
  parties: msg('当事人', 'Parties'),
  dates: msg('日期', 'Dates'),
  term: msg('期限', 'Term'),
  law: msg('适用法律', 'Governing law'),
  amount: msg('金额', 'Amount'),
  payment: msg('付款', 'Payment'),
  clauses: msg('条款', 'Clauses'),
};

/** A readable summary of one file's extraction, in the terminal's language. */
export function extractionSummary(file: string, r: Extraction, lang: Language): string {
  const none = lang === 'zh' ? '—' : '—';
  const days = (n: number | null) => (n === null ? none : lang === 'zh' ? `${n} 日` : `${n} days`);
  const label = (key: string) => `  ${(LABELS[key]?.[lang] ?? key).padEnd(lang === 'zh' ? 8 : 14)}`;
  const parties =
    r.parties.length === 0
      ? none
      : r.parties.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ');
  const dates =
    lang === 'zh'
      ? `签订 ${r.agreementDate ?? none}  生效 ${r.effectiveDate ?? none}  届满 ${r.expiryDate ?? none}`
      : `agreement ${r.agreementDate ?? none}  effective ${r.effectiveDate ?? none}  expiry ${r.expiryDate ?? none}`;
  const renewal =
    r.renewalTerm === null
      ? lang === 'zh'
        ? '无续期条款'
        : 'no renewal'
      : `${lang === 'zh' ? '续期' : 'renewal'} ${r.renewalTerm}${r.autoRenew ? (lang === 'zh' ? '（自动）' : ' (automatic)') : ''}`;
  const term = [
    r.initialTerm ? `${lang === 'zh' ? '初始期限' : 'initial'} ${r.initialTerm}` : null,
    renewal,
    r.noticePeriodDays !== null
      ? `${lang === 'zh' ? '不续期通知' : 'non-renewal notice'} ${days(r.noticePeriodDays)}`
      : null,
  ]
    .filter((s) => s !== null)
    .join(', ');
  const amount = r.amount
    ? `${r.amount.currency} ${formatFigure(r.amount.value, r.amount.currency, '0,000.00')}`
    : none;
  const found = Object.entries(r.clauses)
    .filter(([, present]) => present)
    .map(([category]) => category);
  return [
    file,
    `${label('title')}${r.title ?? none} (${r.contractType})`,
    `${label('parties')}${parties}`,
    `${label('dates')}${dates}`,
    `${label('term')}${term}`,
    `${label('law')}${r.governingLaw ?? none}`,
    `${label('amount')}${amount}`,
    `${label('payment')}${r.paymentTerms ? days(r.paymentTerms.dueDays) : none}`,
    `${label('clauses')}${found.length > 0 ? found.join(', ') : none}`,
  ].join('\n');
}

export const registerExtract: RegisterCommand = (program) => {
  program
    .command('extract')
    .description('Read contract metadata (parties, dates, term, governing law, amount, clauses) from files')
    .argument('<files...>', 'contracts as .txt, .md, .docx or .pdf')
    .option('--json', 'one JSON object per line per file')
    .option('--evidence', 'with --json: add the sentence each clause was found in')
    .action(async (files: string[], o: ExtractCommandOptions) => {
      const lang = cliLanguage();
      let unreadable = 0;
      const summaries: string[] = [];
      for (const file of files) {
        let text: string;
        try {
          text = await readDocumentText(file);
        } catch (err) {
          if (!(err instanceof LocalizedError)) throw err;
          console.error(err.localized[lang]);
          unreadable++;
          continue;
        }
        const result = extractContractMetadata(text);
        if (o.json)
          process.stdout.write(`${JSON.stringify(extractionLine(file, result, o.evidence ?? false))}\n`);
        else summaries.push(extractionSummary(file, result, lang));
      }
      if (!o.json && summaries.length > 0) process.stdout.write(`${summaries.join('\n\n')}\n`);
      if (unreadable > 0) process.exitCode = 2;
    });
};
