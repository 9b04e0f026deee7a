import { extractContractMetadata } from '@shared/extract/index';
import { describe, expect, it } from 'vitest';
import {
  cuadDate,
  cuadParties,
  cuadPeriodsInDays,
  evaluate,
  formatReport,
  judgeField,
  labelledPresent,
  macroF1,
  precisionRecallF1,
  readCorpus,
  sameLabelledParty,
  selectSplit,
} from '../../../scripts/eval';
import { fixturePath } from './fixtures';

const folder = fixturePath('cuad-mini');

describe('label parsing', () => {
  it('reads CUAD dates month first, with two-digit years', () => {
    expect(cuadDate('6/21/99')).toBe('1999-06-21');
    expect(cuadDate('10/31/19')).toBe('2019-10-31');
    expect(cuadDate('3/1/2024')).toBe('2024-03-01');
    expect(cuadDate('[]/[]/2019')).toBeNull();
    expect(cuadDate('perpetual')).toBeNull();
    expect(cuadDate('')).toBeNull();
  });

  it('keeps party names and drops defined terms, collective definitions, blanks and roles', () => {
    expect(
      cuadParties(
        'Premier Nutrition Company, LLC, ("Buyer" or "PNC"); Fonterra (USA) Inc., ("Supplier" or "Fonterra"); (each "Party", collectively "Parties")',
      ),
    ).toEqual(['Premier Nutrition Company, LLC', 'Fonterra Inc.']);
    expect(
      cuadParties(
        'Anixa Biosciences, Inc. ("Anixa"); OntoChem GmbH ("OntoChem")( individually as a “Party” and collectively as the “Parties”)',
      ),
    ).toEqual(['Anixa Biosciences, Inc.', 'OntoChem GmbH']);
    expect(cuadParties('Tribute Pharmaceuticals Inc. ("Corporation"); [] ("Agent")')).toEqual([
      'Tribute Pharmaceuticals Inc.',
    ]);
    expect(cuadParties('EL POLLO LOCO, INC. ("Franchisor"); an individual ("Developer")')).toEqual([
      'EL POLLO LOCO, INC.',
    ]);
    expect(
      cuadParties(
        'Driven Deliveries, Inc ("Company"); Company and Consultant (singularly as a “Party” or collectively as the “Parties”)',
      ),
    ).toEqual(['Driven Deliveries, Inc']);
    expect(cuadParties('STAAR SURGICAL AG ("STAAR"); Distributor ("Distributor")')).toEqual([
      'STAAR SURGICAL AG',
    ]);
  });

  it('reads notice periods in days', () => {
    expect(cuadPeriodsInDays('30 days')).toEqual([30]);
    expect(cuadPeriodsInDays('180 days / 6 months')).toEqual([180, 180]);
    expect(cuadPeriodsInDays('1 year')).toEqual([365]);
    expect(cuadPeriodsInDays('')).toEqual([]);
  });

  it('tolerates small typos in long labelled names only', () => {
    expect(sameLabelledParty('Mount Kowledge Holdings Inc.', 'MOUNT KNOWLEDGE HOLDINGS INC.')).toBe(true);
    expect(sameLabelledParty('Acme Inc.', 'Acne Inc.')).toBe(false);
  });
});

