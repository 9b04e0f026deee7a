import { describe, expect, it } from 'vitest';
import { docusignAdapter } from '../../../extension/adapters/docusign';
import { genericAdapter } from '../../../extension/adapters/generic';
import { outlookAdapter } from '../../../extension/adapters/outlook';
import { fixturePage } from '../fixture-page';

const ENVELOPE = 'https://app.docusign.com/documents/details/3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('the DocuSign adapter', () => {
  it('trusts the page origin, not its looks', () => {
    expect(docusignAdapter.matches(new URL(ENVELOPE))).toBe(true);
    expect(docusignAdapter.matches(new URL('https://appdemo.docusign.com/documents/details/x'))).toBe(true);
    expect(
      docusignAdapter.matches(new URL('https://app.docusign.com.evil.example/documents/details/x')),
    ).toBe(false);
    expect(docusignAdapter.matches(new URL('http://app.docusign.com/documents/details/x'))).toBe(false);
  });

  it('reads the envelope documents and ignores download links that leave DocuSign', () => {
    const { doc, url } = fixturePage('docusign-envelope.html', ENVELOPE);
    expect(docusignAdapter.detect(doc, url)).toBe(true);
    const { candidates, warnings } = docusignAdapter.extract(doc, url);
    expect(candidates.map((c) => c.fileName)).toEqual([
      'Master Services Agreement.pdf',
      'Schedule A – Pricing.pdf',
      'Please DocuSign: Master Services Agreement – Acme / Contoso.pdf',
    ]);
    const [msa, schedule, combined] = candidates;
    expect(msa).toMatchObject({
      sourceRef: 'docusign:3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b',
      sender: { name: 'Dana Smith', email: 'dana.smith@acme.example' },
      date: '2024-04-02T09:30:00Z',
      sizeText: '12 pages',
    });
    expect(new URL(msa?.fetch?.url ?? '').origin).toBe('https://app.docusign.com');
    expect(schedule?.fetch).toBeNull();
    expect(combined?.fetch?.url).toContain('/documents/combined');
    expect(warnings.map((w) => w.code)).toEqual(['docusign.foreign-link']);
  });

  it('says when an envelope page shows no documents', () => {
    const { doc, url } = fixturePage('gmail-inbox.html', ENVELOPE);
    const result = docusignAdapter.extract(doc, url);
    expect(result.candidates).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['docusign.no-documents']);
  });
});

describe('the Outlook on the web adapter', () => {
  const MESSAGE = 'https://outlook.office.com/mail/inbox/id/AAkALgAAAAAAHYQDEapmEc2byACqAC%2FEWg0A';

  it('reads attachments from their aria labels and keeps the item id from the address', () => {
    const { doc, url } = fixturePage('outlook-message.html', MESSAGE);
    expect(outlookAdapter.matches(url)).toBe(true);
    expect(outlookAdapter.detect(doc, url)).toBe(true);
    const { candidates, warnings } = outlookAdapter.extract(doc, url);
    expect(candidates.map((c) => [c.fileName, c.sizeBytes])).toEqual([
      ['服务协议2024.pdf', 356 * 1024],
      ['Renewal terms.docx', 48 * 1024],
    ]);
    expect(candidates[0]).toMatchObject({
      sourceRef: 'outlook:AAkALgAAAAAAHYQDEapmEc2byACqAC/EWg0A',
      subject: '服务协议续签 Service agreement renewal',
      sender: { name: '陈杰 Chen Jie', email: 'chen.jie@partner.example' },
      date: '2024/3/8 周五 14:20',
    });
    // Outlook's own download link, fetched by the Outlook page; the page's stale token is dropped.
    const pdf = candidates[0]?.fetch;
    expect(pdf).toMatchObject({ credentials: 'include', pageOrigin: 'https://outlook.office.com' });
    const link = new URL(pdf?.url ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(
      'https://outlook.office.com/owa/service.svc/s/GetFileAttachment',
    );
    expect(link.searchParams.get('id')).toBe('AAMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAADk2pDlu7+Q0G=');
    expect(link.searchParams.has('X-OWA-CANARY')).toBe(false);
    // An attachment the page gives no download clue for is listed, and the page says why it cannot be filed.
    expect(candidates[1]?.fetch).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(['outlook.no-link']);
    expect(warnings[0]?.en).toContain('Renewal terms.docx');
    expect(warnings[0]?.zh).toContain('Renewal terms.docx');
  });

  it('builds the download address from the attachment id, or a download link named after the file', () => {
    const { doc, url } = fixturePage('outlook-message.html', MESSAGE);
    const [pdf, docx] = [...doc.querySelectorAll('[role="option"]')];
    pdf?.querySelector('a')?.remove();
    docx?.setAttribute('data-attachment-id', 'AAMkAD/docx=');
    const link = doc.createElement('a');
    link.setAttribute('download', '服务协议2024.pdf');
    link.setAttribute('href', '/owa/service.svc/s/GetFileAttachment?id=pdf-id&X-OWA-CANARY=old');
    doc.querySelector('.body9')?.append(link);
    const { candidates, warnings } = outlookAdapter.extract(doc, url);
    expect(candidates.map((c) => c.fetch?.url)).toEqual([
      'https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=pdf-id',
      'https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=AAMkAD%2Fdocx%3D',
    ]);
    expect(warnings).toEqual([]);
  });

  it('does not follow a download link that leaves Outlook', () => {
    const { doc, url } = fixturePage('outlook-message.html', MESSAGE);
    doc
      .querySelector('[role="option"] a')
      ?.setAttribute('href', 'https://outlook.office.com.evil.example/a.pdf');
    const { candidates, warnings } = outlookAdapter.extract(doc, url);
    expect(candidates.map((c) => c.fetch)).toEqual([null, null]);
    expect(warnings.map((w) => w.code)).toEqual(['outlook.no-link', 'outlook.no-link']);
  });
});

describe('the generic adapter', () => {
  it('finds links to PDF and Word files once each, by address, download name or text', () => {
    const { doc, url } = fixturePage('generic-page.html', 'https://procurement.example/tenders/42');
    expect(genericAdapter.detect(doc, url)).toBe(true);
    const { candidates } = genericAdapter.extract(doc, url);
    expect(candidates.map((c) => [c.fileName, c.fetch?.url, c.fetch?.credentials])).toEqual([
      [
        'contract-template.docx',
        'https://procurement.example/files/tender/contract-template.docx',
        'include',
      ],
      [
        'Terms and Conditions.pdf',
        'https://cdn.procurement.example/docs/Terms%20and%20Conditions.pdf',
        'omit',
      ],
      ['合同范本.pdf', 'https://procurement.example/download?id=42', 'include'],
    ]);
    expect(candidates[0]?.subject).toBe('Tender documents – City Procurement');
  });

  it('takes a PDF opened directly as the one document of the page', () => {
    const { doc, url } = fixturePage('gmail-inbox.html', 'https://files.example/contracts/NDA%202024.pdf');
    const { candidates } = genericAdapter.extract(doc, url);
    expect(candidates.map((c) => c.fileName)).toEqual(['NDA 2024.pdf']);
    expect(candidates[0]?.fetch?.url).toBe('https://files.example/contracts/NDA%202024.pdf');
  });

  it('detects nothing on a page without documents', () => {
    const { doc, url } = fixturePage('gmail-inbox.html', 'https://example.com/');
    expect(genericAdapter.detect(doc, url)).toBe(false);
  });
});
