/**
 * `npm run eval -- <folder> [--split dev|test|all] [--errors]`: measures metadata extraction and clause
 * detection against a labelled corpus shaped like CUAD (`txt/*.txt` + `master_clauses.csv`, whose
 * `Filename` column is the txt name with `.pdf`).
 *
 * The files are sorted by name and split in two halves: the first half (`dev`) is the one rules are
 * developed against, the second (`test`) is held out. Figures are printed for the chosen split; `all`
 * prints both halves and the whole side by side. `--errors` lists each wrong field of the chosen split.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { durationInDays, durationInMonths, findDurations } from '@shared/extract/durations';
import { sameJurisdiction } from '@shared/extract/governing-law';
import { extractContractMetadata } from '@shared/extract/index';
import { normalizePartyName, samePartyName } from '@shared/extract/party-names';
import { isRoleWord } from '@shared/extract/party-roles';
import type { ClauseCategory, Extraction } from '@shared/schemas/extraction';
import { parse } from 'csv-parse/sync';

export type Split = 'dev' | 'test' | 'all';

/** CUAD categories that map onto Pactfile's clause categories. */
export const CATEGORY_COLUMNS: ReadonlyArray<[ClauseCategory, string]> = [
  ['governing-law', 'Governing Law'],
  ['anti-assignment', 'Anti-Assignment'],
  ['cap-on-liability', 'Cap On Liability'],
  ['uncapped-liability', 'Uncapped Liability'],
  ['audit-rights', 'Audit Rights'],
  ['insurance', 'Insurance'],
  ['termination-for-convenience', 'Termination For Convenience'],
  ['non-compete', 'Non-Compete'],
  ['exclusivity', 'Exclusivity'],
  ['ip-ownership-assignment', 'Ip Ownership Assignment'],
  ['warranty-duration', 'Warranty Duration'],
  ['liquidated-damages', 'Liquidated Damages'],
  ['change-of-control', 'Change Of Control'],
  ['renewal-term', 'Renewal Term'],
];

export const FIELDS = [
  'governingLaw',
  'agreementDate',
  'effectiveDate',
  'expiryDate',
  'parties',
  'noticePeriodDays',
  'renewalTerm',
] as const;
export type Field = (typeof FIELDS)[number];

export const COMPARISON_RULES = `Comparison rules
- Dates: a label "M/D/YY" is read month first; two-digit years 00-49 are 20xx, 50-99 19xx. A label with
  blanks ("[]/[]/2019") or "perpetual" names no calendar date, so the expected value is null, as it is for an
  empty label. Right when the extracted YYYY-MM-DD equals the expected value (null = null counts as right).
- Governing law: the label is split on ";" and ","; right when the extracted jurisdiction names one of the
  parts, ignoring case, a leading "the", "State/Commonwealth/Province of" and known aliases (PRC = People's
  Republic of China = 中华人民共和国). Empty label: right when nothing is extracted.
- Parties: the label is split on ";"; defined terms in brackets and quotes are dropped, and so are entries
  that only define "Party"/"Parties", blanks ("[]"), role words ("Franchisee") and descriptions ("an
  individual"). A file is right when every remaining name matches an extracted party: equal after
  lower-casing, removing punctuation, a leading "the" and legal forms (Inc., Ltd., LLC, Corp., Co., GmbH,
  S.A. …), or one name is the other followed by more words, or (names of 10+ characters) they differ by at
  most two characters (labels carry typos). Files whose label leaves no name are not scored.
- Notice period (to terminate renewal): the label's periods ("30 days", "6 months", "180 days / 6 months")
  in days (a month is 30 days, a year 365); right when the extracted number of days is within 5 days of one
  of them. Empty label: right when nothing is extracted.
- Renewal term: the label's first period, in months (days when shorter than a month), against the period
  in the extracted renewal term. "perpetual" or a blank period ("successive []"): right when any renewal
  term is extracted. Empty label: right when nothing is extracted.
- Clauses: CUAD's Yes/No answer per category (Governing Law and Renewal Term: a non-empty answer is Yes)
  against the detected presence; precision, recall and F1 per category and their macro-average over the
  categories labelled or detected at least once in the split.
- "labelled" accuracy counts only the files whose label has a value.`;