describe('judging fields', () => {
  const base = extractContractMetadata('');
  const row = (answers: Record<string, string>) =>
    Object.fromEntries(Object.entries(answers).map(([k, v]) => [`${k}-Answer`, v]));

  it('counts null = null as right for an empty date label, and a blank date as expecting null', () => {
    expect(judgeField('agreementDate', row({ 'Agreement Date': '' }), base)).toMatchObject({
      right: true,
      labelled: false,
    });
    expect(judgeField('agreementDate', row({ 'Agreement Date': '[]/[]/2019' }), base)).toMatchObject({
      right: true,
    });
    expect(
      judgeField('agreementDate', row({ 'Agreement Date': '6/21/99' }), {
        ...base,
        agreementDate: '1999-06-21',
      }),
    ).toMatchObject({ right: true, labelled: true });
    expect(judgeField('agreementDate', row({ 'Agreement Date': '6/21/99' }), base)).toMatchObject({
      right: false,
    });
  });

  it('accepts any of several labelled jurisdictions, and aliases', () => {
    const labels = row({ 'Governing Law': 'Illinois; New York' });
    expect(judgeField('governingLaw', labels, { ...base, governingLaw: 'New York' })?.right).toBe(true);
    expect(judgeField('governingLaw', labels, { ...base, governingLaw: 'Delaware' })?.right).toBe(false);
    expect(
      judgeField('governingLaw', row({ 'Governing Law': "People's Republic of China" }), {
        ...base,
        governingLaw: '中华人民共和国',
      })?.right,
    ).toBe(true);
  });

  it('requires every labelled party and skips files whose label names none', () => {
    const labels = row({ Parties: 'Alpha Ltd. ("Alpha"); Beta Inc. ("Beta")' });
    const one = { ...base, parties: [{ name: 'ALPHA LIMITED', role: null }] };
    const both = { ...base, parties: [...one.parties, { name: 'Beta, Inc.', role: 'Beta' }] };
    expect(judgeField('parties', labels, one)?.right).toBe(false);
    expect(judgeField('parties', labels, both)?.right).toBe(true);
    expect(judgeField('parties', row({ Parties: '' }), both)).toBeNull();
  });

  it('compares notice periods within five days and renewal terms by length', () => {
    expect(
      judgeField('noticePeriodDays', row({ 'Notice Period To Terminate Renewal': '12 months' }), {
        ...base,
        noticePeriodDays: 365,
      })?.right,
    ).toBe(true);
    expect(
      judgeField('noticePeriodDays', row({ 'Notice Period To Terminate Renewal': '30 days' }), {
        ...base,
        noticePeriodDays: 60,
      })?.right,
    ).toBe(false);
    expect(
      judgeField('renewalTerm', row({ 'Renewal Term': 'successive 12 months' }), {
        ...base,
        renewalTerm: '1年',
      })?.right,
    ).toBe(true);
    expect(
      judgeField('renewalTerm', row({ 'Renewal Term': 'perpetual' }), {
        ...base,
        renewalTerm: 'until terminated',
      })?.right,
    ).toBe(true);
    expect(
      judgeField('renewalTerm', row({ 'Renewal Term': '2 years' }), { ...base, renewalTerm: '1 year' })
        ?.right,
    ).toBe(false);
  });

  it('reads presence from Yes/No answers, and from any answer for governing law and renewal', () => {
    expect(labelledPresent(row({ 'Audit Rights': 'Yes' }), 'Audit Rights')).toBe(true);
    expect(labelledPresent(row({ 'Audit Rights': 'No' }), 'Audit Rights')).toBe(false);
    expect(labelledPresent(row({ 'Renewal Term': 'successive 1 year' }), 'Renewal Term')).toBe(true);
    expect(labelledPresent(row({ 'Governing Law': '' }), 'Governing Law')).toBe(false);
  });

  it('computes precision, recall and F1, and leaves out categories never labelled nor detected', () => {
    expect(precisionRecallF1({ tp: 2, fp: 0, fn: 1, tn: 0 })).toEqual({
      precision: 1,
      recall: 2 / 3,
      f1: 0.8,
    });
    expect(precisionRecallF1({ tp: 0, fp: 0, fn: 0, tn: 3 })).toBeNull();
    expect(precisionRecallF1({ tp: 0, fp: 0, fn: 1, tn: 2 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('evaluating a folder', () => {
  const files = readCorpus(folder);

  it('pairs the rows with their txt files, sorted by name, and splits them in halves', () => {
    expect(files.map((f) => f.name)).toEqual([
      'Alpha_Co-Branding Agreement.txt',
      'Beta_Master Supply Agreement.txt',
      'Gamma_Purchase Contract.txt',
    ]);
    expect(selectSplit(files, 'dev').map((f) => f.name[0])).toEqual(['A', 'B']);
    expect(selectSplit(files, 'test').map((f) => f.name[0])).toEqual(['G']);
    expect(selectSplit(files, 'all')).toHaveLength(3);
  });

  it('scores each field and each category over the files', () => {
    const report = evaluate(folder, files);
    expect(report.files).toBe(3);
    expect(report.fields.governingLaw).toEqual({ right: 3, total: 3, labelledRight: 3, labelled: 3 });
    expect(report.fields.parties).toEqual({ right: 3, total: 3, labelledRight: 3, labelled: 3 });
    // Gamma's label leaves the effective date empty; the contract takes effect on signing.
    expect(report.fields.effectiveDate).toEqual({ right: 2, total: 3, labelledRight: 2, labelled: 2 });
    expect(report.fields.renewalTerm.right).toBe(3);
    expect(report.fields.noticePeriodDays.right).toBe(3);
    // Alpha's excerpt has no assignment clause; Beta's exclusivity is labelled but not in the excerpt.
    expect(report.categories['anti-assignment']).toEqual({ tp: 2, fp: 0, fn: 1, tn: 0 });
    expect(report.categories.exclusivity).toEqual({ tp: 0, fp: 0, fn: 1, tn: 2 });
    expect(report.categories['ip-ownership-assignment']).toEqual({ tp: 0, fp: 0, fn: 0, tn: 3 });
    expect(macroF1(report)).toBeCloseTo((11 + 0.8) / 13, 5);
    expect(report.errors.map((e) => `${e.field}:${e.file[0]}`).sort()).toEqual([
      'anti-assignment:A',
      'effectiveDate:G',
      'exclusivity:B',
    ]);
  });

  it('prints one column per split', () => {
    const text = formatReport([
      ['dev', evaluate(folder, selectSplit(files, 'dev'))],
      ['test', evaluate(folder, selectSplit(files, 'test'))],
    ]);
    expect(text).toContain('dev (2)');
    expect(text).toContain('test (1)');
    expect(text).toMatch(/governingLaw\s+100\.0% \(2\/2\)\s+100\.0% \(1\/1\)/);
    expect(text).toMatch(/macro-average F1\s+0\.867\s+1\.000/);
  });
});
