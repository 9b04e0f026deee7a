import { importAccordTemplate } from '@shared/clauses/import/accord';
import { fillBody } from '@shared/clauses/variables';
import { diffClause } from '@shared/diff/redline';
import { clauseSchema } from '@shared/schemas/clause';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';

const load = (name: string) => ({
  grammar: fixture(`accord-${name}.grammar.tem.md`),
  sample: fixture(`accord-${name}.sample.md`),
});

/** The sample without its leading heading, as the clause body leaves the heading in the title. */
const withoutHeading = (text: string) => text.replace(/^#+ .*\n+/, '');

describe('Accord Project importer', () => {
  it('turns a clause template into a typed clause whose variables match the sample', () => {
    const { grammar, sample } = load('latedeliveryandpenalty');
    const { clauses } = importAccordTemplate(grammar, { id: 'accord.late-delivery-and-penalty', sample });
    expect(clauses).toHaveLength(1);
    const clause = clauses[0]!;
    expect(clause.title).toBe('Late Delivery and Penalty');
    expect(clause.category).toBe('liquidated-damages');
    expect(clause.source?.licence).toBe('Apache-2.0');
    expect(clause.body).not.toMatch(/\{\{[#/%]/);
    const types = Object.fromEntries(clause.variables.map((v) => [v.name, v.type]));
    expect(types).toMatchObject({
      seller: 'party',
      buyer: 'party',
      penaltyPercentage: 'number',
      capPercentage: 'number',
      penaltyDuration: 'text',
      forceMajeure: 'choice',
    });
    const forceMajeure = clause.variables.find((v) => v.name === 'forceMajeure');
    expect(forceMajeure?.type === 'choice' && forceMajeure.options.map((o) => o.value)).toEqual([
      ' except for Force Majeure cases,',
      '',
    ]);

    // The sample is the template filled in: compared with the imported body, nothing but variables differs.
    const redline = diffClause(clause.body, withoutHeading(sample), {
      paragraphs: 'block',
      ignoreWhitespace: true,
    });
    expect(redline.summary.words.changed).toBe(0);
    expect(redline.summary.words.variables).toBeGreaterThanOrEqual(8);
    expect(clauseSchema.safeParse(clause).success).toBe(true);
  });

  it('makes an if/else around plain text a choice, and reads money and dates', () => {
    const { grammar, sample } = load('promissory-note-md');
    const { clauses } = importAccordTemplate(grammar, { id: 'accord.promissory-note', sample });
    const note = clauses[0]!;
    expect(note.title).toBe('PROMISSORY NOTE');
    const individual = note.variables.find((v) => v.name === 'individual');
    expect(individual?.type).toBe('choice');
    expect(individual?.type === 'choice' && individual.options.map((o) => o.value)).toEqual([
      'an individual residing',
      'a company registered',
    ]);
    const types = Object.fromEntries(note.variables.map((v) => [v.name, v.type]));
    expect(types).toMatchObject({
      amount: 'money',
      date: 'date',
      maturityDate: 'date',
      maker: 'party',
      interestRate: 'number',
    });
  });

  it('splits a template into one clause per heading on request', () => {
    const { grammar, sample } = load('promissory-note-md');
    const { clauses } = importAccordTemplate(grammar, {
      id: 'accord.promissory-note',
      sample,
      split: 'headings',
    });
    const titles = clauses.map((c) => c.title);
    expect(titles).toContain('Governing Law');
    expect(titles).toContain('Assignment');
    const law = clauses.find((c) => c.title === 'Governing Law')!;
    expect(law.id).toBe('accord.promissory-note.governing-law');
    expect(law.category).toBe('governing-law');
    expect(law.variables.map((v) => v.name)).toEqual(['jurisdiction']);
    expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length);
  });

  it('makes a formula a value to fill in, and says so', () => {
    const { grammar, sample } = load('fixed-interests');
    const { clauses, notes } = importAccordTemplate(grammar, { id: 'accord.fixed-interests', sample });
    const payment = clauses[0]!.variables.find((v) => v.name === 'monthlyPayment');
    expect(payment?.type).toBe('money');
    expect(JSON.stringify(payment?.description)).toContain(
      'monthlyPaymentFormula(loanAmount,rate,loanDuration)',
    );
    expect(clauses[0]!.variables.find((v) => v.name === 'loanAmount')?.type).toBe('money');
    expect(notes.some((n) => n.message.en.includes('Formula'))).toBe(true);
    expect(clauses[0]!.body).toContain('monthly payments of {{monthlyPayment}}');
  });

  it('makes a list one text variable that shows the item pattern', () => {
    const { grammar, sample } = load('volumediscountulist');
    const { clauses } = importAccordTemplate(grammar, { id: 'accord.volume-discount', sample });
    const rates = clauses[0]!.variables.find((v) => v.name === 'rates');
    expect(rates?.type).toBe('text');
    expect(JSON.stringify(rates?.description)).toContain(
      '{{volumeAbove}}$ million <= Volume < {{volumeUpTo}}$ million',
    );
  });

  it('names variables inside {{#with}} after their object, and inlines nested clauses', () => {
    const deposit = importAccordTemplate(load('rental-deposit-with').grammar, {
      id: 'accord.rental-deposit',
    });
    const names = deposit.clauses[0]!.variables.map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['tenant.partyId', 'tenant.address', 'landlord.partyId']));
    expect(deposit.clauses[0]!.variables.find((v) => v.name === 'tenant.partyId')?.type).toBe('party');

    const licence = importAccordTemplate(load('copyright-license').grammar, {
      id: 'accord.copyright-license',
    });
    expect(licence.clauses[0]!.body).toContain(
      'Licensee shall pay Licensor a one-time fee in the amount of {{amountText}}',
    );
    expect(licence.notes.some((n) => n.message.en.includes('paymentClause'))).toBe(true);
  });

  it('keeps a condition around variables readable in brackets', () => {
    const template =
      'In case of delay{{#optional forceMajeure}} except for Force Majeure within {{miles}} miles,{{/optional}} {{seller}} shall pay.';
    const { clauses, notes } = importAccordTemplate(template, { id: 'accord.optional' });
    expect(clauses[0]!.body).toBe(
      'In case of delay[ except for Force Majeure within {{miles}} miles,] {{seller}} shall pay.',
    );
    expect(clauses[0]!.variables.find((v) => v.name === 'miles')?.required).toBe(false);
    expect(clauses[0]!.variables.find((v) => v.name === 'seller')?.required).toBe(true);
    expect(notes.some((n) => n.level === 'warning')).toBe(true);
  });

  it('produces clauses that can be filled', () => {
    const { grammar, sample } = load('latedeliveryandpenalty');
    const clause = importAccordTemplate(grammar, { id: 'accord.late-delivery', sample }).clauses[0]!;
    const filled = fillBody(
      clause.body,
      clause.variables,
      {
        seller: 'Dan',
        buyer: 'Steve',
        penaltyDuration: '2 days',
        penaltyPercentage: 10.5,
        fractionalPart: 'day',
        capPercentage: 55,
        termination: '15 days',
      },
      'en',
    );
    expect(filled.missing).toEqual([]);
    expect(filled.errors).toEqual([]);
    expect(filled.text).toContain('Dan (the Seller) shall pay to Steve (the Buyer)');
    expect(filled.text).toContain('delivery except for Force Majeure cases,');
  });
});
