import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../extension/adapters/types';
import { prefillFiling } from '../../../extension/ui/prefill';

const candidate = (fileName: string, subject: string | null): Candidate => ({
  key: fileName,
  fileName,
  fetch: null,
  mediaType: null,
  sizeText: null,
  sizeBytes: null,
  sourceRef: null,
  subject,
  sender: null,
  date: null,
  mailbox: null,
  site: 'gmail',
  pageUrl: 'https://mail.google.com/mail/u/0/',
});

describe('prefillFiling', () => {
  it('takes the subject without mail and portal prefixes as the title', () => {
    expect(prefillFiling(candidate('scan.pdf', 'Fwd: RE: Supply agreement – signed'), 'general').title).toBe(
      'Supply agreement – signed',
    );
    expect(prefillFiling(candidate('a.pdf', '转发：回复：租赁合同'), 'general').title).toBe('租赁合同');
    expect(prefillFiling(candidate('a.pdf', 'Please DocuSign: MSA Acme'), 'general').title).toBe('MSA Acme');
  });

  it('falls back to the file name', () => {
    expect(prefillFiling(candidate('保密协议（盖章版）.pdf', null), 'general').title).toBe(
      '保密协议（盖章版）',
    );
  });

  it('guesses the contract type from the file name, then the subject, else uses the default', () => {
    expect(prefillFiling(candidate('Mutual NDA.pdf', 'Documents'), 'general').type).toBe('nda');
    expect(prefillFiling(candidate('scan0001.pdf', '采购合同 盖章版'), 'general').type).toBe('purchase');
    expect(prefillFiling(candidate('scan0001.pdf', 'Hello'), 'general').type).toBe('general');
  });
});