export interface LabelledFile {
  /** The txt file's name. */
  name: string;
  row: Record<string, string>;
}

/** Reads the labels and pairs each row with its txt file, sorted by file name. */
export function readCorpus(folder: string): LabelledFile[] {
  const rows = parse(readFileSync(join(folder, 'master_clauses.csv')), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Record<string, string>[];
  const txt = new Set(readdirSync(join(folder, 'txt')));
  const files: LabelledFile[] = [];
  for (const row of rows) {
    const name = (row.Filename ?? '').replace(/\.pdf$/i, '.txt');
    if (txt.has(name)) files.push({ name, row });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The files of a split: `dev` is the first half by name (rounded up), `test` the rest. */
export function selectSplit<T>(files: T[], split: Split): T[] {
  const half = Math.ceil(files.length / 2);
  if (split === 'dev') return files.slice(0, half);
  if (split === 'test') return files.slice(half);
  return files;
}

/** A label's column: CUAD names the answer column "<Category>-Answer" (once "<Category>- Answer"). */
export function answer(row: Record<string, string>, category: string): string {
  const key = Object.keys(row).find(
    (k) => k.replace(/\s+/g, '') === `${category.replace(/\s+/g, '')}-Answer`,
  );
  return (key ? (row[key] ?? '') : '').trim();
}

/** A CUAD date label as YYYY-MM-DD; null when empty, blank in part, or not a date. */
export function cuadDate(label: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(label.trim());
  if (!m) return null;
  let year = Number(m[3]);
  if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  return `${year}-${String(m[1]).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`;
}

/** The party names of a CUAD label, without defined terms, collective definitions and placeholders. */
export function cuadParties(label: string): string[] {
  const names: string[] = [];
  for (const raw of label.split(';')) {
    const entry = raw.normalize('NFKC').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    // An entry that only defines the collective terms: 'Company and Consultant (each a "Party" …)'.
    const terms = [...entry.matchAll(/"([^"]*)"/g)].map((m) => (m[1] ?? '').trim());
    if (terms.length > 0 && terms.every((t) => /^(?:the\s+)?part(?:y|ies)\.?,?$/i.test(t))) continue;
    // Defined terms stand in brackets or quotes after the name: drop them, keep the name.
    const name = entry
      .replace(/\([^)]*\)?/g, ' ')
      .replace(/"[^"]*"?/g, ' ')
      .replace(/\[\s*\]/g, ' ')
      .replace(/^[\s(),;]+|[\s(),;]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (name === '' || !/\p{L}{2,}/u.test(name)) continue;
    // What is left of a collective definition: "MD Anderson and Adaptimmune each a and collectively the".
    if (/\b(?:each|collectively|individually|together|jointly|singularly|referred|hereinafter)\b/i.test(name))
      continue;
    if (isRoleWord(name) || /^(?:an?|the)\s+(?:individual|resident|person|entity)\b/i.test(name)) continue;
    names.push(name);
  }
  return names;
}

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * A labelled party name against an extracted one: the same party by `samePartyName`, or names of ten
 * characters or more that differ by at most two characters once normalised (labels carry typos).
 */
export function sameLabelledParty(label: string, extracted: string): boolean {
  if (samePartyName(label, extracted)) return true;
  const a = normalizePartyName(label);
  const b = normalizePartyName(extracted);
  return Math.min(a.length, b.length) >= 10 && editDistance(a, b) <= 2;
}

/** The periods of a CUAD label in days ("180 days / 6 months" → [180, 180]). */
export function cuadPeriodsInDays(label: string): number[] {
  return findDurations(label).map((d) => durationInDays(d));
}

/** A period in months, or in days for periods shorter than a month, for comparing renewal terms. */
function periodKey(text: string): string | null {
  const d = findDurations(text)[0];
  if (!d) return null;
  const months = durationInMonths(d);
  return months !== null ? `${months}m` : `${durationInDays(d)}d`;
}

export interface FieldScore {
  right: number;
  total: number;
  /** Among files whose label has a value. */
  labelledRight: number;
  labelled: number;
}

export interface CategoryScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface FieldError {
  file: string;
  field: Field | ClauseCategory;
  expected: string;
  got: string;
}

export interface Report {
  files: number;
  fields: Record<Field, FieldScore>;
  categories: Record<string, CategoryScore>;
  errors: FieldError[];
}

/** The verdict on one field of one file: right or wrong, whether the label has a value, or not scored. */
export function judgeField(
  field: Field,
  row: Record<string, string>,
  got: Extraction,
): { right: boolean; labelled: boolean; expected: string; actual: string } | null {
  switch (field) {
    case 'agreementDate':
    case 'effectiveDate':
    case 'expiryDate': {
      const column = {
        agreementDate: 'Agreement Date',
        effectiveDate: 'Effective Date',
        expiryDate: 'Expiration Date',
      }[field];
      const label = answer(row, column);
      const expected = cuadDate(label);
      const actual = got[field];
      return {
        right: expected === actual,
        labelled: expected !== null,
        expected: label || '∅',
        actual: actual ?? '∅',
      };
    }
    case 'governingLaw': {
      const label = answer(row, 'Governing Law');
      const parts = label
        .split(/[;,]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const actual = got.governingLaw;
      const right =
        parts.length === 0
          ? actual === null
          : actual !== null && parts.some((p) => sameJurisdiction(p, actual));
      return { right, labelled: parts.length > 0, expected: label || '∅', actual: actual ?? '∅' };
    }
    case 'parties': {
      const names = cuadParties(answer(row, 'Parties'));
      if (names.length === 0) return null;
      const found = got.parties.map((p) => p.name);
      const right = names.every((n) => found.some((f) => sameLabelledParty(n, f)));
      return { right, labelled: true, expected: names.join(' | '), actual: found.join(' | ') || '∅' };
    }
    case 'noticePeriodDays': {
      const label = answer(row, 'Notice Period To Terminate Renewal');
      const periods = cuadPeriodsInDays(label);
      const actual = got.noticePeriodDays;
      const right =
        periods.length === 0
          ? actual === null
          : actual !== null && periods.some((p) => Math.abs(p - actual) <= 5);
      return {
        right,
        labelled: periods.length > 0,
        expected: label || '∅',
        actual: actual === null ? '∅' : `${actual} days`,
      };
    }
    case 'renewalTerm': {
      const label = answer(row, 'Renewal Term');
      const actual = got.renewalTerm;
      let right: boolean;
      if (label === '') right = actual === null;
      else if (/perpetual/i.test(label) || periodKey(label) === null) right = actual !== null;
      else right = actual !== null && periodKey(actual) === periodKey(label);
      return { right, labelled: label !== '', expected: label || '∅', actual: actual ?? '∅' };
    }
  }
}

/** Whether CUAD says the contract has a category of clause. */
export function labelledPresent(row: Record<string, string>, column: string): boolean {
  const value = answer(row, column);
  if (column === 'Governing Law' || column === 'Renewal Term') return value !== '';
  return /^yes$/i.test(value);
}

/** Runs extraction over the files and scores it. */
export function evaluate(folder: string, files: LabelledFile[]): Report {
  const fields = Object.fromEntries(
    FIELDS.map((f) => [f, { right: 0, total: 0, labelledRight: 0, labelled: 0 }]),
  ) as Record<Field, FieldScore>;
  const categories: Record<string, CategoryScore> = Object.fromEntries(
    CATEGORY_COLUMNS.map(([c]) => [c, { tp: 0, fp: 0, fn: 0, tn: 0 }]),
  );
  const errors: FieldError[] = [];
  for (const file of files) {
    const text = readFileSync(join(folder, 'txt', file.name), 'utf8');
    const got = extractContractMetadata(text);
    for (const field of FIELDS) {
      const verdict = judgeField(field, file.row, got);
      if (verdict === null) continue;
      const score = fields[field];
      score.total++;
      if (verdict.right) score.right++;
      if (verdict.labelled) {
        score.labelled++;
        if (verdict.right) score.labelledRight++;
      }
      if (!verdict.right)
        errors.push({ file: file.name, field, expected: verdict.expected, got: verdict.actual });
    }
    for (const [category, column] of CATEGORY_COLUMNS) {
      const expected = labelledPresent(file.row, column);
      const actual = got.clauses[category];
      const score = categories[category];
      if (!score) continue;
      if (expected && actual) score.tp++;
      else if (!expected && actual) score.fp++;
      else if (expected && !actual) score.fn++;
      else score.tn++;
      if (expected !== actual)
        errors.push({
          file: file.name,
          field: category,
          expected: expected ? 'present' : 'absent',
          got: actual ? `present: ${got.clauseEvidence[category]?.excerpt.slice(0, 160) ?? ''}` : 'absent',
        });
    }
  }
  return { files: files.length, fields, categories, errors };
}

/** Precision, recall and F1 of a category; null when it is neither labelled nor detected in any file. */
export function precisionRecallF1(
  s: CategoryScore,
): { precision: number; recall: number; f1: number } | null {
  if (s.tp + s.fp + s.fn === 0) return null;
  const precision = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The mean F1 over the categories that can be scored. */
export function macroF1(report: Report): number {
  const values = Object.values(report.categories)
    .map((s) => precisionRecallF1(s)?.f1)
    .filter((f): f is number => f !== undefined);
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** The reports as a table: one column per split. */
export function formatReport(reports: Array<[string, Report]>): string {
  const out: string[] = [];
  const header = (first: string) =>
    `${first.padEnd(30)}${reports.map(([name, r]) => `${name} (${r.files})`.padStart(24)).join('')}`;
  out.push(header('Field accuracy'));
  for (const field of FIELDS) {
    out.push(
      `  ${field.padEnd(28)}${reports
        .map(([, r]) => {
          const s = r.fields[field];
          return `${pct(s.right, s.total)} (${s.right}/${s.total})`.padStart(24);
        })
        .join('')}`,
    );
    out.push(
      `    ${'labelled only'.padEnd(26)}${reports
        .map(([, r]) => {
          const s = r.fields[field];
          return `${pct(s.labelledRight, s.labelled)} (${s.labelledRight}/${s.labelled})`.padStart(24);
        })
        .join('')}`,
    );
  }
  out.push('');
  out.push(header('Clause presence  P / R / F1'));
  for (const [category] of CATEGORY_COLUMNS) {
    out.push(
      `  ${category.padEnd(28)}${reports
        .map(([, r]) => {
          const s = r.categories[category];
          const scores = s ? precisionRecallF1(s) : null;
          if (!scores) return 'n/a'.padStart(24);
          return `${scores.precision.toFixed(2)} / ${scores.recall.toFixed(2)} / ${scores.f1.toFixed(2)}`.padStart(
            24,
          );
        })
        .join('')}`,
    );
  }
  out.push(
    `  ${'macro-average F1'.padEnd(28)}${reports.map(([, r]) => macroF1(r).toFixed(3).padStart(24)).join('')}`,
  );
  return out.join('\n');
}

function parseArgs(argv: string[]): { folder: string; split: Split; errors: boolean } | string {
  let folder: string | null = null;
  let split: Split = 'all';
  let errors = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--split') {
      const value = argv[++i];
      if (value !== 'dev' && value !== 'test' && value !== 'all')
        return `--split takes dev, test or all (got ${value})`;
      split = value;
    } else if (arg.startsWith('--split=')) {
      const value = arg.slice('--split='.length);
      if (value !== 'dev' && value !== 'test' && value !== 'all')
        return `--split takes dev, test or all (got ${value})`;
      split = value;
    } else if (arg === '--errors') errors = true;
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else folder = arg;
  }
  if (folder === null) return 'usage: npm run eval -- <folder> [--split dev|test|all] [--errors]';
  return { folder, split, errors };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
    return;
  }
  let files: LabelledFile[];
  try {
    files = readCorpus(args.folder);
  } catch (err) {
    console.error(`cannot read ${args.folder}: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
    return;
  }
  const splits: Split[] = args.split === 'all' ? ['dev', 'test', 'all'] : [args.split];
  const reports = splits.map((s) => [s, evaluate(args.folder, selectSplit(files, s))] as [string, Report]);
  console.log(
    `${files.length} labelled files in ${args.folder}; dev = first half by name, test = second half\n`,
  );
  console.log(formatReport(reports));
  console.log(`\n${COMPARISON_RULES}`);
  if (args.errors) {
    const report = reports[reports.length - 1]?.[1];
    console.log(`\nErrors (${args.split})`);
    for (const e of report?.errors ?? [])
      console.log(`  ${e.field} | ${e.file}\n      expected: ${e.expected}\n      got:      ${e.got}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
