import { importCommonPaperTerms, parseCommonPaperCoverPage } from '@shared/clauses/import/commonpaper';
import { fillBody } from '@shared/clauses/variables';
import { diffClause } from '@shared/diff/redline';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';

describe('Common Paper importer', () => {
  const cover = fixture('commonpaper-mutual-nda-coverpage.md');

  it('reads the cover page fields: hints, defaults and check-box options', () => {
    const fields = parseCommonPaperCoverPage(cover);
    expect(fields.get('governingLaw')).toMatchObject({
      label: 'Governing Law',
      description: 'Fill in state',
    });
    expect(fields.get('purpose')?.default).toBe(
      'Evaluating whether to enter into a business relationship with the other party.',
    );
    expect(fields.get('mndaTerm')?.options).toEqual([
      { value: 'Expires 1 year(s) from Effective Date.', checked: true },
      { value: 'Continues until terminated in accordance with the terms of the MNDA.', checked: false },
    ]);
    expect(fields.has('governingLawJurisdiction')).toBe(false);
  });

  it('splits the Mutual NDA into its numbered clauses with cover-page variables', () => {
    const { clauses } = importCommonPaperTerms(fixture('commonpaper-mutual-nda.md'), {
      id: 'commonpaper.mutual-nda',
      coverPage: cover,
    });
    expect(clauses.map((c) => c.title)).toEqual([
      'Introduction',
      'Use and Protection of Confidential Information',
      'Exceptions',
      'Disclosures Required by Law',
      'Term and Termination',
      'Return or Destruction of Confidential Information',
      'Proprietary Rights',
      'Disclaimer',
      'Governing Law and Jurisdiction',
      'Equitable Relief',
      'General',
    ]);
    const law = clauses.find((c) => c.title === 'Governing Law and Jurisdiction')!;
    expect(law.id).toBe('commonpaper.mutual-nda.governing-law-and-jurisdiction');
    expect(law.category).toBe('governing-law');
    expect(law.source?.licence).toBe('CC BY 4.0');
    expect(law.body).toContain('the laws of the State of {{governingLaw}}');
    expect(law.body).not.toMatch(/<span|\*\*/);
    expect(law.variables.find((v) => v.name === 'governingLaw')?.description).toEqual({
      en: 'Fill in state',
    });

    const term = clauses.find((c) => c.title === 'Term and Termination')!;
    const mndaTerm = term.variables.find((v) => v.name === 'mndaTerm');
    expect(mndaTerm?.type).toBe('choice');
    expect(mndaTerm?.type === 'choice' && mndaTerm.default).toBe('Expires 1 year(s) from Effective Date.');
    expect(term.variables.find((v) => v.name === 'effectiveDate')?.type).toBe('date');
  });

  it('turns Governing Law and Chosen Courts of the cloud service terms into variables', () => {
    const { clauses } = importCommonPaperTerms(fixture('commonpaper-csa-excerpt.md'), {
      id: 'commonpaper.csa',
    });
    const law = clauses.find((c) => c.title === 'Governing Law and Chosen Courts')!;
    expect(law.variables.map((v) => v.name)).toEqual(['governingLaw', 'chosenCourts']);
    expect(law.variables.map((v) => v.label)).toEqual([{ en: 'Governing Law' }, { en: 'Chosen Courts' }]);
    expect(law.body).toBe(
      'The {{governingLaw}} will govern all interpretations and disputes about this Agreement, without regard to its conflict of laws provisions. The parties will bring any legal suit, action, or proceeding about this Agreement in the {{chosenCourts}} and each party irrevocably submits to the exclusive jurisdiction of the {{chosenCourts}}.',
    );
    const caps = clauses.find((c) => c.title === 'Liability Caps')!;
    expect(caps.category).toBe('limitation-of-liability');
    expect(caps.body.split('\n')).toHaveLength(2);
    expect(caps.body).toMatch(/^a\. Except as provided in Section 8\.4/);
    // Possessives keep their ending outside the placeholder.
    expect(clauses.some((c) => c.body.includes('{{customer}}’s'))).toBe(true);
    expect(
      clauses.find((c) => c.title === 'Entire Agreement')?.variables.find((v) => v.name === 'provider')?.type,
    ).toBe('party');
  });

  it('yields clauses that fill and then compare equal to their standard text', () => {
    const { clauses } = importCommonPaperTerms(fixture('commonpaper-csa-excerpt.md'), {
      id: 'commonpaper.csa',
    });
    const law = clauses.find((c) => c.title === 'Governing Law and Chosen Courts')!;
    const filled = fillBody(
      law.body,
      law.variables,
      {
        governingLaw: 'laws of the State of Delaware',
        chosenCourts: 'courts located in New Castle County, Delaware',
      },
      'en',
    );
    const redline = diffClause(law.body, filled.text);
    expect(redline.summary.identical).toBe(true);
    expect(redline.paragraphs[0]?.ops.filter((o) => o.op === 'variable').map((o) => o.text)).toEqual([
      'laws of the State of Delaware',
      'courts located in New Castle County, Delaware',
      'courts located in New Castle County, Delaware',
    ]);
  });
});
